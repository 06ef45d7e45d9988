"""The plain-English check's cost: one clause as it is typed, and a 300-section plan.

Prints figures against a reference measured in the same run, never asserts them:
  * check_text on a typical clause (the text re-checked on each key), against one regex
    scan of the same clause for its words (the least any word-by-word check must do)
  * check_document on a 300-section plan (benchmarks/generated_plan.py), against the same
    regex scan over all its text
  * the same two with the syllable cache emptied first, as on the first key after start-up
The budget is 50 ms a key in the editor (issue 16); engineer B measures that figure with the
panel open. Run with ``.venv/bin/python benchmarks/plain_english.py``.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generated_plan import generated_plan

from plans import PLAN
from reformkit.plain import PlainWords, TextContext, check_document, check_text
from reformkit.plain.check import pieces
from reformkit.plain.text import syllables

CLAUSE = (
    "Every Board partner will agree a Respect Charter with its frontline teams by March "
    "2028. The teams in the Innovation Zone will go first, by June 2027. Each charter sets "
    "out staff rights, including discretion over methods and protected learning time, and "
    "their duties, including candour, collaboration and co-production."
)
WORD = re.compile(r"[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*")


def timed(action: Callable[[], object], rounds: int) -> float:
    """The median time of ``rounds`` runs, in milliseconds."""
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def cold(action: Callable[[], object]) -> Callable[[], object]:
    def run() -> object:
        syllables.cache_clear()
        return action()

    return run


def main() -> None:
    words = PlainWords.bundled()
    context = TextContext(words, citizens_read=True)
    document = generated_plan(300)
    texts = "\n".join(piece.text for piece in pieces(document, PLAN))

    def clause() -> object:
        return check_text(CLAUSE, context)

    def whole() -> object:
        return check_document(document, PLAN, words)

    def scan_clause() -> object:
        return WORD.findall(CLAUSE)

    def scan_whole() -> object:
        return WORD.findall(texts)

    print(f"one clause ({len(CLAUSE)} characters, {len(WORD.findall(CLAUSE))} words):")
    print(f"  check_text, warm         {timed(clause, 200):8.3f} ms")
    print(f"  check_text, cold cache   {timed(cold(clause), 50):8.3f} ms")
    print(f"  reference: regex scan    {timed(scan_clause, 200):8.3f} ms")
    print(f"300-section plan ({len(texts):,} characters, {len(WORD.findall(texts)):,} words):")
    print(f"  check_document, warm     {timed(whole, 5):8.1f} ms")
    print(f"  check_document, cold     {timed(cold(whole), 3):8.1f} ms")
    print(f"  reference: regex scan    {timed(scan_whole, 5):8.1f} ms")


if __name__ == "__main__":
    main()
