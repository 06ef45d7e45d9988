"""The JSON Schema of the interchange format, built from the document specs.

The committed copy in ``resources/schema/`` is what other tools read; a test rebuilds it
here and fails if the two differ, so the schema cannot drift from the code.
"""

from __future__ import annotations

from typing import Any

from reformkit.document.fields import (
    CHOICE,
    DATE,
    FLAG,
    INTEGER,
    MONEY,
    TEXT_LIST,
    Field,
)
from reformkit.document.interchange import FORMAT, FORMAT_VERSION
from reformkit.document.spec import DocumentKinds, ItemType, SectionType

SCHEMA_ID = "https://reformkit.invalid/schema/reformkit-document-v1.schema.json"
_TAG = {"type": "string", "pattern": "^R([1-9]|1[0-9]|2[0-2])$"}
_TEXT = {"type": "string"}


def schema(kinds: DocumentKinds) -> dict[str, Any]:
    section_types: dict[str, SectionType] = {}
    for spec in kinds:
        for section_type in spec.all_section_types:
            section_types.setdefault(section_type.key, section_type)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "ReformKit document",
        "description": "A Respect Charter or Local Reform Plan, as exported by "
        "'reformkit dump' and read by 'reformkit import'.",
        "type": "object",
        "additionalProperties": False,
        "required": ["format", "format_version", "kind", "meta", "sections"],
        "properties": {
            "format": {"const": FORMAT},
            "format_version": {"type": "integer", "minimum": 1, "maximum": FORMAT_VERSION},
            "kind": {"enum": kinds.names()},
            "meta": _meta(),
            "sections": {"type": "array", "items": {"$ref": "#/$defs/section"}},
        },
        "$defs": {
            "tags": {"type": "array", "items": _TAG, "uniqueItems": True},
            "section": _section(list(section_types.values())),
            **{f"item_{t.key}": _items(t) for t in section_types.values()},
        },
    }


def _meta() -> dict[str, Any]:
    text_keys = (
        "id",
        "organisation",
        "language",
        "created",
        "modified",
        "catalogue_version",
        "app_version",
    )
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["title"],
        "properties": {
            "title": {"type": "string", "minLength": 1, "pattern": r"\S"},
            **{key: _TEXT for key in text_keys},
            "authors": {"type": "array", "items": _TEXT},
        },
    }


def _section(section_types: list[SectionType]) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["key"],
        "properties": {
            "id": {"type": "string", "minLength": 1},
            "key": {"enum": [t.key for t in section_types]},
            "title": {"type": "string", "pattern": r"\S"},
            "intro": _TEXT,
            "owner": _TEXT,
            "tags": {"$ref": "#/$defs/tags"},
            "items": {"type": "array"},
        },
        "allOf": [
            {
                "if": {"properties": {"key": {"const": t.key}}},
                "then": {
                    "properties": {
                        "items": {"type": "array", "items": {"$ref": f"#/$defs/item_{t.key}"}}
                    }
                },
            }
            for t in section_types
        ],
    }


def _items(section_type: SectionType) -> dict[str, Any]:
    return {"oneOf": [_item(item_type) for item_type in section_type.item_types]}


def _item(item_type: ItemType) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": ["type", "fields"],
        "properties": {
            "id": {"type": "string", "minLength": 1},
            "type": {"const": item_type.name},
            "fields": {
                "type": "object",
                "additionalProperties": False,
                "required": [f.name for f in item_type.fields if f.required],
                "properties": {f.name: _field(f) for f in item_type.fields},
            },
            "tags": {"$ref": "#/$defs/tags"},
            "source": {
                "type": "object",
                "additionalProperties": False,
                "required": ["entry_id"],
                "properties": {"entry_id": _TEXT, "revision": _TEXT},
            },
            "needs_review": {"type": "boolean"},
            "author": _TEXT,
            "created": _TEXT,
            "modified": _TEXT,
        },
    }


def _field(field: Field) -> dict[str, Any]:
    described: dict[str, Any] = {"title": field.label}
    if field.help:
        described["description"] = field.help
    if field.type == DATE:
        kind: dict[str, Any] = {
            "type": "string",
            "format": "date",
            "pattern": r"^\d{4}-\d{2}-\d{2}$",
        }
    elif field.type == MONEY:
        kind = {
            "type": "string",
            "pattern": r"^\d+(\.\d{1,2})?$",
            "description": 'Pounds, as text, e.g. "1250000.00".',
        }
    elif field.type == INTEGER:
        kind = {"type": "integer", "minimum": 0}
    elif field.type == CHOICE:
        kind = {"enum": list(field.choices)}
    elif field.type == FLAG:
        kind = {"type": "boolean"}
    elif field.type == TEXT_LIST:
        kind = {"type": "array", "items": _TEXT}
    else:
        kind = {"type": "string", "minLength": 1, "pattern": r"\S"} if field.required else _TEXT
    if not field.required and field.type in (DATE, MONEY, INTEGER, CHOICE):
        return {**described, "anyOf": [kind, {"type": "null"}, {"const": ""}]}
    if not field.required and field.type not in (FLAG, TEXT_LIST):
        return {**described, "anyOf": [kind, {"type": "null"}]}
    return {**described, **kind}
