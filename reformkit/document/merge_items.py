"""The item-level half of a merge: each item's fields, and items added, removed or moved."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from reformkit.document.fields import FieldError
from reformkit.document.merge_state import MergeState, _Where
from reformkit.document.merge_values import (
    OURS,
    POSITION,
    THEIRS,
    Change,
    Conflict,
    ConflictValue,
    MergeError,
    ValueChange,
    _text,
    item_values,
    three_way,
)
from reformkit.document.model import Item, Section, TagError, clean_tags


class ItemMerger(MergeState):
    """Merges each item's values and place, by id, across all parts."""

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
        pending = item_id in self.pending  # unsettled last time: the base no longer counts,
        if b is None or pending:  # any difference between the two sides is a conflict
            take: dict[str, Any] = {}
            conflicting = [k for k in theirs_values if theirs_values[k] != ours_values.get(k)]
        else:
            take, conflicting = three_way(base_values, ours_values, theirs_values)
        moved_by_them = False
        if b is not None and item_id not in self.held:
            theirs_moved = self.loc_changed(self.t, self.moved_t, item_id)
            ours_moved = self.loc_changed(self.o, self.moved_o, item_id)
            if pending:
                theirs_moved = ours_moved = True  # compare the two places directly
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
        changed = (
            item_values(b.item) != item_values(t.item)
            or self.loc_changed(self.t, self.moved_t, item_id)
            or item_id in self.pending  # removed here, kept there, unsettled last time
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
            or item_id in self.pending  # kept here last time: removing it is still a conflict
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
