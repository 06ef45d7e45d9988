"""Values for a new item's required fields, in words that say they are still to be written.

A new row, or an item made from a catalogue entry that does not fill every required field
(a Board member made from a role has no name yet), gets these so it can be stored. The
coverage and checks treat them as saying nothing (``reformkit.document.evidence``).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from reformkit.document.fields import CHOICE, DATE, INTEGER, LONG_TEXT, MONEY, TEXT, TEXT_LIST
from reformkit.document.spec import ItemType

TO_BE_WRITTEN = "To be written."


def starter_fields(item_type: ItemType) -> dict[str, Any]:
    """Values for a new, empty item: only what its required fields need, in plain words."""
    fields: dict[str, Any] = {}
    for field in item_type.fields:
        if not field.required:
            continue
        if field.type in (TEXT, LONG_TEXT):
            is_title = field.name == item_type.title_field
            fields[field.name] = f"New {item_type.label.lower()}" if is_title else TO_BE_WRITTEN
        elif field.type == TEXT_LIST:
            fields[field.name] = [TO_BE_WRITTEN]
        elif field.type == CHOICE and field.choices:
            fields[field.name] = field.choices[0]
        elif field.type == DATE:
            fields[field.name] = date.today().isoformat()
        elif field.type in (MONEY, INTEGER):
            fields[field.name] = 0
    return fields
