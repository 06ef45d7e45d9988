"""Build the frozen ReformKit: ``dist/reformkit/``, one folder holding the ``reformkit`` program.

Run with the project's Python, after ``.venv/bin/pip install -e '.[build]'``:
``.venv/bin/python build_scripts/build.py``. Then check it with ``build_scripts/smoke_test.py``.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "build_scripts" / "reformkit.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "reformkit"


def bundle_size(folder: Path) -> int:
    """Bytes in the bundle's files, each counted once (a symlink is not a second copy)."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> int:
    if importlib.util.find_spec("PyInstaller") is None:
        print(
            f"PyInstaller is not installed for {sys.executable}. "
            "Run: .venv/bin/pip install -e '.[build]'",
            file=sys.stderr,
        )
        return 2
    started = time.perf_counter()
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        str(SPEC),
    ]
    done = subprocess.run(command, cwd=ROOT, check=False)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        print(f"PyInstaller failed (exit {done.returncode}).", file=sys.stderr)
        return done.returncode
    size = bundle_size(BUNDLE)
    files = [path for path in BUNDLE.rglob("*") if path.is_file() and not path.is_symlink()]
    print(f"\nBuilt {BUNDLE.relative_to(ROOT)} in {seconds:.0f} s")
    print(f"Bundle size: {size / 1e6:.1f} MB ({size / 2**20:.1f} MiB), {len(files)} files")
    print("Largest files:")
    for path in sorted(files, key=lambda p: p.stat().st_size, reverse=True)[:8]:
        print(f"  {path.stat().st_size / 1e6:6.1f} MB  {path.relative_to(BUNDLE)}")
    print(f"Left out: {WORK / 'reformkit' / 'dropped.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
