"""The three-way merge of a partner's parts, record by record. Pure: documents in, one out.

*Base* is the parts as they were sent, *ours* the main document now, *theirs* the package as
it came back. For every part field and every item field (by stable id):

- theirs unchanged → keep ours; ours unchanged → take theirs; both changed alike → nothing;
- both changed differently → a :class:`Conflict`, which keeps ours unless resolved otherwise;
- removed on one side and changed on the other → a conflict; added on either side → kept.

Order within a part is merged too: an item the partner moved (and we did not) goes after the
same neighbour it follows in the package; an item moved differently on both sides is a
conflict.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from reformkit.document.fields import LONG_TEXT, TEXT, FieldError
from reformkit.document.model import Document, Item, Section, TagError, clean_tags
from reformkit.document.spec import DocumentSpec, DocumentSpecError
from reformkit.document.versions import word_diff
from reformkit.errors import ReformKitError

OURS, THEIRS = "ours", "theirs"
Resolution = str | Mapping[str, Any]  # "ours", "theirs", or the values the user wrote

SECTION_KEYS = ("title", "intro", "tags", "owner")
SECTION_LABELS = {
    "title": "Title",
    "intro": "Introduction",
    "tags": "Recommendations",
    "owner": "Written by",
}
POSITION = "position"
_MISSING: Any = object()


class MergeError(ReformKitError):
    """A merge that cannot go ahead; nothing has been changed."""


@dataclass(frozen=True)
class ValueChange:
    """One field going from ``old`` to ``new`` (as text), with a word diff."""

    key: str
    label: str
    old: str
    new: str

    def word_diff(self) -> list[tuple[str, str]]:
        return word_diff(self.old, self.new)


@dataclass(frozen=True)
class Change:
    """One thing the merge takes from the package: an item or part added, changed, removed or
    moved, by the partner (and the item's own author, if it names one)."""

    kind: str  # added, changed, removed, moved
    what: str  # item or part
    part_id: str
    part: str  # the part's title
    target_id: str
    label: str
    partner: str
    author: str = ""
    fields: tuple[ValueChange, ...] = ()

    @property
    def by(self) -> str:
        names = [n for n in (self.partner, self.author) if n]
        if len(names) == 2 and names[0] != names[1]:
            return f"{names[0]} (written by {names[1]})"
        return names[0] if names else "the partner"


@dataclass(frozen=True)
class ConflictValue:
    """One conflicting value as text: as sent, here now, and in the package."""

    key: str
    label: str
    base: str
    ours: str
    theirs: str
    is_text: bool = False

    def ours_diff(self) -> list[tuple[str, str]]:
        return word_diff(self.base, self.ours)

    def theirs_diff(self) -> list[tuple[str, str]]:
        return word_diff(self.base, self.theirs)


CONFLICT_WORDS = {
    "changed": "changed here and in the package",
    "moved": "moved to different places here and in the package",
    "removed-here": "removed here but changed in the package",
    "removed-there": "changed here but removed in the package",
}


@dataclass(frozen=True)
class Conflict:
    """Both sides changed the same thing. ``id`` (the item's or part's) keys its resolution.

    ``base``, ``ours`` and ``theirs`` hold the conflicting values by field name (plus
    ``tags``, ``needs_review`` and ``position``); ``None`` where that side has no such item.
    """

    id: str
    kind: str  # changed, moved, removed-here, removed-there
    what: str  # item or part
    part_id: str
    part: str
    label: str
    partner: str
    author: str
    base: Mapping[str, Any] | None
    ours: Mapping[str, Any] | None
    theirs: Mapping[str, Any] | None
    values: tuple[ConflictValue, ...] = ()

    @property
    def description(self) -> str:
        return f"{self.part} › {self.label}: {CONFLICT_WORDS[self.kind]}"

    @property
    def can_combine(self) -> bool:
        return self.what == "item"


@dataclass
class Outcome:
    merged: Document
    changes: list[Change] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Where:
    section: Section
    index: int
    item: Item


def _index(sections: Iterable[Section]) -> dict[str, _Where]:
    return {i.id: _Where(s, n, i) for s in sections for n, i in enumerate(s.items)}


def item_values(item: Item) -> dict[str, Any]:
    """What the merge compares: every field, the tags and the review mark."""
    return {**item.fields, "tags": list(item.tags), "needs_review": item.needs_review}


def section_values(section: Section) -> dict[str, Any]:
    return {key: copy.deepcopy(getattr(section, key)) for key in SECTION_KEYS}


def three_way(
    base: Mapping[str, Any], ours: Mapping[str, Any], theirs: Mapping[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    """The values to take from theirs, and the keys both sides changed differently."""
    take: dict[str, Any] = {}
    conflicts: list[str] = []
    for key in dict.fromkeys([*base, *ours, *theirs]):
        b, o, t = base.get(key, _MISSING), ours.get(key, _MISSING), theirs.get(key, _MISSING)
        if t == b or o == t:
            continue
        if o == b:
            take[key] = t
        else:
            conflicts.append(key)
    return take, conflicts


def _lcs(a: Sequence[str], b: Sequence[str]) -> list[str]:
    """The longest common subsequence of two short lists of ids."""
    rows = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            rows[i][j] = (
                rows[i + 1][j + 1] + 1 if a[i] == b[j] else max(rows[i + 1][j], rows[i][j + 1])
            )
    result, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            result.append(a[i])
            i, j = i + 1, j + 1
        elif rows[i + 1][j] > rows[i][j + 1]:
            i += 1
        else:
            j += 1
    return result


def reordered(base: Section, side: Section) -> set[str]:
    """Items of ``base`` still in ``side`` whose order among the others changed."""
    here = {i.id for i in side.items}
    common = [i.id for i in base.items if i.id in here]
    kept = set(common)
    order = [i.id for i in side.items if i.id in kept]
    return kept - set(_lcs(common, order))


class _Merger:
    def __init__(
        self,
        ours: Document,
        base: Sequence[Section],
        theirs: Document,
        spec: DocumentSpec,
        partner: str,
        choices: Mapping[str, Resolution],
    ):
        self.ours, self.base, self.theirs = ours, list(base), theirs
        self.spec, self.partner, self.choices = spec, partner, choices
        self.out = Outcome(copy.deepcopy(ours))
        self.merged = self.out.merged
        self.b_sec = {s.id: s for s in self.base}
        self.o_sec = {s.id: s for s in ours.sections}
        self.t_sec = {s.id: s for s in theirs.sections}
        self.b, self.o, self.t = _index(self.base), _index(ours.sections), _index(theirs.sections)
        self.moved_o = {
            s: reordered(self.b_sec[s], self.o_sec[s]) for s in self.b_sec if s in self.o_sec
        }
        self.moved_t = {
            s: reordered(self.b_sec[s], self.t_sec[s]) for s in self.b_sec if s in self.t_sec
        }
        self.held: set[str] = set()  # items whose place a whole-part conflict decides
        self.to_place: dict[str, Item | None] = {}  # placed as in the package; Item if new
        self.drop_parts: list[str] = []
        self.restore_parts: list[str] = []

    # Helpers.
    def resolution(self, conflict_id: str) -> Resolution:
        return self.choices.get(conflict_id, OURS)

    def merged_item(self, item_id: str) -> tuple[Section, Item] | None:
        for section in self.merged.sections:
            for item in section.items:
                if item.id == item_id:
                    return section, item
        return None

    def merged_section(self, section_id: str) -> Section | None:
        return next((s for s in self.merged.sections if s.id == section_id), None)

    def label(self, section: Section, item: Item) -> str:
        try:
            item_type = self.spec.section_type(section.key).item_type(item.type)
        except DocumentSpecError:
            return item.type
        return f"{item_type.label}: {item_type.describe(item.fields) or '(empty)'}"

    def key_label(self, section: Section, item: Item, key: str) -> tuple[str, bool]:
        if key == "tags":
            return "Recommendations", False
        if key == "needs_review":
            return "Needs review", False
        if key == POSITION:
            return "Place", False
        try:
            spec_field = self.spec.section_type(section.key).item_type(item.type).field(key)
        except (DocumentSpecError, KeyError):
            return key, False
        return spec_field.label, spec_field.type in (TEXT, LONG_TEXT)

    def loc_changed(
        self, side: dict[str, _Where], moved: dict[str, set[str]], item_id: str
    ) -> bool:
        before, now = self.b[item_id], side[item_id]
        return now.section.id != before.section.id or item_id in moved.get(before.section.id, set())

    def position_text(self, where: _Where | None) -> str:
        if where is None:
            return ""
        if where.index == 0:
            return f"first in '{where.section.title}'"
        before = where.section.items[where.index - 1]
        return f"in '{where.section.title}', after {self.label(where.section, before)}"

    @staticmethod
    def predecessor(section: Section, item_id: str, among: set[str]) -> str:
        last = ""
        for item in section.items:
            if item.id == item_id:
                return last
            if item.id in among:
                last = item.id
        return last

    # The merge.
    def run(self) -> Outcome:
        self.parts()
        self.items()
        self.place()
        self.finish_parts()
        return self.out

    def parts(self) -> None:
        for base in self.base:
            ours, theirs = self.o_sec.get(base.id), self.t_sec.get(base.id)
            if ours is not None and theirs is not None:
                self.part_fields(base, ours, theirs)
            elif ours is not None:
                self.part_removed_there(base, ours)
            elif theirs is not None and _part_differs(base, theirs):
                self.part_removed_here(base, theirs)
        for position, theirs in enumerate(self.theirs.sections):
            if theirs.id in self.b_sec or theirs.id in self.o_sec:
                continue
            added = Section(
                key=theirs.key,
                title=theirs.title,
                intro=theirs.intro,
                tags=list(theirs.tags),
                id=theirs.id,
                owner=theirs.owner,
            )
            self.insert_part(added, position)
            self.out.changes.append(
                Change(
                    "added",
                    "part",
                    theirs.id,
                    theirs.title,
                    theirs.id,
                    f"Part '{theirs.title}'",
                    self.partner,
                )
            )

    def insert_part(self, part: Section, position_in_theirs: int) -> None:
        present = {s.id for s in self.merged.sections}
        before = [s.id for s in self.theirs.sections[:position_in_theirs] if s.id in present]
        sections = self.merged.sections
        index = next((n + 1 for n, s in enumerate(sections) if before and s.id == before[-1]), None)
        if index is None:
            sent = [n for n, s in enumerate(sections) if s.id in self.b_sec]
            index = sent[0] if sent else len(sections)
        sections.insert(index, part)

    def part_fields(self, base: Section, ours: Section, theirs: Section) -> None:
        take, conflicting = three_way(
            section_values(base), section_values(ours), section_values(theirs)
        )
        target = self.merged_section(base.id)
        assert target is not None
        before = section_values(target)
        for key, value in take.items():
            setattr(target, key, copy.deepcopy(value))
        if take:
            self.out.changes.append(
                Change(
                    "changed",
                    "part",
                    base.id,
                    theirs.title,
                    base.id,
                    f"Part '{theirs.title}'",
                    self.partner,
                    fields=tuple(
                        ValueChange(k, SECTION_LABELS[k], _text(before[k]), _text(v))
                        for k, v in take.items()
                    ),
                )
            )
        if not conflicting:
            return
        b, o, t = section_values(base), section_values(ours), section_values(theirs)
        conflict = Conflict(
            base.id,
            "changed",
            "part",
            base.id,
            ours.title,
            f"Part '{ours.title}'",
            self.partner,
            "",
            {k: b[k] for k in conflicting},
            {k: o[k] for k in conflicting},
            {k: t[k] for k in conflicting},
            tuple(
                ConflictValue(
                    k,
                    SECTION_LABELS[k],
                    _text(b[k]),
                    _text(o[k]),
                    _text(t[k]),
                    k in ("title", "intro"),
                )
                for k in conflicting
            ),
        )
        self.out.conflicts.append(conflict)
        choice = self.resolution(base.id)
        if choice == THEIRS:
            values = {k: t[k] for k in conflicting}
        elif isinstance(choice, Mapping):
            values = self.clean_part_values(ours, choice)
        else:
            values = {}
        for key, value in values.items():
            setattr(target, key, copy.deepcopy(value))

    def clean_part_values(self, part: Section, values: Mapping[str, Any]) -> dict[str, Any]:
        unknown = set(values) - set(SECTION_KEYS)
        if unknown:
            raise MergeError(
                f"Part '{part.title}' has no {', '.join(sorted(unknown))}; "
                f"a part has: {', '.join(SECTION_KEYS)}."
            )
        cleaned: dict[str, Any] = {k: str(v) for k, v in values.items() if k != "tags"}
        if "title" in cleaned and not cleaned["title"].strip():
            raise MergeError("A part needs a title.")
        if "tags" in values:
            try:
                cleaned["tags"] = clean_tags(values["tags"])
            except TagError as error:
                raise MergeError(str(error)) from None
        return cleaned

    def part_removed_there(self, base: Section, ours: Section) -> None:
        """The package no longer has a part that was sent: decided as a whole."""
        for item in base.items:
            if item.id not in self.t:
                self.held.add(item.id)
        self.part_conflict(base.id, "removed-there", ours, section_values(ours), None)
        if self.resolution(base.id) == THEIRS:
            self.drop_parts.append(base.id)

    def part_removed_here(self, base: Section, theirs: Section) -> None:
        """We removed a part that the partner changed."""
        for item in theirs.items:
            self.held.add(item.id)
        self.part_conflict(base.id, "removed-here", theirs, None, section_values(theirs))
        if self.resolution(base.id) == THEIRS:
            self.restore_parts.append(base.id)

    def part_conflict(
        self,
        part_id: str,
        kind: str,
        part: Section,
        ours: dict[str, Any] | None,
        theirs: dict[str, Any] | None,
    ) -> None:
        choice = self.resolution(part_id)
        if isinstance(choice, Mapping):
            raise MergeError(
                f"Part '{part.title}' was {CONFLICT_WORDS[kind]}: choose ours or theirs for it."
            )
        count = len(part.items)
        self.out.conflicts.append(
            Conflict(
                part_id,
                kind,
                "part",
                part_id,
                part.title,
                f"Part '{part.title}' ({count} item{'s' if count != 1 else ''})",
                self.partner,
                "",
                section_values(self.b_sec[part_id]),
                ours,
                theirs,
            )
        )

    def items(self) -> None:
        ids = [*self.t, *(i for i in self.b if i not in self.t)]
        for item_id in ids:
            b, o, t = self.b.get(item_id), self.o.get(item_id), self.t.get(item_id)
            if item_id in self.held and o is None:
                continue
            if b is not None and t is not None and o is not None:
                self.both_kept(item_id, b, o, t)
            elif b is not None and t is not None:
                self.removed_here(item_id, b, t)
            elif b is not None and o is not None:
                self.removed_there(item_id, b, o)
            elif t is not None and o is not None:
                self.both_kept(item_id, None, o, t)
            elif t is not None and b is None:
                self.to_place[item_id] = copy.deepcopy(t.item)
                self.out.changes.append(
                    Change(
                        "added",
                        "item",
                        t.section.id,
                        t.section.title,
                        item_id,
                        self.label(t.section, t.item),
                        self.partner,
                        t.item.author,
                    )
                )

    def both_kept(self, item_id: str, b: _Where | None, o: _Where, t: _Where) -> None:
        base_values = item_values(b.item) if b is not None else {}
        ours_values, theirs_values = item_values(o.item), item_values(t.item)
        if b is None:
            take: dict[str, Any] = {}
            conflicting = [k for k in theirs_values if theirs_values[k] != ours_values.get(k)]
        else:
            take, conflicting = three_way(base_values, ours_values, theirs_values)
        moved_by_them = False
        if b is not None and item_id not in self.held:
            theirs_moved = self.loc_changed(self.t, self.moved_t, item_id)
            ours_moved = self.loc_changed(self.o, self.moved_o, item_id)
            if theirs_moved and not ours_moved:
                moved_by_them = True
                self.to_place[item_id] = None
            elif theirs_moved and ours_moved:
                among_t = {i.id for i in t.section.items}
                among_o = {i.id for i in o.section.items}
                if t.section.id != o.section.id or self.predecessor(
                    t.section, item_id, among_o
                ) != self.predecessor(o.section, item_id, among_t):
                    conflicting.append(POSITION)
        found = self.merged_item(item_id)
        assert found is not None
        section, target = found
        if take:
            self.set_values(section, target, take)
            self.out.changes.append(
                Change(
                    "changed",
                    "item",
                    o.section.id,
                    o.section.title,
                    item_id,
                    self.label(t.section, t.item),
                    self.partner,
                    t.item.author,
                    tuple(
                        ValueChange(
                            k,
                            self.key_label(t.section, t.item, k)[0],
                            _text(ours_values.get(k)),
                            _text(v),
                        )
                        for k, v in take.items()
                    ),
                )
            )
        if moved_by_them:
            moved_from = "" if t.section.id == o.section.id else f" (from '{o.section.title}')"
            self.out.changes.append(
                Change(
                    "moved",
                    "item",
                    t.section.id,
                    t.section.title,
                    item_id,
                    self.label(t.section, t.item) + moved_from,
                    self.partner,
                    t.item.author,
                )
            )
        if not conflicting:
            return
        where = {"base": b, "ours": o, "theirs": t}
        values = {
            side: (
                None
                if w is None
                else {
                    k: (self.position_text(w) if k == POSITION else item_values(w.item).get(k))
                    for k in conflicting
                }
            )
            for side, w in where.items()
        }
        self.add_item_conflict(
            item_id, "moved" if conflicting == [POSITION] else "changed", o, t, values, conflicting
        )
        choice = self.resolution(item_id)
        if choice == THEIRS:
            self.set_values(
                section, target, {k: theirs_values[k] for k in conflicting if k != POSITION}
            )
            if POSITION in conflicting:
                self.to_place[item_id] = None
        elif isinstance(choice, Mapping):
            self.set_values(section, target, self.clean_combined(section, target, choice))
            if POSITION in conflicting and choice.get(POSITION) == THEIRS:
                self.to_place[item_id] = None

    def removed_here(self, item_id: str, b: _Where, t: _Where) -> None:
        changed = item_values(b.item) != item_values(t.item) or self.loc_changed(
            self.t, self.moved_t, item_id
        )
        if not changed:
            return
        keys = list(dict.fromkeys([*item_values(b.item), *item_values(t.item)]))
        self.add_item_conflict(
            item_id,
            "removed-here",
            t,
            t,
            {"base": item_values(b.item), "ours": None, "theirs": item_values(t.item)},
            keys,
        )
        choice = self.resolution(item_id)
        if choice == OURS:
            return
        restored = copy.deepcopy(t.item)
        if isinstance(choice, Mapping):
            self.set_values(t.section, restored, self.clean_combined(t.section, restored, choice))
        self.to_place[item_id] = restored

    def removed_there(self, item_id: str, b: _Where, o: _Where) -> None:
        changed = (
            item_values(b.item) != item_values(o.item)
            or o.section.id != b.section.id
            or item_id in self.moved_o.get(b.section.id, set())
        )
        found = self.merged_item(item_id)
        assert found is not None
        section, target = found
        if not changed:
            section.items.remove(target)
            self.out.changes.append(
                Change(
                    "removed",
                    "item",
                    o.section.id,
                    o.section.title,
                    item_id,
                    self.label(o.section, o.item),
                    self.partner,
                    o.item.author,
                )
            )
            return
        keys = list(dict.fromkeys([*item_values(b.item), *item_values(o.item)]))
        self.add_item_conflict(
            item_id,
            "removed-there",
            o,
            o,
            {"base": item_values(b.item), "ours": item_values(o.item), "theirs": None},
            keys,
        )
        choice = self.resolution(item_id)
        if choice == THEIRS:
            section.items.remove(target)
        elif isinstance(choice, Mapping):
            self.set_values(section, target, self.clean_combined(section, target, choice))

    def add_item_conflict(
        self,
        item_id: str,
        kind: str,
        o: _Where,
        t: _Where,
        values: dict[str, dict[str, Any] | None],
        keys: list[str],
    ) -> None:
        def shown(side: str, key: str) -> str:
            data = values[side]
            return "" if data is None else _text(data.get(key))

        differing = [
            k
            for k in keys
            if len({shown(side, k) for side in values if values[side] is not None}) > 1
        ]
        labels = {k: self.key_label(t.section, t.item, k) for k in differing}
        self.out.conflicts.append(
            Conflict(
                item_id,
                kind,
                "item",
                o.section.id,
                o.section.title,
                self.label(t.section, t.item),
                self.partner,
                t.item.author,
                values["base"],
                values["ours"],
                values["theirs"],
                tuple(
                    ConflictValue(
                        k,
                        labels[k][0],
                        shown("base", k),
                        shown("ours", k),
                        shown("theirs", k),
                        labels[k][1],
                    )
                    for k in differing
                ),
            )
        )

    def clean_combined(
        self, section: Section, item: Item, values: Mapping[str, Any]
    ) -> dict[str, Any]:
        """The values a user wrote to settle a conflict, checked like any edit."""
        values = {k: v for k, v in values.items() if k != POSITION}
        item_type = self.spec.section_type(section.key).item_type(item.type)
        fields = {k: v for k, v in values.items() if k not in ("tags", "needs_review")}
        try:
            cleaned: dict[str, Any] = item_type.clean(fields, partial=True)
            if "tags" in values:
                cleaned["tags"] = clean_tags(values["tags"])
        except (FieldError, TagError) as error:
            raise MergeError(f"{self.label(section, item)}: {error}") from None
        if "needs_review" in values:
            cleaned["needs_review"] = bool(values["needs_review"])
        return cleaned

    @staticmethod
    def set_values(section: Section, item: Item, values: Mapping[str, Any]) -> None:
        for key, value in values.items():
            if key == "tags":
                item.tags = list(value)
            elif key == "needs_review":
                item.needs_review = bool(value)
            else:
                item.fields[key] = copy.deepcopy(value)

    def place(self) -> None:
        """Put items the partner added or moved after the neighbour they follow in the package."""
        anchors: set[str] = set()
        for item_id, where in self.b.items():
            o, t = self.o.get(item_id), self.t.get(item_id)
            section_id = where.section.id
            if (
                o is not None
                and t is not None
                and o.section.id == t.section.id == section_id
                and item_id not in self.moved_o.get(section_id, set())
                and item_id not in self.moved_t.get(section_id, set())
                and item_id not in self.to_place
            ):
                anchors.add(item_id)
        for theirs in self.theirs.sections:
            target = self.merged_section(theirs.id)
            for position, item in enumerate(theirs.items):
                if item.id not in self.to_place:
                    continue
                if target is None:
                    raise AssertionError("an item to place in a part that is not there")
                moving = self.to_place[item.id]
                if moving is None:
                    found = self.merged_item(item.id)
                    assert found is not None
                    found[0].items.remove(found[1])
                    moving = found[1]
                anchor = next(
                    (i.id for i in reversed(theirs.items[:position]) if i.id in anchors), ""
                )
                ids = [i.id for i in target.items]
                index = ids.index(anchor) + 1 if anchor else 0
                target.items.insert(index, moving)
                anchors.add(item.id)

    def finish_parts(self) -> None:
        for part_id in self.drop_parts:
            part = self.merged_section(part_id)
            if part is not None:
                self.merged.sections.remove(part)
        present = {i.id for _, i in self.merged.items()}
        for part_id in self.restore_parts:
            theirs = self.t_sec[part_id]
            restored = copy.deepcopy(theirs)
            restored.items = [i for i in restored.items if i.id not in present]
            self.insert_part(restored, self.theirs.sections.index(theirs))
            present.update(i.id for i in restored.items)


def _part_differs(base: Section, theirs: Section) -> bool:
    if section_values(base) != section_values(theirs):
        return True
    return [(i.id, item_values(i)) for i in base.items] != [
        (i.id, item_values(i)) for i in theirs.items
    ]


def _text(value: Any) -> str:
    if value is _MISSING or value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def merge_documents(
    ours: Document,
    base: Sequence[Section],
    theirs: Document,
    spec: DocumentSpec,
    partner: str = "",
    choices: Mapping[str, Resolution] | None = None,
) -> Outcome:
    """The merged document, what it takes from the package, and the conflicts.

    Conflicts without a choice keep ours. ``ours`` and ``theirs`` are not changed.
    """
    for conflict_id, choice in (choices or {}).items():
        if not isinstance(choice, Mapping) and choice not in (OURS, THEIRS):
            raise MergeError(
                f"'{choice}' is not a way to settle a conflict ({conflict_id}): "
                "use ours, theirs, or the values you wrote."
            )
    return _Merger(ours, base, theirs, spec, partner, choices or {}).run()
