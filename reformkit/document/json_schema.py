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
from reformkit.document.limits import MAX_INTEGER, MAX_MONEY
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


# What the importer reads (reformkit/document/fields.py), written as patterns so that the
# schema accepts exactly the forms import accepts: tests/reformkit/test_schema_forms.py
# feeds every form through both.
DATE_PATTERN = (
    r"^\s*(\d{4}-\d{1,2}-\d{1,2}"
    r"|\d{1,2}([/.-])\d{1,2}\2\d{4}"
    r"|\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4})\s*$"
)
MONEY_PATTERN = r"^\s*£?\s*(\d+|\d{1,3}(,\d{3})+)(\.\d{0,2})?\s*$"
INTEGER_PATTERN = r"^\s*[+]?(\d+|\d{1,3}(,\d{3})+)\s*$"
_SPECIAL = set(".^$*+?()[]{}|\\/")  # escaped the same way by Python's re and JavaScript
FLAG_PATTERN = r"^\s*([Yy]([Ee][Ss])?|[Nn][Oo]?|[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[01])\s*$"


def _any_case(text: str) -> str:
    """A pattern matching ``text`` in any case, with spaces around: how a choice is read."""
    letters = (
        f"[{c.upper()}{c.lower()}]" if c.isalpha() else (f"\\{c}" if c in _SPECIAL else c)
        for c in text
    )
    return "".join(letters)


def _kind(field: Field) -> dict[str, Any]:
    if field.type == DATE:
        return {
            "type": "string",
            "pattern": DATE_PATTERN,
            "description": "A date: 2027-03-31 (as ReformKit writes it), 31/03/2027, "
            "31-03-2027, 31.03.2027, 31 March 2027 or 31 Mar 2027.",
        }
    if field.type == MONEY:
        return {
            "anyOf": [
                {"type": "number", "minimum": 0, "maximum": int(MAX_MONEY)},
                {"type": "string", "pattern": MONEY_PATTERN},
            ],
            "description": 'Pounds and pence: 1250000, "1250000.00" (as ReformKit writes '
            'it) or "£1,250,000.50". At most two decimal places.',
        }
    if field.type == INTEGER:
        return {
            "anyOf": [
                {"type": "integer", "minimum": 0, "maximum": MAX_INTEGER},
                {"type": "string", "pattern": INTEGER_PATTERN},
            ]
        }
    if field.type == CHOICE and field.free_text:
        return {"type": "string", "examples": list(field.choices)}
    if field.type == CHOICE:
        spelled = "|".join(_any_case(choice) for choice in field.choices)
        return {
            "anyOf": [
                {"enum": list(field.choices)},
                {"type": "string", "pattern": f"^\\s*({spelled})\\s*$"},
            ]
        }
    if field.type == FLAG:
        return {"anyOf": [{"type": "boolean"}, {"type": "string", "pattern": FLAG_PATTERN}]}
    if field.type == TEXT_LIST:
        return {
            "anyOf": [{"type": "array", "items": _TEXT}, _TEXT],
            "description": "A list of text; text is read as one entry a line.",
        }
    return {"type": "string", "minLength": 1, "pattern": r"\S"} if field.required else _TEXT


def _field(field: Field) -> dict[str, Any]:
    described: dict[str, Any] = {"title": field.label}
    kind = _kind(field)
    help_text = " ".join(part for part in (field.help, kind.pop("description", "")) if part)
    if help_text:
        described["description"] = help_text
    if not field.required and field.type in (DATE, MONEY, INTEGER, CHOICE):
        return {**described, "anyOf": [kind, {"type": "null"}, {"const": ""}]}
    if not field.required and field.type not in (FLAG, TEXT_LIST):
        return {**described, "anyOf": [kind, {"type": "null"}]}
    return {**described, **kind}
