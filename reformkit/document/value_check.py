"""Checking every stored value against its field's type when a file is opened.

ReformKit only ever stores a field's clean form (see :meth:`Field.clean`), so a value that
does not come back unchanged through it (text that is a number, a date that does not exist,
a tag that is not a recommendation) was written by something else. Such a file is refused
with a message saying where, rather than shown or exported wrong.
"""

from __future__ import annotations

import json
from typing import Any

from reformkit.document.fields import Field, FieldError
from reformkit.document.model import Document, TagError, clean_tags
from reformkit.document.spec import DocumentSpec, DocumentSpecError, ItemType

_WHAT_IT_IS_NOT = {
    "text": "text",
    "long_text": "text",
    "reference": "text",
    "date": "a date",
    "money": "an amount in pounds",
    "integer": "a whole number",
    "choice": "one of its choices",
    "flag": "yes or no",
    "text_list": "a list of text",
}
_TEXT_TYPES = ("text", "long_text", "reference")
_TYPE_WORDS = {"long_text": "text", "text_list": "list", "flag": "yes/no", "integer": "number"}


def value_problems(document: Document, spec: DocumentSpec) -> list[str]:
    """Every stored value that its field would not have stored, each said in one clause."""
    problems: list[str] = []
    # A plan has 12,000 items, most with the same few tag lists and choices: each item
    # type's fields, each tag list and each value not text are looked at once.
    fields_of: dict[int, dict[str, Field]] = {}
    tags_bad: dict[tuple[str, ...], bool] = {}
    clean: dict[tuple[int, type, Any], bool] = {}

    def bad(tags: list[str]) -> bool:
        key = tuple(tags)
        if key not in tags_bad:
            tags_bad[key] = _bad_tags(tags)
        return tags_bad[key]

    def stored_as_clean(field: Field, value: Any) -> bool:
        if field.type in _TEXT_TYPES and type(value) is str:
            return True  # most values: any text is (its length limits input, not files)
        try:
            key = (id(field), type(value), value)  # 1 and True are equal, not alike
            if key not in clean:
                clean[key] = _stored_as_clean(field, value)
            return clean[key]
        except TypeError:  # a list, a mapping: not kept
            return _stored_as_clean(field, value)

    for section in document.sections:
        where = f"'{section.title}'"
        try:
            section_type = spec.section_type(section.key)
        except DocumentSpecError:
            problems.append(f"the part {where} is of a kind ('{section.key}') it cannot have")
            continue
        if section.tags and bad(section.tags):
            problems.append(f"the part {where} has tags that are not recommendations R1 to R22")
        for item in section.items:
            try:
                item_type = section_type.item_type(item.type)
            except DocumentSpecError:
                problems.append(
                    f"the part {where} holds an item of an unknown kind ('{item.type}')"
                )
                continue
            fields = fields_of.get(id(item_type))
            if fields is None:
                fields = fields_of[id(item_type)] = {f.name: f for f in item_type.fields}
            bad_tags = bool(item.tags) and bad(item.tags)
            bad_fields = {
                name: value
                for name, value in item.fields.items()
                if name not in fields or not stored_as_clean(fields[name], value)
            }
            if bad_tags or bad_fields:  # only now is the item named
                name = f"the item '{item_type.describe(item.fields) or item_type.label}' in {where}"
                if bad_tags:
                    problems.append(f"{name} has tags that are not recommendations R1 to R22")
                problems.extend(_field_problems(name, item_type, bad_fields))
    return problems


def _field_problems(name: str, item_type: ItemType, values: dict[str, Any]) -> list[str]:
    problems = []
    for field_name, value in values.items():
        try:
            field = item_type.field(field_name)
        except KeyError:
            problems.append(f"{name} has a field '{field_name}' that a {item_type.label} lacks")
            continue
        if not _stored_as_clean(field, value):
            kind = _TYPE_WORDS.get(field.type, field.type)
            problems.append(
                f"{name} has {_a(kind)} {kind} field '{field.label}' holding {_shown(value)}, "
                f"which is not {_WHAT_IT_IS_NOT[field.type]}"
            )
    return problems


def _stored_as_clean(field: Field, value: Any) -> bool:
    if value is None or value == "" or value == []:
        return True  # an empty field, however an older version wrote it
    if field.type in _TEXT_TYPES:  # any text: its length is a limit on input, not on files
        return isinstance(value, str)
    if field.type == "text_list":
        return isinstance(value, list) and all(isinstance(v, str) for v in value)
    try:
        cleaned = field.clean(value)
    except FieldError:
        return False
    return type(cleaned) is type(value) and cleaned == value


def _bad_tags(tags: list[str]) -> bool:
    try:
        return clean_tags(tags) != tags
    except TagError:
        return True


def _shown(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    text = " ".join(str(text).split())
    return f"'{text if len(text) <= 40 else text[:39] + '…'}'"


def _a(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"
