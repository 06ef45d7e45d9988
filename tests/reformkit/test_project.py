"""Project files: edits are committed at once, and bad files are refused untouched."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from charter import CHARTER
from plans import PLAN
from reformkit.document import project_file
from reformkit.document.errors import (
    CorruptProjectError,
    DocumentInUseError,
    NewerVersionError,
    NotAProjectError,
    ProjectError,
    ReadOnlyError,
)
from reformkit.document.fields import FieldError
from reformkit.document.model import TagError
from reformkit.document.project import Project
from reformkit.document.spec import DocumentSpecError
from tests.documents import KINDS, documents


@pytest.fixture
def charter_file(tmp_path: Path) -> Path:
    path = tmp_path / "team.reformkit"
    with Project.create(path, CHARTER, "Team charter", "Eastmoor Council", ("Sam",)) as project:
        rights = project.document.sections[2]
        project.add_item(rights.id, "right", {"title": "Time to learn", "text": "Half a day."})
    return path


def test_new_document_has_every_starter_section(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.reformkit", PLAN, "Plan") as project:
        keys = [s.key for s in project.document.sections]
    assert keys == [s.key for s in PLAN.section_types]


def test_every_edit_is_committed_before_it_returns(charter_file: Path) -> None:
    with Project.open(charter_file, KINDS) as project:
        duties = project.document.sections[3]
        item = project.add_item(duties.id, "duty", {"title": "Candour", "text": "We say so."})
        reader = sqlite3.connect(charter_file)
        count = reader.execute("select count(*) from items where id = ?", [item.id]).fetchone()
        reader.close()
        assert count == (1,)
        project.update_item(item.id, fields={"title": "Duty of candour"}, tags=["r18", "19"])
        project.set_meta(title="Our charter")
    with Project.open(charter_file, KINDS) as again:
        _, stored = again.document.find_item(item.id)
        assert stored.fields["title"] == "Duty of candour" and stored.tags == ["R18", "R19"]
        assert again.document.meta.title == "Our charter"


def test_sections_and_items_move_and_are_removed(charter_file: Path) -> None:
    with Project.open(charter_file, KINDS) as project:
        rights, duties = project.document.sections[2], project.document.sections[3]
        first = project.add_item(rights.id, "paragraph", {"text": "One"})
        project.move_item(first.id, duties.id, 0)
        project.move_section(duties.id, 0)
        extra = project.add_section("custom", "Glossary")
        project.remove_section(project.document.sections[1].id)
        expected = project.document
    with Project.open(charter_file, KINDS) as again:
        assert again.document == expected
        assert again.document.sections[0].items[0].id == first.id
        assert again.document.sections[-1].id == extra.id


@pytest.mark.parametrize(
    ("item_type", "fields", "error", "words"),
    [
        (
            "budget_line",
            {"service": "Housing", "partner": "Council", "amount": "-5"},
            FieldError,
            "cannot be negative",
        ),
        (
            "budget_line",
            {"service": "Housing", "partner": "Council", "amount": "lots"},
            FieldError,
            "amount in pounds",
        ),
        (
            "budget_line",
            {"service": "Housing", "partner": "Council", "amount": "1.234"},
            FieldError,
            "two decimal places",
        ),
        (
            "budget_line",
            {"service": "", "partner": "Council", "amount": "5"},
            FieldError,
            "Service is needed",
        ),
        (
            "mission",
            {"level": "Local mission", "title": "Jobs", "target_date": "31/02/2030"},
            FieldError,
            "year-month-day",
        ),
        ("mission", {"level": "Galactic", "title": "Jobs"}, FieldError, "Local mission"),
        ("right", {"title": "x", "text": "y"}, DocumentSpecError, "cannot hold"),
    ],
)
def test_bad_values_get_clear_messages(
    tmp_path: Path, item_type: str, fields: dict[str, str], error: type, words: str
) -> None:
    with Project.create(tmp_path / "p.reformkit", PLAN, "Plan") as project:
        section = next(
            s
            for s in project.document.sections
            if s.key == ("missions" if item_type == "mission" else "budget")
        )
        before = list(section.items)
        with pytest.raises(error, match=words):
            project.add_item(section.id, item_type, fields)
        assert section.items == before


def test_unknown_recommendation_tag_is_refused(charter_file: Path) -> None:
    with Project.open(charter_file, KINDS) as project:
        _, item = project.document.items()[0]
        with pytest.raises(TagError, match="R1 to R22"):
            project.update_item(item.id, tags=["R23"])
        assert project.document.items()[0][1].tags == []  # unchanged: none from its part


def test_money_is_exact(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.reformkit", PLAN, "Plan") as project:
        budget = next(s for s in project.document.sections if s.key == "budget")
        line = project.add_item(
            budget.id, "budget_line", {"service": "A", "partner": "B", "amount": "£1,250,000.5"}
        )
        assert line.fields["amount"] == "1250000.50"


ODD_TEXTS = {
    "control": "tab\there\x00nul\x07bell\x1b[31mred\r\n",
    "emoji": "👩🏽‍⚕️ care 🏳️‍🌈 ✊🏿",
    "rtl": "الحق في التدريب ‏(R19)‏ זכות",
    "huge": "Our team " * 11_111,  # just under the limit of 100,000 characters in a field
}


@pytest.mark.parametrize("name", sorted(ODD_TEXTS))
def test_odd_text_is_stored_and_returned_unchanged(charter_file: Path, name: str) -> None:
    text = ODD_TEXTS[name]
    with Project.open(charter_file, KINDS) as project:
        section = project.document.sections[1]
        item = project.add_item(section.id, "principle", {"title": text[:50], "text": text})
        project.update_section(section.id, intro=text)
    with Project.open(charter_file, KINDS) as again:
        section, stored = again.document.find_item(item.id)
        assert stored.fields["text"] == text and section.intro == text


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=documents())
def test_any_document_survives_the_file(
    tmp_path_factory: pytest.TempPathFactory, document: object
) -> None:
    path = tmp_path_factory.mktemp("doc") / "d.reformkit"
    spec = KINDS.get(document.kind)  # type: ignore[attr-defined]
    Project.create_from(path, document, spec).close()  # type: ignore[arg-type]
    with Project.open(path, KINDS) as project:
        assert project.document == document


# Bad files: each is refused with a message, and its bytes are left exactly as they were.
def _docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")


def _other_sqlite(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("create table customers (name text)")
    connection.close()


def _newer(path: Path) -> None:
    Project.create(path, CHARTER, "Future").close()
    with sqlite3.connect(path) as connection:
        connection.execute(
            "insert into _sqlite_migrations (migration_set, name, applied_at) "
            "values ('reformkit.project', 'm999_future', '2031-01-01')"
        )
    connection.close()


def _truncated(path: Path) -> None:
    Project.create(path, PLAN, "Cut short").close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _scrambled(path: Path) -> None:
    Project.create(path, PLAN, "Scrambled").close()
    data = bytearray(path.read_bytes())
    for offset in range(4096 + 10, len(data), 97):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


def _no_tables(path: Path) -> None:
    Project.create(path, CHARTER, "Emptied").close()
    with sqlite3.connect(path) as connection:
        connection.execute("drop table items")
    connection.close()


BAD_FILES = {
    "empty": (lambda p: p.write_bytes(b""), NotAProjectError, "not a ReformKit document"),
    "text": (lambda p: p.write_text("hello", "utf-8"), NotAProjectError, "not a ReformKit"),
    "docx renamed": (_docx, NotAProjectError, "Word document"),
    "other database": (_other_sqlite, NotAProjectError, "not one ReformKit made"),
    "newer version": (_newer, NewerVersionError, "newer version of ReformKit"),
    "truncated": (_truncated, CorruptProjectError, "damaged"),
    "scrambled": (_scrambled, CorruptProjectError, "damaged"),
    "tables missing": (_no_tables, CorruptProjectError, "damaged"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_files_are_refused_and_left_untouched(tmp_path: Path, name: str) -> None:
    make, error, words = BAD_FILES[name]
    path = tmp_path / "bad.reformkit"
    make(path)
    before = path.read_bytes()
    with pytest.raises(error, match=words):
        Project.open(path, KINDS)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.reformkit"]


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ProjectError, match="There is no file"):
        Project.open(tmp_path / "nope.reformkit", KINDS)
    with pytest.raises(ProjectError, match="is a folder"):
        Project.open(tmp_path, KINDS)


def test_read_only_file_opens_read_only(
    charter_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(project_file, "is_writable", lambda path: False)
    before = charter_file.read_bytes()
    with Project.open(charter_file, KINDS) as project:
        assert project.read_only and "read-only" in project.read_only_reason
        with pytest.raises(ReadOnlyError, match="read-only"):
            project.set_meta(title="Changed")
        assert len(project.document.sections) == 7
    assert charter_file.read_bytes() == before


def test_a_second_opener_is_warned(charter_file: Path) -> None:
    with Project.open(charter_file, KINDS):
        with pytest.raises(DocumentInUseError, match="already open") as caught:
            Project.open(charter_file, KINDS)
        assert caught.value.holder["host"]
        with Project.open(charter_file, KINDS, read_only=True) as reader:
            assert reader.read_only
    with Project.open(charter_file, KINDS):
        pass  # closing released it


def test_a_lock_left_by_a_crash_is_taken_over(charter_file: Path) -> None:
    stale = '{"host": "%s", "pid": 999999999, "user": "x", "since": "then"}'
    with sqlite3.connect(charter_file) as connection:
        connection.execute(
            "insert or replace into meta values ('open_by', ?)",
            [stale % project_file.this_holder()["host"]],
        )
    connection.close()
    with Project.open(charter_file, KINDS) as project:
        assert not project.read_only


def test_save_as_copies_everything(charter_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "copy.reformkit"
    with Project.open(charter_file, KINDS) as project:
        project.save_as(target)
        original = project.document
    with Project.open(target, KINDS) as copy:
        assert copy.document == original
    with (
        Project.open(charter_file, KINDS) as project,
        pytest.raises(ProjectError, match="cannot write"),
    ):
        project.save_as(tmp_path / "no-such-folder" / "x.reformkit")
    assert not list(tmp_path.glob(".saving-*"))


def test_create_refuses_to_overwrite(charter_file: Path) -> None:
    before = charter_file.read_bytes()
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(charter_file, CHARTER, "Again")
    assert charter_file.read_bytes() == before


def test_removed_parts_can_be_restored_with_their_ids(charter_file: Path) -> None:
    with Project.open(charter_file, KINDS) as project:
        original = project.document.sections[2]
        item = original.items[0]
        project.remove_item(item.id)
        project.restore_item(original.id, item, 0)
        section = project.remove_section(original.id)
        project.restore_section(section, 2)
        expected = project.document
    with Project.open(charter_file, KINDS) as again:
        assert again.document == expected
        assert again.document.sections[2].items[0].id == item.id


def test_where_the_user_was_is_remembered(charter_file: Path) -> None:
    with Project.open(charter_file, KINDS) as project:
        assert project.state("wizard-step", "0") == "0"
        project.set_state("wizard-step", "3")
    with Project.open(charter_file, KINDS) as again:
        assert again.state("wizard-step") == "3"
    with Project.open(charter_file, KINDS, read_only=True) as reader:
        reader.set_state("wizard-step", "4")
        assert reader.state("wizard-step") == "3"


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("1,250.50", "1250.50"), ("£12,345,678", "12345678.00"), ("1250", "1250.00")],
)
def test_commas_separate_thousands(typed: str, stored: str) -> None:
    from reformkit.document.fields import MONEY, Field

    assert Field("amount", "Amount", MONEY).clean(typed) == stored


@pytest.mark.parametrize("typed", ["1250,50", "12,34", "1,2345"])
def test_a_decimal_comma_is_refused_not_misread(typed: str) -> None:
    from reformkit.document.fields import MONEY, Field

    with pytest.raises(FieldError, match="full stop"):
        Field("amount", "Amount", MONEY).clean(typed)
