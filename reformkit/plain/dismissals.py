"""Plain-English findings a writer has dismissed, with their reasons, kept in the document.

A finding is known by its part, its rule and the words it found, not by its position, so
it stays dismissed while the text around it changes, and comes back if those words are
written again elsewhere. The list is one JSON entry in the document's state
(``Project.write_state``), so it travels with the file and survives reopening.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reformkit.plain.finding import Finding

if TYPE_CHECKING:
    from reformkit.document.spec import DocumentKinds

STATE_KEY = "plain-english-dismissed"
Key = tuple[str, str, str]  # part id, rule, the words found


def key_of(finding: Finding, text: str) -> Key:
    """What a dismissal of ``finding`` in ``text`` (the text that was checked) remembers."""
    return (finding.part_id, finding.rule, text[finding.start : finding.end].strip())


def parse(value: str) -> dict[Key, str]:
    """Dismissals by key, with their reasons, from the stored JSON (bad JSON: none)."""
    try:
        rows = json.loads(value) if value else []
    except ValueError:
        return {}
    found: dict[Key, str] = {}
    for row in rows if isinstance(rows, list) else []:
        if isinstance(row, dict) and all(isinstance(row.get(k), str) for k in _FIELDS):
            found[(row["part_id"], row["rule"], row["words"])] = str(row.get("reason") or "")
    return found


def dump(dismissed: Mapping[Key, str]) -> str:
    rows: list[dict[str, Any]] = [
        {"part_id": part, "rule": rule, "words": words, "reason": reason}
        for (part, rule, words), reason in sorted(dismissed.items())
    ]
    return json.dumps(rows, ensure_ascii=False)


def kept(findings: Iterable[Finding], text: str, dismissed: Mapping[Key, str]) -> list[Finding]:
    """``findings`` in ``text`` less those dismissed."""
    return [f for f in findings if key_of(f, text) not in dismissed]


def read_dismissed(path: Path, kinds: DocumentKinds) -> dict[Key, str]:
    """The dismissals stored in a ``.reformkit`` file (none for a JSON document)."""
    if path.suffix.lower() == ".json":
        return {}
    from reformkit.document.project import Project

    with Project.open(path, kinds, read_only=True) as project:
        return parse(project.state(STATE_KEY))


_FIELDS = ("part_id", "rule", "words")
