"""Files made to hurt: triggers, views, changed tables and values of the wrong type.

Each file is built here with sqlite3 from a good sample. Nothing in it may run, the file
stays byte-identical, and the person is told in one line what is wrong and where.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from reformkit.cli.main import main
from reformkit.document import project_file as files
from reformkit.document import sqlite_guard
from reformkit.document.errors import CorruptProjectError, ReadOnlyError
from reformkit.document.project import Project, read_for_opening
from reformkit.document.schema_check import schema_of
from tests.robustness.conftest import KINDS, make_sample

WIPE_ON_INSERT = """
    create trigger wipe_on_snapshot after insert on snapshots begin delete from items; end;
    create trigger wipe_on_meta after insert on meta begin delete from items; end;
    create trigger wipe_on_update after update on meta begin delete from items; end;
"""
RECURSIVE_VIEW = """
    create view forever as
        with recursive n(i) as (select 1 union all select i + 1 from n) select i from n;
    create trigger spin after insert on snapshots begin select count(*) from forever; end;
"""


def _alter(path: Path, script: str) -> bytes:
    with sqlite3.connect(path) as connection:
        connection.executescript(script)
    connection.close()
    return path.read_bytes()


def _item_count(path: Path) -> int:
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    try:
        return int(connection.execute("select count(*) from items").fetchone()[0])
    finally:
        connection.close()


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    return make_sample(tmp_path / "plan.reformkit", "local-reform-plan")


def test_the_expected_schema_is_what_the_migrations_make(sample_file: Path) -> None:
    connection = files.read_only_connection(sample_file)
    try:
        assert schema_of(connection) == files.expected_schema(len(files.schema_names()))
    finally:
        connection.close()
    assert {"items", "meta", "sections", "snapshots"} <= set(files.expected_schema(1))


def test_a_trigger_that_empties_the_file_never_fires(
    sample_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items = _item_count(sample_file)
    before = _alter(sample_file, WIPE_ON_INSERT)
    with Project.open(sample_file, KINDS) as project:
        assert project.read_only
        assert "a trigger named wipe_on_meta" in project.read_only_reason
        assert "nothing in it can run" in project.read_only_reason
        with pytest.raises(ReadOnlyError, match="did not put there"):
            project.set_meta(title="Changed")
    code = main(["snapshot", str(sample_file), "Before the Board"])
    _, err = capsys.readouterr()
    assert code == 2 and "read-only" in err and "Traceback" not in err, err
    assert len(err.strip().splitlines()) == 1
    assert sample_file.read_bytes() == before
    assert _item_count(sample_file) == items > 0


def test_open_for_writing_itself_refuses_a_file_with_a_trigger(sample_file: Path) -> None:
    before = _alter(sample_file, WIPE_ON_INSERT)
    with pytest.raises(files.UntrustedFileError, match="trigger"):
        files.open_for_writing(sample_file)
    assert sample_file.read_bytes() == before


def test_a_recursive_view_neither_hangs_the_command_line_nor_opening(sample_file: Path) -> None:
    before = _alter(sample_file, RECURSIVE_VIEW)
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "snapshot", str(sample_file), "x"],
        capture_output=True,
        text=True,
        timeout=120,  # a hang fails the test instead of stalling the suite
        check=False,
    )
    assert done.returncode == 2 and "view named forever" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert sample_file.read_bytes() == before
    with Project.open(sample_file, KINDS) as project:  # what the app shows a window from
        assert project.read_only and "forever" in project.read_only_reason
        assert project.document.sections
        assert project.state("anything", "default") == "default"


def test_changed_tables_are_refused_before_they_are_read(sample_file: Path) -> None:
    before = _alter(
        sample_file,
        """
        alter table items rename to old_items;
        create table items (id text primary key, section_id text, position integer,
            type text, fields text, tags text, source_id text, source_revision text,
            needs_review integer, author text, created text, modified text,
            spin integer as (length(fields)));
        insert into items select * from old_items;
        drop table old_items;
        """,
    )
    with pytest.raises(CorruptProjectError, match=r"changed by another program.*'items'"):
        Project.open(sample_file, KINDS)
    assert sample_file.read_bytes() == before


def test_a_view_in_place_of_a_table_is_refused(sample_file: Path) -> None:
    before = _alter(
        sample_file,
        "drop table snapshots; create view snapshots as select 1 as id, '' as name, "
        "'' as created, '' as document;",
    )
    with pytest.raises(CorruptProjectError, match="snapshots"):
        Project.open(sample_file, KINDS)
    assert sample_file.read_bytes() == before


def _set_item(path: Path, section_key: str, change: str, value: object, **where: str) -> str:
    """Write ``value`` into the first item of a part, straight into the table."""
    with sqlite3.connect(path) as connection:
        section_id, title = connection.execute(
            "select id, title from sections where key = ? order by position", [section_key]
        ).fetchone()
        row = connection.execute(
            "select id, fields, tags from items where section_id = ? order by position",
            [section_id],
        ).fetchone()
        fields, tags = json.loads(row[1]), json.loads(row[2])
        if change == "field":
            fields[where["field"]] = value
        else:
            tags = value
        connection.execute(
            "update items set fields = ?, tags = ? where id = ?",
            [json.dumps(fields), json.dumps(tags), row[0]],
        )
    connection.close()
    return str(title)


@pytest.mark.parametrize(
    ("kind", "section", "change", "value", "field", "words"),
    [
        ("charter", "commitments", "field", "2027-02-31", "due", "which is not a date"),
        ("charter", "commitments", "field", "31/03/2027", "due", "which is not a date"),
        ("charter", "rights", "field", 5, "text", "which is not text"),
        ("charter", "rights", "field", {"nested": {"object": 1}}, "text", "which is not text"),
        ("charter", "rights", "tags", ["R99"], "", "not recommendations R1 to R22"),
        ("charter", "rights", "field", "x", "no_such_field", "lacks"),
        ("plan", "budget", "field", 1250.5, "total", "not an amount in pounds"),
        ("plan", "budget", "field", "12,50", "total", "not an amount in pounds"),
    ],
)
def test_values_of_the_wrong_type_are_refused_saying_where(
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    kind: str,
    section: str,
    change: str,
    value: object,
    field: str,
    words: str,
) -> None:
    name = "respect-charter" if kind == "charter" else "local-reform-plan"
    path = make_sample(tmp_path / f"{kind}.reformkit", name)
    connection = sqlite3.connect(path)
    keys = {row[0] for row in connection.execute("select key from sections")}
    connection.close()
    if section not in keys:
        pytest.skip(f"the {name} sample has no '{section}' part")
    title = _set_item(path, section, change, value, field=field)
    before = path.read_bytes()
    with caplog.at_level(logging.WARNING), pytest.raises(CorruptProjectError) as caught:
        Project.open(path, KINDS)
    message = str(caught.value)
    assert "\n" not in message and "is damaged: the item" in message
    assert f"in '{title}'" in message and words in message, message
    assert "{" not in message.split("holding")[0]  # no Python repr of the fields
    assert any(words in record.getMessage() for record in caplog.records)
    output = tmp_path / "out.md"
    code = main(["export", str(path), "-o", str(output), "--format", "md"])
    _, err = capsys.readouterr()
    assert code == 2 and words in err and not output.exists(), err
    assert path.read_bytes() == before


def test_a_damaged_file_says_so_in_one_line_and_logs_the_report(
    sample_file: Path, caplog: pytest.LogCaptureFixture
) -> None:
    connection = sqlite3.connect(sample_file)
    connection.execute("PRAGMA journal_mode = DELETE")
    page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    root = connection.execute("select rootpage from sqlite_master where name = 'items'").fetchone()
    connection.close()
    data = bytearray(sample_file.read_bytes())
    start = (root[0] - 1) * page_size
    data[start + 8 : start + page_size] = b"\xff" * (page_size - 8)  # its cells, scrambled
    sample_file.write_bytes(bytes(data))
    before = sample_file.read_bytes()
    with caplog.at_level(logging.WARNING), pytest.raises(CorruptProjectError) as caught:
        read_for_opening(sample_file, KINDS)
    message = str(caught.value)
    assert "\n" not in message and "is damaged" in message and len(message) < 400, message
    assert sample_file.read_bytes() == before


def test_a_read_that_runs_too_long_is_stopped_with_a_sentence(
    plan_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_guard, "READ_BUDGET", 0)
    monkeypatch.setattr(sqlite_guard, "READ_STEPS", 10)
    before = plan_file.read_bytes()
    with pytest.raises(sqlite_guard.ReadTooLongError, match="far longer to read"):
        read_for_opening(plan_file, KINDS)
    assert plan_file.read_bytes() == before


def test_every_connection_to_a_document_has_the_defences_on(plan_file: Path) -> None:
    reader = files.read_only_connection(plan_file)
    try:
        assert reader.execute("PRAGMA trusted_schema").fetchone()[0] == 0
        assert reader.execute("PRAGMA cell_size_check").fetchone()[0] == 1
    finally:
        reader.close()
    with Project.open(plan_file, KINDS) as project:
        connection = project._db.conn  # type: ignore[union-attr]
        assert connection.execute("PRAGMA trusted_schema").fetchone()[0] == 0
        assert connection.execute("PRAGMA cell_size_check").fetchone()[0] == 1


def test_save_a_copy_gives_a_file_that_opens_for_editing(sample_file: Path, tmp_path: Path) -> None:
    before = _alter(sample_file, WIPE_ON_INSERT + RECURSIVE_VIEW)
    copy = tmp_path / "copy.reformkit"
    with Project.open(sample_file, KINDS) as project:
        assert project.read_only
        project.save_as(copy)
        document = project.document
    with Project.open(copy, KINDS) as edited:
        assert not edited.read_only and edited.document == document
        edited.set_meta(title="Edited")
    assert sample_file.read_bytes() == before


def _set_fields(path: Path, section_key: str, field: str, values: list[object]) -> str:
    """Write ``values`` into ``field`` of the first items of a part, one each, in order."""
    with sqlite3.connect(path) as connection:
        section_id, title = connection.execute(
            "select id, title from sections where key = ?", [section_key]
        ).fetchone()
        rows = connection.execute(
            "select id, fields from items where section_id = ? order by position", [section_id]
        ).fetchall()
        assert len(rows) >= len(values)
        for (item_id, stored), value in zip(rows, values, strict=False):
            fields = json.loads(stored)
            fields[field] = value
            connection.execute(
                "update items set fields = ? where id = ?", [json.dumps(fields), item_id]
            )
    connection.close()
    return str(title)


def test_a_value_equal_to_a_good_one_but_of_another_type_is_still_refused(
    tmp_path: Path,
) -> None:
    # Opening looks at each distinct value once; true equals 1, but is not a number of people.
    path = make_sample(tmp_path / "plan.reformkit", "local-reform-plan")
    title = _set_fields(path, "engagement", "how_many", [1, True])
    with pytest.raises(CorruptProjectError) as caught:
        Project.open(path, KINDS)
    assert f"in '{title}'" in str(caught.value) and "holding 'true'" in str(caught.value)


def test_values_written_with_spaces_around_them_still_open(tmp_path: Path) -> None:
    # ReformKit writes JSON with nothing around it, and reads that fastest; another tool's
    # spacing is still read.
    path = make_sample(tmp_path / "plan.reformkit", "local-reform-plan")
    expected = Project.open(path, KINDS)
    document = expected.document
    expected.close()
    with sqlite3.connect(path) as connection:
        connection.execute("update items set fields = ' ' || fields || char(10)")
        connection.execute("update items set tags = char(9) || tags || ' '")
    connection.close()
    loaded = read_for_opening(path, KINDS).document
    assert loaded == document
