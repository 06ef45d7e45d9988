"""Statuses, severities and change kinds are enums whose values are the words files and
JSON output have always used: renaming a member must not change what is written."""

from __future__ import annotations

import json

from reformkit.document.checks import PartKind, Problem, Severity
from reformkit.document.coverage import CoverageStatus
from reformkit.document.merge_values import CONFLICT_WORDS, ConflictKind, Side
from reformkit.document.versions import ChangeKind


def test_the_values_are_the_words_written_before() -> None:
    assert [s.value for s in CoverageStatus] == [
        "answered",
        "partly-answered",
        "missing",
        "optional",
        "national",
        "not-expected",
    ]
    assert [s.value for s in Severity] == ["warning", "error"]
    assert [k.value for k in PartKind] == ["document", "section", "item"]
    assert [k.value for k in ChangeKind] == ["added", "removed", "changed", "moved"]
    assert [k.value for k in ConflictKind] == ["changed", "moved", "removed-here", "removed-there"]
    assert [s.value for s in Side] == ["ours", "theirs"]


def test_json_and_text_show_the_plain_word() -> None:
    problem = Problem("rule", "message", PartKind.ITEM, "i1", Severity.ERROR)
    data = json.dumps({"severity": problem.severity, "part": problem.part_kind})
    assert data == '{"severity": "error", "part": "item"}'
    assert f"{CoverageStatus.NOT_EXPECTED}" == "not-expected"
    assert str(ConflictKind.REMOVED_HERE) == "removed-here"


def test_every_conflict_kind_has_words() -> None:
    assert set(CONFLICT_WORDS) == set(ConflictKind)
