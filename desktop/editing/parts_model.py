"""The rows of the parts tree: the document's details, its sections and their items.

The model follows the document one change at a time (an added item is one inserted row), so
a plan of 300 sections stays quick to edit; anything it cannot follow exactly is rebuilt in
one go. A big plan's items beyond its first sections get their rows after the window's first
paint, a few sections at a time (see :meth:`PartsModel.rebuild`).

Drags carry a part's id; what a drop does is worked out and made in
:mod:`desktop.editing.part_drops`.
"""

from __future__ import annotations

import time

import shiboken6
from PySide6.QtCore import (
    QByteArray,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

from desktop.background import after_next_paint, building_on_screen, built_on_screen
from desktop.editing.editor import DocumentEditor
from desktop.editing.part_drops import DOCUMENT as DOCUMENT
from desktop.editing.part_drops import ENTRY_MIME as ENTRY_MIME
from desktop.editing.part_drops import ITEM as ITEM
from desktop.editing.part_drops import PART_MIME as PART_MIME
from desktop.editing.part_drops import SECTION as SECTION
from desktop.editing.part_drops import DropPlan, DropPlanner, DropRefusedError
from reformkit.catalogue.store import Catalogue
from reformkit.document.fields import DATE
from reformkit.document.model import Item, Section
from reformkit.document.spec import ItemType
from reformkit.errors import ReformKitError
from reformkit.layout.formatting import long_date

KIND_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
REVIEW_MARK = "⚠ To review"
REVIEW_TIP = (
    "The catalogue's wording of the entry this came from has changed. "
    "Open it to compare the wording and mark it as reviewed."
)
REVIEW_COLOUR = QColor("#8a5300")  # dark amber: readable on white, distinct from plain rows
_Index = QModelIndex | QPersistentModelIndex


_FLAGS: dict[tuple[str, bool], Qt.ItemFlag] = {}  # by part kind and read-only
# The sections whose items get rows at once: more than any screen shows. The rest are
# filled after the first paint, in turns of FILL_TURN_S on the UI thread.
FIRST_SECTIONS = 40
FILL_TURN_S = 0.015


class PartsModel(QStandardItemModel):
    refused = Signal(str)  # a drop that was refused, and why
    dropped = Signal(str, str)  # what a drop did ("item", "section"), and the part's id

    def __init__(self, editor: DocumentEditor, catalogue: Catalogue, parent: QObject | None = None):
        super().__init__(parent)
        self.editor = editor
        self.catalogue = catalogue
        self.drops = DropPlanner(editor, catalogue)
        self._rows: dict[str, QStandardItem] = {}
        self._types: dict[tuple[str, str], ItemType] = {}
        self._named_by_date: dict[int, bool] = {}  # by item type
        self._refusal_shown = False  # a refusal is in the status bar, to clear once it passes
        # Sections whose items have no rows yet, in order, with their Section (the document
        # finds a section by id with a search).
        self._unfilled: dict[str, Section] = {}
        self.rebuild()

    # Reading the rows.
    def part_at(self, index: _Index) -> tuple[str, str] | None:
        if not index.isValid():
            return None
        return str(index.data(KIND_ROLE)), str(index.data(ID_ROLE))

    def index_of(self, part_id: str) -> QModelIndex:
        row = self._row(part_id)
        return self.indexFromItem(row) if row is not None else QModelIndex()

    def has_part(self, part_id: str) -> bool:
        return self._row(part_id) is not None

    def _row(self, part_id: str) -> QStandardItem | None:
        """The row of a part; an item's section is filled first if it is not yet."""
        row = self._rows.get(part_id)
        if row is None and self._unfilled:
            try:
                section, _ = self.editor.project.document.find_item(part_id)
            except KeyError:
                return None
            if section.id in self._unfilled:
                self._fill(section.id)
            row = self._rows.get(part_id)
        return row

    # Building and following the document.
    def rebuild(self) -> None:
        """Build every row again (a new document, or a change the model cannot follow).

        The items of the first FIRST_SECTIONS sections get their rows now; a thousand-section
        plan's 11,000 others took a fifth of a second, before the window could first be
        painted. Theirs come after that paint (their sections' rows are there, and remember
        being expanded), a turn at a time; any part asked for, or any change, fills what it
        needs first.
        """
        document = self.editor.project.document
        self.clear()
        self._rows = {}
        self._unfilled = {}
        details = QStandardItem()
        self._set_details(details)
        self._rows[document.meta.id] = details
        rows = [details]
        for number, section in enumerate(document.sections, start=1):
            filled = number <= FIRST_SECTIONS
            rows.append(self._section_row(section, number, filled))
            if not filled:
                self._unfilled[section.id] = section
        self.invisibleRootItem().appendRows(rows)
        if self._unfilled:
            building_on_screen(self)
            after_next_paint(self._start_filling)
        else:
            built_on_screen(self)  # rebuilt whole while a bigger document was being filled

    @property
    def filled(self) -> bool:
        """Whether every item has its row."""
        return not self._unfilled

    def fill_all(self) -> None:
        """Give every item its row now."""
        if not self._unfilled:
            return
        while self._unfilled:
            self._fill(next(iter(self._unfilled)))
        built_on_screen(self)

    def _start_filling(self) -> None:
        if shiboken6.isValid(self) and self._unfilled:
            self._next_turn()

    def _next_turn(self) -> None:
        """The next turn, once the events waiting are handled: a one-off call tied to this
        model (dropped if the model goes first), so a document small enough to be filled at
        once keeps no timer at all."""
        QTimer.singleShot(0, self, self._fill_a_turn)

    def _fill_a_turn(self) -> None:
        ends = time.perf_counter() + FILL_TURN_S
        while self._unfilled and time.perf_counter() < ends:
            self._fill(next(iter(self._unfilled)))
        if self._unfilled:
            self._next_turn()
        else:
            built_on_screen(self)

    def _fill(self, section_id: str) -> None:
        section = self._unfilled.pop(section_id)
        self._rows[section_id].appendRows([self._item_row(section, i) for i in section.items])

    def apply(self, change: str, part_id: str) -> None:
        """Follow one change the editor announced."""
        if change != "meta":
            self.fill_all()  # rare: a change in the moments before the rows are all made
        try:
            self._apply(change, part_id)
        except (KeyError, ValueError, AttributeError):
            self.rebuild()

    def _apply(self, change: str, part_id: str) -> None:
        document = self.editor.project.document
        root = self.invisibleRootItem()
        if change == "meta":
            self._set_details(self._rows[document.meta.id])
        elif change == "items-added" and not part_id:  # phones' answers, from the inbox
            self._append_new_items()
        elif change in ("items-added", "items-removed", "merged"):  # an import, a merge
            self.rebuild()
        elif change == "item-added":
            section, item = document.find_item(part_id)
            if part_id in self._rows:
                self._take(part_id)
            self._rows[section.id].insertRow(
                section.items.index(item), self._item_row(section, item)
            )
        elif change == "item-changed":
            section, item = document.find_item(part_id)
            self._set_item(self._rows[part_id], section, item)
        elif change == "item-removed":
            self._take(part_id)
            del self._rows[part_id]
        elif change == "item-moved":
            section, item = document.find_item(part_id)
            row = self._take(part_id)
            self._rows[section.id].insertRow(section.items.index(item), row)
            self._set_item(row, section, item)
        elif change == "section-added":
            section = document.section(part_id)
            if part_id in self._rows:
                self._take(part_id)
            position = document.sections.index(section)
            root.insertRow(position + 1, self._section_row(section, position + 1))
            self._renumber()
        elif change == "section-changed":
            section = document.section(part_id)
            self._set_section(self._rows[part_id], section, document.sections.index(section) + 1)
        elif change == "section-removed":
            row = self._take(part_id)
            for child in range(row.rowCount()):
                self._rows.pop(str(row.child(child).data(ID_ROLE)), None)
            del self._rows[part_id]
            self._renumber()
        elif change == "section-moved":
            section = document.section(part_id)
            row = self._take(part_id)
            root.insertRow(document.sections.index(section) + 1, row)
            self._renumber()
        # Other changes (snapshots and the like) do not show in the tree.

    def _append_new_items(self) -> None:
        """Add the rows of items added at the end of their parts (a drain of a workshop
        room's inbox, every few hundred milliseconds), rather than build thousands again;
        anything else (a new part, an item put back in the middle) builds every row."""
        document = self.editor.project.document
        appended: list[tuple[QStandardItem, list[QStandardItem]]] = []
        for section in document.sections:
            row = self._rows.get(section.id)
            if row is None:
                self.rebuild()
                return
            shown = row.rowCount()
            new = section.items[shown:]
            if any(item.id not in self._rows for item in section.items[:shown]) or any(
                item.id in self._rows for item in new
            ):
                self.rebuild()
                return
            if new:
                appended.append((row, [self._item_row(section, item) for item in new]))
        for row, items in appended:
            row.appendRows(items)

    def _take(self, part_id: str) -> QStandardItem:
        row = self._rows[part_id]
        parent = row.parent() or self.invisibleRootItem()
        taken = parent.takeRow(row.row())
        if not taken or taken[0] is not row:
            raise KeyError(part_id)
        return row

    def _renumber(self) -> None:
        document = self.editor.project.document
        for number, section in enumerate(document.sections, start=1):
            self._set_section(self._rows[section.id], section, number)

    # One row each.
    def _set_details(self, row: QStandardItem) -> None:
        document = self.editor.project.document
        row.setText(document.meta.title)
        row.setData(DOCUMENT, KIND_ROLE)
        row.setData(document.meta.id, ID_ROLE)
        row.setToolTip(f"Details of this {self.editor.project.spec.label}: title, organisation…")
        row.setFlags(self._flags(DOCUMENT))
        font = row.font()
        font.setBold(True)
        row.setFont(font)

    def _section_row(self, section: Section, number: int, filled: bool = True) -> QStandardItem:
        row = QStandardItem()
        self._set_section(row, section, number)
        self._rows[section.id] = row
        if filled:
            row.appendRows([self._item_row(section, item) for item in section.items])
        return row

    def _set_section(self, row: QStandardItem, section: Section, number: int) -> None:
        text = f"{number}  {section.title}"
        if row.text() == text and row.data(ID_ROLE) == section.id:
            return
        row.setText(text)
        row.setData(SECTION, KIND_ROLE)
        row.setData(section.id, ID_ROLE)
        section_type = self.editor.project.spec.section_type(section.key)
        holds = ", ".join(t.label.lower() + "s" for t in section_type.item_types)
        row.setToolTip(f"{section_type.title}. Holds {holds}.")
        row.setFlags(self._flags(SECTION))
        if not row.font().bold():
            font = row.font()
            font.setBold(True)
            row.setFont(font)

    def _item_row(self, section: Section, item: Item) -> QStandardItem:
        row = QStandardItem()
        self._set_item(row, section, item, new=True)
        self._rows[item.id] = row
        return row

    def _set_item(
        self, row: QStandardItem, section: Section, item: Item, new: bool = False
    ) -> None:
        item_type = self.item_type(section.key, item.type)
        name = item_type.describe(item.fields) or f"(a {item_type.label.lower()} with no words)"
        if self._dated(item_type):
            name = long_date(name)  # "30 November 2027", as people write it
        if item.needs_review:
            row.setText(f"{REVIEW_MARK}  {name}")
            row.setToolTip(f"{item_type.label}: {name}\n{REVIEW_TIP}")
            row.setForeground(REVIEW_COLOUR)
        else:
            row.setText(name)
            row.setToolTip(f"{item_type.label}: {name}")
            if not new:
                row.setData(None, Qt.ItemDataRole.ForegroundRole)
        row.setData(ITEM, KIND_ROLE)
        row.setData(item.id, ID_ROLE)
        row.setFlags(self._flags(ITEM))

    def _dated(self, item_type: ItemType) -> bool:
        """Whether an item of this type is named by a date (shown as people write it)."""
        dated = self._named_by_date.get(id(item_type))
        if dated is None:
            dated = bool(item_type.title_field) and (
                item_type.field(item_type.title_field).type == DATE
            )
            self._named_by_date[id(item_type)] = dated
        return dated

    def item_type(self, section_key: str, type_name: str) -> ItemType:
        key = (section_key, type_name)
        if key not in self._types:
            section_type = self.editor.project.spec.section_type(section_key)
            self._types[key] = section_type.item_type(type_name)
        return self._types[key]

    def _flags(self, kind: str) -> Qt.ItemFlag:
        key = (kind, self.editor.read_only)
        if key not in _FLAGS:  # worked out once: Qt's flag enums are slow to combine
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if not key[1]:
                if kind != DOCUMENT:
                    flags |= Qt.ItemFlag.ItemIsDragEnabled
                flags |= Qt.ItemFlag.ItemIsDropEnabled
            _FLAGS[key] = flags
        return _FLAGS[key]

    # Drag and drop.
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [PART_MIME, ENTRY_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData | None:  # type: ignore[override]
        found = [self.part_at(index) for index in indexes if index.isValid()]
        parts = [part for part in found if part is not None and part[0] != DOCUMENT]
        if not parts:
            return None
        data = QMimeData()
        kind, part_id = parts[0]
        data.setData(PART_MIME, QByteArray(f"{kind}:{part_id}".encode()))
        data.setText(self.itemFromIndex(self.index_of(part_id)).text())
        return data

    def canDropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: _Index,
    ) -> bool:
        try:
            self.plan_drop(data, row, parent)
        except DropRefusedError as refusal:
            self._refusal_shown = True
            self.refused.emit(str(refusal))
            return False
        if self._refusal_shown:  # a place that takes it: the refusal no longer stands
            self._refusal_shown = False
            self.refused.emit("")
        return True

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: _Index,
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        try:
            dropped = self.drops.carry_out(self.plan_drop(data, row, parent))
        except ReformKitError as error:
            self.refused.emit(str(error))
            return False
        if dropped is not None:
            self.dropped.emit(*dropped)
        return True

    def plan_drop(self, data: QMimeData, row: int, parent: _Index) -> DropPlan:
        """Work out what dropping ``data`` at (``row``, ``parent``) would do, or refuse."""
        return self.drops.plan(data, row, self.part_at(parent))
