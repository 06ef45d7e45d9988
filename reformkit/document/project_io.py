"""Reading a project file to open it, and the rows every write to it shares.

Kept apart from :class:`~reformkit.document.project.Project`, which is the editing API: this
is what turns a file into a document and a document into rows.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlite_utils import Database
from sqlite_utils.db import NotFoundError

from reformkit.document import project_file as files
from reformkit.document.errors import CorruptProjectError, ProjectError
from reformkit.document.model import Document, Item, Meta, Section, now
from reformkit.document.schema_check import SchemaReport
from reformkit.document.spec import DocumentKinds, DocumentSpec
from reformkit.document.sqlite_guard import read_budget
from reformkit.document.storage import DamagedRowsError, load_document, meta_rows, section_row
from reformkit.document.value_check import value_problems

log = logging.getLogger(__name__)
_READ_TRIES = 10  # reads spoilt by another program writing the file at that moment


@dataclass(frozen=True)
class LoadedFile:
    """A project file read in full and checked, not yet opened for editing."""

    path: Path
    document: Document
    spec: DocumentSpec
    kinds: DocumentKinds
    signature: tuple[int, ...]
    read_only_reason: str = ""  # why it may only be read (objects ReformKit did not make)

    def modified_since(self, path: Path) -> bool:
        return _signature(path) != self.signature


def read_for_opening(path: Path, kinds: DocumentKinds) -> LoadedFile:
    """Check and read the whole file without writing anything (safe on a worker thread).

    Only ReformKit's own tables are read, by name, within a step budget; a file with objects
    ReformKit did not make comes back with a ``read_only_reason``. A value its field would
    not have stored is refused in one line naming where; the full list goes to the log.
    """
    path = Path(path)
    files.check_header(path)
    for _ in range(_READ_TRIES):
        signature = _signature(path)
        try:
            report, document = _read_once(path)
        except CorruptProjectError:
            if _signature(path) == signature:
                raise
            continue  # a writer's checkpoint changed it under the read: read it again
        if _signature(path) == signature:
            break
    else:
        raise ProjectError(
            f"{path.name} kept changing while ReformKit read it (another program is writing "
            "it). Try again in a moment. It has not been changed."
        )
    spec = kinds.get(document.kind)
    problems = value_problems(document, spec)
    if problems:
        log.warning("%s holds values ReformKit never writes:\n%s", path, "\n".join(problems))
        more = f" ({len(problems) - 1} more are listed in the log.)" if len(problems) > 1 else ""
        raise CorruptProjectError(
            f"{path.name} is damaged: {problems[0]}.{more} It has not been changed; fix that "
            "value with the program that wrote it, or open an earlier copy."
        )
    return LoadedFile(path, document, spec, kinds, signature, files.untrusted_reason(report))


def _read_once(path: Path) -> tuple[SchemaReport, Document]:
    connection = files.read_only_connection(path)
    try:
        report = files.verify(connection, path)
        connection.row_factory = sqlite3.Row
        with read_budget(connection, path.name):
            document = load_document(connection)
        files.upgrade_values(document)  # what the file's migrations will convert
    except (sqlite3.DatabaseError, DamagedRowsError) as error:
        raise CorruptProjectError(
            f"{path.name} is damaged and cannot be read ({' '.join(str(error).split())}). "
            "It has not been changed."
        ) from None
    finally:
        connection.close()
    return report, document


def _signature(path: Path) -> tuple[int, ...]:
    """What changes when another program writes the file: sizes, times, and the log's
    header (its salts change each time the log starts over)."""
    stat = path.stat()
    wal = path.with_name(path.name + "-wal")
    try:
        with wal.open("rb") as handle:
            header = int.from_bytes(handle.read(32), "big")
        wal_stat = wal.stat()
        wal_part = (wal_stat.st_mtime_ns, wal_stat.st_size, header)
    except OSError:
        wal_part = (0, 0, 0)
    return (stat.st_ino, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_size, *wal_part)


def unstorable_message(what: str) -> str:
    """Text holding a lone surrogate (say, a command-line argument in another encoding)."""
    return (
        f"The text holds a character that cannot be stored (a broken or mis-encoded one), so "
        f"{what}. Retype it, or copy it from somewhere else, and try again."
    )


def set_holder(db: Database) -> None:
    holder = {**files.this_holder(), "since": now()}
    db.table("meta").upsert({"key": "open_by", "value": json.dumps(holder)}, pk="key")


def update_item_row(db: Database, item: Item, section_id: str, position: int) -> None:
    """Write an item's row over the one stored: one statement, where sqlite-utils' ``update``
    first reads the table's columns and keys (a dozen statements for each keystroke)."""
    row = item_row(item, section_id, position)
    names = [name for name in row if name != "id"]
    cursor = db.conn.execute(
        f"update items set {', '.join(f'[{name}] = ?' for name in names)} where id = ?",
        [*(row[name] for name in names), item.id],
    )
    if cursor.rowcount == 0:
        raise NotFoundError(f"No item {item.id} in the file")


def save_modified(db: Database, modified: str) -> None:
    """Record when the document last changed: one statement after every edit."""
    db.conn.execute(
        "insert into meta (key, value) values ('modified', ?) "
        "on conflict (key) do update set value = excluded.value",
        [modified],
    )


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
