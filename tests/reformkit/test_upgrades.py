"""Every earlier schema version has a frozen file here, and each one opens and upgrades.

When a migration is added, add a frozen file made by the version before it
(``tests/fixtures/projects/vN-*.reformkit``) with its expected dump beside it.
``v1-merged`` was made by schema 1, which kept merge records in ``meta`` as JSON; the
packages merged into it are in ``packages/``, so the moved records can be tried.
"""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from reformkit.document.merge import merge_records, plan_merge
from reformkit.document.project import Project
from reformkit.document.project_file import SCHEMA_VERSION, schema_names
from tests.documents import KINDS

FROZEN = sorted((Path(__file__).parents[1] / "fixtures" / "projects").glob("v*.reformkit"))


def _version(path: Path) -> int:
    match = re.match(r"v(\d+)-", path.name)
    assert match, f"frozen files are named vN-something.reformkit, not {path.name}"
    return int(match.group(1))


def test_there_is_a_frozen_file_for_every_schema_version() -> None:
    assert {_version(p) for p in FROZEN} == set(range(1, SCHEMA_VERSION + 1))


@pytest.mark.parametrize("frozen", FROZEN, ids=lambda p: p.name)
def test_frozen_file_upgrades_and_keeps_its_content(frozen: Path, tmp_path: Path) -> None:
    copy = tmp_path / frozen.name
    shutil.copy(frozen, copy)
    with sqlite3.connect(f"{copy.resolve().as_uri()}?mode=ro", uri=True) as connection:
        applied = [
            row[0]
            for row in connection.execute(
                "select name from _sqlite_migrations order by applied_at, name"
            )
        ]
    connection.close()
    assert applied == schema_names()[: _version(frozen)]
    with Project.open(copy, KINDS) as project:
        from reformkit.document.interchange import dumps

        assert dumps(project.document) == frozen.with_suffix(".json").read_text("utf-8")
        assert [s["name"] for s in project.execute_read("select name from snapshots")] == [
            "First draft"
        ]
    with sqlite3.connect(copy) as connection:
        upgraded = {row[0] for row in connection.execute("select name from _sqlite_migrations")}
    connection.close()
    assert upgraded == set(schema_names())


# Schema 2: merge records moved out of Project.state into tables of their own.
PROJECTS = Path(__file__).parents[1] / "fixtures" / "projects"


def _state_records(path: Path) -> dict[str, Any]:
    """The merge records a schema-1 file keeps as JSON in meta, read straight from the file."""
    with sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True) as connection:
        (text,) = connection.execute(
            "select value from meta where key = 'state:merged_packages'"
        ).fetchone()
    connection.close()
    records: dict[str, Any] = json.loads(text)
    return records


def test_schema_1_merge_records_move_into_their_tables(tmp_path: Path) -> None:
    copy = tmp_path / "v1-merged.reformkit"
    shutil.copy(PROJECTS / "v1-merged.reformkit", copy)
    stored = _state_records(copy)
    assert len(stored) == 2 and sum(len(r["pending"]) for r in stored.values()) == 1
    with Project.open(copy, KINDS, read_only=True) as reader:  # not upgraded: read as it is
        before = merge_records(reader)
    assert {key: record.to_json() for key, record in before.items()} == stored
    with Project.open(copy, KINDS) as project:  # upgraded
        assert merge_records(project) == before
        assert not project.execute_read("select * from meta where key = 'state:merged_packages'")
        rows = project.execute_read("select package_id from merged_packages")
        assert {r["package_id"] for r in rows} == set(stored)
        pending = project.execute_read("select conflict_id from merge_pending")
        assert [r["conflict_id"] for r in pending] == [
            c for r in stored.values() for c in r["pending"]
        ]
        # The moved records still do their job: merging again is a no-op, or lists again
        # the conflict left unsettled.
        council = plan_merge(project, PROJECTS / "packages" / "v1-merged-council.reformkit", KINDS)
        assert council.already_merged and council.is_empty
        health = plan_merge(project, PROJECTS / "packages" / "v1-merged-health.reformkit", KINDS)
        assert not health.changes and len(health.conflicts) == 1
        assert any("listed again" in note for note in health.notes)


def test_a_damaged_schema_1_record_is_left_where_it_was(tmp_path: Path) -> None:
    copy = tmp_path / "v1-merged.reformkit"
    shutil.copy(PROJECTS / "v1-merged.reformkit", copy)
    with sqlite3.connect(copy) as connection:
        connection.execute("update meta set value = '{\"x\": 3}' where key like 'state:merged%'")
    connection.close()
    with Project.open(copy, KINDS) as project:
        assert merge_records(project) == {}
        assert project.state("merged_packages") == '{"x": 3}'


def test_schema_2_merge_records_read_back() -> None:
    with Project.open(PROJECTS / "v2-merged.reformkit", KINDS, read_only=True) as project:
        records = merge_records(project)
    assert sorted(r.partner for r in records.values()) == ["Council", "Health board"]
    assert [len(r.pending) for r in records.values() if r.partner == "Health board"] == [1]
    health = next(r for r in records.values() if r.partner == "Health board")
    assert health.parts == ("Total Place+ budget", "Workforce")
    assert [s["key"] for s in health.content] == ["budget", "workforce"]


# Schema 3: an Innovation Zone's safeguards, text until schema 2, become a list.
V2_SAFEGUARDS = [
    "No statutory duty to protect children or adults at risk changes.",
    "Ofsted and the Care Quality Commission keep full access.",
    "The Board can end any freedom at a week's notice.",
]


def _stored_safeguards(path: Path) -> Any:
    with sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True) as connection:
        (text,) = connection.execute("select fields from items where type = 'zone'").fetchone()
    connection.close()
    return json.loads(text)["safeguards"]


def test_schema_2_safeguards_text_becomes_a_list_in_the_file(tmp_path: Path) -> None:
    copy = tmp_path / "v2-zone.reformkit"
    shutil.copy(PROJECTS / "v2-zone.reformkit", copy)
    assert _stored_safeguards(copy) == "\n".join(V2_SAFEGUARDS)
    with Project.open(copy, KINDS) as project:
        (zone,) = [i for _, i in project.document.items() if i.type == "zone"]
        assert zone.fields["safeguards"] == V2_SAFEGUARDS
    assert _stored_safeguards(copy) == V2_SAFEGUARDS


def test_schema_2_safeguards_read_as_a_list_without_upgrading(tmp_path: Path) -> None:
    copy = tmp_path / "v2-zone.reformkit"
    shutil.copy(PROJECTS / "v2-zone.reformkit", copy)
    with Project.open(copy, KINDS, read_only=True) as project:
        (zone,) = [i for _, i in project.document.items() if i.type == "zone"]
        assert zone.fields["safeguards"] == V2_SAFEGUARDS
    assert _stored_safeguards(copy) == "\n".join(V2_SAFEGUARDS)  # read-only: not upgraded


def test_schema_2_snapshot_safeguards_come_back_as_a_list(tmp_path: Path) -> None:
    from reformkit.document.versions import load_version

    copy = tmp_path / "v2-zone.reformkit"
    shutil.copy(PROJECTS / "v2-zone.reformkit", copy)
    with Project.open(copy, KINDS) as project:
        old = load_version(project, "First draft", KINDS)
    (zone,) = [i for _, i in old.items() if i.type == "zone"]
    assert zone.fields["safeguards"] == V2_SAFEGUARDS
