"""Check a frozen build: it runs, passes its self-test (with no network where that can be
arranged), opens its window, needs none of the libraries left out, and meets the targets; its
workshop lists, exports, opens its screens and serves a phone on 127.0.0.1 (smoke_workshop.py).

``.venv/bin/python build_scripts/smoke_test.py`` after ``build_scripts/build.py``. Prints one
line per check and exits 1 if any fails. Targets: bundle at most 100 MB (10^6 bytes), start
(``reformkit --version``, median of 15) at most 1.5 times the start from source.
``--report-only`` prints the figures without failing on the two targets (a slow machine).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "build_scripts"))
sys.path.insert(0, str(ROOT))

import bundle_rules  # noqa: E402
from smoke_workshop import check_workshop  # noqa: E402

from reformkit import __version__  # noqa: E402

MAX_MB = 100.0
MAX_START_RATIO = 1.5
PASSED = re.compile(r"^ReformKit \S+ self-test passed: .+\(\d+\.\d s\)$")
WINDOW_SECONDS = 5.0
# Said on stderr when a Qt plugin or library is missing, or Python fails.
BAD_SIGNS = ("Traceback", "Could not load", "Cannot load library", "cannot open shared object")


class Checks:
    def __init__(self) -> None:
        self.failed: list[str] = []

    def report(self, name: str, ok: bool, detail: str) -> None:
        print(f"{'ok  ' if ok else 'FAIL'} {name}: {detail}", flush=True)
        if not ok:
            self.failed.append(name)


def run(command: Sequence[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(command), capture_output=True, text=True, env=env, timeout=300, check=False
    )


def median_start(command: Sequence[str], env: dict[str, str], runs: int) -> float:
    run(command, env)  # warm the disk cache once
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = run(command, env)
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.strip()}")
    return statistics.median(times)


def no_network_prefix() -> tuple[list[str] | None, str]:
    """``unshare -n --`` where it works (root, or user namespaces allowed), else why not."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return None, "no unshare command"
    for prefix in ([unshare, "-n", "--"], [unshare, "-r", "-n", "--"]):
        trial = subprocess.run([*prefix, "true"], capture_output=True, check=False)
        if trial.returncode == 0:
            return prefix, ""
    return None, "unshare -n is not permitted here"


def bundle_size(bundle: Path) -> int:
    """Bytes in the bundle's files, each counted once (a symlink is not a second copy)."""
    return sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())


def elf_files(bundle: Path) -> list[Path]:
    found = []
    for path in bundle.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as file:
                if file.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def from_the_desktop(name: str) -> bool:
    """A library a desktop session provides and the bundle deliberately does not carry: the
    GTK stack for the GTK theme plugin, GLib, D-Bus, and Wayland's client libraries."""
    return name.startswith(("libwayland-", *bundle_rules.SYSTEM_LIBRARIES_LEFT_OUT))


def check_libraries(checks: Checks, bundle: Path, env: dict[str, str]) -> None:
    binaries = elf_files(bundle)
    if not binaries:
        checks.report("libraries", True, "not an ELF bundle: skipped")
        return
    left_out = [
        f"{path.relative_to(bundle)} needs {name}"
        for path in binaries
        for name in bundle_rules.needed(path)
        if any(library in name for library in bundle_rules.QT_LIBRARIES_LEFT_OUT)
    ]
    missing: set[str] = set()
    absent_here: set[str] = set()
    ldd = shutil.which("ldd")
    if ldd:
        internal = bundle / "_internal"
        search = {**env, "LD_LIBRARY_PATH": f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}"}
        for path in binaries:
            done = run([ldd, str(path)], search)
            for line in done.stdout.splitlines():
                if "not found" in line:
                    name = line.split()[0]
                    if from_the_desktop(name):
                        absent_here.add(name)
                    else:
                        missing.add(f"{path.relative_to(bundle)}: {name}")
    if absent_here:
        print(
            f"note: not on this machine, taken from the desktop: {', '.join(sorted(absent_here))}"
        )
    problems = left_out + sorted(missing)
    checks.report(
        "libraries",
        not problems,
        f"{len(binaries)} binaries, none needs a library left out or missing"
        if not problems
        else "; ".join(problems[:6]),
    )


def check_window(checks: Checks, program: Path, env: dict[str, str]) -> None:
    """The app starts and stays up, offscreen and (with Xvfb) on an X display."""
    displays: list[tuple[str, dict[str, str], subprocess.Popen[bytes] | None]] = [
        ("offscreen", {**env, "QT_QPA_PLATFORM": "offscreen"}, None)
    ]
    xvfb = shutil.which("Xvfb")
    if xvfb and sys.platform.startswith("linux"):
        read, write = os.pipe()
        server = subprocess.Popen(
            [xvfb, "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
            pass_fds=(write,),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(write)
        announced = b""
        while not announced.endswith(b"\n"):  # Xvfb writes the number, then the newline
            chunk = os.read(read, 16)
            if not chunk:
                break
            announced += chunk
        number = announced.decode().strip()
        os.close(read)
        x_env = {k: v for k, v in env.items() if k not in {"QT_QPA_PLATFORM", "WAYLAND_DISPLAY"}}
        displays.append(("xcb", {**x_env, "DISPLAY": f":{number}"}, server))
    for name, window_env, x_server in displays:
        with tempfile.TemporaryFile() as errors:
            app = subprocess.Popen(
                [str(program)], env=window_env, stdout=subprocess.DEVNULL, stderr=errors
            )
            try:
                app.wait(WINDOW_SECONDS)
                up = False
            except subprocess.TimeoutExpired:
                up = True
            app.terminate()
            try:
                app.wait(10)
            except subprocess.TimeoutExpired:
                app.kill()
                app.wait()
            errors.seek(0)
            said = errors.read().decode(errors="replace")
        if x_server is not None:
            x_server.terminate()
            x_server.wait(10)
        bad = [sign for sign in BAD_SIGNS if sign in said]
        detail = (
            f"up after {WINDOW_SECONDS:.0f} s"
            if up and not bad
            else f"exit {app.returncode}; {said.strip()[-300:]}"
        )
        checks.report(f"window ({name})", up and not bad, detail)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "reformkit")
    parser.add_argument(
        "--source",
        type=Path,
        default=Path(sys.executable).with_name("reformkit"),
        help="the installed reformkit command to compare start times with",
    )
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--report-only", action="store_true", help="do not fail on targets")
    args = parser.parse_args(argv)
    program = args.bundle / ("reformkit.exe" if os.name == "nt" else "reformkit")
    if not program.is_file():
        print(f"No frozen build at {program}: run build_scripts/build.py first.", file=sys.stderr)
        return 2
    checks = Checks()
    home = tempfile.mkdtemp(prefix="reformkit-smoke-")
    env = {**os.environ, "REFORMKIT_HOME": home}
    env.pop("REFORMKIT_DEBUG", None)
    try:
        done = run([str(program), "--version"], env)
        expected = f"ReformKit {__version__}"
        checks.report(
            "--version",
            done.returncode == 0 and done.stdout.strip() == expected,
            done.stdout.strip() or done.stderr.strip(),
        )

        done = run([str(program), "--self-test"], env)
        line = done.stdout.strip()
        checks.report(
            "--self-test",
            done.returncode == 0 and bool(PASSED.match(line)),
            line or done.stderr.strip()[-300:],
        )

        # The plain-English check reads pyphen's bundled dictionaries and resources/
        # plain_english: the shipped sample plan has nothing to attend to.
        sample = args.bundle / "_internal" / "resources" / "samples" / "local-reform-plan.json"
        done = run([str(program), "check", str(sample)], env)
        checks.report(
            "check on the bundled sample plan",
            done.returncode == 0 and "Nothing needs attention" in done.stdout,
            (done.stdout.strip() or done.stderr.strip())[-300:],
        )

        check_workshop(checks, program, args.bundle, env)

        prefix, why_not = no_network_prefix()
        if prefix is None:
            print(f"skip --self-test with no network: {why_not}")
        else:
            done = run([*prefix, str(program), "--self-test"], env)
            line = done.stdout.strip()
            checks.report(
                f"--self-test with no network (unshare {' '.join(prefix[1:-1])})",
                done.returncode == 0 and bool(PASSED.match(line)),
                line or done.stderr.strip()[-300:],
            )

        check_libraries(checks, args.bundle, env)
        check_window(checks, program, env)

        size = bundle_size(args.bundle)
        mb = size / 1e6
        checks.report(
            "bundle size",
            mb <= MAX_MB or args.report_only,
            f"{mb:.1f} MB ({size / 2**20:.1f} MiB); target at most {MAX_MB:.0f} MB",
        )

        frozen = median_start([str(program), "--version"], env, args.runs)
        if args.source.is_file():
            source = median_start([str(args.source), "--version"], env, args.runs)
            ratio = frozen / source
            checks.report(
                "start",
                ratio <= MAX_START_RATIO or args.report_only,
                f"frozen {frozen * 1000:.0f} ms, source {source * 1000:.0f} ms "
                f"(median of {args.runs}): ratio {ratio:.2f}; target at most {MAX_START_RATIO}",
            )
        else:
            print(f"skip start ratio: no source command at {args.source}")
            print(f"     frozen start {frozen * 1000:.0f} ms (median of {args.runs})")
    finally:
        shutil.rmtree(home, ignore_errors=True)
    if checks.failed:
        print(f"Smoke test FAILED: {', '.join(checks.failed)}")
        return 1
    print("Smoke test passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
