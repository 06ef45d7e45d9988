"""The item-level half of a merge: each item's fields, and items added, removed or moved."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from reformkit.document.fields import FieldError
from reformkit.document.merge_state import ItemPlace, MergeState
from reformkit.document.merge_values import (
    OURS,
    POSITION,
    THEIRS,
    Change,
    Conflict,
    ConflictKind,
    ConflictValue,
    MergeError,
    ValueChange,
    as_text,
    item_values,
    three_way,
)
from reformkit.document.model import Item, Section, TagError, clean_tags
from reformkit.document.versions import ChangeKind


class ItemMerger(MergeState):
    """Merges each item's values and place, by id, across all parts."""

    def items(self) -> None:
        ids = [*self.their_items, *(i for i in self.base_items if i not in self.their_items)]
        for item_id in ids:
            base_place, our_place, their_place = (
                self.base_items.get(item_id),
                self.our_items.get(item_id),
                self.their_items.get(item_id),
            )
            if item_id in self.held and our_place is None:
                continue
            if base_place is not None and their_place is not None and our_place is not None:
                self.both_kept(item_id, base_place, our_place, their_place)
            elif base_place is not None and their_place is not None:
                self.removed_here(item_id, base_place, their_place)
            elif base_place is not None and our_place is not None:
                self.removed_there(item_id, base_place, our_place)
            elif their_place is not None and our_place is not None:
                self.both_kept(item_id, None, our_place, their_place)
            elif their_place is not None and base_place is None:
                self.to_place[item_id] = copy.deepcopy(their_place.item)
                self.outcome.changes.append(
                    Change(
                        ChangeKind.ADDED,
                        "item",
                        their_place.section.id,
                        their_place.section.title,
                        item_id,
                        self.label(their_place.section, their_place.item),
                        self.partner,
                        their_place.item.author,
                    )
                )

    def both_kept(
        self,
        item_id: str,
        base_place: ItemPlace | None,
        our_place: ItemPlace,
        their_place: ItemPlace,
    ) -> None:
        base_values = item_values(base_place.item) if base_place is not None else {}
        ours_values, theirs_values = item_values(our_place.item), item_values(their_place.item)
        pending = item_id in self.pending  # unsettled last time: the base no longer counts,
        if base_place is None or pending:  # any difference between the two sides is a conflict
            take: dict[str, Any] = {}
            conflicting = [k for k in theirs_values if theirs_values[k] != ours_values.get(k)]
        else:
            take, conflicting = three_way(base_values, ours_values, theirs_values)
        take_their_place = False
        if base_place is not None and item_id not in self.held:
            theirs_moved = self.place_changed(self.their_items, self.moved_by_them, item_id)
            ours_moved = self.place_changed(self.our_items, self.moved_by_us, item_id)
            if pending:
                theirs_moved = ours_moved = True  # compare the two places directly
            if theirs_moved and not ours_moved:
                take_their_place = True
                self.to_place[item_id] = None
            elif theirs_moved and ours_moved:
                in_their_part = {i.id for i in their_place.section.items}
                in_our_part = {i.id for i in our_place.section.items}
                if their_place.section.id != our_place.section.id or self.predecessor(
                    their_place.section, item_id, in_our_part
                ) != self.predecessor(our_place.section, item_id, in_their_part):
                    conflicting.append(POSITION)
        found = self.merged_item(item_id)
        assert found is not None
        section, target = found
        if take:
            self.set_values(section, target, take)
            self.outcome.changes.append(
                Change(
                    ChangeKind.CHANGED,
                    "item",
                    our_place.section.id,
                    our_place.section.title,
                    item_id,
                    self.label(their_place.section, their_place.item),
                    self.partner,
                    their_place.item.author,
                    tuple(
                        ValueChange(
                            k,
                            self.key_label(their_place.section, their_place.item, k)[0],
                            as_text(ours_values.get(k)),
                            as_text(v),
                        )
                        for k, v in take.items()
                    ),
                )
            )
        if take_their_place:
            moved_from = (
                ""
                if their_place.section.id == our_place.section.id
                else f" (from '{our_place.section.title}')"
            )
            self.outcome.changes.append(
                Change(
                    ChangeKind.MOVED,
                    "item",
                    their_place.section.id,
                    their_place.section.title,
                    item_id,
                    self.label(their_place.section, their_place.item) + moved_from,
                    self.partner,
                    their_place.item.author,
                )
            )
        if not conflicting:
            return
        where = {"base": base_place, "ours": our_place, "theirs": their_place}
        values = {
            side: (
                None
                if place is None
                else {
                    k: (
                        self.position_text(place)
                        if k == POSITION
                        else item_values(place.item).get(k)
                    )
                    for k in conflicting
                }
            )
            for side, place in where.items()
        }
        self.add_item_conflict(
            item_id,
            ConflictKind.MOVED if conflicting == [POSITION] else ConflictKind.CHANGED,
            our_place,
            their_place,
            values,
            conflicting,
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

    def removed_here(self, item_id: str, base_place: ItemPlace, their_place: ItemPlace) -> None:
        changed = (
            item_values(base_place.item) != item_values(their_place.item)
            or self.place_changed(self.their_items, self.moved_by_them, item_id)
            or item_id in self.pending  # removed here, kept there, unsettled last time
        )
        if not changed:
            return
        keys = list(dict.fromkeys([*item_values(base_place.item), *item_values(their_place.item)]))
        self.add_item_conflict(
            item_id,
            ConflictKind.REMOVED_HERE,
            their_place,
            their_place,
            {
                "base": item_values(base_place.item),
                "ours": None,
                "theirs": item_values(their_place.item),
            },
            keys,
        )
        choice = self.resolution(item_id)
        if choice == OURS:
            return
        restored = copy.deepcopy(their_place.item)
        if isinstance(choice, Mapping):
            self.set_values(
                their_place.section,
                restored,
                self.clean_combined(their_place.section, restored, choice),
            )
        self.to_place[item_id] = restored

    def removed_there(self, item_id: str, base_place: ItemPlace, our_place: ItemPlace) -> None:
        changed = (
            item_values(base_place.item) != item_values(our_place.item)
            or our_place.section.id != base_place.section.id
            or item_id in self.moved_by_us.get(base_place.section.id, set())
            or item_id in self.pending  # kept here last time: removing it is still a conflict
        )
        found = self.merged_item(item_id)
        assert found is not None
        section, target = found
        if not changed:
            section.items.remove(target)
            self.outcome.changes.append(
                Change(
                    ChangeKind.REMOVED,
                    "item",
                    our_place.section.id,
                    our_place.section.title,
                    item_id,
                    self.label(our_place.section, our_place.item),
                    self.partner,
                    our_place.item.author,
                )
            )
            return
        keys = list(dict.fromkeys([*item_values(base_place.item), *item_values(our_place.item)]))
        self.add_item_conflict(
            item_id,
            ConflictKind.REMOVED_THERE,
            our_place,
            our_place,
            {
                "base": item_values(base_place.item),
                "ours": item_values(our_place.item),
                "theirs": None,
            },
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
        kind: ConflictKind,
        our_place: ItemPlace,
        their_place: ItemPlace,
        values: dict[str, dict[str, Any] | None],
        keys: list[str],
    ) -> None:
        def shown(side: str, key: str) -> str:
            data = values[side]
            return "" if data is None else as_text(data.get(key))

        differing = [
            k
            for k in keys
            if len({shown(side, k) for side in values if values[side] is not None}) > 1
        ]
        labels = {k: self.key_label(their_place.section, their_place.item, k) for k in differing}
        self.outcome.conflicts.append(
            Conflict(
                item_id,
                kind,
                "item",
                our_place.section.id,
                our_place.section.title,
                self.label(their_place.section, their_place.item),
                self.partner,
                their_place.item.author,
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
        for item_id, where in self.base_items.items():
            our_place, their_place = self.our_items.get(item_id), self.their_items.get(item_id)
            section_id = where.section.id
            if (
                our_place is not None
                and their_place is not None
                and our_place.section.id == their_place.section.id == section_id
                and item_id not in self.moved_by_us.get(section_id, set())
                and item_id not in self.moved_by_them.get(section_id, set())
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
