"""Comparing a file's schema with the one ReformKit's migrations make.

Anything else in the file (a trigger, a view, a table or index ReformKit did not create) was
put there by another program. A trigger runs on writes and a view can loop on reads, so such
a file is only ever read, table by table, and never written.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

_QUOTES = re.compile(r'["`\[\]]')
_SPACE = re.compile(r"\s+")
_AROUND_PUNCTUATION = re.compile(r"\s*([(),])\s*")


@dataclass(frozen=True)
class SchemaObject:
    """One row of ``sqlite_master``: a table, index, view or trigger, its SQL normalised."""

    type: str
    name: str
    table: str
    sql: str


def normalise(sql: str | None) -> str:
    """The same definition however it was quoted, spaced or capitalised."""
    text = _QUOTES.sub("", sql or "").lower()
    text = _AROUND_PUNCTUATION.sub(r"\1", _SPACE.sub(" ", text))
    return text.strip()


def schema_of(connection: sqlite3.Connection) -> dict[str, SchemaObject]:
    """Every object in the file by name. Reading ``sqlite_master`` runs none of them.

    SQLite's own statistics tables (``sqlite_stat1``…) are left out: they hold numbers only.
    """
    rows = connection.execute("select type, name, tbl_name, sql from sqlite_master")
    found = {}
    for kind, name, table, sql in rows:
        if str(name).startswith("sqlite_stat"):
            continue
        found[str(name)] = SchemaObject(str(kind), str(name), str(table), normalise(sql))
    return found


@dataclass(frozen=True)
class SchemaReport:
    """How a file's schema differs from the expected one."""

    foreign: tuple[SchemaObject, ...] = ()  # objects ReformKit did not make
    changed: tuple[str, ...] = ()  # ReformKit's own objects, missing or defined differently

    @property
    def trusted(self) -> bool:
        return not self.foreign and not self.changed


def compare(
    found: Mapping[str, SchemaObject], expected: Mapping[str, SchemaObject]
) -> SchemaReport:
    foreign = tuple(obj for name, obj in sorted(found.items()) if name not in expected)
    changed = tuple(name for name, obj in sorted(expected.items()) if found.get(name) != obj)
    return SchemaReport(foreign, changed)


def describe(objects: Iterable[SchemaObject]) -> str:
    """'a trigger named wipe', or 'a trigger named wipe and 2 other things'."""
    listed = list(objects)
    if not listed:
        return "nothing"
    first = listed[0]
    text = f"{_article(first.type)} {first.type} named {first.name}"
    if len(listed) == 2:
        second = listed[1]
        text += f" and {_article(second.type)} {second.type} named {second.name}"
    elif len(listed) > 2:
        text += f" and {len(listed) - 1} other things"
    return text


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"
