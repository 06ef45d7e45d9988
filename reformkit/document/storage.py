"""Reading a whole document from the tables of a project file, and the rows it writes."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from reformkit.document.limits import read_json_int
from reformkit.document.model import Document, Item, Meta, Section, Source

_META_KEYS = (
    "id",
    "title",
    "organisation",
    "authors",
    "language",
    "created",
    "modified",
    "catalogue_version",
    "app_version",
)


def meta_rows(meta: Meta) -> list[dict[str, str]]:
    rows = []
    for key in _META_KEYS:
        value = getattr(meta, key)
        rows.append({"key": key, "value": json.dumps(value) if key == "authors" else value})
    return rows


def section_row(section: Section, position: int) -> dict[str, Any]:
    return {
        "id": section.id,
        "key": section.key,
        "position": position,
        "title": section.title,
        "intro": section.intro,
        "tags": json.dumps(section.tags),
        "owner": section.owner,
    }


_ITEM_COLUMNS = (
    "id, section_id, position, type, fields, tags, source_id, source_revision, needs_review, "
    "author, created, modified"
)


class DamagedRowsError(ValueError):
    """The tables are readable but hold values ReformKit never writes (the file was damaged
    or changed by another program); the message says which."""


def load_document(connection: sqlite3.Connection) -> Document:
    """Read every table into a :class:`Document`. ``connection`` must return ``sqlite3.Row``.

    Raises :class:`DamagedRowsError` for rows ReformKit could not have written. Each table
    is read by name, column by column: nothing else in the file is evaluated.
    """
    meta_values = {
        row["key"]: row["value"] for row in connection.execute("select key, value from meta")
    }
    kind = meta_values.get("kind", "")
    values: dict[str, Any] = {key: meta_values[key] for key in _META_KEYS if key in meta_values}
    values["authors"] = _json(values.get("authors") or "[]", list, "the list of authors")
    _check_text(values, "the document's details", *(key for key in values if key != "authors"))
    meta = Meta(**values)
    sections: dict[str, Section] = {}
    for row in connection.execute(
        "select id, key, position, title, intro, tags, owner from sections order by position"
    ):
        where = f"the part {row['title']!r}"
        _check_text(row, where, "id", "key", "title", "intro", "owner")
        sections[row["id"]] = Section(
            id=row["id"],
            key=row["key"],
            title=row["title"],
            intro=row["intro"],
            tags=_json(row["tags"], list, f"the tags of {where}"),
            owner=row["owner"],
        )
    for row in connection.execute(
        f"select {_ITEM_COLUMNS} from items order by section_id, position"
    ):
        where = f"item {row['id']!r}"
        _check_text(row, where, "id", "type", "author", "created", "modified")
        source = None
        if row["source_id"]:
            source = Source(str(row["source_id"]), str(row["source_revision"] or ""))
        if row["section_id"] not in sections:
            raise DamagedRowsError(f"{where} belongs to a part that is not in the file")
        sections[row["section_id"]].items.append(
            Item(
                id=row["id"],
                type=row["type"],
                fields=_json(row["fields"], dict, f"the fields of {where}"),
                tags=_json(row["tags"], list, f"the tags of {where}"),
                source=source,
                needs_review=bool(row["needs_review"]),
                author=row["author"],
                created=row["created"],
                modified=row["modified"],
            )
        )
    return Document(kind=kind, meta=meta, sections=list(sections.values()))


def _json(text: Any, kind: type, what: str) -> Any:
    try:
        # A 5,000-digit number becomes a marker the field check names, not a ValueError.
        value: Any = json.loads(text, parse_int=read_json_int)
    except (TypeError, ValueError):  # not text, not UTF-8, not JSON
        raise DamagedRowsError(f"{what} cannot be read") from None
    if not isinstance(value, kind) or (
        isinstance(value, list) and not all(isinstance(v, str) for v in value)
    ):
        raise DamagedRowsError(f"{what} are not what ReformKit writes")
    return value


def _check_text(row: Any, where: str, *names: str) -> None:
    for name in names:
        if not isinstance(row[name], str):
            raise DamagedRowsError(f"the {name} of {where} is not text")
