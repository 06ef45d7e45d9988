"""Export speed and memory for a generated 300-section plan, against pandoc in the same run.

The plan has two paragraphs and a nine-row table per section. Prints:
  * DOCX export time, as a ratio to pandoc turning ReformKit's own Markdown export of the same
    plan into DOCX (target <= 0.5x)
  * Markdown export time, as a ratio to the same pandoc run (target <= 0.05x)
  * peak memory (maximum resident set) of a process doing each export
Run with ``make bench`` or ``.venv/bin/python benchmarks/exports.py``. Needs pandoc.
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROUNDS = 3
HERE = Path(__file__).resolve().parent

EXPORT_SCRIPT = """
import resource, sys, time
sys.path.insert(0, {here!r})
from generated_plan import generated_plan
from plans import PLAN
from reformkit.catalogue.store import Catalogue
from reformkit.export.run import export_document
catalogue = Catalogue.open(None)
document = generated_plan(300)
started = time.perf_counter()
export_document(document, PLAN, catalogue.entries("recommendation"), catalogue.seed.credit,
                {fmt!r}, __import__("pathlib").Path({target!r}))
elapsed = time.perf_counter() - started
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def export(fmt: str, target: Path) -> tuple[float, float]:
    """Seconds spent exporting (in a fresh process) and that process's peak memory in MiB."""
    script = EXPORT_SCRIPT.format(here=str(HERE), fmt=fmt, target=str(target))
    output = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    ).stdout.split()
    return float(output[0]), int(output[1]) / 1024


def main() -> None:
    if shutil.which("pandoc") is None:
        print("pandoc is not installed; install it (apt-get install pandoc) to run this.")
        return
    with tempfile.TemporaryDirectory() as folder:
        md = Path(folder) / "plan.md"
        docx_runs = [export("docx", Path(folder) / "plan.docx") for _ in range(ROUNDS)]
        md_runs = [export("md", md) for _ in range(ROUNDS)]
        pandoc_runs = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            subprocess.run(
                [
                    "pandoc",
                    "-f",
                    "gfm",
                    "-t",
                    "docx",
                    "-o",
                    str(Path(folder) / "pandoc.docx"),
                    str(md),
                ],
                check=True,
            )
            pandoc_runs.append(time.perf_counter() - started)
        size = md.stat().st_size / 1024
    docx = statistics.median(t for t, _ in docx_runs)
    markdown = statistics.median(t for t, _ in md_runs)
    pandoc = statistics.median(pandoc_runs)
    print(
        f"300-section plan (2 paragraphs and a 9-row table each); Markdown {size:.0f} KiB; "
        f"median of {ROUNDS}"
    )
    print(f"  pandoc Markdown -> DOCX: {pandoc * 1000:.0f} ms (reference)")
    print(
        f"  ReformKit DOCX export:   {docx * 1000:.0f} ms, ratio {docx / pandoc:.2f}x "
        f"(target <= 0.5x); peak memory {max(m for _, m in docx_runs):.0f} MiB"
    )
    print(
        f"  ReformKit Markdown:      {markdown * 1000:.0f} ms, ratio {markdown / pandoc:.3f}x "
        f"(target <= 0.05x); peak memory {max(m for _, m in md_runs):.0f} MiB"
    )


if __name__ == "__main__":
    main()
