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
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from reformkit.document.errors import ProjectError
from reformkit.document.model import Document, Item, clean_tags, new_id, now
from reformkit.document.sqlite_guard import harden
from reformkit.errors import ReformKitError

if TYPE_CHECKING:
    from reformkit.document.attached import Receive
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


def read_rows(
    connection: sqlite3.Connection, limit: int | None = None, skipping: Collection[str] = ()
) -> tuple[list[InboxRow], list[str]]:
    """The waiting rows in arrival order (the first ``limit`` of them, leaving out the ids in
    ``skipping``), and the ids of rows too damaged to read."""
    query = "select id, received, channel, payload from inbox order by rowid"
    if limit is not None:  # rows set aside stay in the inbox: read past them
        query += f" limit {max(0, int(limit)) + len(skipping)}"
    rows, damaged = [], []
    for row_id, received, channel, payload in connection.execute(query):
        if str(row_id) in skipping:
            continue
        try:
            data = json.loads(payload)
        except (TypeError, ValueError):
            damaged.append(str(row_id))
            continue
        if not isinstance(data, dict):
            damaged.append(str(row_id))
            continue
        rows.append(InboxRow(str(row_id), str(received), str(channel), data))
    return (rows if limit is None else rows[: max(0, limit)]), damaged


@dataclass(frozen=True)
class Received:
    """What one kind made of one row: its (section key, item) pairs, or, when ``refusal``
    is set, why it could not take the row in. A row of a channel it does not know gives
    neither."""

    row: InboxRow
    pairs: list[tuple[str, Item]] = field(default_factory=list)
    refusal: str = ""


@runtime_checkable
class ReceivesEach(Protocol):
    """A ``receive`` hook that takes a whole drain in one pass: :meth:`each` reads the
    document once for all the rows and says, row by row, what it made or why not.

    Calling the hook itself stays the plain ``receive`` contract (pairs; a bad row raises).
    A hook without ``each`` is called once per row instead.
    """

    def __call__(
        self, document: Document, rows: Sequence[InboxRow]
    ) -> Sequence[tuple[str, Item]]: ...

    def each(self, document: Document, rows: Sequence[InboxRow]) -> Sequence[Received]: ...


@dataclass(frozen=True)
class Taken:
    """What the kinds' ``receive`` hooks made of the waiting rows, before anything is written.

    ``accepted`` pairs each row with its (section key, checked item) pairs; ``refused`` gives
    each row no kind could take in, with the reason, for the log.
    """

    accepted: list[tuple[InboxRow, list[tuple[str, Item]]]]
    refused: list[tuple[InboxRow, str]]


def receive_hooks(spec: DocumentSpec) -> list[Receive]:
    """The kind's own ``receive`` and each attached kind's, in the order they are chained."""
    own = spec.own or spec
    specs = (own, *spec.attached) if spec.own is not None else (spec,)
    return [s.receive for s in specs if s.receive is not None]


def take_in(document: Document, spec: DocumentSpec, rows: Sequence[InboxRow]) -> Taken:
    """Turn the rows into items through the kinds' ``receive`` hooks, each hook reading the
    document once for all of them where it can (:class:`ReceivesEach`), and check every item
    as an edit is checked. A row a hook or the check refuses is set aside; it never stops
    the others."""
    made: dict[str, list[tuple[str, Item]]] = {row.id: [] for row in rows}
    refusals: dict[str, str] = {}
    for hook in receive_hooks(spec):
        for received in _received(hook, document, rows):
            if received.refusal:
                refusals.setdefault(received.row.id, received.refusal)
            elif received.row.id in made:
                made[received.row.id] += received.pairs
    accepted: list[tuple[InboxRow, list[tuple[str, Item]]]] = []
    refused: list[tuple[InboxRow, str]] = []
    for row in rows:
        if row.id in refusals:
            refused.append((row, refusals[row.id]))
        elif not made[row.id]:
            refused.append((row, f"no document kind takes in '{row.channel}' here"))
        else:
            try:
                pairs = [(key, _checked(spec, key, item)) for key, item in made[row.id]]
            except ReformKitError as error:
                refused.append((row, str(error)))
                continue
            except Exception as error:  # a kind's item that no edit could make: keep the row
                log.exception("Checking what inbox row %s became failed", row.id)
                refused.append((row, f"{type(error).__name__}: {error}"))
                continue
            accepted.append((row, pairs))
    return Taken(accepted, refused)


def _received(hook: Receive, document: Document, rows: Sequence[InboxRow]) -> list[Received]:
    """What ``hook`` made of each row: in one pass when it can, else row by row."""
    if isinstance(hook, ReceivesEach):
        try:
            return list(hook.each(document, rows))
        except Exception:  # a kind's hook is a plugin: its bug must not lose rows
            log.exception(
                "Taking in %d inbox rows at once failed; trying them one by one", len(rows)
            )
    return [_one(hook, document, row) for row in rows]


def _one(hook: Receive, document: Document, row: InboxRow) -> Received:
    try:
        return Received(row, list(hook(document, [row])))
    except ReformKitError as error:
        return Received(row, refusal=str(error))
    except Exception as error:  # a kind's hook is a plugin: its bug must not lose rows
        log.exception("Taking in inbox row %s failed", row.id)
        return Received(row, refusal=f"{type(error).__name__}: {error}")


def _checked(spec: DocumentSpec, key: str, item: Item) -> Item:
    kind = spec.section_type(key).item_type(item.type)
    item.type = kind.name
    item.fields = kind.clean(item.fields)
    item.tags = clean_tags(item.tags)
    return item
