"""A read-only view of the workshop record in a document: pure functions of a Document.

The desktop, the room server, the checks and the exports all read the record through
:func:`read_record`, so none of them walks sections and fields itself. The record may stand
on its own (a workshop file) or sit inside a charter or plan; a document without one gives
an empty record.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass
from typing import Any, TypeVar

from reformkit.document.model import Document, Item
from workshop.errors import WorkshopError
from workshop.parts import (
    CANVAS_POSITIONS,
    CANVAS_ROWS,
    DEFAULT_DOTS,
    SECTION_KEYS,
    TYPED,
    Method,
)


@dataclass(frozen=True)
class Activity:
    id: str
    title: str
    method: Method
    prompt: str
    dots: int  # votes per person, for a dot vote
    options: tuple[str, ...]  # what people vote for; none means the record's themes


@dataclass(frozen=True)
class Contribution:
    id: str
    activity_id: str
    text: str
    group: str
    theme_id: str  # "" when not yet in a theme
    via: str
    hidden: bool
    promoted_to: tuple[str, ...]


@dataclass(frozen=True)
class Theme:
    id: str
    activity_id: str
    name: str
    summary: str
    promoted_to: tuple[str, ...]


@dataclass(frozen=True)
class Placement:
    id: str
    activity_id: str
    row: int  # Table 1's row, 1 to 6
    position: int  # 1 is all "from", 5 all "to"
    why: str
    group: str
    via: str = TYPED


@dataclass(frozen=True)
class Vote:
    id: str
    activity_id: str
    option: str
    dots: int
    voter: str
    via: str = TYPED


@dataclass(frozen=True)
class GroupCount:
    group: str
    count: int
    names: tuple[str, ...]


@dataclass(frozen=True)
class WorkshopRecord:
    """One workshop: its session, who came, and everything the room said, placed and voted."""

    title: str
    date: str  # YYYY-MM-DD, or "" when not set
    place: str
    facilitator: str
    purpose: str
    groups: tuple[GroupCount, ...]
    activities: tuple[Activity, ...]
    contributions: tuple[Contribution, ...]
    themes: tuple[Theme, ...]
    placements: tuple[Placement, ...]
    votes: tuple[Vote, ...]
    session_id: str = ""  # the session item's id, "" when the record has none

    @property
    def empty(self) -> bool:
        return not (self.session_id or self.activities or self.contributions or self.groups)

    def activity(self, activity_id: str) -> Activity:
        for activity in self.activities:
            if activity.id == activity_id:
                return activity
        raise WorkshopError("That activity is no longer in the workshop record.")

    def contributions_for(
        self, activity_id: str, include_hidden: bool = False
    ) -> list[Contribution]:
        return [
            c
            for c in self.contributions
            if c.activity_id == activity_id and (include_hidden or not c.hidden)
        ]

    def themes_for(self, activity_id: str) -> list[Theme]:
        return [theme for theme in self.themes if theme.activity_id == activity_id]

    def theme(self, theme_id: str) -> Theme:
        for theme in self.themes:
            if theme.id == theme_id:
                return theme
        raise WorkshopError("That theme is no longer in the workshop record.")

    def options_for(self, activity_id: str) -> tuple[str, ...]:
        """What a vote offers: its own options, or else every theme's name, once each."""
        activity = self.activity(activity_id)
        if activity.options:
            return activity.options
        names: dict[str, None] = {}
        for theme in self.themes:
            if theme.name.strip() and _key(theme.name) not in {_key(n) for n in names}:
                names[theme.name.strip()] = None
        return tuple(names)

    def tally(self, activity_id: str) -> list[tuple[str, int]]:
        """Each option with its dots, most first, then in the options' order; an option
        voted for that is not (or no longer) offered comes after the offered ones."""
        totals: dict[str, int] = {}
        shown: dict[str, str] = {}
        for option in self.options_for(activity_id):
            totals.setdefault(_key(option), 0)
            shown.setdefault(_key(option), option)
        for vote in self.votes:
            if vote.activity_id == activity_id and vote.option.strip():
                key = _key(vote.option)
                totals[key] = totals.get(key, 0) + vote.dots
                shown.setdefault(key, vote.option.strip())
        order = {key: n for n, key in enumerate(totals)}
        ranked = sorted(totals, key=lambda key: (-totals[key], order[key]))
        return [(shown[key], totals[key]) for key in ranked]

    def canvas_counts(self, activity_id: str) -> dict[int, list[int]]:
        """For each of Table 1's rows, how many people placed themselves at positions 1 to 5."""
        counts = {row: [0] * CANVAS_POSITIONS for row in range(1, CANVAS_ROWS + 1)}
        for placement in self.placements:
            if placement.activity_id != activity_id or placement.row not in counts:
                continue
            if 1 <= placement.position <= CANVAS_POSITIONS:
                counts[placement.row][placement.position - 1] += 1
        return counts

    def theme_votes(self, theme: Theme) -> int:
        """The dots given to the theme's name in any vote of the record."""
        name = _key(theme.name)
        return sum(vote.dots for vote in self.votes if name and _key(vote.option) == name)

    def voters(self, activity_id: str) -> int:
        """How many different voters took part in a vote."""
        return len({v.voter for v in self.votes if v.activity_id == activity_id})

    def people(self) -> int:
        """How many took part, from the counts by group."""
        return sum(group.count for group in self.groups)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def has_record(document: Document) -> bool:
    """Whether the document holds any part of a workshop record."""
    return any(section.key in SECTION_KEYS for section in document.sections)


def record_items(document: Document, item_type: str) -> list[Item]:
    """The items of one workshop item type, in document order, from the workshop's parts."""
    return [
        item
        for section in document.sections
        if section.key in SECTION_KEYS
        for item in section.items
        if item.type == item_type
    ]


def _items_by_type(document: Document, wanted: frozenset[str]) -> dict[str, list[Item]]:
    """The workshop's items of the ``wanted`` types, by type, in document order: one pass."""
    found: dict[str, list[Item]] = {name: [] for name in wanted}
    for section in document.sections:
        if section.key in SECTION_KEYS:
            for item in section.items:
                if item.type in found:
                    found[item.type].append(item)
    return found


_ALL = frozenset(
    ("session", "group_count", "activity", "contribution", "theme", "placement", "vote")
)
_ANSWERS = frozenset(("session", "group_count", "activity", "theme", "vote"))


def read_record(document: Document) -> WorkshopRecord:
    """The workshop record in ``document``: standalone or attached; empty if it has none."""
    return _read(_items_by_type(document, _ALL))


def read_for_answers(document: Document) -> WorkshopRecord:
    """The record without its contributions and placements: what checking a phone's answer
    needs (the activities, the themes a vote offers, the votes cast), read in a fraction of
    the time a long session's whole record takes."""
    return _read(_items_by_type(document, _ANSWERS))


def _read(items: dict[str, list[Item]]) -> WorkshopRecord:
    sessions = items["session"]
    session = sessions[0].fields if sessions else {}
    return WorkshopRecord(
        title=_text(session, "title"),
        date=_text(session, "date"),
        place=_text(session, "place"),
        facilitator=_text(session, "facilitator"),
        purpose=_text(session, "purpose"),
        groups=tuple(_kept(i, _group) for i in items["group_count"]),
        activities=tuple(_kept(i, _activity) for i in items["activity"]),
        contributions=tuple(_kept(i, _contribution) for i in items.get("contribution", ())),
        themes=tuple(_kept(i, _theme) for i in items["theme"]),
        placements=tuple(_kept(i, _placement) for i in items.get("placement", ())),
        votes=tuple(_kept(i, _vote) for i in items["vote"]),
        session_id=sessions[0].id if sessions else "",
    )


# Each item's view, kept with a copy of the fields it was made from: the record is read
# after every change (the window, the preview, the room's state), and in a long session
# nearly every item is as it was. A view depends on the item's id and fields alone, so it
# is used again only while they are equal; any change of the fields makes it afresh.
_KEPT: dict[str, tuple[str, dict[str, Any], Any]] = {}
_KEPT_MOST = 200_000  # views kept at most, across every document read; then started afresh
V = TypeVar("V")


def _kept(item: Item, make: Callable[[Item], V]) -> V:
    kept = _KEPT.get(item.id)
    if kept is not None and kept[0] == item.type and kept[1] == item.fields:
        view: V = kept[2]
        return view
    view = make(item)
    if len(_KEPT) >= _KEPT_MOST:
        _KEPT.clear()
    _KEPT[item.id] = (item.type, _copy(item.fields), view)
    return view


def _copy(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields as they are now, so a later change to a list in them is seen."""
    return {name: _value(value) for name, value in fields.items()}


def _value(value: Any) -> Any:
    if isinstance(value, list):
        return [_value(v) for v in value]
    return deepcopy(value) if isinstance(value, dict | set) else value


def _text(fields: dict[str, Any], name: str) -> str:
    value = fields.get(name)
    return value if isinstance(value, str) else ""


def _number(fields: dict[str, Any], name: str, default: int = 0) -> int:
    value = fields.get(name)
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _texts(fields: dict[str, Any], name: str) -> tuple[str, ...]:
    value = fields.get(name)
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _method(value: str) -> Method:
    try:
        return Method(value)
    except ValueError:
        return Method.IDEAS


def _group(item: Item) -> GroupCount:
    f = item.fields
    return GroupCount(_text(f, "group"), _number(f, "count"), _texts(f, "names"))


def _activity(item: Item) -> Activity:
    f = item.fields
    return Activity(
        item.id,
        _text(f, "title"),
        _method(_text(f, "method")),
        _text(f, "prompt"),
        _number(f, "dots", DEFAULT_DOTS),
        tuple(o.strip() for o in _texts(f, "options") if o.strip()),
    )


def _contribution(item: Item) -> Contribution:
    f = item.fields
    return Contribution(
        item.id,
        _text(f, "activity"),
        _text(f, "text"),
        _text(f, "group"),
        _text(f, "theme"),
        _text(f, "via") or TYPED,
        f.get("hidden") is True,
        _texts(f, "promoted_to"),
    )


def _theme(item: Item) -> Theme:
    f = item.fields
    return Theme(
        item.id,
        _text(f, "activity"),
        _text(f, "name"),
        _text(f, "summary"),
        _texts(f, "promoted_to"),
    )


def _placement(item: Item) -> Placement:
    f = item.fields
    return Placement(
        item.id,
        _text(f, "activity"),
        _number(f, "row"),
        _number(f, "position"),
        _text(f, "why"),
        _text(f, "group"),
        _text(f, "via") or TYPED,
    )


def _vote(item: Item) -> Vote:
    f = item.fields
    return Vote(
        item.id,
        _text(f, "activity"),
        _text(f, "option"),
        _number(f, "dots"),
        _text(f, "voter"),
        _text(f, "via") or TYPED,
    )
