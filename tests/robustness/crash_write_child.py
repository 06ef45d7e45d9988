"""The process the write-crash harness kills: it runs one command line, again and again.

Run as ``python crash_write_child.py OP WORK JOURNAL SEED``. OP is ``import``, ``export-md``,
``export-docx``, ``package`` or ``merge``. The command is the real ``reformkit`` command line
(``reformkit.cli.main``), writing to ``WORK/target.*`` from the sources the harness made in
WORK (``a``/``b``, alternately, so that old and new output differ). Before each run it appends
a ``begin`` line to the journal, and a ``done`` line once the command has returned 0; a
merge runs once. The harness kills it at a random moment and checks what is on disk.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from desktop.launcher import document_kinds
from reformkit.cli.main import main as reformkit

TARGETS = {
    "import": "target.reformkit",
    "export-md": "target.md",
    "export-docx": "target.docx",
    "package": "target.reformkit",
    "merge": "main.reformkit",
}


def command(op: str, work: Path, source: str, part: str) -> list[str]:
    """The ``reformkit`` arguments for one run of ``op`` from source ``a`` or ``b``."""
    target = str(work / TARGETS[op])
    library = ["--library", str(work / "library.sqlite")]
    document = str(work / f"{source}.reformkit")
    if op == "import":
        return [*library, "import", str(work / f"{source}.json"), "-o", target, "--force"]
    if op == "export-md":
        return [*library, "export", document, "-o", target, "--format", "md"]
    if op == "export-docx":
        return [*library, "export", document, "-o", target, "--format", "docx"]
    if op == "package":
        return [*library, "package", document, "--part", part, "-o", target, "--force"]
    if op == "merge":
        return [*library, "merge", target, str(work / "returned.reformkit")]
    raise SystemExit(f"unknown operation {op!r}")


def main(op: str, work: Path, journal_path: str, seed: int) -> int:
    journal = os.open(journal_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def note(record: dict[str, object]) -> None:
        os.write(journal, (json.dumps(record) + "\n").encode("utf-8"))
        os.fsync(journal)

    part = (work / "part.txt").read_text("utf-8").strip()
    _warm_up()
    note({"ready": os.getpid()})
    n = 0
    while True:
        source = "ab"[(seed + n) % 2]
        note({"begin": n, "source": source})
        code = reformkit(command(op, work, source, part), load_kinds=document_kinds)
        if code not in (0, 1):  # 1: a merge with conflicts kept ours, which is a success
            return 3
        note({"done": n, "source": source})
        n += 1
        if op == "merge":
            return 0


def _warm_up() -> None:
    """Import what the commands import lazily, so that the kill lands in the work itself."""
    import docx  # noqa: F401

    import reformkit.catalogue.store
    import reformkit.document.merge
    import reformkit.document.packages
    import reformkit.export.builtin_formats
    import reformkit.export.run  # noqa: F401


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2]), sys.argv[3], int(sys.argv[4])))
