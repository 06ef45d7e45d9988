"""A small workshop record built in code, and a charter holding it, for the export tests
(independent of the shipped sample, which has reference files of its own)."""

from __future__ import annotations

from typing import Any

from reformkit.document.model import Document, Item, Meta, Section
from workshop.parts import SECTION_TYPES

DATE = "2027-03-03"
CHANGED = "2027-03-04T10:00:00+00:00"  # fixed, so the reference files do not change daily


def _item(item_type: str, id_: str, **fields: Any) -> Item:
    return Item(item_type, fields, id=id_)


def record_sections(promoted: bool = True) -> list[Section]:
    """Tynedale workshop: ideas in two themes (one hidden contribution), a canvas, a vote."""
    became = ["right-rest"] if promoted else []
    items: dict[str, list[Item]] = {
        "session": [
            _item(
                "session",
                "session-1",
                title="Tynedale workshop",
                date=DATE,
                place="Tynedale Hall",
                facilitator="Sam Reid",
                purpose="To hear what staff and families want from the charter.",
            )
        ],
        "people": [
            _item("group_count", "g1", group="Staff", count=6, names=[]),
            _item("group_count", "g2", group="Families", count=4, names=["Ann", "Bo"]),
        ],
        "activities": [
            _item("activity", "a1", title="Ideas", method="Ideas", prompt="What would help?"),
            _item(
                "activity", "a2", title="Today", method="Where we are today", prompt="Where now?"
            ),
            _item(
                "activity",
                "a3",
                title="Vote",
                method="Dot vote",
                prompt="Which matters most?",
                dots=3,
                options=["Time to rest", "Say in rotas"],
            ),
        ],
        "contributions": [
            _item(
                "contribution",
                "c1",
                activity="a1",
                text="Breaks we can take",
                group="Staff",
                theme="t1",
                promoted_to=[],
            ),
            _item(
                "contribution",
                "c2",
                activity="a1",
                text="Time to talk to families",
                group="Families",
                theme="t1",
                promoted_to=[],
            ),
            _item(
                "contribution",
                "c3",
                activity="a1",
                text="A say in the rota",
                group="Staff",
                theme="t2",
                promoted_to=[],
            ),
            _item(
                "contribution",
                "c4",
                activity="a1",
                text="rude words",
                group="",
                hidden=True,
                promoted_to=[],
            ),
        ],
        "themes": [
            _item("theme", "t1", activity="a1", name="Time to rest", promoted_to=became),
            _item("theme", "t2", activity="a1", name="Say in rotas", promoted_to=[]),
        ],
        "canvas": [
            _item(
                "placement",
                "p1",
                activity="a2",
                row=1,
                position=2,
                why="Targets rule.",
                group="Staff",
            ),
            _item("placement", "p2", activity="a2", row=1, position=4, why="", group=""),
            _item(
                "placement",
                "p3",
                activity="a2",
                row=6,
                position=1,
                why="We are cases.",
                group="Families",
            ),
        ],
        "votes": [
            _item("vote", "v1", activity="a3", option="Time to rest", dots=2, voter="Phone 1"),
            _item("vote", "v2", activity="a3", option="Say in rotas", dots=1, voter="Phone 1"),
            _item("vote", "v3", activity="a3", option="Time to rest", dots=3, voter="Phone 2"),
        ],
    }
    return [
        Section(t.key, t.title, items=items[t.key], id=f"section-{t.key}") for t in SECTION_TYPES
    ]


def record_document() -> Document:
    meta = Meta("Tynedale workshop", "Tynedale Care", created=CHANGED, modified=CHANGED)
    return Document("workshop", meta, record_sections())


def charter_with_record() -> Document:
    """A charter with one right that came from the record's first theme."""
    rest = _item("right", "right-rest", title="Time to rest", text="Staff may take breaks.")
    rights = Section("rights", "Rights of staff", items=[rest], id="section-rights")
    sections = [rights, *record_sections()]
    meta = Meta("Tynedale charter", "Tynedale Care", created=CHANGED, modified=CHANGED)
    return Document("charter", meta, sections)
