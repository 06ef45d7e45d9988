"""Reading a project file to open it, and the rows every write to it shares.

Kept apart from :class:`~reformkit.document.project.Project`, which is the editing API: this
is what turns a file into a document and a document into rows.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from reformkit.document import project_file as files
from reformkit.document.errors import CorruptProjectError
from reformkit.document.model import Document, Item, Meta, Section, now
from reformkit.document.spec import DocumentKinds, DocumentSpec
from reformkit.document.storage import DamagedRowsError, load_document, meta_rows, section_row


@dataclass(frozen=True)
class LoadedFile:
    """A project file read in full and checked, not yet opened for editing."""

    path: Path
    document: Document
    spec: DocumentSpec
    kinds: DocumentKinds
    signature: tuple[int, int]

    def modified_since(self, path: Path) -> bool:
        return _signature(path) != self.signature


def read_for_opening(path: Path, kinds: DocumentKinds) -> LoadedFile:
    """Check and read the whole file without writing anything (safe on a worker thread)."""
    path = Path(path)
    files.check_header(path)
    signature = _signature(path)
    connection = files.read_only_connection(path)
    try:
        files.verify(connection, path)
        connection.row_factory = sqlite3.Row
        document = load_document(connection)
    except (sqlite3.DatabaseError, DamagedRowsError) as error:
        raise CorruptProjectError(
            f"{path.name} is damaged and cannot be read ({error}). It has not been changed."
        ) from None
    finally:
        connection.close()
    return LoadedFile(path, document, kinds.get(document.kind), kinds, signature)


def _signature(path: Path) -> tuple[int, int]:
    stat = path.stat()
    wal = path.with_name(path.name + "-wal")
    return (stat.st_mtime_ns, wal.stat().st_mtime_ns if wal.exists() else 0)


def unstorable_message(what: str) -> str:
    """Text holding a lone surrogate (say, a command-line argument in another encoding)."""
    return (
        f"The text holds a character that cannot be stored (a broken or mis-encoded one), so "
        f"{what}. Retype it, or copy it from somewhere else, and try again."
    )


def read_holder(path: Path) -> str | None:
    connection = files.read_only_connection(path)
    try:
        row = connection.execute("select value from meta where key = 'open_by'").fetchone()
        return row[0] if row else None
    finally:
        connection.close()


def set_holder(db: Database) -> None:
    holder = {**files.this_holder(), "since": now()}
    db.table("meta").upsert({"key": "open_by", "value": json.dumps(holder)}, pk="key")


def save_meta(db: Database, meta: Meta) -> None:
    db.table("meta").upsert_all(meta_rows(meta), pk="key")


def write_all(db: Database, document: Document) -> None:
    db.table("meta").upsert_all(
        [{"key": "kind", "value": document.kind}, *meta_rows(document.meta)], pk="key"
    )
    for position, section in enumerate(document.sections):
        db.table("sections").insert(section_row(section, position))
        db.table("items").insert_all(
            [item_row(item, section.id, index) for index, item in enumerate(section.items)]
        )


def item_row(item: Item, section_id: str, position: int) -> dict[str, Any]:
    return {
        "id": item.id,
        "section_id": section_id,
        "position": position,
        "type": item.type,
        "fields": json.dumps(item.fields, ensure_ascii=False),
        "tags": json.dumps(item.tags),
        "source_id": item.source.entry_id if item.source else None,
        "source_revision": item.source.revision if item.source else None,
        "needs_review": int(item.needs_review),
        "author": item.author,
        "created": item.created,
        "modified": item.modified,
    }


def renumber_sections(db: Database, sections: list[Section]) -> None:
    db.conn.executemany(
        "update sections set position = ? where id = ?",
        [(index, s.id) for index, s in enumerate(sections)],
    )


def renumber_items(db: Database, section: Section) -> None:
    db.conn.executemany(
        "update items set position = ? where id = ?",
        [(index, i.id) for index, i in enumerate(section.items)],
    )
