"""One undoable command for each kind of edit. Each command has already been applied once
(so a refused edit never reaches the stack); ``redo`` re-applies it after an undo."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtGui import QUndoCommand

from reformkit.document.model import Item, Section
from reformkit.document.project import Project

MERGE_FIELDS, MERGE_SECTION, MERGE_META = 1, 2, 3
_NOT_FIELDS = {"tags", "needs_review", "source"}


class _Command(QUndoCommand):
    def __init__(self, project: Project, text: str):
        super().__init__(text)
        self.project = project
        self._applied_once = True

    def redo(self) -> None:
        if self._applied_once:
            self._applied_once = False
            return
        self.apply()

    def apply(self) -> None:  # pragma: no cover - every subclass overrides it
        raise AssertionError("subclasses apply themselves")


class AddItem(_Command):
    def __init__(self, project: Project, section_id: str, item: Item):
        super().__init__(project, f"Add {item.type.replace('_', ' ')}")
        self.section_id = section_id
        self.item = copy.deepcopy(item)
        self.index = project.document.section(section_id).items.index(item)

    def apply(self) -> None:
        self.project.restore_item(self.section_id, copy.deepcopy(self.item), self.index)

    def undo(self) -> None:
        self.project.remove_item(self.item.id)


class AddItems(_Command):
    """Many items added at once (a spreadsheet import): one undo step."""

    def __init__(self, project: Project, items: list[Item]):
        super().__init__(project, f"Import {len(items)} rows")
        self.ids = [item.id for item in items]
        self.placed: list[tuple[str, int, Item]] = []

    def apply(self) -> None:
        self.project.restore_items([(s, i, copy.deepcopy(item)) for s, i, item in self.placed])

    def undo(self) -> None:
        self.placed = [
            (s, i, copy.deepcopy(item)) for s, i, item in self.project.remove_items(self.ids)
        ]


class RemoveItem(_Command):
    def __init__(self, project: Project, section_id: str, item: Item, index: int):
        super().__init__(project, f"Remove {item.type.replace('_', ' ')}")
        self.section_id, self.item, self.index = section_id, copy.deepcopy(item), index

    def apply(self) -> None:
        self.project.remove_item(self.item.id)

    def undo(self) -> None:
        self.project.restore_item(self.section_id, copy.deepcopy(self.item), self.index)


class EditItem(_Command):
    """Fields, tags or the review flag of one item. Typing in one field merges into one step."""

    def __init__(
        self,
        project: Project,
        item_id: str,
        before: dict[str, Any],
        after: dict[str, Any],
        text: str = "Edit",
    ):
        super().__init__(project, text)
        self.item_id, self.before, self.after = item_id, before, after

    def id(self) -> int:
        return MERGE_FIELDS

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditItem) or other.item_id != self.item_id:
            return False
        if set(other.after) != set(self.after) or set(self.after) & _NOT_FIELDS:
            return False
        self.after = other.after
        return True

    def apply(self) -> None:
        self._set(self.after)

    def undo(self) -> None:
        self._set(self.before)

    def _set(self, values: dict[str, Any]) -> None:
        fields = {k: v for k, v in values.items() if k not in _NOT_FIELDS}
        self.project.update_item(
            self.item_id,
            fields=fields or None,
            tags=values.get("tags"),
            needs_review=values.get("needs_review"),
            source=values.get("source"),
        )


class MoveItem(_Command):
    def __init__(
        self, project: Project, item_id: str, before: tuple[str, int], after: tuple[str, int]
    ):
        super().__init__(project, "Move")
        self.item_id, self.before, self.after = item_id, before, after

    def apply(self) -> None:
        self.project.move_item(self.item_id, *self.after)

    def undo(self) -> None:
        self.project.move_item(self.item_id, *self.before)


class AddSection(_Command):
    def __init__(self, project: Project, section: Section):
        super().__init__(project, f"Add section {section.title}")
        self.section = copy.deepcopy(section)
        self.index = project.document.sections.index(section)

    def apply(self) -> None:
        self.project.restore_section(copy.deepcopy(self.section), self.index)

    def undo(self) -> None:
        self.project.remove_section(self.section.id)


class RemoveSection(_Command):
    def __init__(self, project: Project, section: Section, index: int):
        super().__init__(project, f"Remove section {section.title}")
        self.section, self.index = copy.deepcopy(section), index

    def apply(self) -> None:
        self.project.remove_section(self.section.id)

    def undo(self) -> None:
        self.project.restore_section(copy.deepcopy(self.section), self.index)


class EditSection(_Command):
    def __init__(
        self, project: Project, section_id: str, before: dict[str, Any], after: dict[str, Any]
    ):
        super().__init__(project, "Edit section")
        self.section_id, self.before, self.after = section_id, before, after

    def id(self) -> int:
        return MERGE_SECTION

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            not isinstance(other, EditSection)
            or other.section_id != self.section_id
            or set(other.after) != set(self.after)
            or "tags" in self.after
        ):
            return False
        self.after = other.after
        return True

    def apply(self) -> None:
        self.project.update_section(self.section_id, **self.after)

    def undo(self) -> None:
        self.project.update_section(self.section_id, **self.before)


class MoveSection(_Command):
    def __init__(self, project: Project, section_id: str, before: int, after: int):
        super().__init__(project, "Move section")
        self.section_id, self.before, self.after = section_id, before, after

    def apply(self) -> None:
        self.project.move_section(self.section_id, self.after)

    def undo(self) -> None:
        self.project.move_section(self.section_id, self.before)


class EditMeta(_Command):
    def __init__(self, project: Project, before: dict[str, Any], after: dict[str, Any]):
        super().__init__(project, "Edit details")
        self.before, self.after = before, after

    def id(self) -> int:
        return MERGE_META

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditMeta) or set(other.after) != set(self.after):
            return False
        self.after = other.after
        return True

    def apply(self) -> None:
        self.project.set_meta(**self.after)

    def undo(self) -> None:
        self.project.set_meta(**self.before)
