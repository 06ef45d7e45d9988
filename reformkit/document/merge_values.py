"""What a merge compares and what it reports: the values, the three-way rule, and the
changes and conflicts it hands back. Kept apart from the merge itself so the views and the CLI
can use the results without the engine.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Literal

from reformkit.document.model import Document, Item, Section
from reformkit.document.versions import ChangeKind, DiffMark, word_diff
from reformkit.errors import ReformKitError


class Side(StrEnum):
    """Which side a conflict is settled for: the document here, or the partner's package."""

    OURS = "ours"
    THEIRS = "theirs"


OURS, THEIRS = Side.OURS, Side.THEIRS
Resolution = Side | Mapping[str, Any]  # ours, theirs, or the values the user wrote
#: What a change or conflict is about: an item, or a part (a section) as a whole.
MergedPart = Literal["item", "part"]

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

    def word_diff(self) -> list[tuple[DiffMark, str]]:
        return word_diff(self.old, self.new)


@dataclass(frozen=True)
class Change:
    """One thing the merge takes from the package: an item or part added, changed, removed or
    moved, by the partner (and the item's own author, if it names one)."""

    kind: ChangeKind
    what: MergedPart
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

    def ours_diff(self) -> list[tuple[DiffMark, str]]:
        return word_diff(self.base, self.ours)

    def theirs_diff(self) -> list[tuple[DiffMark, str]]:
        return word_diff(self.base, self.theirs)


class ConflictKind(StrEnum):
    """How the two sides disagree about one item or part."""

    CHANGED = "changed"
    MOVED = "moved"
    REMOVED_HERE = "removed-here"  # removed here, changed in the package
    REMOVED_THERE = "removed-there"  # changed here, removed in the package


CONFLICT_WORDS = {
    ConflictKind.CHANGED: "changed here and in the package",
    ConflictKind.MOVED: "moved to different places here and in the package",
    ConflictKind.REMOVED_HERE: "removed here but changed in the package",
    ConflictKind.REMOVED_THERE: "changed here but removed in the package",
}


@dataclass(frozen=True)
class Conflict:
    """Both sides changed the same thing. ``id`` (the item's or part's) keys its resolution.

    ``base``, ``ours`` and ``theirs`` hold the conflicting values by field name (plus
    ``tags``, ``needs_review`` and ``position``); ``None`` where that side has no such item.
    """

    id: str
    kind: ConflictKind
    what: MergedPart
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
        sent, here, there = (side.get(key, _MISSING) for side in (base, ours, theirs))
        if there == sent or here == there:
            continue
        if here == sent:
            take[key] = there
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


def as_text(value: Any) -> str:
    if value is _MISSING or value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)
