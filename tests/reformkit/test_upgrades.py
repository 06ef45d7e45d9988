"""Every earlier schema version has a frozen file here, and each one opens and upgrades.

When a migration is added, add a frozen file made by the version before it
(``tests/fixtures/projects/vN-*.reformkit``) with its expected dump beside it.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest

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
