"""Opening the library file safely: schema migrations, and moving a corrupt file aside.

A library ReformKit cannot read is never deleted or overwritten: it is renamed beside the
new one, so the user (or someone helping them) can still recover what was in it.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from reformkit import safe_files
from reformkit.errors import LibraryError

migrations = Migrations("reformkit.library")


@migrations()
def m001_entries(db: Database) -> None:
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("entries").create(
        {
            "id": str,
            "kind": str,
            "number": int,
            "title": str,
            "quote": str,
            "text": str,
            "body": str,
            "parent": str,
            "page": int,
            "theme": str,
            "from_text": str,
            "to_text": str,
            "addressed_to": str,
            "expected_in": str,
            "related": str,
            "source": str,
            "licence": str,
            "origin": str,
            "created": str,
            "modified": str,
            "extra": str,
            "revision": str,
        },
        pk="id",
        not_null={"kind", "title", "origin"},
    )
    db.table("entries").create_index(["kind"])
    db.table("entries").create_index(["origin"])
    db.table("entries").create_index(["parent"])
    db.table("entries").enable_fts(["title", "body"], tokenize="porter", create_triggers=True)


@migrations()
def m002_origin_affects_caveat(db: Database) -> None:
    """Entries say whether they are the briefing's or ReformKit's suggestions (origin
    "briefing" or "suggestion" where there was one "seed"), whom a recommendation affects
    beside whom it addresses, and the briefing's caveat. The old seed rows are dropped and
    rebuilt from the bundled seed when the library opens; the user's rows are kept as they are.
    """
    entries = db.table("entries")
    entries.add_column("affects", str)
    entries.add_column("caveat", str)
    db.execute("delete from entries where origin = 'seed'")
    db.execute("delete from meta where key = 'seed_fingerprint'")


@migrations()
def m003_prefix_index(db: Database) -> None:
    """The search index also keeps each word's first one, two and three letters, so the
    first letters someone types find their entries at once rather than by reading every
    word that starts with them (FTS5's ``prefix`` option). The index is rebuilt from the
    entries; its triggers are the ones :func:`m001_entries` made."""
    for trigger in ("entries_ai", "entries_ad", "entries_au"):
        db.execute(f"drop trigger if exists [{trigger}]")
    db.execute("drop table if exists entries_fts")
    db.execute(
        "create virtual table entries_fts using fts5("
        "title, body, tokenize='porter', prefix='1 2 3', content='entries')"
    )
    db.execute(
        "create trigger entries_ai after insert on entries begin "
        "insert into entries_fts (rowid, title, body) values (new.rowid, new.title, new.body); "
        "end"
    )
    db.execute(
        "create trigger entries_ad after delete on entries begin "
        "insert into entries_fts (entries_fts, rowid, title, body) "
        "values ('delete', old.rowid, old.title, old.body); end"
    )
    db.execute(
        "create trigger entries_au after update on entries begin "
        "insert into entries_fts (entries_fts, rowid, title, body) "
        "values ('delete', old.rowid, old.title, old.body); "
        "insert into entries_fts (rowid, title, body) values (new.rowid, new.title, new.body); "
        "end"
    )
    db.execute("insert into entries_fts (entries_fts) values ('rebuild')")


def connect(path: Path | None) -> tuple[Database, Path | None]:
    """Open (or create) the library, returning it and where a corrupt old file was moved."""
    if path is None:
        db = Database(memory=True, execute_plugins=False)
        migrations.apply(db)
        return db, None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise LibraryError(safe_files.cannot_write(path.parent, error)) from None
    # The library is edited in place by SQLite, so it is not replaced whole; but it is
    # written under the same rules: never a FIFO, a device or a ReformKit document.
    if path.is_file() and safe_files.is_document(path):
        raise LibraryError(
            f"{path} is a ReformKit document, not a library. Choose another library file."
        )
    real = safe_files.check_target(path, force=True, error=LibraryError)
    safe_files.clean_stale(real.parent)
    moved: Path | None = None
    try:
        db = _open_checked(path)
    except sqlite3.DatabaseError:
        moved = _move_aside(path)
        db = _open_checked(path)
    return db, moved


def _open_checked(path: Path) -> Database:
    db = Database(path, execute_plugins=False)
    try:
        db.execute("PRAGMA foreign_keys = ON")
        status = db.execute("PRAGMA quick_check").fetchone()[0]
        if status != "ok":
            raise sqlite3.DatabaseError(f"integrity check failed: {status}")
        known = _known_migrations()
        applied = {m.name for m in migrations.applied(db)}
        if applied - known:
            raise LibraryError(
                f"Your library at {path} was written by a newer version of ReformKit. "
                "Install that version again, or move the file elsewhere to start afresh."
            )
        tables = set(db.table_names())
        if tables and not applied and "entries" not in tables:
            raise sqlite3.DatabaseError("not a ReformKit library")
        if db.journal_mode != "wal":
            db.enable_wal()
        migrations.apply(db)
    except BaseException:
        db.close()
        raise
    return db


def _known_migrations() -> set[str]:
    scratch = Database(memory=True, execute_plugins=False)
    try:
        return {migration.name for migration in migrations.pending(scratch)}
    finally:
        scratch.close()


def _move_aside(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.unreadable-{stamp}{path.suffix}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.stem}.unreadable-{stamp}-{counter}{path.suffix}")
        counter += 1
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    return target
