"""Reading a whole document from the tables of a project file, and the rows it writes."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

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


def load_document(connection: sqlite3.Connection) -> Document:
    """Read every table into a :class:`Document`. ``connection`` must return ``sqlite3.Row``."""
    meta_values = {row["key"]: row["value"] for row in connection.execute("select * from meta")}
    kind = meta_values.get("kind", "")
    values: dict[str, Any] = {key: meta_values[key] for key in _META_KEYS if key in meta_values}
    values["authors"] = json.loads(values.get("authors") or "[]")
    meta = Meta(**values)
    sections: dict[str, Section] = {}
    for row in connection.execute("select * from sections order by position"):
        sections[row["id"]] = Section(
            id=row["id"],
            key=row["key"],
            title=row["title"],
            intro=row["intro"],
            tags=json.loads(row["tags"]),
            owner=row["owner"],
        )
    for row in connection.execute("select * from items order by section_id, position"):
        source = None
        if row["source_id"]:
            source = Source(row["source_id"], row["source_revision"] or "")
        sections[row["section_id"]].items.append(
            Item(
                id=row["id"],
                type=row["type"],
                fields=json.loads(row["fields"]),
                tags=json.loads(row["tags"]),
                source=source,
                needs_review=bool(row["needs_review"]),
                author=row["author"],
                created=row["created"],
                modified=row["modified"],
            )
        )
    return Document(kind=kind, meta=meta, sections=list(sections.values()))
