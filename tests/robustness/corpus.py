"""The bad-input corpus: the small files in ``tests/fixtures/corpus`` (made by its
``make_corpus.py``) and the big or odd ones made here at test time."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from collections.abc import Callable
from pathlib import Path

from charter import CHARTER
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


GENERATED: dict[str, Maker] = {
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
