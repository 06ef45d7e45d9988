"""What every workshop view shares: the host it works for, and small widget helpers.

A view reads the record the window keeps (rebuilt after each change) and writes through the
host's ``run``, which puts the operation on the document window's undo stack and turns a
refused change into a plain message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar
from weakref import WeakKeyDictionary

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QLabel, QListView, QListWidget, QListWidgetItem, QWidget

from desktop.editing.editor import DocumentEditor
from desktop.prompts import Prompts
from reformkit.document.project import Project
from workshop.record import Activity, WorkshopRecord

T = TypeVar("T")
ID_ROLE = Qt.ItemDataRole.UserRole
NO_GROUP = "No group"


class Host(Protocol):
    """The workshop window, as its views see it."""

    project: Project
    editor: DocumentEditor
    record: WorkshopRecord

    @property
    def prompts(self) -> Prompts: ...

    def current_activity(self) -> Activity | None: ...

    def run(self, text: str, operation: Callable[[], T]) -> T | None: ...

    def say(self, message: str) -> None: ...


def heading(text: str, parent: QWidget | None = None, scale: float = 1.3) -> QLabel:
    """A bold label, larger than the text around it, that wraps."""
    label = QLabel(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def wrapped(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def selected_ids(view: QListWidget) -> list[str]:
    """The ids held by the selected rows, in the list's order."""
    rows = sorted(view.selectedItems(), key=view.row)
    return [str(item.data(ID_ROLE)) for item in rows if item.data(ID_ROLE)]


def fill_list(view: QListWidget, rows: list[tuple[str, str]], keep: bool = True) -> None:
    """Show (id, text) rows, keeping the selection and current row by id where they remain.

    Only what changed is touched: rows gone are taken out, rows whose words changed are
    rewritten, and the list is rebuilt from the first row out of order on (in a room, the
    new arrivals at the end). A long session's list is not refilled after every drain.
    """
    shown = _shown(view)
    wanted_ids = {item_id for item_id, _ in rows}
    view.blockSignals(True)
    try:
        if not keep:
            view.clearSelection()
        for index in range(len(shown) - 1, -1, -1):  # rows gone, from the end
            if shown[index][0] not in wanted_ids:
                view.takeItem(index)
                del shown[index]
        first = next(
            (n for n, (old, new) in enumerate(zip(shown, rows, strict=False)) if old[0] != new[0]),
            min(len(shown), len(rows)),
        )
        for index in range(first):  # same rows: the words may have changed
            if shown[index][1] != rows[index][1]:
                view.item(index).setText(rows[index][1])
        if first < len(shown):  # out of order from here: shown again below
            chosen = {i for i, _ in shown[first:]} & set(selected_ids(view)) if keep else set()
            current = view.currentItem()
            current_id = str(current.data(ID_ROLE)) if current is not None else ""
            for index in range(len(shown) - 1, first - 1, -1):
                view.takeItem(index)
        else:
            chosen, current_id = set(), ""
        for item_id, text in rows[first:]:
            row = QListWidgetItem(text)
            row.setData(ID_ROLE, item_id)
            view.addItem(row)
            if item_id in chosen:
                row.setSelected(True)
            if item_id and item_id == current_id:
                view.setCurrentItem(row, QItemSelectionModel.SelectionFlag.NoUpdate)
    finally:
        view.blockSignals(False)
    _SHOWN[view] = list(rows)


_SHOWN: WeakKeyDictionary[QListWidget, list[tuple[str, str]]] = WeakKeyDictionary()


def _shown(view: QListWidget) -> list[tuple[str, str]]:
    """The rows the list shows, as last filled; read from the list itself when it was
    changed some other way since."""
    kept = _SHOWN.get(view)
    count = view.count()
    if (
        kept is not None
        and len(kept) == count
        and (not count or str(view.item(count - 1).data(ID_ROLE)) == kept[-1][0])
    ):
        return list(kept)
    found = []
    for index in range(count):
        item = view.item(index)
        found.append((str(item.data(ID_ROLE) or ""), item.text()))
    return found


def long_list(view: QListWidget) -> None:
    """Lay a list that may grow to thousands of rows out in batches between other events,
    so adding to it never holds the window up while every row is measured again."""
    view.setLayoutMode(QListView.LayoutMode.Batched)
    view.setBatchSize(100)


def short(text: str, limit: int = 60) -> str:
    """The first words of ``text``, for a title or a message."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
