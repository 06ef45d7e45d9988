"""Document.find_item answers through an index, and answers as a walk of the document would
after every kind of change to its parts and items, made through a project or by hand."""

from __future__ import annotations

import copy
import pickle
import random

import pytest

from reformkit.document.model import Document, Item, Meta, Section


def _walk(document: Document, item_id: str) -> tuple[Section, Item]:
    for section in document.sections:
        for item in section.items:
            if item.id == item_id:
                return section, item
    raise KeyError(item_id)


def _document(sections: int = 6, items: int = 4) -> Document:
    return Document(
        "plan",
        Meta("Plan"),
        [
            Section(
                "custom",
                f"Part {n}",
                items=[Item("paragraph", {"text": f"{n}.{m}"}) for m in range(items)],
            )
            for n in range(sections)
        ],
    )


def _same_everywhere(document: Document, ids: list[str]) -> None:
    for item_id in ids:
        try:
            expected = _walk(document, item_id)
        except KeyError:
            with pytest.raises(KeyError):
                document.find_item(item_id)
            continue
        section, item = document.find_item(item_id)
        assert section is expected[0] and item is expected[1]


def test_the_index_follows_every_change_made_by_hand() -> None:
    rng = random.Random(13)
    document = _document()
    ids = [item.id for _, item in document.items()] + ["no-such-item"]
    for _ in range(300):
        _same_everywhere(document, ids)
        change = rng.randrange(7)
        sections = document.sections
        source = rng.choice(sections)
        if change == 0 and source.items:  # an item moves to another part
            item = source.items.pop(rng.randrange(len(source.items)))
            rng.choice(sections).items.insert(0, item)
        elif change == 1 and source.items:  # an item goes
            source.items.remove(rng.choice(source.items))
        elif change == 2:  # an item comes, with an id asked for before
            item = Item("paragraph", {"text": "new"})
            ids.append(item.id)
            source.items.append(item)
        elif change == 3 and len(sections) > 1:  # a part goes, with its items
            sections.remove(source)
        elif change == 4:  # a part is replaced by an equal copy
            sections[sections.index(source)] = copy.deepcopy(source)
        elif change == 5:  # the parts list is replaced
            document.sections = list(reversed(sections))
        elif source.items:  # an item's id changes
            rng.choice(source.items).id = f"renamed-{rng.random()}"
    _same_everywhere(document, ids)


def test_copies_keep_their_own_index() -> None:
    document = _document()
    ids = [item.id for _, item in document.items()]
    document.find_item(ids[0])  # the index is made
    for other in (
        copy.copy(document),
        copy.deepcopy(document),
        pickle.loads(pickle.dumps(document)),
    ):
        other.sections = [copy.deepcopy(s) for s in other.sections]
        _same_everywhere(other, ids)
        _same_everywhere(document, ids)


def test_the_index_is_not_part_of_the_document() -> None:
    document = _document()
    fresh = copy.deepcopy(document)
    document.find_item(document.sections[0].items[0].id)
    assert document == fresh and repr(document) == repr(fresh)
