"""The project file on disk: recognising it, checking it, upgrading it, and who has it open.

A file is read in full through a read-only connection before anything writes to it: a file
from a newer ReformKit, a damaged file or somebody else's SQLite database is refused with
its bytes untouched.
"""

from __future__ import annotations

import functools
import getpass
import json
import logging
import os
import shutil
import socket
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from reformkit.document.errors import (
    CorruptProjectError,
    DiskFullError,
    NewerVersionError,
    NotAProjectError,
    ProjectError,
)
from reformkit.document.model import Document
from reformkit.document.schema_check import SchemaObject, SchemaReport, compare, describe, schema_of
from reformkit.document.sqlite_guard import harden, read_budget

EXTENSION = ".reformkit"
APPLICATION_ID = 0x524B4954  # "RKIT", stored in the SQLite header so the file says what it is
SQLITE_MAGIC = b"SQLite format 3\x00"
migrations = Migrations("reformkit.project")
log = logging.getLogger(__name__)


@migrations()
def m001_document(db: Database) -> None:
    db.executescript(
        """
        create table meta (key text primary key, value text not null);
        create table sections (
            id text primary key, key text not null, position integer not null,
            title text not null, intro text not null default '',
            tags text not null default '[]', owner text not null default '');
        create table items (
            id text primary key,
            section_id text not null references sections(id) on delete cascade,
            position integer not null, type text not null, fields text not null,
            tags text not null default '[]', source_id text, source_revision text,
            needs_review integer not null default 0, author text not null default '',
            created text not null, modified text not null);
        create index items_by_section on items(section_id, position);
        create table snapshots (
            id text primary key, name text not null, created text not null,
            document text not null);
        """
    )


LEGACY_MERGE_KEY = "state:merged_packages"  # where schema 1 kept its merge records, as JSON


@migrations()
def m002_merge_records(db: Database) -> None:
    """Merge records get tables of their own, written in the merge's own transaction.

    Schema 1 kept them as one JSON value in ``meta``; each record readable there moves into
    the tables. Statements run one by one (not as a script) so the move is one transaction.
    """
    db.execute(
        """create table merged_packages (
            package_id text primary key, hash text not null, merged text not null,
            partner text not null default '', parts text not null default '[]',
            content text not null default '[]')"""
    )
    db.execute(
        """create table merge_pending (
            package_id text not null references merged_packages(package_id) on delete cascade,
            position integer not null, conflict_id text not null,
            primary key (package_id, conflict_id))"""
    )
    row = db.execute("select value from meta where key = ?", [LEGACY_MERGE_KEY]).fetchone()
    try:
        records = list(json.loads(row[0]).values()) if row else []
        rows = [
            (
                str(r["package_id"]),
                str(r["hash"]),
                str(r.get("merged", "")),
                str(r.get("partner", "")),
                json.dumps([str(p) for p in r.get("parts", [])], ensure_ascii=False),
                json.dumps(list(r.get("content", [])), ensure_ascii=False),
                [str(p) for p in r.get("pending", [])],
            )
            for r in records
        ]
    except (ValueError, KeyError, TypeError, AttributeError):
        return  # damaged in schema 1 too, where it only meant "compare with the package's base"
    for *record, pending in rows:
        db.execute("insert or replace into merged_packages values (?, ?, ?, ?, ?, ?)", record)
        db.conn.executemany(
            "insert or ignore into merge_pending values (?, ?, ?)",
            [(record[0], n, conflict) for n, conflict in enumerate(pending)],
        )
    db.execute("delete from meta where key = ?", [LEGACY_MERGE_KEY])


# Fields whose type changed from text to a list of text: (item type, field). Listed here, not
# read from the kinds, because a file upgrades before any kind is asked about it.
TEXT_TO_LIST = (("zone", "safeguards"),)


@migrations()
def m003_text_fields_to_lists(db: Database) -> None:
    """An Innovation Zone's safeguards become a list, one safeguard a line.

    Schema 2 kept them as one text; each non-empty line becomes one safeguard, as the
    importer reads text given for a list. Snapshots keep their text: they are read through
    the importer, which converts it the same way.
    """
    for item_type, name in TEXT_TO_LIST:
        rows = db.execute("select id, fields from items where type = ?", [item_type]).fetchall()
        for item_id, text in rows:
            try:
                fields = json.loads(text)
            except ValueError:
                continue  # a damaged row is reported when the document is read, not here
            value = fields.get(name) if isinstance(fields, dict) else None
            if not isinstance(value, str):
                continue
            fields[name] = [line for line in value.splitlines() if line.strip()]
            db.execute(
                "update items set fields = ? where id = ?",
                [json.dumps(fields, ensure_ascii=False), item_id],
            )


@migrations()
def m004_inbox(db: Database) -> None:
    """Submissions from phones in a workshop room wait here until the open document takes
    them in (:mod:`reformkit.document.inbox`): on disk before the phone is thanked."""
    db.execute(
        """create table inbox (
            id text primary key, received text not null, channel text not null,
            payload text not null)"""
    )


def upgrade_values(document: Document) -> None:
    """Convert in memory what :func:`m003_text_fields_to_lists` converts in the file.

    A file is read before it is upgraded (and a read-only one is never upgraded), so the
    document read from a schema-2 file gets the same lists the migration writes.
    """
    for item_type, name in TEXT_TO_LIST:
        for _, item in document.items():
            value = item.fields.get(name)
            if item.type == item_type and isinstance(value, str):
                item.fields[name] = [line for line in value.splitlines() if line.strip()]


def schema_names() -> list[str]:
    """The names of every schema version this ReformKit knows, oldest first."""
    scratch = Database(memory=True, execute_plugins=False)
    try:
        return [migration.name for migration in migrations.pending(scratch)]
    finally:
        scratch.close()


SCHEMA_VERSION = len(schema_names())


def check_header(path: Path) -> None:
    """Refuse a missing file, or one that is not a ReformKit document, by its first bytes."""
    from reformkit.input_files import InputFileError, check_input_path

    try:  # a FIFO or a device would hang the read below: refuse it before opening
        check_input_path(path, "a ReformKit document")
    except InputFileError as error:
        raise ProjectError(str(error)) from None
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except FileNotFoundError:
        raise ProjectError(f"There is no file at {path}.") from None
    except IsADirectoryError:
        raise ProjectError(f"{path} is a folder, not a ReformKit document.") from None
    except OSError as error:
        raise ProjectError(f"{path} cannot be read: {error.strerror}.") from None
    if header.startswith(b"PK"):
        raise NotAProjectError(
            f"{path.name} is a zipped file such as a Word document, not a ReformKit document. "
            "ReformKit documents are made with New or Import."
        )
    if not header.startswith(SQLITE_MAGIC) or len(header) < 100:
        raise NotAProjectError(
            f"{path.name} is not a ReformKit document (or it is damaged beyond repair). "
            "Nothing in it was changed."
        )
    if int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        raise NotAProjectError(
            f"{path.name} is a database, but not one ReformKit made. Nothing in it was changed."
        )


def read_only_connection(path: Path) -> sqlite3.Connection:
    """Open for reading without creating or changing anything beside the file.

    With no write-ahead log beside it, nobody is writing, and the file is opened immutable
    (no lock or index files are made). With a log, a normal read-only connection reads the
    edits still in the log too.
    Every connection has SQLite's defences on (:func:`~sqlite_guard.harden`).
    """
    uri = path.resolve().as_uri()
    if not path.with_name(path.name + "-wal").exists():
        return harden(sqlite3.connect(uri + "?immutable=1", uri=True))
    try:
        connection = harden(sqlite3.connect(uri + "?mode=ro", uri=True))
        connection.execute("select count(*) from sqlite_master").fetchone()
        return connection
    except sqlite3.Error:
        # A read-only folder cannot hold the log's index; read what the file itself holds.
        return harden(sqlite3.connect(uri + "?immutable=1", uri=True))


def verify(connection: sqlite3.Connection, path: Path) -> SchemaReport:
    """Check the whole file can be read, that this ReformKit understands its version, and
    that its schema is the one ReformKit made.

    A file whose own tables differ is refused (reading them could run someone else's code).
    One with extra objects (a trigger, a view) is readable: the report lists them, and the
    caller opens it read-only. Nothing here reads a view or writes.
    """
    report = schema_report(connection, path)
    try:
        with read_budget(connection, path.name):
            problems = [str(row[0]) for row in connection.execute("PRAGMA integrity_check")]
    except sqlite3.DatabaseError as error:
        raise CorruptProjectError(_damaged(path, str(error))) from None
    if problems != ["ok"]:
        log.warning("%s failed SQLite's integrity check:\n%s", path, "\n".join(problems))
        first = " ".join(problems[0].split())
        detail = first if len(first) <= 100 else first[:99] + "…"
        if len(problems) > 1:
            detail += f"; {len(problems) - 1} more problems are listed in the log"
        raise CorruptProjectError(_damaged(path, detail))
    return report


def schema_report(connection: sqlite3.Connection, path: Path) -> SchemaReport:
    """Compare the file's schema with what ReformKit's migrations make; refuse a newer
    version, missing tables, or ReformKit's own tables changed by another program."""
    try:
        found = schema_of(connection)
        applied: list[str] = []
        ledger = found.get("_sqlite_migrations")
        if ledger is not None and ledger.type == "table":
            applied = [
                str(row[0])
                for row in connection.execute(
                    "select name from _sqlite_migrations where migration_set = ? order by rowid",
                    [migrations.name],
                )
            ]
    except sqlite3.DatabaseError as error:
        raise CorruptProjectError(_damaged(path, str(error))) from None
    known = schema_names()
    if set(applied) - set(known):
        raise NewerVersionError(
            f"{path.name} was saved by a newer version of ReformKit. Install that version to "
            "open it; this one will not change it."
        )
    if not applied or applied != known[: len(applied)]:
        raise CorruptProjectError(_damaged(path, "its tables are missing"))
    report = compare(found, expected_schema(len(applied)))
    if report.changed:
        log.warning("%s: objects not as ReformKit made them: %s", path, ", ".join(report.changed))
        altered = [name for name in report.changed if name in found]
        if not altered:
            detail = f"its table or index '{report.changed[0]}' is missing"
            raise CorruptProjectError(_damaged(path, detail))
        raise CorruptProjectError(
            f"{path.name} has been changed by another program: its {found[altered[0]].type} "
            f"'{altered[0]}' is not as ReformKit made it, so ReformKit will not read it. It has "
            "not been changed."
        )
    if report.foreign:
        log.warning(
            "%s holds objects ReformKit did not make: %s",
            path,
            "; ".join(f"{o.type} {o.name}: {o.sql}" for o in report.foreign),
        )
    return report


@functools.cache
def expected_schema(applied: int) -> dict[str, SchemaObject]:
    """The schema a file has after ReformKit's first ``applied`` migrations, made by running
    them on an empty database in memory (once per process)."""
    scratch = Database(memory=True, execute_plugins=False)
    try:
        names = [migration.name for migration in migrations.pending(scratch)]
        migrations.apply(scratch, stop_before=names[applied:])
        return schema_of(scratch.conn)
    finally:
        scratch.close()


def untrusted_reason(report: SchemaReport) -> str:
    """Why a file with objects ReformKit did not make is open read-only ("" if it has none)."""
    if not report.foreign:
        return ""
    return (
        f"This file contains things ReformKit did not put there ({describe(report.foreign)}), "
        "so it is open read-only: nothing in it can run. Save a copy to edit it."
    )


def drop_foreign(connection: sqlite3.Connection) -> None:
    """Remove from a copy everything ReformKit did not make (triggers first, before any write
    could fire one), so "Save a copy to edit it" gives a file that opens for editing."""
    harden(connection)
    found = schema_of(connection)
    applied = connection.execute("select count(*) from _sqlite_migrations").fetchone()[0]
    foreign = compare(found, expected_schema(int(applied))).foreign
    order = {"trigger": 0, "view": 1, "index": 2, "table": 3}
    for obj in sorted(foreign, key=lambda o: order.get(o.type, 4)):
        if obj.type in order and not obj.name.startswith("sqlite_"):
            quoted = obj.name.replace('"', '""')
            connection.execute(f'drop {obj.type} if exists "{quoted}"')
    connection.commit()


class UntrustedFileError(ProjectError):
    """The file holds objects ReformKit did not make, so it is not opened for writing."""


def _damaged(path: Path, detail: str) -> str:
    detail = " ".join(detail.split())
    return (
        f"{path.name} is damaged and cannot be read in full ({detail}). It has not been "
        "changed. Open an earlier copy, or ask for help recovering it."
    )


def open_for_writing(path: Path) -> Database:
    """Open for editing, with SQLite's defences on, and only a file whose schema is exactly
    what ReformKit made: no trigger in it can fire on the writes that follow."""
    db = Database(path, execute_plugins=False)
    try:
        harden(db.conn)
        db.execute("select count(*) from sqlite_master").fetchone()  # may need the -shm made
    except sqlite3.OperationalError as error:
        db.close()
        raise write_failed(path, error, f"{path.name} could not be opened for editing") from None
    try:
        report = schema_report(db.conn, path)
    except BaseException:
        db.close()
        raise
    if not report.trusted:
        db.close()
        raise UntrustedFileError(untrusted_reason(report))
    try:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = FULL")
        if db.journal_mode != "wal":
            db.enable_wal()
        migrations.apply(db)
    except sqlite3.OperationalError as error:
        db.close()
        raise write_failed(path, error, f"{path.name} could not be opened for editing") from None
    return db


@contextmanager
def write_transaction(db: Database) -> Iterator[Database]:
    """One transaction that holds the file's write lock from its start (``BEGIN IMMEDIATE``);
    inside another, a savepoint of it.

    Another connection may write the file while it is open (a workshop room's inbox,
    :mod:`reformkit.document.inbox`). A plain ``BEGIN`` that read first and wrote second
    would then fail at once if the other wrote in between; this one waits its turn instead.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.conn.rollback()  # a no-op if the error already ended the transaction
        raise
    try:
        db.conn.execute("COMMIT")
    except BaseException:
        db.conn.rollback()
        raise


def create_file(path: Path) -> Database:
    if path.exists():
        raise ProjectError(f"{path} already exists. Choose another name, or open it instead.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = Database(path, execute_plugins=False)
        harden(db.conn)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    except (OSError, sqlite3.Error) as error:
        raise ProjectError(f"ReformKit cannot create {path}: {error}.") from None
    try:
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = FULL")
        db.enable_wal()
        migrations.apply(db)
    except sqlite3.OperationalError as error:
        db.close()
        path.unlink(missing_ok=True)
        raise write_failed(path, error, f"{path.name} could not be created") from None
    return db


def write_failed(path: Path, error: sqlite3.OperationalError, what: str = "") -> ProjectError:
    """The plain message for a write SQLite refused (it rolled the change back whole).

    ``what`` says what did not happen (default: "this change to NAME was not saved"). A full
    disk shows as "database or disk is full", or as a "disk I/O error" when SQLite could not
    even grow its log or shared-memory file; both become :class:`DiskFullError`.
    """
    what = what or f"this change to {path.name} was not saved"
    code = getattr(error, "sqlite_errorcode", 0) & 0xFF
    if code == sqlite3.SQLITE_FULL or (code == sqlite3.SQLITE_IOERR and _nearly_full(path)):
        return DiskFullError(
            f"The disk is full, so {what}. Everything saved before is safe and nothing was "
            "half-written. Free some space (or use Save As to keep a copy on another drive), "
            "then try again."
        )
    return ProjectError(
        f"{what[0].upper()}{what[1:]} ({error}). Everything saved before is safe and nothing "
        "was half-written."
    )


def _nearly_full(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.resolve().parent).free < 256 * 1024
    except OSError:
        return False


def is_writable(path: Path) -> bool:
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


# Who has the file open. SQLite keeps the bytes safe; this keeps two people's edits apart.
def this_holder() -> dict[str, Any]:
    try:
        user = getpass.getuser()
    except Exception:  # no user name on some locked-down laptops
        user = ""
    return {"host": socket.gethostname(), "pid": os.getpid(), "user": user}
