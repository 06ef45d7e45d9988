"""The parts tree: the document's details, its sections and their items, in order.

Select a part to edit it; drag parts to reorder them or move items between sections; drop
catalogue entries onto a section to draft them in. The context menu and the keyboard (Delete,
Alt+Up, Alt+Down, the menu key) add, remove and move parts. Every edit goes through the
DocumentEditor, so each one can be undone.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QDrag, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QMenu,
    QMessageBox,
    QStyle,
    QTreeView,
    QWidget,
)

from desktop.editing.editor import DocumentEditor
from desktop.editing.parts_model import DOCUMENT, ITEM, SECTION, PartsModel
from reformkit.catalogue.store import Catalogue
from reformkit.document.starters import starter_fields
from reformkit.errors import ReformKitError

T = TypeVar("T")
WIDTH_SAMPLE_ROWS = 300  # sections measured for the tree's first width

_STRUCTURE = {
    "item-added",
    "item-removed",
    "item-moved",
    "section-added",
    "section-removed",
    "items-added",
    "items-removed",
}


class PartsTree(QTreeView):
    part_selected = Signal(str, str)  # kind ("document", "section", "item"), the part's id
    status_message = Signal(str)  # something to show in the window's status bar

    def __init__(self, editor: DocumentEditor, catalogue: Catalogue, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.catalogue = catalogue
        self.parts = PartsModel(editor, catalogue, self)
        self.setModel(self.parts)
        self._current: tuple[str, str] | None = None
        self._collapsed: set[str] = set()
        self._syncing = False
        self.setAccessibleName("Parts of the document")
        self.setAccessibleDescription(
            "The document's details, then each section and its items. Delete removes, "
            "Alt+Up and Alt+Down move, the menu key shows what else you can do."
        )
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setDragEnabled(not editor.read_only)
        self.setAcceptDrops(not editor.read_only)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.DefaultContextMenu)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)

        self.remove_action = self._action("Remove", QKeySequence.StandardKey.Delete, self.remove)
        self.move_up_action = self._action("Move up", "Alt+Up", lambda: self.move_part(-1))
        self.move_down_action = self._action("Move down", "Alt+Down", lambda: self.move_part(1))

        self.selectionModel().currentChanged.connect(self._current_changed)
        self.expanded.connect(lambda index: self._collapsed.discard(self._id(index)))
        self.collapsed.connect(lambda index: self._collapsed.add(self._id(index)))
        self.parts.refused.connect(self.status_message)
        self.parts.dropped.connect(self._dropped)
        editor.changed.connect(self._document_changed)
        self._expand_all()
        self._update_actions()

    # Selection.
    def current_part(self) -> tuple[str, str] | None:
        return self.parts.part_at(self.currentIndex())

    def select_part(self, part_id: str) -> bool:
        """Select (and show) a part by id; False if the document has no such part."""
        index = self.parts.index_of(part_id)
        if not index.isValid():
            return False
        if index.parent().isValid():
            self.expand(index.parent())
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        self.scrollTo(index)
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_actions()
        if self._syncing:
            return
        part = self.parts.part_at(current)
        if part is None or part == self._current:
            return
        self._current = part
        self.part_selected.emit(*part)

    def wanted_width(self) -> int:
        """How wide the tree must be to show the document's title and every section's
        number and title whole (items may be cut: their tooltips say them in full), for the
        window's first sizes. The first few hundred sections are enough to judge."""
        root = QModelIndex()
        widest = 0
        for row in range(min(self.parts.rowCount(root), WIDTH_SAMPLE_ROWS)):
            widest = max(widest, self.sizeHintForIndex(self.parts.index(row, 0, root)).width())
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        return widest + self.indentation() + 2 * self.frameWidth() + scroll_bar

    def _id(self, index: QModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.UserRole + 2))

    # Following the document.
    def _document_changed(self, change: str, part_id: str) -> None:
        wanted = self._current
        self._syncing = True
        try:
            self.parts.apply(change, part_id)
            if change in ("section-added", "section-moved") and part_id not in self._collapsed:
                self.expand(self.parts.index_of(part_id))
            if change in _STRUCTURE or change == "section-moved":
                self._restore_selection(wanted)
        finally:
            self._syncing = False
        self._update_actions()

    def _restore_selection(self, wanted: tuple[str, str] | None) -> None:
        if wanted is None:
            return
        if self.parts.has_part(wanted[1]):
            index = self.parts.index_of(wanted[1])
            if index != self.currentIndex():
                self.select_part(wanted[1])
        else:  # removed elsewhere (undo, another panel): nothing is selected until it returns
            self.selectionModel().clear()
            self.setCurrentIndex(QModelIndex())

    def refresh(self) -> None:
        """Rebuild every row (after the document was replaced), keeping selection and folds."""
        wanted = self._current
        self._syncing = True
        try:
            self.parts.rebuild()
            self._expand_all()
            self._restore_selection(wanted)
        finally:
            self._syncing = False
        self._update_actions()

    def _expand_all(self) -> None:
        # Quietly: its "expanded" signals (one a row) would forget the sections the user
        # folded before they are folded again below.
        blocked = self.blockSignals(True)
        try:
            self.expandAll()
        finally:
            self.blockSignals(blocked)
        for part_id in list(self._collapsed):
            index = self.parts.index_of(part_id)
            if index.isValid():
                self.collapse(index)
        self._collapsed &= {self._id(self.parts.index(r, 0)) for r in range(self.parts.rowCount())}

    # Actions.
    def _action(self, text: str, shortcut: Any, slot: Any) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _update_actions(self) -> None:
        part = self.current_part()
        editable = not self.editor.read_only and part is not None and part[0] != DOCUMENT
        self.remove_action.setEnabled(editable)
        position, count = self._position(part) if editable and part else (0, 0)
        self.move_up_action.setEnabled(editable and position > 0)
        self.move_down_action.setEnabled(editable and position < count - 1)

    def _position(self, part: tuple[str, str]) -> tuple[int, int]:
        document = self.editor.project.document
        if part[0] == SECTION:
            sections = document.sections
            return sections.index(document.section(part[1])), len(sections)
        section, item = document.find_item(part[1])
        return section.items.index(item), len(section.items)

    def context_menu(self) -> QMenu:
        """The menu for the current part: add, add section, move, remove."""
        menu = QMenu(self)
        menu.setAccessibleName("Part actions")
        part = self.current_part()
        if self.editor.read_only:
            note = menu.addAction("This document is open read-only")
            note.setEnabled(False)
            return menu
        document = self.editor.project.document
        section = None
        if part is not None and part[0] == SECTION:
            section = document.section(part[1])
        elif part is not None and part[0] == ITEM:
            section = document.find_item(part[1])[0]
        if section is not None:
            section_type = self.editor.project.spec.section_type(section.key)
            for item_type in section_type.item_types:
                action = menu.addAction(f"Add {item_type.label.lower()}")
                action.triggered.connect(
                    lambda _checked=False, name=item_type.name: self.add_item(name)
                )
        sections_menu = menu.addMenu("Add section")
        sections_menu.setAccessibleName("Add section")
        for section_type in self.editor.project.spec.own_section_types:
            action = sections_menu.addAction(section_type.title)
            action.setToolTip(section_type.help)
            action.triggered.connect(
                lambda _checked=False, key=section_type.key: self.add_section(key)
            )
        if part is not None and part[0] != DOCUMENT:
            menu.addSeparator()
            menu.addAction(self.move_up_action)
            menu.addAction(self.move_down_action)
            menu.addSeparator()
            menu.addAction(self.remove_action)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            index = self.indexAt(event.pos())
            if index.isValid():
                self.setCurrentIndex(index)
            position = event.globalPos()
        else:
            rect = self.visualRect(self.currentIndex())
            position = self.viewport().mapToGlobal(
                rect.bottomLeft() if rect.isValid() else QPoint()
            )
        self.context_menu().exec(position)

    # Edits.
    def add_item(self, type_name: str) -> str | None:
        """Add an empty item of ``type_name`` after the current item (or at its section's end)."""
        part = self.current_part()
        if part is None or part[0] == DOCUMENT:
            return None
        document = self.editor.project.document
        if part[0] == SECTION:
            section, index = document.section(part[1]), None
        else:
            section, item = document.find_item(part[1])
            index = section.items.index(item) + 1
        item_type = self.editor.project.spec.section_type(section.key).item_type(type_name)
        item_id = self._edit(
            lambda: self.editor.add_item(
                section.id, item_type.name, starter_fields(item_type), index=index
            )
        )
        if item_id:
            self.select_part(item_id)
            self.status_message.emit(f"Added a {item_type.label.lower()} to “{section.title}”.")
        return item_id

    def add_section(self, key: str) -> str | None:
        """Add a section of type ``key`` after the current section (or at the end)."""
        document = self.editor.project.document
        part = self.current_part()
        index = None
        if part is not None and part[0] == DOCUMENT:
            index = 0
        elif part is not None:
            index = document.sections.index(self._section_of(part)) + 1
        section_id = self._edit(lambda: self.editor.add_section(key, index=index))
        if section_id:
            self.select_part(section_id)
        return section_id

    def remove(self) -> bool:
        """Remove the current part, asking first if it is a section with items in it."""
        part = self.current_part()
        if part is None or part[0] == DOCUMENT or self.editor.read_only:
            return False
        document = self.editor.project.document
        if part[0] == SECTION:
            section = document.section(part[1])
            if section.items:
                count = len(section.items)
                answer = QMessageBox.question(
                    self,
                    "Remove section",
                    f"Remove the section “{section.title}” and the {count} "
                    f"item{'s' if count != 1 else ''} in it?\n\nYou can undo this with Undo.",
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No,
                )
                if answer != QMessageBox.StandardButton.Yes:
                    return False
        neighbour = self._neighbour(part)

        def remove_part() -> bool:
            if part[0] == SECTION:
                self.editor.remove_section(part[1])
            else:
                self.editor.remove_item(part[1])
            return True

        done = self._edit(remove_part)
        if done:
            self._current = None
            if neighbour:
                self.select_part(neighbour)
            self.status_message.emit("Removed. Undo brings it back.")
        return bool(done)

    def move_part(self, step: int) -> bool:
        """Move the current part up (-1) or down (+1) among its siblings."""
        part = self.current_part()
        if part is None or part[0] == DOCUMENT or self.editor.read_only:
            return False
        position, count = self._position(part)
        target = position + step
        if not 0 <= target < count:
            return False

        def move() -> bool:
            if part[0] == SECTION:
                self.editor.move_section(part[1], target)
            else:
                section = self.editor.project.document.find_item(part[1])[0]
                self.editor.move_item(part[1], section.id, target)
            return True

        done = self._edit(move)
        self.select_part(part[1])
        return bool(done)

    def _neighbour(self, part: tuple[str, str]) -> str | None:
        index = self.parts.index_of(part[1])
        for candidate in (index.siblingAtRow(index.row() + 1), index.siblingAtRow(index.row() - 1)):
            if candidate.isValid():
                return self._id(candidate)
        return self._id(index.parent()) if index.parent().isValid() else None

    def _section_of(self, part: tuple[str, str]) -> Any:
        document = self.editor.project.document
        if part[0] == SECTION:
            return document.section(part[1])
        return document.find_item(part[1])[0]

    def _edit(self, change: Callable[[], T]) -> T | None:
        try:
            return change()
        except ReformKitError as error:
            self.status_message.emit(str(error))
            QMessageBox.warning(self, "Cannot change the document", str(error))
            return None

    def _dropped(self, kind: str, part_id: str) -> None:
        """Select what was dropped, and say what happened (replacing any refusal shown
        while it was dragged over a place that could not take it)."""
        self.select_part(part_id)
        document = self.editor.project.document
        try:
            if kind == SECTION:
                said = f"Moved “{document.section(part_id).title}”."
            else:
                section, item = document.find_item(part_id)
                name = self.parts.item_type(section.key, item.type).describe(item.fields)
                said = f"“{name}” is now in “{section.title}”."
        except KeyError:
            said = ""
        self.status_message.emit(said)

    def dropEvent(self, event: QDropEvent) -> None:
        """Just below an open section's heading is its first place, not the end of it."""
        index = self.indexAt(event.position().toPoint())
        below = self.dropIndicatorPosition() == QAbstractItemView.DropIndicatorPosition.BelowItem
        part = self.parts.part_at(index)
        if below and part and part[0] == SECTION and self.isExpanded(index):
            if self.parts.dropMimeData(event.mimeData(), event.dropAction(), 0, 0, index):
                event.acceptProposedAction()
            else:
                event.ignore()
            self.stopAutoScroll()
            self.setState(QAbstractItemView.State.NoState)
            self.viewport().update()
            return
        super().dropEvent(event)

    # Dragging: the editor moves the part, so the view must not remove the dragged row itself.
    def startDrag(self, supported: Qt.DropAction) -> None:
        index = self.currentIndex()
        data = self.parts.mimeData([index]) if index.isValid() else None
        if data is None:
            return
        drag = QDrag(self)
        drag.setMimeData(data)
        drag.exec(Qt.DropAction.MoveAction)
