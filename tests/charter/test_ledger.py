"""The earned-liberation ledger (p.11) appears in every export as a table after the duties."""

from __future__ import annotations

from charter import CHARTER
from charter.ledger import NOT_PAIRED
from reformkit.document.model import Document, Item, Meta, Section
from reformkit.layout.blocks import Heading, Table
from reformkit.layout.engine import lay_out


def test_each_right_is_shown_beside_its_duty() -> None:
    candour = Item("duty", {"title": "Candour", "text": "We say when things go wrong."})
    paired = Item("right", {"title": "", "text": "We choose our methods.", "duty": candour.id})
    alone = Item("right", {"title": "Time to learn", "text": "Two days a year.", "duty": ""})
    document = Document(
        "charter",
        Meta(title="Charter"),
        [
            Section("rights", "Rights of staff", items=[paired, alone]),
            Section("duties", "Duties of staff", items=[candour]),
        ],
    )
    laid = lay_out(document, CHARTER, [], credit="")
    [table] = [b for b in laid.blocks if isinstance(b, Table) and "bargain" in b.caption]
    assert "p.11" in table.caption
    assert table.header == ("Right", "Duty accepted in return")
    assert table.rows == (("We choose our methods.", "Candour"), ("Time to learn", NOT_PAIRED))
    headings = [b.text for b in laid.blocks[: laid.blocks.index(table)] if isinstance(b, Heading)]
    assert headings[-1] == "Duties of staff"  # the ledger follows the duties


def test_no_rights_no_ledger() -> None:
    document = Document("charter", Meta(title="Charter"), [Section("duties", "Duties")])
    laid = lay_out(document, CHARTER, [], credit="")
    assert not [b for b in laid.blocks if isinstance(b, Table) and "bargain" in b.caption]
