"""The catalogue: the briefing's entries and the user's own, in one SQLite file, searchable.

Seed entries (origin ``briefing`` or ``suggestion``) are replaced whenever the bundled seed
changes; the user's entries (origin ``user``) are never touched by that, so upgrading
ReformKit cannot lose anything a user wrote.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from sqlite_utils import Database

from reformkit.catalogue import fts
from reformkit.catalogue.entry import USER, Entry
from reformkit.catalogue.ids import normalise_id
from reformkit.catalogue.kinds import KINDS, resolve_kind, user_kinds
from reformkit.catalogue.library_file import connect
from reformkit.catalogue.seed import Seed, load_seed
from reformkit.errors import InvalidEntryError, UnknownEntryError

# Recommendations are what every charter and plan maps to, so they rank well above other
# entries that match as well. bm25 scores are negative (lower is better): a weight above 1
# lifts a row.
_KIND_WEIGHT = {"recommendation": 3.0}
_TITLE_WEIGHT = 4.0
# More matches than this and a search ranks only the catalogue's own entries (see search).
BROAD = 300
_KIND_ORDER = {name: index for index, name in enumerate(KINDS)}

#: What happened to the catalogue: an entry added (id "" for many at once), changed, removed.
CatalogueChange = Literal["added", "changed", "removed"]
Listener = Callable[[CatalogueChange, str], None]


@dataclass(frozen=True)
class SearchHit:
    entry: Entry
    snippet: str  # with fts.MATCH_START / fts.MATCH_END around the words that matched
    score: float

    def snippet_marked(self, start: str = "[", end: str = "]") -> str:
        return fts.mark(self.snippet, start, end)


class Catalogue:
    """The catalogue store. Open it with :meth:`open`; close it when done."""

    def __init__(self, db: Database, seed: Seed, recovered_from: Path | None = None):
        self._db = db
        self.seed = seed
        self.recovered_from = recovered_from
        self._listeners: list[Listener] = []
        self._seed_range: tuple[int, int] | None = None
        self._sync_seed()

    @classmethod
    def open(cls, path: Path | None = None, seed: Seed | None = None) -> Catalogue:
        """Open the library at ``path`` (in memory when ``None``) with the given seed."""
        db, moved = connect(path)
        return cls(db, seed or load_seed(), recovered_from=moved)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Catalogue:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # Change notification: the desktop app subscribes; the kernel knows nothing of Qt.
    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def _notify(self, change: CatalogueChange, entry_id: str) -> None:
        for listener in list(self._listeners):
            listener(change, entry_id)

    # Reading.
    def get(self, entry_id: str) -> Entry:
        key = normalise_id(entry_id)
        rows = list(self._db.query("select * from entries where id = ?", [key]))
        if not rows:
            raise UnknownEntryError(self._unknown_id_message(entry_id))
        return Entry.from_row(rows[0])

    def entries(self, kind: str | None = None) -> list[Entry]:
        if kind is None:
            rows = self._db.query("select * from entries")
        else:
            rows = self._db.query("select * from entries where kind = ?", [resolve_kind(kind)])
        return sorted((Entry.from_row(r) for r in rows), key=_order)

    def children(self, parent_id: str) -> list[Entry]:
        rows = self._db.query("select * from entries where parent = ?", [normalise_id(parent_id)])
        return sorted((Entry.from_row(r) for r in rows), key=_order)

    def count(self, kind: str | None = None, origin: str | None = None) -> int:
        clauses, params = [], []
        if kind is not None:
            clauses.append("kind = ?")
            params.append(resolve_kind(kind))
        if origin is not None:
            clauses.append("origin = ?")
            params.append(origin)
        where = f" where {' and '.join(clauses)}" if clauses else ""
        return int(self._db.execute(f"select count(*) from entries{where}", params).fetchone()[0])

    def search(
        self, text: str, limit: int = 20, kinds: Iterable[str] = (), match_any: bool = False
    ) -> list[SearchHit]:
        """Entries matching every word of ``text`` (or any, with ``match_any``), best first,
        with a snippet of the match.

        A query that matches more than :data:`BROAD` entries (the first letter or two of a
        word, or "we will" over a big library) says too little for a ranking of every match
        to mean much, and ranking thousands took 15-25 ms a keystroke: the briefing's and
        ReformKit's entries are then ranked among themselves, and the user's own follow,
        newest first.
        """
        query = fts.build_query(text, match_any=match_any)
        if not query:
            return []
        wanted = [resolve_kind(k) for k in kinds]
        if match_any or self._matches(query, BROAD + 1) <= BROAD:
            return self._hits(query, wanted, limit)
        low, high = self._seed_rowids()
        ours = self._hits(
            query,
            wanted,
            limit,
            " and entries_fts.rowid between ? and ? and e.origin != ?",
            [low, high, USER],
        )
        if len(ours) >= limit:
            return ours
        theirs = self._hits(
            query, wanted, limit - len(ours), " and e.origin = ?", [USER], "entries_fts.rowid desc"
        )
        return ours + theirs

    def _matches(self, query: str, most: int) -> int:
        """How many entries match ``query``, counted up to ``most``."""
        sql = (
            "select count(*) from (select rowid from entries_fts where entries_fts match ? limit ?)"
        )
        return int(self._db.execute(sql, [query, most]).fetchone()[0])

    def _seed_rowids(self) -> tuple[int, int]:
        """The first and last row of the catalogue's own entries: they are written together
        (see :meth:`_sync_seed`), so the search index can skip the user's rows around them."""
        if self._seed_range is None:
            row = self._db.execute(
                "select min(rowid), max(rowid) from entries where origin != ?", [USER]
            ).fetchone()
            self._seed_range = (int(row[0] or 0), int(row[1] or -1))
        return self._seed_range

    def _hits(
        self,
        query: str,
        kinds: list[str],
        limit: int,
        where: str = "",
        params: list[object] | None = None,
        order: str = "score",
    ) -> list[SearchHit]:
        weight = " ".join(f"when '{k}' then {w}" for k, w in _KIND_WEIGHT.items())
        values: list[object] = [fts.MATCH_START, fts.MATCH_END, query, *(params or [])]
        if kinds:
            where += f" and e.kind in ({', '.join('?' for _ in kinds)})"
            values.extend(kinds)
        sql = f"""
            select e.*, snippet(entries_fts, -1, ?, ?, '…', 16) as snippet,
                   bm25(entries_fts, {_TITLE_WEIGHT}, 1.0)
                     * (case e.kind {weight} else 1.0 end) as score
            from entries_fts join entries e on e.rowid = entries_fts.rowid
            where entries_fts match ?{where}
            order by {order} limit ?"""
        values.append(limit)
        return [
            SearchHit(Entry.from_row(row), row["snippet"], row["score"])
            for row in self._db.query(sql, values)
        ]

    # The user's own entries.
    def add(
        self,
        kind: str,
        title: str,
        text: str,
        related: Iterable[str] = (),
        parent: str | None = None,
    ) -> Entry:
        """Add a user entry (a right, duty, principle or clause) and return it."""
        kind = resolve_kind(kind)
        if kind not in user_kinds():
            raise InvalidEntryError(
                f"You can add your own {', '.join(user_kinds())}, but not a {kind}."
            )
        now = _now()
        entry = Entry(
            id=f"U-{uuid.uuid4().hex[:12]}",
            kind=kind,
            title=_required(title, "title"),
            text=_required(text, "text"),
            related=self._checked_ids(related),
            parent=normalise_id(parent) if parent else None,
            origin=USER,
            source="Added by you",
            created=now,
            modified=now,
        )
        with self._db.atomic():
            self._db.table("entries").insert(entry.to_row())
        self._notify("added", entry.id)
        return entry

    def add_many(self, entries: Iterable[Entry]) -> int:
        """Store user entries in bulk (imports, benchmarks). Ids must be ``U-`` ids."""
        rows = []
        for entry in entries:
            if entry.origin != USER or not entry.id.startswith("U-"):
                raise InvalidEntryError(f"Only your own entries can be added, not {entry.id}.")
            rows.append(entry.to_row())
        with self._db.atomic():
            self._db.table("entries").insert_all(rows, batch_size=500)
        self._notify("added", "")
        return len(rows)

    def update(self, entry_id: str, **changes: Any) -> Entry:
        entry = self._user_entry(entry_id)
        if "title" in changes:
            changes["title"] = _required(changes["title"], "title")
        if "text" in changes:
            changes["text"] = _required(changes["text"], "text")
        if "related" in changes:
            changes["related"] = self._checked_ids(changes["related"])
        updated = replace(entry, **changes, modified=_now())
        with self._db.atomic():
            self._db.table("entries").update(entry.id, updated.to_row())
        self._notify("changed", entry.id)
        return updated

    def remove(self, entry_id: str) -> None:
        entry = self._user_entry(entry_id)
        with self._db.atomic():
            self._db.table("entries").delete(entry.id)
        self._notify("removed", entry.id)

    # Seed upgrades.
    def _sync_seed(self) -> None:
        if self._meta("seed_fingerprint") == self.seed.fingerprint:
            return
        with self._db.atomic():
            self._seed_range = None
            self._db.execute("delete from entries where origin != ?", [USER])
            self._db.table("entries").insert_all(
                (entry.to_row() for entry in self.seed.entries), batch_size=200
            )
            meta = self._db.table("meta")
            meta.upsert({"key": "seed_fingerprint", "value": self.seed.fingerprint}, pk="key")
            meta.upsert({"key": "seed_version", "value": self.seed.version}, pk="key")

    def _meta(self, key: str) -> str | None:
        row = self._db.execute("select value from meta where key = ?", [key]).fetchone()
        return row[0] if row else None

    # Helpers.
    def _user_entry(self, entry_id: str) -> Entry:
        entry = self.get(entry_id)
        if entry.origin != USER:
            raise InvalidEntryError(
                f"{entry.id} "
                + ("quotes the briefing" if entry.from_briefing else "is a ReformKit suggestion")
                + ", so it cannot be changed or removed. Add your own version of it instead."
            )
        return entry

    def _checked_ids(self, ids: Iterable[str]) -> tuple[str, ...]:
        checked = tuple(normalise_id(i) for i in ids)
        for entry_id in checked:
            self.get(entry_id)
        return checked

    def _unknown_id_message(self, entry_id: str) -> str:
        prefixes = sorted({e.id.rstrip("0123456789") for e in self.seed.entries})
        return (
            f"There is no catalogue entry '{entry_id}'. Recommendations are R1 to R22; other "
            f"ids start with {', '.join(prefixes)} or U- (your own). "
            "Run 'reformkit catalogue list' to see them all."
        )


def _order(entry: Entry) -> tuple[int, int, int, str]:
    return (_KIND_ORDER.get(entry.kind, 99), entry.origin == USER, entry.number or 0, entry.title)


def _required(value: object, name: str) -> str:
    text = str(value or "").strip()
    if not text:
        raise InvalidEntryError(f"Please give the entry a {name}; it cannot be empty.")
    return text


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
