"""Coverage of the 22 recommendations, suggested tags, review flags, snapshots and diffs."""

from __future__ import annotations

from pathlib import Path

import pytest

from charter import CHARTER
from plans import PLAN
from reformkit.catalogue.store import Catalogue
from reformkit.document.coverage import (
    ANSWERED,
    MISSING,
    NATIONAL,
    NOT_EXPECTED,
    PARTLY,
    coverage,
)
from reformkit.document.model import Source
from reformkit.document.project import Project
from reformkit.document.review import mark_reviewed, refresh_review_flags
from reformkit.document.tagging import suggest_tags
from reformkit.document.versions import (
    VersionError,
    diff,
    list_snapshots,
    load_version,
    render_word_diff,
    take_snapshot,
)
from tests.documents import KINDS

NATIONAL_ONLY = {"R1", "R2", "R6", "R7", "R8", "R12", "R16", "R17", "R19", "R20", "R21"}


def _statuses(project: Project, catalogue: Catalogue) -> dict[str, str]:
    rows = coverage(project.document, project.spec, catalogue.entries("recommendation"))
    return {row.recommendation.id: row.status for row in rows}


def test_empty_plan_shows_gaps_but_never_national_ones(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    with Project.create(tmp_path / "p.reformkit", PLAN, "Plan") as project:
        statuses = _statuses(project, catalogue)
    assert {r for r, s in statuses.items() if s == NATIONAL} == NATIONAL_ONLY
    assert {r for r, s in statuses.items() if s == MISSING} == {
        "R3",
        "R4",
        "R5",
        "R9",
        "R10",
        "R11",
        "R14",
        "R15",
    }  # R13 and R22 are optional national trials (see test_coverage_rules.py)
    assert len(statuses) == 22


def test_charter_answers_r18_once_written(tmp_path: Path, catalogue: Catalogue) -> None:
    with Project.create(tmp_path / "c.reformkit", CHARTER, "Charter") as project:
        assert _statuses(project, catalogue)["R18"] == MISSING
        assert _statuses(project, catalogue)["R4"] == NOT_EXPECTED
        rights = project.document.sections[2]
        item = project.add_item(
            rights.id, "right", {"title": "Learning", "text": "Time."}, tags=["R18", "R19"]
        )
        statuses = _statuses(project, catalogue)
        # A right alone is part of R18's answer: its duties and a duty of candour are missing.
        assert statuses["R18"] == PARTLY and statuses["R19"] == ANSWERED
        rows = coverage(project.document, project.spec, catalogue.entries("recommendation"))
        r19 = next(r for r in rows if r.recommendation.id == "R19")
        assert r19.label == "Answered (national)"
        assert [a.item_id for a in r19.answers] == [item.id]


def test_suggested_tags_come_from_the_catalogue(catalogue: Catalogue) -> None:
    assert suggest_tags("We tell families when things go wrong: candour.", catalogue)[0] == "R18"
    assert "R14" in suggest_tags("One single pot budget for the Board", catalogue)
    assert suggest_tags("", catalogue) == []


def test_changed_catalogue_entries_flag_clauses(tmp_path: Path, catalogue: Catalogue) -> None:
    mine = catalogue.add("duty", "Candour", "We say when things go wrong.")
    with Project.create(tmp_path / "c.reformkit", CHARTER, "Charter") as project:
        duties = project.document.sections[3]
        from_seed = project.add_item(
            duties.id,
            "duty",
            {"title": "Candour", "text": "x"},
            source=Source("D1", catalogue.get("D1").revision),
        )
        from_mine = project.add_item(
            duties.id, "duty", {"title": "Mine", "text": "y"}, source=Source(mine.id, mine.revision)
        )
        assert refresh_review_flags(project, catalogue) == []
        catalogue.update(mine.id, text="We always say when things go wrong.")
        assert refresh_review_flags(project, catalogue) == [from_mine.id]
        assert not project.document.find_item(from_seed.id)[1].needs_review
        mark_reviewed(project, from_mine.id, catalogue)
        assert refresh_review_flags(project, catalogue) == []
        catalogue.remove(mine.id)
        assert refresh_review_flags(project, catalogue) == [from_mine.id]


def test_snapshots_and_word_diffs(tmp_path: Path) -> None:
    with Project.create(tmp_path / "c.reformkit", CHARTER, "Charter") as project:
        rights = project.document.sections[2]
        kept = project.add_item(rights.id, "right", {"title": "Pay", "text": "Fair pay for all."})
        dropped = project.add_item(rights.id, "right", {"title": "Voice", "text": "A say."})
        take_snapshot(project, "As agreed by the Board, 3 March")
        project.update_item(kept.id, fields={"text": "Fair and stable pay for all staff."})
        project.remove_item(dropped.id)
        project.add_item(rights.id, "right", {"title": "Learning", "text": "Time to learn."})
        project.set_meta(title="Team charter")
        assert [s.name for s in list_snapshots(project)] == ["As agreed by the Board, 3 March"]
        old = load_version(project, "As agreed by the Board, 3 March", KINDS)
        changes = diff(old, load_version(project, "now", KINDS), project.spec)
        with pytest.raises(VersionError, match="already a snapshot"):
            take_snapshot(project, "As agreed by the Board, 3 March")
        with pytest.raises(VersionError, match="Snapshots: 'As agreed"):
            load_version(project, "Christmas", KINDS)
    summary = [(c.kind, c.label) for c in changes]
    assert ("changed", "Details") in summary
    assert ("changed", "Right: Pay") in summary
    assert ("added", "Right: Learning") in summary
    assert ("removed", "Right: Voice") in summary
    pay = next(c for c in changes if c.label == "Right: Pay")
    text = next(f for f in pay.fields if f.label == "What it means for us")
    assert (
        render_word_diff(text.word_diff()) == "Fair{+ and stable+} pay for [-all.-]{+all staff.+}"
    )


def test_snapshot_names_are_needed(tmp_path: Path) -> None:
    with (
        Project.create(tmp_path / "c.reformkit", CHARTER, "Charter") as project,
        pytest.raises(VersionError, match="Give the snapshot a name"),
    ):
        take_snapshot(project, "  ")
