"""The bad-input corpus: the small files in ``tests/fixtures/corpus`` (made by its
``make_corpus.py``) and the big or odd ones made here at test time."""

from __future__ import annotations

import gzip
import json
import os
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from charter import CHARTER
from plans import PLAN
from reformkit.document.project import Project

FOLDER = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
Maker = Callable[[Path], None]


def static_cases() -> dict[str, Path]:
    return {
        path.name: path
        for path in sorted(FOLDER.iterdir())
        if path.is_file() and path.suffix != ".py" and not path.name.startswith(".")
    }


def _folder(path: Path) -> None:
    path.mkdir()
    (path / "inside.txt").write_text("a folder named like a document", "utf-8")


def _json_20mb(path: Path) -> None:
    """Twenty megabytes of well-formed JSON: 40,000 budget lines with long services."""
    line = {"type": "budget_line", "fields": {"service": "S" * 480, "partner": "P", "amount": "1"}}
    section = {"key": "budget", "title": "Budget", "items": [line] * 40_000}
    data = {
        "format": "reformkit-document",
        "format_version": 1,
        "kind": "plan",
        "meta": {"title": "Twenty megabytes"},
        "sections": [section],
    }
    path.write_text(json.dumps(data), "utf-8")
    assert path.stat().st_size > 20_000_000


def _json_1mb_title(path: Path) -> None:
    data = {
        "format": "reformkit-document",
        "format_version": 1,
        "kind": "charter",
        "meta": {"title": "Our team " * 116_509},
        "sections": [],
    }
    path.write_text(json.dumps(data), "utf-8")


ODD = "Tab\there NUL\x00 bell\x07 esc\x1b[31m \ufffe 👩🏽‍⚕️ الحق في التدريب ‏(R19)‏ זכות\r\n"


def _project_odd_text(path: Path) -> None:
    with Project.create(path, CHARTER, ODD) as project:
        for section in project.document.sections:
            project.update_section(section.id, intro=ODD)
            project.add_item(section.id, "paragraph", {"text": ODD * 3})


def _project_1mb_title(path: Path) -> None:
    Project.create(path, CHARTER, "Our team " * 116_509).close()


def _project_with_garbage_log(path: Path) -> None:
    """A good file with a write-ahead log beside it that is not one (junk bytes)."""
    Project.create(path, CHARTER, "Garbage log").close()
    path.with_name(path.name + "-wal").write_bytes(b"\x37\x7f\x06\x82" + b"junk" * 2000)


def _project_with_unchecked_rows(path: Path) -> None:
    """Rows written past ReformKit: an item type the part cannot hold."""
    Project.create(path, CHARTER, "Unchecked rows").close()
    connection = sqlite3.connect(path)
    section = connection.execute("select id from sections order by position").fetchone()[0]
    connection.execute(
        "insert into items (id, section_id, position, type, fields, created, modified) "
        "values ('x1', ?, 0, 'spaceship', '{}', '', '')",
        [section],
    )
    connection.commit()
    connection.close()


def _zip_bomb(path: Path) -> None:
    """A Word-looking zip whose one entry unpacks to 200 MB of zeros (about 200 kB packed)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", "<Relationships/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as entry:
            block = bytes(1024 * 1024)
            for _ in range(200):
                entry.write(block)


def _zip_many_entries(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        for n in range(2500):
            archive.writestr(f"word/media/image{n}.bin", b"")


def _csv_6mb(path: Path) -> None:
    row = "Housing,Council,1200\n"
    path.write_text("Service,Partner,Amount\n" + row * (6_000_000 // len(row)), "utf-8")


def _csv_odd_text(path: Path) -> None:
    path.write_text(
        'Service,Partner,Amount\n"' + ODD.replace('"', "") + '",Council,5\n'
        '"' + "Long " * 200_000 + '",NHS,6\n',
        "utf-8",
    )


# Paths that are not ordinary files: each must be refused at once, never read (a FIFO
# would hang a reader, /dev/zero never ends).


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _link_to(target: str) -> Maker:
    def make(path: Path) -> None:
        path.symlink_to(target)

    return make


def _link_loop(path: Path) -> None:
    path.symlink_to(path.name)


def _dangling_link(path: Path) -> None:
    path.symlink_to("no-such-file.reformkit")


# JSON past the limits of reformkit.document.limits, or with values no field can hold.


def _doc(*sections: dict[str, Any], **changes: Any) -> dict[str, Any]:
    return {
        "format": "reformkit-document",
        "format_version": 1,
        "kind": "plan",
        "meta": {"title": "Corpus plan"},
        "sections": list(sections),
        **changes,
    }


def _part(key: str, *items: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"key": key, "title": key.title(), "items": list(items), **extra}


def _budget(amount: Any) -> dict[str, Any]:
    return {
        "type": "budget_line",
        "fields": {"service": "Housing", "partner": "C", "amount": amount},
    }


def _engagement(how_many: Any) -> dict[str, Any]:
    return {
        "type": "engagement",
        "fields": {"date": "2027-01-01", "who": "Residents", "how_many": how_many},
    }


def _json_case(data: Any, raw: str | None = None) -> Maker:
    def make(path: Path) -> None:
        path.write_text(raw if raw is not None else json.dumps(data), "utf-8")

    return make


def _json_raw(text: str) -> Maker:
    return _json_case(None, text)


def _million_items(path: Path) -> None:
    """A million paragraphs (about 20 MB): refused while parsing, long before it is built."""
    items = [{"type": "paragraph"}] * 1_000_000
    path.write_text(json.dumps(_doc(_part("foreword", *items))), "utf-8")


def _json_65mb(path: Path) -> None:
    """Valid JSON padded with spaces past 64 MB: refused by its size before it is parsed."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps(_doc())[:-1])
        block = " " * (1024 * 1024)
        for _ in range(65):
            handle.write(block)
        handle.write("}")


def _deep_value(levels: int) -> Any:
    value: Any = "bottom"
    for _ in range(levels):
        value = {"inside": value}
    return value


_PARAGRAPH = {"type": "paragraph", "fields": {"text": "One."}}
_HUGE_DIGITS = "1" * 5000


def _json_text(text: str, encoding: str) -> Maker:
    def make(path: Path) -> None:
        path.write_bytes(text.encode(encoding))

    return make


_SMALL = json.dumps(_doc(meta={"title": "Café plan, £5"}), ensure_ascii=False)


def _gzip_json(path: Path) -> None:
    path.write_bytes(gzip.compress(_SMALL.encode("utf-8")))


# Documents whose rows hold what no field can (written past ReformKit with sqlite3).


def _plan_with(sql: str) -> Maker:
    def make(path: Path) -> None:
        with Project.create(path, PLAN, "Tampered plan") as project:
            budget = next(s for s in project.document.sections if s.key == "budget")
            project.add_item(
                budget.id,
                "budget_line",
                {"service": "Housing", "partner": "Council", "amount": "5"},
            )
            engagement = next(s for s in project.document.sections if s.key == "engagement")
            project.add_item(
                engagement.id,
                "engagement",
                {"date": "2027-01-01", "who": "Residents", "how_many": 5},
            )
        connection = sqlite3.connect(path)
        connection.executescript(sql)
        connection.commit()
        connection.execute("PRAGMA journal_mode = DELETE")
        connection.close()

    return make


def _set_field(item_type: str, name: str, value: str) -> str:
    return (
        f"update items set fields = json_set(fields, '$.{name}', json('{value}')) "
        f"where type = '{item_type}';"
    )


def _csv(text: str) -> Maker:
    def make(path: Path) -> None:
        path.write_text(text, "utf-8")

    return make


GENERATED: dict[str, Maker] = {
    "fifo.reformkit": _fifo,
    "fifo.json": _fifo,
    "fifo.csv": _fifo,
    "fifo.docx": _fifo,
    "dev-zero.reformkit": _link_to("/dev/zero"),
    "dev-zero.json": _link_to("/dev/zero"),
    "dev-urandom.csv": _link_to("/dev/urandom"),
    "dev-null.docx": _link_to("/dev/null"),
    "folder.json": _folder,
    "folder.csv": _folder,
    "folder.docx": _folder,
    "link-loop.reformkit": _link_loop,
    "link-dangling.json": _dangling_link,
    "million-items.json": _million_items,
    "huge-65mb.json": _json_65mb,
    "too-many-parts.json": _json_case(_doc(*[_part("foreword") for _ in range(5001)])),
    "too-many-items.json": _json_case(
        _doc(*[_part("foreword", *[_PARAGRAPH] * 1000) for _ in range(101)])
    ),
    "too-many-authors.json": _json_case(
        _doc(meta={"title": "Many", "authors": [f"Author {n}" for n in range(201)]})
    ),
    "too-many-commas.json": _json_case(_doc(meta={"title": "Commas", "authors": [0] * 5_000_001})),
    "long-paragraph.json": _json_case(
        _doc(_part("foreword", {"type": "paragraph", "fields": {"text": "Word " * 20_001}}))
    ),
    "long-key.json": _json_case(_doc(meta={"title": "Keys", "k" * 1000: 1})),
    "nested-65-levels.json": _json_case(
        _doc(_part("foreword", {"type": "paragraph", "fields": {"text": _deep_value(65)}}))
    ),
    "integer-5000-digits.json": _json_raw(
        json.dumps(_doc(_part("engagement", _engagement(0)))).replace(
            '"how_many": 0', f'"how_many": {_HUGE_DIGITS}'
        )
    ),
    "integer-5000-digit-text.json": _json_case(
        _doc(_part("engagement", _engagement(_HUGE_DIGITS)))
    ),
    "integer-too-large.json": _json_case(_doc(_part("engagement", _engagement(10**13)))),
    "integer-as-float.json": _json_case(_doc(_part("engagement", _engagement(12.5)))),
    "integer-negative.json": _json_case(_doc(_part("engagement", _engagement(-3)))),
    "format-version-5000-digits.json": _json_raw(
        json.dumps(_doc()).replace('"format_version": 1', f'"format_version": {_HUGE_DIGITS}')
    ),
    "money-5000-digits.json": _json_case(_doc(_part("budget", _budget(_HUGE_DIGITS)))),
    "money-over-a-trillion.json": _json_case(_doc(_part("budget", _budget("1000000000000.01")))),
    "money-1e30.json": _json_raw(
        json.dumps(_doc(_part("budget", _budget(0)))).replace('"amount": 0', '"amount": 1e30')
    ),
    "money-nan.json": _json_raw(
        json.dumps(_doc(_part("budget", _budget(0)))).replace('"amount": 0', '"amount": NaN')
    ),
    "money-infinity.json": _json_raw(
        json.dumps(_doc(_part("budget", _budget(0)))).replace('"amount": 0', '"amount": Infinity')
    ),
    "money-three-decimals.json": _json_case(_doc(_part("budget", _budget("12.345")))),
    "money-words.json": _json_case(_doc(_part("budget", _budget("lots and lots")))),
    "money-a-list.json": _json_case(_doc(_part("budget", _budget([1, 2])))),
    "text-a-number.json": _json_case(
        _doc(_part("foreword", {"type": "paragraph", "fields": {"text": 5}}))
    ),
    "text-an-object.json": _json_case(
        _doc(_part("foreword", {"type": "paragraph", "fields": {"text": {"nested": "object"}}}))
    ),
    "fields-a-list.json": _json_case(_doc(_part("foreword", {"type": "paragraph", "fields": []}))),
    "items-a-string.json": _json_case(_doc({"key": "foreword", "title": "F", "items": "many"})),
    "tags-an-object.json": _json_case(_doc(_part("foreword", tags={"R1": True}))),
    "review-a-string.json": _json_case(
        _doc(_part("foreword", {**_PARAGRAPH, "needs_review": "yes"}))
    ),
    "date-31-february.json": _json_case(
        _doc(_part("actions", {"type": "action", "fields": {"action": "A", "due": "31/02/2027"}}))
    ),
    "empty.json": _json_raw(""),
    "whitespace.json": _json_raw(" \n\t \n"),
    "null.json": _json_raw("null"),
    "bom-utf8.json": _json_text("\ufeff" + _SMALL, "utf-8"),
    "latin1.json": _json_text(_SMALL, "latin-1"),
    "utf32.json": _json_text(_SMALL, "utf-32"),
    "gzipped.json": _gzip_json,
    "integer-5000-digits.reformkit": _plan_with(_set_field("engagement", "how_many", _HUGE_DIGITS)),
    "money-corrupt.reformkit": _plan_with(_set_field("budget_line", "amount", "1e30")),
    "money-words.reformkit": _plan_with(_set_field("budget_line", "amount", '"lots"')),
    "aborting-trigger.reformkit": _plan_with(
        "create trigger refuse_snapshots before insert on snapshots "
        "begin select raise(abort, 'snapshots are not allowed'); end;"
    ),
    "budget-long-cell.csv": _csv('Service,Partner,Amount\n"' + "x" * 100_001 + '",NHS,5\n'),
    "budget-open-quote-long.csv": _csv(
        'Service,Partner,Amount\n"Housing,Council,5\n' + "Health,NHS,6\n" * 20_000
    ),
    "budget-amount-5000-digits.csv": _csv(
        f"Service,Partner,Amount\nHousing,Council,{_HUGE_DIGITS}\n"
    ),
    "budget-amount-trillions.csv": _csv("Service,Partner,Amount\nHousing,Council,£5000000000000\n"),
    "folder.reformkit": _folder,
    "huge-20mb.json": _json_20mb,
    "huge-title-1mb.json": _json_1mb_title,
    "odd-text.reformkit": _project_odd_text,
    "huge-title-1mb.reformkit": _project_1mb_title,
    "garbage-log-beside.reformkit": _project_with_garbage_log,
    "unknown-item-type.reformkit": _project_with_unchecked_rows,
    "template-zip-bomb.docx": _zip_bomb,
    "template-too-many-entries.docx": _zip_many_entries,
    "budget-6mb.csv": _csv_6mb,
    "budget-odd-text.csv": _csv_odd_text,
}


def case_names() -> list[str]:
    return sorted([*static_cases(), *GENERATED])


def materialise(name: str, folder: Path) -> Path:
    """Put case ``name`` in ``folder`` (a copy: the fixtures themselves are never fed in)."""
    target = folder / name
    if name in GENERATED:
        GENERATED[name](target)
    else:
        target.write_bytes((FOLDER / name).read_bytes())
    return target
