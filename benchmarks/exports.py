"""Export speed and memory for generated plans of 300, 1,000 and 3,000 sections, against pandoc.

Each plan has two paragraphs and a nine-row table per section. For each size it prints:
  * DOCX export time, as a ratio to pandoc turning ReformKit's own Markdown export of the same
    plan into DOCX (target <= 0.5x)
  * PDF export time (when the PDF format is registered and LibreOffice is installed), as a
    ratio to the same pandoc run; most of it is LibreOffice laying out the pages
  * Markdown export time, as a ratio to the same pandoc run (target <= 0.05x)
  * peak memory (maximum resident set) of a process doing each export
and then how much longer 3,000 sections take than 1,000 (target <= 3x: export time grows in
proportion to the document).

Every export runs in a fresh process; times are the median of a few rounds (one for the
slow PDF runs). Run with ``make bench`` or ``.venv/bin/python benchmarks/exports.py``
(``--sizes 300 1000`` for fewer). Needs pandoc.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROUNDS = 3
SIZES = (300, 1000, 3000)
HERE = Path(__file__).resolve().parent

EXPORT_SCRIPT = """
import resource, sys, time
sys.path.insert(0, {here!r})
from generated_plan import generated_plan
from plans import PLAN
from reformkit.catalogue.store import Catalogue
from reformkit.export.run import export_document
catalogue = Catalogue.open(None)
document = generated_plan({sections})
started = time.perf_counter()
export_document(document, PLAN, catalogue.entries("recommendation"), catalogue.seed.credit,
                {fmt!r}, __import__("pathlib").Path({target!r}))
elapsed = time.perf_counter() - started
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

PDF_READY = """
from reformkit.export.formats import find_format
try:
    fmt = find_format("pdf")
except Exception:
    print("The PDF format is not registered.")
else:
    print(fmt.why_unavailable() or "ready")
"""


def export(fmt: str, sections: int, target: Path) -> tuple[float, float]:
    """Seconds spent exporting (in a fresh process) and that process's peak memory in MiB."""
    script = EXPORT_SCRIPT.format(here=str(HERE), fmt=fmt, target=str(target), sections=sections)
    output = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    ).stdout.split()
    return float(output[-2]), int(output[-1]) / 1024


def pandoc(markdown: Path, target: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        ["pandoc", "-f", "gfm", "-t", "docx", "-o", str(target), str(markdown)], check=True
    )
    return time.perf_counter() - started


def pdf_state() -> str:
    """ "ready", or why PDF export cannot be measured here."""
    return subprocess.run(
        [sys.executable, "-c", PDF_READY], check=True, capture_output=True, text=True
    ).stdout.strip()


def measure(sections: int, folder: Path, rounds: int, with_pdf: bool) -> dict[str, float]:
    md = folder / f"plan-{sections}.md"
    docx_runs = [export("docx", sections, folder / f"plan-{sections}.docx") for _ in range(rounds)]
    md_runs = [export("md", sections, md) for _ in range(rounds)]
    pandoc_time = statistics.median(
        pandoc(md, folder / f"pandoc-{sections}.docx") for _ in range(rounds)
    )
    result = {
        "pandoc": pandoc_time,
        "docx": statistics.median(t for t, _ in docx_runs),
        "docx_memory": max(m for _, m in docx_runs),
        "md": statistics.median(t for t, _ in md_runs),
        "md_memory": max(m for _, m in md_runs),
        "md_size": md.stat().st_size / 1024,
    }
    if with_pdf:
        pdf_time, pdf_memory = export("pdf", sections, folder / f"plan-{sections}.pdf")
        result["pdf"], result["pdf_memory"] = pdf_time, pdf_memory
    return result


def report(sections: int, figures: dict[str, float], rounds: int) -> None:
    reference = figures["pandoc"]
    print(
        f"{sections}-section plan (2 paragraphs and a 9-row table each); Markdown "
        f"{figures['md_size']:.0f} KiB; median of {rounds}"
    )
    print(f"  pandoc Markdown -> DOCX: {reference * 1000:.0f} ms (reference)")
    print(
        f"  ReformKit DOCX export:   {figures['docx'] * 1000:.0f} ms, ratio "
        f"{figures['docx'] / reference:.2f}x (target <= 0.5x); peak memory "
        f"{figures['docx_memory']:.0f} MiB"
    )
    if "pdf" in figures:
        print(
            f"  ReformKit PDF export:    {figures['pdf'] * 1000:.0f} ms, ratio "
            f"{figures['pdf'] / reference:.2f}x (one run); peak memory of ReformKit's process "
            f"{figures['pdf_memory']:.0f} MiB"
        )
    print(
        f"  ReformKit Markdown:      {figures['md'] * 1000:.0f} ms, ratio "
        f"{figures['md'] / reference:.3f}x (target <= 0.05x); peak memory "
        f"{figures['md_memory']:.0f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    options = parser.parse_args()
    if shutil.which("pandoc") is None:
        print("pandoc is not installed; install it (apt-get install pandoc) to run this.")
        return
    state = pdf_state()
    if state != "ready":
        print(f"PDF export not measured: {state}")
    results: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for sections in options.sizes:
            results[sections] = measure(
                sections, Path(folder), options.rounds, with_pdf=state == "ready"
            )
            report(sections, results[sections], options.rounds)
    if 1000 in results and 3000 in results:
        small, large = results[1000], results[3000]
        print("3,000 sections against 1,000 (target <= 3x; pandoc for comparison):")
        for key, label in (("docx", "DOCX"), ("pdf", "PDF"), ("md", "Markdown")):
            if key in large:
                print(f"  {label + ':':9} {large[key] / small[key]:.2f}x")
        print(f"  pandoc:   {large['pandoc'] / small['pandoc']:.2f}x")


if __name__ == "__main__":
    main()
