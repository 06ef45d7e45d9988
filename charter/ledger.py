"""The earned-liberation ledger: each right beside the duty accepted in return for it.

"There is an essential bargain at the heart of 'liberated public services': professionals gain
more flexibility and autonomy, but this comes with greater responsibilities" (The Reform
Dividend, p.11). Every export shows the bargain as a table after the charter's duties.
"""

from __future__ import annotations

from collections.abc import Sequence

from reformkit.document.model import Document, Item, Section
from reformkit.document.spec import ExtraTable

LEDGER_SECTION = "duties"  # the ledger follows the duties, once both lists have been read
NOT_PAIRED = "Not paired with a duty yet"


def ledger(document: Document, section: Section) -> Sequence[ExtraTable]:
    """The ledger after the first duties part, when the charter has rights."""
    first = next((s for s in document.sections if s.key == LEDGER_SECTION), None)
    rights = [item for _, item in document.items() if item.type == "right"]
    if first is None or section.id != first.id or not rights:
        return ()
    duties = {item.id: item for _, item in document.items() if item.type == "duty"}
    rows = tuple((_name(right), _duty(right, duties)) for right in rights)
    return (
        ExtraTable(
            "The bargain: each right and the duty accepted in return (The Reform Dividend, p.11)",
            ("Right", "Duty accepted in return"),
            rows,
        ),
    )


def _name(item: Item) -> str:
    return str(item.fields.get("title") or "").strip() or str(item.fields.get("text") or "")


def _duty(right: Item, duties: dict[str, Item]) -> str:
    duty = duties.get(str(right.fields.get("duty") or ""))
    return _name(duty) if duty is not None else NOT_PAIRED
