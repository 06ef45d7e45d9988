"""SQLite's own defences, on every connection ReformKit opens to a document.

A document may come from anyone, and its schema is part of it: a trigger or a view is code
written by whoever made the file. These settings keep that code from doing harm while the
file is read, and a step budget keeps a read from running for ever.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from reformkit.document.errors import CorruptProjectError

# SQLite calls the progress handler every READ_STEPS virtual-machine steps; a read that
# needs more than READ_BUDGET calls (two thousand million steps, tens of seconds) is not
# reading a document ReformKit wrote. Reading the largest real plan takes a few million.
READ_STEPS = 100_000
READ_BUDGET = 20_000


def harden(connection: sqlite3.Connection) -> sqlite3.Connection:
    """Switch on the defences this Python's SQLite offers, and return the connection.

    ``trusted_schema=OFF`` stops views and triggers calling functions with side effects;
    defensive mode stops anything rewriting the schema or the file's raw pages;
    ``cell_size_check`` catches damaged pages before they are read; and no extension can be
    loaded.
    """
    connection.execute("PRAGMA trusted_schema = OFF")
    connection.execute("PRAGMA cell_size_check = ON")
    setconfig = getattr(connection, "setconfig", None)
    defensive = getattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE", None)
    if setconfig is not None and defensive is not None:  # Python 3.12 and later
        setconfig(defensive, True)
    if hasattr(connection, "enable_load_extension"):
        connection.enable_load_extension(False)
    return connection


class ReadTooLongError(CorruptProjectError):
    """Reading the file needed far more work than any document ReformKit writes."""


@contextmanager
def read_budget(
    connection: sqlite3.Connection, name: str, budget: int | None = None
) -> Iterator[None]:
    """Abandon any statement run inside this block once it exceeds ``budget``.

    SQLite then fails the statement with "interrupted", which becomes a plain
    :class:`ReadTooLongError` naming the file.
    """
    budget = READ_BUDGET if budget is None else budget
    calls = 0

    def tick() -> int:
        nonlocal calls
        calls += 1
        return 1 if calls > budget else 0

    connection.set_progress_handler(tick, READ_STEPS)
    try:
        yield
    except sqlite3.OperationalError:
        if calls > budget:
            raise ReadTooLongError(
                f"{name} takes far longer to read than any ReformKit document, so ReformKit "
                "stopped reading it. It may be damaged or made by another program; it has not "
                "been changed."
            ) from None
        raise
    finally:
        connection.set_progress_handler(None, 0)
