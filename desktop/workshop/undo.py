"""Workshop edits on the document window's undo stack.

The workshop's operations (workshop.operations, workshop.promote) write through the Project,
so they know nothing of Qt's undo. Each is run here between two looks at the document: what
it added, removed or changed becomes one undoable step (a promotion that adds a clause and
marks its source is one step). Items that arrive from phones meanwhile are left alone.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtGui import QUndoCommand

from desktop.editing.editor import DocumentEditor
from reformkit.document.model import Item, Section
from reformkit.document.project import Project

T = TypeVar("T")


@dataclass(frozen=True)
class _Seen:
    section_id: str
    index: int
    fields: dict[str, Any]
    tags: list[str]


def _look(project: Project) -> tuple[dict[str, _Seen], set[str]]:
    """Each item's place and fields, and the section ids: cheap, no deep copies."""
    items: dict[str, _Seen] = {}
    for section in project.document.sections:
        for index, item in enumerate(section.items):
            items[item.id] = _Seen(section.id, index, dict(item.fields), list(item.tags))
    return items, {section.id for section in project.document.sections}


class RecordedEdit(QUndoCommand):
    """What one workshop operation did, to take back and do again."""

    def __init__(
        self, project: Project, text: str, before: tuple[dict[str, _Seen], set[str]]
    ) -> None:
        super().__init__(text)
        self.project = project
        self._applied_once = True
        old_items, old_sections = before
        document = project.document
        self.added_sections: list[tuple[int, Section]] = [
            (index, copy.deepcopy(section))
            for index, section in enumerate(document.sections)
            if section.id not in old_sections
        ]
        in_new_sections = {item.id for _, section in self.added_sections for item in section.items}
        self.added: list[tuple[str, int, Item]] = []
        self.changed: list[tuple[str, _Seen, _Seen]] = []
        now_ids: set[str] = set()
        for section in document.sections:
            for index, item in enumerate(section.items):
                now_ids.add(item.id)
                seen = old_items.get(item.id)
                if seen is None:
                    if item.id not in in_new_sections:
                        self.added.append((section.id, index, copy.deepcopy(item)))
                elif seen.fields != item.fields or seen.tags != item.tags:
                    after = _Seen(section.id, index, dict(item.fields), list(item.tags))
                    self.changed.append((item.id, seen, after))
        self.removed: list[tuple[str, int, Item]] = []
        self.removed_ids = [item_id for item_id in old_items if item_id not in now_ids]

    def keep_removed(self, removed: list[tuple[str, int, Item]]) -> None:
        """The removed items themselves (the look before kept only their fields)."""
        self.removed = [(s, i, copy.deepcopy(item)) for s, i, item in removed]

    @property
    def empty(self) -> bool:
        return not (self.added_sections or self.added or self.changed or self.removed_ids)

    def redo(self) -> None:
        if self._applied_once:
            self._applied_once = False
            return
        for index, section in self.added_sections:
            self.project.restore_section(copy.deepcopy(section), index)
        if self.added:
            self.project.restore_items([(s, i, copy.deepcopy(it)) for s, i, it in self.added])
        for item_id, _before, after in self.changed:
            self._set(item_id, after)
        if self.removed_ids:
            self.project.remove_items(self.removed_ids)

    def undo(self) -> None:
        if self.removed:
            self.project.restore_items([(s, i, copy.deepcopy(it)) for s, i, it in self.removed])
        for item_id, before, _after in reversed(self.changed):
            self._set(item_id, before)
        if self.added:
            self.project.remove_items([item.id for _, _, item in self.added])
        for _, section in reversed(self.added_sections):
            self.project.remove_section(section.id)

    def _set(self, item_id: str, seen: _Seen) -> None:
        _, item = self.project.document.find_item(item_id)
        fields = {name: None for name in item.fields if name not in seen.fields}
        self.project.update_item(item_id, fields={**fields, **seen.fields}, tags=seen.tags)


def run_recorded(editor: DocumentEditor, text: str, operation: Callable[[], T]) -> T:
    """Run ``operation`` (which edits ``editor.project``) as one undo step called ``text``.

    If it raises, whatever it did before raising is still recorded, then the error goes on.
    """
    project = editor.project
    before = _look(project)
    removed_before = {
        item.id: (section.id, index, item)
        for section in project.document.sections
        for index, item in enumerate(section.items)
    }
    try:
        return operation()
    finally:
        command = RecordedEdit(project, text, before)
        command.keep_removed([removed_before[item_id] for item_id in command.removed_ids])
        if not command.empty:
            editor.undo_stack.push(command)
