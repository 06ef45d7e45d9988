"""The part-level half of a merge: a part's own fields, and parts added or removed."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from reformkit.document.merge_state import MergeState
from reformkit.document.merge_values import (
    CONFLICT_WORDS,
    SECTION_KEYS,
    SECTION_LABELS,
    THEIRS,
    Change,
    Conflict,
    ConflictKind,
    ConflictValue,
    MergeError,
    ValueChange,
    as_text,
    item_values,
    section_values,
    three_way,
)
from reformkit.document.model import Section, TagError, clean_tags
from reformkit.document.versions import ChangeKind


class PartMerger(MergeState):
    """Merges each part's title, introduction, tags and owner, and whole parts."""

    def parts(self) -> None:
        for base in self.base:
            ours, theirs = self.our_parts.get(base.id), self.their_parts.get(base.id)
            if ours is not None and theirs is not None:
                self.part_fields(base, ours, theirs)
            elif ours is not None:
                self.part_removed_there(base, ours)
            elif theirs is not None and _part_differs(base, theirs):
                self.part_removed_here(base, theirs)
        for position, theirs in enumerate(self.theirs.sections):
            if theirs.id in self.base_parts or theirs.id in self.our_parts:
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
            self.outcome.changes.append(
                Change(
                    ChangeKind.ADDED,
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
            sent = [n for n, s in enumerate(sections) if s.id in self.base_parts]
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
            self.outcome.changes.append(
                Change(
                    ChangeKind.CHANGED,
                    "part",
                    base.id,
                    theirs.title,
                    base.id,
                    f"Part '{theirs.title}'",
                    self.partner,
                    fields=tuple(
                        ValueChange(k, SECTION_LABELS[k], as_text(before[k]), as_text(v))
                        for k, v in take.items()
                    ),
                )
            )
        if not conflicting:
            return
        base_values, our_values, their_values = (
            section_values(base),
            section_values(ours),
            section_values(theirs),
        )
        conflict = Conflict(
            base.id,
            ConflictKind.CHANGED,
            "part",
            base.id,
            ours.title,
            f"Part '{ours.title}'",
            self.partner,
            "",
            {k: base_values[k] for k in conflicting},
            {k: our_values[k] for k in conflicting},
            {k: their_values[k] for k in conflicting},
            tuple(
                ConflictValue(
                    k,
                    SECTION_LABELS[k],
                    as_text(base_values[k]),
                    as_text(our_values[k]),
                    as_text(their_values[k]),
                    k in ("title", "intro"),
                )
                for k in conflicting
            ),
        )
        self.outcome.conflicts.append(conflict)
        choice = self.resolution(base.id)
        if choice == THEIRS:
            values = {k: their_values[k] for k in conflicting}
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
            if item.id not in self.their_items:
                self.held.add(item.id)
        self.part_conflict(base.id, ConflictKind.REMOVED_THERE, ours, section_values(ours), None)
        if self.resolution(base.id) == THEIRS:
            self.drop_parts.append(base.id)

    def part_removed_here(self, base: Section, theirs: Section) -> None:
        """We removed a part that the partner changed."""
        for item in theirs.items:
            self.held.add(item.id)
        self.part_conflict(base.id, ConflictKind.REMOVED_HERE, theirs, None, section_values(theirs))
        if self.resolution(base.id) == THEIRS:
            self.restore_parts.append(base.id)

    def part_conflict(
        self,
        part_id: str,
        kind: ConflictKind,
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
        self.outcome.conflicts.append(
            Conflict(
                part_id,
                kind,
                "part",
                part_id,
                part.title,
                f"Part '{part.title}' ({count} item{'s' if count != 1 else ''})",
                self.partner,
                "",
                section_values(self.base_parts[part_id]),
                ours,
                theirs,
            )
        )

    def finish_parts(self) -> None:
        for part_id in self.drop_parts:
            part = self.merged_section(part_id)
            if part is not None:
                self.merged.sections.remove(part)
        present = {i.id for _, i in self.merged.items()}
        for part_id in self.restore_parts:
            theirs = self.their_parts[part_id]
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
