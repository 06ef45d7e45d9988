"""The one way the desktop app changes a document: through here, onto the undo stack.

Each method applies the edit at once (so a refused edit raises before anything is stacked),
then pushes a command that can undo and redo it. The window, the wizard and the panels all
edit through one DocumentEditor and redraw when it says something changed.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from desktop.editing import commands
from reformkit.document.model import Item, Source
from reformkit.document.project import Project


class DocumentEditor(QObject):
    changed = Signal(str, str)  # what changed ("item-added", "section-changed"…), its id
    # A cell editor opened or closed: what it holds is not in the file until it closes.
    editing_changed = Signal(bool)

    def __init__(self, project: Project, parent: QObject | None = None):
        super().__init__(parent)
        self.project = project
        self.undo_stack = QUndoStack(self)
        self._open_editors: set[int] = set()
        project.subscribe(self._relay)

    # Cell editors whose text is not saved yet.
    @property
    def editing(self) -> bool:
        """Whether a cell editor is open (so not every change is in the file yet)."""
        return bool(self._open_editors)

    def editor_opened(self, widget: QWidget) -> None:
        key = id(widget)
        was = self.editing
        self._open_editors.add(key)
        widget.destroyed.connect(lambda _object=None, key=key: self._editor_gone(key))
        if not was:
            self.editing_changed.emit(True)

    def editor_closed(self, widget: QWidget | int) -> None:
        key = widget if isinstance(widget, int) else id(widget)
        if key in self._open_editors:
            self._open_editors.discard(key)
            if not self._open_editors:
                self.editing_changed.emit(False)

    def _editor_gone(self, key: int) -> None:
        """An editor deleted without being closed (its table went): no longer open."""
        with suppress(RuntimeError):  # the window, and this editor with it, is going
            self.editor_closed(key)

    def _relay(self, change: str, target_id: str) -> None:
        self.changed.emit(change, target_id)

    @property
    def read_only(self) -> bool:
        return self.project.read_only

    # Items.
    def add_item(
        self,
        section_id: str,
        item_type: str,
        fields: dict[str, Any],
        tags: Any = None,
        source: Source | None = None,
        index: int | None = None,
    ) -> str:
        item = self.project.add_item(
            section_id, item_type, fields, tags=tags, source=source, index=index
        )
        self.undo_stack.push(commands.AddItem(self.project, section_id, item))
        return item.id

    def add_items(self, items: list[Item]) -> None:
        """Record items already added in bulk (``Project.add_items`` or an import) as one
        undo step."""
        if items:
            self.undo_stack.push(commands.AddItems(self.project, items))

    def update_fields(self, item_id: str, fields: dict[str, Any]) -> None:
        _, item = self.project.document.find_item(item_id)
        before = {name: item.fields.get(name) for name in fields}
        if all(before[name] == value for name, value in fields.items()):
            return
        self.project.update_item(item_id, fields=fields)
        after = {name: item.fields.get(name) for name in fields}
        self.undo_stack.push(commands.EditItem(self.project, item_id, before, after))

    def set_item_tags(self, item_id: str, tags: Any) -> None:
        _, item = self.project.document.find_item(item_id)
        before = {"tags": list(item.tags)}
        self.project.update_item(item_id, tags=tags)
        if item.tags != before["tags"]:
            self.undo_stack.push(
                commands.EditItem(
                    self.project, item_id, before, {"tags": list(item.tags)}, "Change tags"
                )
            )

    def mark_reviewed(self, item_id: str, source: Source | None) -> None:
        """The user checked a flagged clause against its source's new wording."""
        _, item = self.project.document.find_item(item_id)
        before = {"needs_review": item.needs_review, "source": item.source}
        self.project.update_item(item_id, needs_review=False, source=source)
        after = {"needs_review": False, "source": item.source}
        self.undo_stack.push(
            commands.EditItem(self.project, item_id, before, after, "Mark as reviewed")
        )

    def remove_item(self, item_id: str) -> None:
        section, item = self.project.document.find_item(item_id)
        index = section.items.index(item)
        self.project.remove_item(item_id)
        self.undo_stack.push(commands.RemoveItem(self.project, section.id, item, index))

    def move_item(self, item_id: str, section_id: str, index: int) -> None:
        section, item = self.project.document.find_item(item_id)
        before = (section.id, section.items.index(item))
        self.project.move_item(item_id, section_id, index)
        target, _ = self.project.document.find_item(item_id)
        after = (target.id, target.items.index(item))
        if after != before:
            self.undo_stack.push(commands.MoveItem(self.project, item_id, before, after))

    # Sections.
    def add_section(self, key: str, title: str = "", index: int | None = None) -> str:
        section = self.project.add_section(key, title, index)
        self.undo_stack.push(commands.AddSection(self.project, section))
        return section.id

    def update_section(self, section_id: str, **changes: Any) -> None:
        section = self.project.document.section(section_id)
        before = {name: getattr(section, name) for name in changes}
        if "tags" in before:
            before["tags"] = list(before["tags"])
        self.project.update_section(section_id, **changes)
        after = {name: getattr(section, name) for name in changes}
        if after != before:
            self.undo_stack.push(commands.EditSection(self.project, section_id, before, after))

    def remove_section(self, section_id: str) -> None:
        section = self.project.document.section(section_id)
        index = self.project.document.sections.index(section)
        self.project.remove_section(section_id)
        self.undo_stack.push(commands.RemoveSection(self.project, section, index))

    def move_section(self, section_id: str, index: int) -> None:
        sections = self.project.document.sections
        before = sections.index(self.project.document.section(section_id))
        self.project.move_section(section_id, index)
        after = sections.index(self.project.document.section(section_id))
        if after != before:
            self.undo_stack.push(commands.MoveSection(self.project, section_id, before, after))

    # The document's details.
    def set_meta(self, **changes: Any) -> None:
        meta = self.project.document.meta
        before = {name: getattr(meta, name) for name in changes}
        self.project.set_meta(**changes)
        after = {name: getattr(meta, name) for name in changes}
        if after != before:
            self.undo_stack.push(commands.EditMeta(self.project, before, after))
