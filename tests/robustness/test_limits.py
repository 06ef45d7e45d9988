"""The limits on what ReformKit reads, each at its edge, and every failure a sentence.

The corpus (test_bad_input.py) feeds hostile files through every way in; these tests pin
each limit exactly (the largest value accepted, the smallest refused), the mapping of
SQLite and system errors to sentences, and that every limit is documented.
"""

from __future__ import annotations

import errno
import json
import os
import re
import sqlite3
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

from plans import PLAN
from reformkit.cli import document_commands
from reformkit.cli.failures import failure_sentence
from reformkit.cli.main import main
from reformkit.document import csv_import, limits
from reformkit.document.fields import INTEGER, MONEY, Field, FieldError
from reformkit.document.interchange import InterchangeError, ParseCounter, loads
from reformkit.document.project import Project
from reformkit.input_files import InputFileError, check_input_path, read_input_bytes
from tests.robustness.conftest import KINDS

ROOT = Path(__file__).resolve().parents[2]
AMOUNT = Field("amount", "Amount (£)", MONEY)
HOW_MANY = Field("how_many", "How many people", INTEGER)


def plan(*sections: dict[str, object], **meta: object) -> str:
    return json.dumps(
        {
            "format": "reformkit-document",
            "format_version": 1,
            "kind": "plan",
            "meta": {"title": "Edges", **meta},
            "sections": list(sections),
        }
    )


def paragraphs(count: int, text: str = "One.") -> dict[str, object]:
    item = {"type": "paragraph", "fields": {"text": text}}
    return {"key": "foreword", "title": "Foreword", "items": [item] * count}


def test_money_and_whole_numbers_at_their_limits() -> None:
    assert AMOUNT.clean("1000000000000") == "1000000000000.00"
    assert AMOUNT.clean("£999,999,999,999.99") == "999999999999.99"
    assert HOW_MANY.clean(limits.MAX_INTEGER) == limits.MAX_INTEGER
    for value in ("1000000000000.01", 10**13, 1e30, "9" * 5000):
        with pytest.raises(FieldError, match=r"^Amount \(£\) is too large .*1,000,000,000,000"):
            AMOUNT.clean(value)
    for value in (limits.MAX_INTEGER + 1, "1" * 5000, limits.read_json_int("1" * 5000)):
        with pytest.raises(FieldError, match=r"^How many people is too large"):
            HOW_MANY.clean(value)


def test_a_message_never_pastes_a_huge_value() -> None:
    with pytest.raises(FieldError) as caught:
        HOW_MANY.clean("x" * 50_000)
    assert len(str(caught.value)) < 200 and "50,000 characters" in str(caught.value)


def test_text_at_its_limit() -> None:
    longest = "x" * limits.MAX_TEXT_CHARS
    assert loads(plan(paragraphs(1, longest)), KINDS).sections[0].items[0].fields["text"]
    with pytest.raises(InterchangeError, match="100,001 characters long"):
        loads(plan(paragraphs(1, longest + "x")), KINDS)


def test_items_parts_and_authors_at_their_limits() -> None:
    parts = [paragraphs(0)] * limits.MAX_SECTIONS
    assert len(loads(plan(*parts), KINDS).sections) == limits.MAX_SECTIONS
    with pytest.raises(InterchangeError, match="more than 5,000 parts"):
        loads(plan(*parts, paragraphs(0)), KINDS)
    authors = [f"Author {n}" for n in range(limits.MAX_AUTHORS)]
    assert len(loads(plan(authors=authors), KINDS).meta.authors) == limits.MAX_AUTHORS
    with pytest.raises(InterchangeError, match="201 authors"):
        loads(plan(authors=[*authors, "One more"]), KINDS)
    with pytest.raises(InterchangeError, match="more than 100,000 items"):
        loads(plan(paragraphs(limits.MAX_ITEMS + 1)), KINDS)


def test_counting_items_stops_the_parse_early(monkeypatch: pytest.MonkeyPatch) -> None:
    """A million items are refused while parsing: the parser builds only 100,001 of them."""
    built: list[object] = []
    real = ParseCounter.object

    def spy(self: ParseCounter, pairs: list[tuple[str, object]]) -> dict[str, object]:
        built.append(pairs)
        return real(self, pairs)

    monkeypatch.setattr(ParseCounter, "object", spy)
    text = plan({"key": "foreword", "title": "F", "items": [{"type": "paragraph"}] * 1_000_000})
    with pytest.raises(InterchangeError, match="more than 100,000 items"):
        loads(text, KINDS)
    assert len(built) == limits.MAX_ITEMS + 2  # the meta, then items up to one too many


def test_nesting_at_its_limit() -> None:
    def nested(levels: int) -> object:
        value: object = "x"
        for _ in range(levels):
            value = [value]
        return value

    # $ → sections → [0] → items → [0] → fields → text: the text sits 6 levels down.
    deep = {"key": "foreword", "title": "F", "items": [{"type": "paragraph", "fields": {}}]}
    deep["items"][0]["fields"]["text"] = nested(limits.MAX_DEPTH - 6)  # type: ignore[index]
    with pytest.raises(InterchangeError, match="must be text"):
        loads(plan(deep), KINDS)
    deep["items"][0]["fields"]["text"] = nested(limits.MAX_DEPTH - 5)  # type: ignore[index]
    with pytest.raises(InterchangeError, match="nested too deeply"):
        loads(plan(deep), KINDS)


def test_csv_rows_name_the_field_that_is_too_large(tmp_path: Path) -> None:
    path = tmp_path / "budget.csv"
    path.write_text(
        f"Service,Partner,Amount\nHousing,Council,{'9' * 5000}\nHealth,NHS,£5000000000000\n"
        "Schools,Council,1200\n",
        "utf-8",
    )
    table = csv_import.read_csv(path)
    target = csv_import.import_target(PLAN, "budget")
    with Project.create(tmp_path / "p.reformkit", PLAN, "P") as project:
        checks = csv_import.check_rows(
            table, target, csv_import.guess_mapping(table, target), project.document
        )
    problems = " ".join(problem for check in checks for problem in check.problems)
    assert problems.count("Amount (£) is too large") == 2, problems


def test_a_fifo_is_refused_without_being_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "doc.json"
    os.mkfifo(fifo)  # opening it for reading would wait forever for a writer
    for check in (
        lambda: check_input_path(fifo, "a JSON document"),
        lambda: read_input_bytes(fifo, "a JSON document", 100),
    ):
        with pytest.raises(InputFileError, match="is a pipe \\(FIFO\\), not a JSON document"):
            check()


def test_a_file_larger_than_allowed_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b" " * (3 * limits.MEGABYTE))
    with pytest.raises(InputFileError, match=r"3\.0 MB.*up to 2 MB"):
        read_input_bytes(path, "JSON documents", 2 * limits.MEGABYTE)
    assert read_input_bytes(path, "JSON documents", 3 * limits.MEGABYTE) == b" " * (
        3 * limits.MEGABYTE
    )


SQLITE_CASES: list[tuple[Exception, str]] = [
    (sqlite3.IntegrityError("UNIQUE constraint failed: items.id"), "refused the change"),
    (sqlite3.IntegrityError("constraint failed"), "refused the change"),
    (sqlite3.OperationalError("snapshots are not allowed: aborted"), "refused the change"),
    (sqlite3.OperationalError("interrupted"), "stopped before it finished"),
    (sqlite3.OperationalError("database is locked"), "in use by another program"),
    (sqlite3.OperationalError("attempt to write a readonly database"), "read-only"),
    (sqlite3.OperationalError("database or disk is full"), "disk is full"),
    (sqlite3.DatabaseError("database disk image is malformed"), "damaged"),
    (sqlite3.OperationalError("disk I/O error"), "could not be read or written"),
    (sqlite3.OperationalError("something new"), "could not be used \\(something new\\)"),
    (PermissionError(errno.EACCES, "Permission denied", "/srv/x"), "permission denied for /srv/x"),
    (OSError(errno.ENOSPC, "No space left on device"), "disk is full"),
    (OSError(errno.EROFS, "Read-only file system", "/mnt/x"), "/mnt/x is read-only"),
    (MemoryError(), "not enough memory"),
]


@pytest.mark.parametrize(("error", "words"), SQLITE_CASES)
def test_errors_below_the_kernel_become_sentences(
    error: Exception,
    words: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sentence = failure_sentence(error)
    assert sentence is not None and re.search(words, sentence), sentence
    path = tmp_path / "charter.reformkit"
    assert main(["new", "charter", str(path), "--title", "T"], load_kinds=lambda: KINDS) == 0
    capsys.readouterr()

    def fail(args: object) -> int:
        raise error

    monkeypatch.setattr(document_commands, "dump_document", fail)
    assert main(["dump", str(path)], load_kinds=lambda: KINDS) == 2
    err = capsys.readouterr().err
    assert err.startswith("reformkit: ") and re.search(words, err, re.IGNORECASE), err
    assert "unexpected" not in err and "Traceback" not in err


def test_a_truly_unforeseen_error_is_still_not_a_traceback() -> None:
    assert failure_sentence(ValueError("odd")) is None


@pytest.mark.parametrize(
    "command",
    [
        ["dump", "{p}"],
        ["coverage", "{p}"],
        ["versions", "{p}"],
        ["snapshot", "{p}", "name"],
        ["diff", "{p}", "a"],
        ["export", "{p}", "-o", "{out}/x.md"],
        ["export", "{doc}", "--template", "{p}", "-o", "{out}/x.docx"],
        ["import", "{p}", "-o", "{out}/x.reformkit"],
        ["package", "{p}", "--part", "budget", "-o", "{out}/x.reformkit"],
        ["merge", "{p}", "{doc}"],
        ["merge", "{doc}", "{p}"],
        ["--library", "{p}", "catalogue", "list"],
    ],
)
@pytest.mark.parametrize("make", ["fifo", "device", "folder"])
def test_every_command_refuses_a_path_that_is_not_a_file(
    command: list[str], make: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    makers: dict[str, Callable[[Path], None]] = {
        "fifo": os.mkfifo,
        "device": lambda p: p.symlink_to("/dev/zero"),
        "folder": lambda p: p.mkdir(),
    }
    odd = tmp_path / "odd.reformkit"
    makers[make](odd)
    doc = tmp_path / "doc.reformkit"
    Project.create(doc, PLAN, "Plan").close()
    before = doc.read_bytes()
    (tmp_path / "out").mkdir()
    args = [a.format(p=odd, doc=doc, out=tmp_path / "out") for a in command]
    assert main(args, load_kinds=lambda: KINDS) == 2
    err = capsys.readouterr().err
    kind = {"fifo": "a pipe \\(FIFO\\)", "device": "a device", "folder": "a folder"}[make]
    assert re.match(f"reformkit: {re.escape(str(odd))} is {kind}, not ", err), err
    assert list((tmp_path / "out").iterdir()) == [] and doc.read_bytes() == before


def test_every_limit_is_documented() -> None:
    docs = (ROOT / "docs" / "json-format.md").read_text("utf-8")
    readme = (ROOT / "README.md").read_text("utf-8")
    for number in (
        f"{limits.MAX_JSON_BYTES // limits.MEGABYTE} MB",
        f"{limits.MAX_SECTIONS:,}",
        f"{limits.MAX_ITEMS:,}",
        f"{limits.MAX_TEXT_CHARS:,}",
        f"{limits.MAX_DEPTH}",
        f"{limits.MAX_AUTHORS}",
        f"{limits.MAX_COMMAS:,}",
        f"£{Decimal(limits.MAX_MONEY):,}",
        f"{limits.MAX_INTEGER:,}",
    ):
        assert number in docs, f"{number} is not in docs/json-format.md"
    for words in ("64 MB", "100,000 items", "FIFO", "£1 trillion"):
        assert words in readme, f"{words} is not in README.md"


def test_a_document_is_never_taken_for_a_library_or_a_json_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Given as --library, a document used to be moved aside and replaced by a library."""
    doc = tmp_path / "plan.reformkit"
    Project.create(doc, PLAN, "Plan").close()
    before = doc.read_bytes()
    assert main(["--library", str(doc), "catalogue", "list"], load_kinds=lambda: KINDS) == 2
    assert "is a ReformKit document, not a library" in capsys.readouterr().err
    out = tmp_path / "copy.reformkit"
    assert main(["import", str(doc), "-o", str(out)], load_kinds=lambda: KINDS) == 2
    assert "not a JSON document" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.reformkit"]
    assert doc.read_bytes() == before


@pytest.mark.parametrize(
    "tamper",
    [
        "update snapshots set document = '{not json'",
        "update snapshots set document = replace(document, '\"format_version\": 1', "
        '\'"format_version": ' + "1" * 5000 + "')",
    ],
)
def test_a_damaged_snapshot_is_a_sentence(
    tamper: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "plan.reformkit"
    Project.create(doc, PLAN, "Plan").close()
    assert main(["snapshot", str(doc), "A"], load_kinds=lambda: KINDS) == 0
    connection = sqlite3.connect(doc)
    assert connection.execute(tamper).rowcount == 1
    connection.commit()
    connection.close()
    capsys.readouterr()
    assert main(["diff", str(doc), "A"], load_kinds=lambda: KINDS) == 2
    err = capsys.readouterr().err
    assert err.startswith("reformkit: The snapshot 'A' is damaged and cannot be read"), err
