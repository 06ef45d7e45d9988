"""Submissions waiting in a document file until the open document takes them in.

Phones in a workshop room post contributions, placements and votes from the room server's
threads. Each is written to the file's ``inbox`` table by an :class:`InboxWriter` before
the phone is thanked, so a crash loses nothing; :meth:`Project.drain_inbox` later turns the
rows into items, through the kinds' ``receive`` hooks, in one transaction with their removal.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reformkit.document.errors import ProjectError
from reformkit.document.model import Document, Item, clean_tags, new_id, now
from reformkit.document.sqlite_guard import harden
from reformkit.errors import ReformKitError

if TYPE_CHECKING:
    from reformkit.document.spec import DocumentSpec

TABLE = "inbox"
BUSY_TIMEOUT_MS = 5000
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class InboxRow:
    """One submission: its id, when it arrived, its channel ("vote") and what it holds."""

    id: str
    received: str
    channel: str
    payload: dict[str, Any]


class InboxError(ProjectError):
    """The inbox of a document file cannot be written."""


class InboxWriter:
    """Puts submissions into a document file's inbox, from any thread, each on disk before
    :meth:`put` returns. It has its own connection, so it never waits on the window's."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        try:
            connection = sqlite3.connect(
                self.path.resolve().as_uri() + "?mode=rw",
                uri=True,
                timeout=BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
        except sqlite3.Error as error:
            raise InboxError(
                f"{self.path.name} cannot be opened to take in answers: {error}."
            ) from None
        try:
            harden(connection)
            connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            connection.execute("PRAGMA synchronous = FULL")
            if connection.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                connection.execute("PRAGMA journal_mode = WAL")
            found = connection.execute(
                "select count(*) from sqlite_master where type = 'table' and name = ?", [TABLE]
            ).fetchone()[0]
        except sqlite3.Error as error:
            connection.close()
            raise InboxError(f"{self.path.name} cannot take in answers: {error}.") from None
        if not found:
            connection.close()
            raise InboxError(
                f"{self.path.name} cannot take in answers yet: open it for editing in this "
                "version of ReformKit first."
            )
        self._connection: sqlite3.Connection | None = connection

    def put(self, channel: str, payload: dict[str, Any]) -> str:
        """Write one submission and commit it; return its id. Raises :class:`InboxError`."""
        row_id = new_id()
        text = json.dumps(payload, ensure_ascii=False)
        with self._lock:
            if self._connection is None:
                raise InboxError(f"Answers are no longer taken in for {self.path.name}.")
            try:
                self._connection.execute(
                    "insert into inbox (id, received, channel, payload) values (?, ?, ?, ?)",
                    [row_id, now(), channel, text],
                )
            except sqlite3.Error as error:
                raise InboxError(
                    f"An answer could not be saved in {self.path.name} ({error})."
                ) from None
        return row_id

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

    def __enter__(self) -> InboxWriter:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def read_rows(connection: sqlite3.Connection) -> tuple[list[InboxRow], list[str]]:
    """The waiting rows in arrival order, and the ids of rows too damaged to read."""
    rows, damaged = [], []
    for row_id, received, channel, payload in connection.execute(
        "select id, received, channel, payload from inbox order by rowid"
    ):
        try:
            data = json.loads(payload)
        except (TypeError, ValueError):
            damaged.append(str(row_id))
            continue
        if not isinstance(data, dict):
            damaged.append(str(row_id))
            continue
        rows.append(InboxRow(str(row_id), str(received), str(channel), data))
    return rows, damaged


@dataclass(frozen=True)
class Taken:
    """What the kinds' ``receive`` hooks made of the waiting rows, before anything is written.

    ``accepted`` pairs each row with its (section key, checked item) pairs; ``refused`` gives
    each row no kind could take in, with the reason, for the log.
    """

    accepted: list[tuple[InboxRow, list[tuple[str, Item]]]]
    refused: list[tuple[InboxRow, str]]


def take_in(document: Document, spec: DocumentSpec, rows: Sequence[InboxRow]) -> Taken:
    """Turn each row into items through ``spec.receive``, checking every item as an edit is
    checked. A row the hook or the check refuses is set aside; it never stops the others."""
    accepted: list[tuple[InboxRow, list[tuple[str, Item]]]] = []
    refused: list[tuple[InboxRow, str]] = []
    for row in rows:
        if spec.receive is None:
            refused.append((row, f"no document kind takes in '{row.channel}' here"))
            continue
        try:
            made = spec.receive(document, [row])
            pairs = [(key, _checked(spec, key, item)) for key, item in made]
        except ReformKitError as error:
            refused.append((row, str(error)))
            continue
        except Exception as error:  # a kind's hook is a plugin: its bug must not lose rows
            log.exception("Taking in inbox row %s failed", row.id)
            refused.append((row, f"{type(error).__name__}: {error}"))
            continue
        if not pairs:
            refused.append((row, f"no document kind takes in '{row.channel}' here"))
            continue
        accepted.append((row, pairs))
    return Taken(accepted, refused)


def _checked(spec: DocumentSpec, key: str, item: Item) -> Item:
    kind = spec.section_type(key).item_type(item.type)
    item.type = kind.name
    item.fields = kind.clean(item.fields)
    item.tags = clean_tags(item.tags)
    return item
