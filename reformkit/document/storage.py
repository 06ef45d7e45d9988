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


_ITEM_TEXT_NAMES = ("id", "type", "author", "created", "modified")


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
    # A thousand-section plan has 12,000 items: their rows are read as plain tuples, and
    # the words naming a bad one are only made if one is found.
    items = connection.execute(f"select {_ITEM_COLUMNS} from items order by section_id, position")
    items.row_factory = None
    tag_lists: dict[str, list[str]] = {}  # the same few tag lists, each read once
    for row in items:
        (item_id, section_id, _, item_type, fields, tags, source_id, revision) = row[:8]
        needs_review, author, created, modified = row[8:]
        texts = (item_id, item_type, author, created, modified)
        if set(map(type, texts)) != _JUST_TEXT:
            _check_text(dict(zip(_ITEM_TEXT_NAMES, texts, strict=True)), f"item {item_id!r}")
        tag_list = tag_lists.get(tags) if type(tags) is str else None
        if tag_list is None:
            tag_list = _json(tags, list, "the tags of item", item_id)
            if type(tags) is str:
                tag_lists[tags] = tag_list
        section = sections.get(section_id)
        if section is None:
            raise DamagedRowsError(f"item {item_id!r} belongs to a part that is not in the file")
        section.items.append(
            Item(
                id=item_id,
                type=item_type,
                fields=_json(fields, dict, "the fields of item", item_id),
                tags=list(tag_list),
                source=Source(str(source_id), str(revision or "")) if source_id else None,
                needs_review=bool(needs_review),
                author=author,
                created=created,
                modified=modified,
            )
        )
    return Document(kind=kind, meta=meta, sections=list(sections.values()))


# A 5,000-digit number becomes a marker the field check names, not a ValueError. One decoder
# for every value: json.loads made a new one for each of a big plan's 23,000 values.
_decode = json.JSONDecoder(parse_int=read_json_int).decode


_raw_decode = json.JSONDecoder(parse_int=read_json_int).raw_decode
_JUST_TEXT = {str}


def _json(text: Any, kind: type, what: str, item_id: str | None = None) -> Any:
    if text == "[]" and kind is list:  # most tags
        return []
    try:
        value: Any = _loads(text)
    except (TypeError, ValueError):  # not text, not UTF-8, not JSON
        raise DamagedRowsError(f"{_named(what, item_id)} cannot be read") from None
    if not isinstance(value, kind) or (
        isinstance(value, list) and value and set(map(type, value)) != _JUST_TEXT
    ):
        raise DamagedRowsError(f"{_named(what, item_id)} are not what ReformKit writes")
    return value


def _loads(text: Any) -> Any:
    """JSON as ReformKit writes it (no space around it) read without the checks for space
    that json.loads makes each time; anything else read by json.loads."""
    if type(text) is str:
        try:
            value, end = _raw_decode(text)
            if end == len(text):
                return value
        except ValueError:
            pass
        return _decode(text)
    return json.loads(text, parse_int=read_json_int)


def _named(what: str, item_id: str | None) -> str:
    return what if item_id is None else f"{what} {item_id!r}"


def _check_text(row: Any, where: str, *names: str) -> None:
    for name in names or row.keys():
        if not isinstance(row[name], str):
            raise DamagedRowsError(f"the {name} of {where} is not text")
