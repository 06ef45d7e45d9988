"""The plain-English figures of each sample: reading ease, reading age and findings by rule.

``.venv/bin/python benchmarks/plain_english_samples.py`` prints the shipped samples; give
JSON documents as arguments (an older copy of a sample, say) to print theirs instead, so a
rewrite's before-and-after can be shown side by side.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from desktop.launcher import document_kinds
from reformkit.document.interchange import loads
from reformkit.plain import RULES, PlainWords, check_document, document_scores


def figures(path: Path) -> str:
    kinds = document_kinds()
    document = loads(path.read_text(encoding="utf-8"), kinds)
    spec = kinds.get(document.kind)
    counted = document_scores(document, spec)
    rules = Counter(f.rule for f in check_document(document, spec, PlainWords.bundled()))
    findings = ", ".join(f"{rule} {rules[rule]}" for rule in RULES)
    return (
        f"{path.name}: reading ease {counted.reading_ease:.1f}, reading age "
        f"{counted.reading_age:.1f} ({counted.words} words, {counted.sentences} sentences, "
        f"{counted.syllables} syllables); findings {sum(rules.values())}: {findings}"
    )


def main(arguments: list[str]) -> None:
    kinds = document_kinds()
    paths = [Path(a) for a in arguments] or [s.source for s in kinds.samples()]
    for path in paths:
        print(figures(path))


if __name__ == "__main__":
    main(sys.argv[1:])
