"""A snapshot reuses the copies of items unchanged since the snapshot before, and after any
edit, made through the project or in place, still equals a snapshot made afresh; the
snapshots made before stay as they were."""

from __future__ import annotations

import copy
import random

from desktop.document_snapshot import Copies, snapshot
from reformkit.document.model import Document, Item, Meta, Section, Source


def _document() -> Document:
    return Document(
        "plan",
        Meta("Plan", authors=["Sam"]),
        [
            Section(
                "custom",
                f"Part {n}",
                tags=["R1"],
                items=[
                    Item("paragraph", {"text": f"{n}.{m}", "list": ["a", "b"]}, tags=["R2"])
                    for m in range(3)
                ],
            )
            for n in range(5)
        ],
    )


def _edit(document: Document, rng: random.Random) -> None:
    section = rng.choice(document.sections)
    if not section.items:
        section.items.append(Item("paragraph", {"text": "new"}))
        return
    item = rng.choice(section.items)
    change = rng.randrange(9)
    if change == 0:
        item.fields = {**item.fields, "text": f"replaced {rng.random()}"}
    elif change == 1:
        item.fields["text"] = f"in place {rng.random()}"
    elif change == 2:
        item.fields.setdefault("list", []).append("c")
    elif change == 3:
        item.tags.append("R9")
    elif change == 4:
        item.needs_review = not item.needs_review
    elif change == 5:
        item.source = Source("W3", str(rng.random()))
    elif change == 6:
        section.items.remove(item)
        rng.choice(document.sections).items.insert(0, item)
    elif change == 7:
        section.title, section.tags = f"Retitled {rng.random()}", [*section.tags, "R4"]
    else:
        document.meta.authors.append("Alex")


def test_after_any_edits_a_snapshot_equals_one_made_afresh() -> None:
    rng = random.Random(9)
    document, copies = _document(), Copies()
    taken: list[tuple[Document, Document]] = []
    for _ in range(200):
        made = snapshot(document, copies)
        assert made == snapshot(document)
        taken.append((made, copy.deepcopy(made)))
        for _ in range(rng.randrange(3)):
            _edit(document, rng)
    for made, as_it_was in taken:
        assert made == as_it_was  # no edit reached a snapshot


def test_unchanged_items_share_their_copies() -> None:
    document, copies = _document(), Copies()
    first = snapshot(document, copies)
    edited = document.sections[2].items[1]
    edited.fields["list"].append("c")  # in place
    second = snapshot(document, copies)
    pairs = list(zip(first.sections, second.sections, strict=True))
    shared = [a is b for one, two in pairs for a, b in zip(one.items, two.items, strict=True)]
    assert shared.count(False) == 1 and not shared[2 * 3 + 1]
    assert second.sections[2].items[1].fields["list"] == ["a", "b", "c"]
    assert first.sections[2].items[1].fields["list"] == ["a", "b"]
