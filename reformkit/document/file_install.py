"""Putting a newly built document file in place, even over one that exists.

A document is built complete in a temporary file beside its target (through
:mod:`reformkit.safe_files`), closed, and only then moved over the target. Replacing an
existing ``.reformkit`` (``import --force``, ``package --force``, Save As over a file) needs
more than a rename, because SQLite keeps a write-ahead log (``-wal``) beside the file:

- If anyone has the file open (another ReformKit holds its :class:`DocumentLock`, or
  another program holds SQLite's own locks), the replacement is refused: that program
  would go on writing into a file that is no longer there, or its log would be applied to
  the new file. The lock is held until the new file is in place.
- A ``-wal`` left by a crash holds committed edits of the old file: it is checkpointed into
  the old file (SQLite's ``journal_mode = DELETE``, which also removes the ``-wal`` and
  ``-shm``), so a new main file never sits beside an old log. SQLite's lock on the old file
  is held until the new file is in place.
- Until the new file is moved in, the old file is untouched apart from that checkpoint,
  which changes no content.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reformkit import safe_files
from reformkit.document.document_lock import DocumentLock
from reformkit.document.errors import DocumentInUseError, ProjectError
from reformkit.errors import ReformKitError

COMPANIONS = ("-wal", "-shm", "-journal")


@contextmanager
def building(
    target: Path,
    *,
    force: bool = False,
    keep_existing: bool = True,
    open_document: Path | None = None,
    locked: bool = False,
    error: type[ReformKitError] = ProjectError,
) -> Iterator[Path]:
    """Yield a fresh path beside ``target`` to build a document at (not yet created).

    When the block ends with the file there, complete and closed, it replaces ``target``
    (see the module's rules). If the block raises, nothing at ``target`` changes and the
    temporary file and its companions are removed. ``locked`` says the caller already holds
    ``target``'s :class:`DocumentLock`; otherwise it is taken for the replacement.
    """
    real = safe_files.check_target(
        target, open_document=open_document, force=force, keep_existing=keep_existing, error=error
    )
    safe_files.clean_stale(real.parent)
    # Made and removed at once: a folder that cannot be written is then reported in plain
    # words (SQLite would only say "unable to open database file"), and SQLite makes it anew.
    temporary = safe_files.create_temporary(real, error)
    temporary.unlink()
    try:
        yield temporary
        if locked:
            install(temporary, real, error=error)
        else:
            with take_lock(real, error):
                install(temporary, real, error=error)
    finally:
        for path in (temporary, *(companion(temporary, suffix) for suffix in COMPANIONS)):
            path.unlink(missing_ok=True)


def take_lock(path: Path, error: type[ReformKitError] = ProjectError) -> DocumentLock:
    """The writer role for ``path`` (:class:`DocumentLock`), or why not in plain words."""
    try:
        return DocumentLock.acquire(path)
    except OSError as failure:
        raise error(safe_files.cannot_write(path.parent, failure)) from None


def install(built: Path, real: Path, error: type[ReformKitError] = ProjectError) -> None:
    """Move the complete, closed document ``built`` over ``real`` (which may exist).

    The caller holds ``real``'s :class:`DocumentLock`, so no ReformKit is editing it; this
    checks SQLite's own locks too (another program, or an older ReformKit).
    """
    if not os.path.lexists(real) or (not safe_files.is_document(real) and not _has_log(real)):
        safe_files.commit(built, real, error=error)
        return
    held = _quiesce(real)
    try:
        safe_files.commit(built, real, error=error)
    finally:
        if held is not None:
            held.close()


def _quiesce(path: Path) -> sqlite3.Connection | None:
    """Checkpoint a leftover ``-wal`` into ``path`` and hold SQLite's lock on it.

    Returns the connection holding the lock (close it once the new file is in place), or
    ``None`` when ``path`` is not a database SQLite can open; then a leftover log is moved
    aside and removed, since it cannot belong to that file.
    """
    try:
        connection = sqlite3.connect(path, timeout=0, isolation_level=None)
    except sqlite3.Error:
        _discard_log(path)
        return None
    try:
        mode = str(connection.execute("PRAGMA journal_mode = DELETE").fetchone()[0])
        if mode.lower() != "delete":
            raise sqlite3.OperationalError("database is locked")
        connection.execute("BEGIN EXCLUSIVE")
    except sqlite3.OperationalError as failure:
        connection.close()
        if "locked" in str(failure) or "busy" in str(failure):
            raise DocumentInUseError(
                f"{path.name} is open in another program (perhaps another ReformKit), so it "
                "was not replaced. Close it there first, then try again.",
                {},
            ) from None
        _discard_log(path)
        return None
    except sqlite3.DatabaseError:
        connection.close()
        _discard_log(path)
        return None
    if _has_log(path):
        connection.close()
        raise DocumentInUseError(
            f"{path.name} is still being written by another program, so it was not replaced. "
            "Close it there first, then try again.",
            {},
        )
    return connection


def _discard_log(path: Path) -> None:
    """Move a log that cannot be the file's own out of the way before the file is replaced."""
    for suffix in ("-wal", "-shm"):
        log = companion(path, suffix)
        if not os.path.lexists(log):
            continue
        aside = safe_files.temporary_path(log)
        try:
            os.replace(log, aside)
            aside.unlink()
        except OSError as failure:
            raise ProjectError(safe_files.cannot_write(log, failure)) from None


def _has_log(path: Path) -> bool:
    return os.path.lexists(companion(path, "-wal"))


def companion(path: Path, suffix: str) -> Path:
    """SQLite's file beside ``path``: ``NAME.reformkit-wal`` and the like."""
    return path.with_name(path.name + suffix)
