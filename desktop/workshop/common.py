"""What every workshop view shares: the host it works for, and small widget helpers.

A view reads the record the window keeps (rebuilt after each change) and writes through the
host's ``run``, which puts the operation on the document window's undo stack and turns a
refused change into a plain message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

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
    """Show (id, text) rows, keeping the selection and current row by id where they remain."""
    chosen = set(selected_ids(view)) if keep else set()
    current = view.currentItem()
    current_id = str(current.data(ID_ROLE)) if current is not None else ""
    view.blockSignals(True)
    view.clear()
    for item_id, text in rows:
        row = QListWidgetItem(text)
        row.setData(ID_ROLE, item_id)
        view.addItem(row)
        if item_id in chosen:
            row.setSelected(True)
        if item_id == current_id:
            view.setCurrentItem(row, QItemSelectionModel.SelectionFlag.NoUpdate)
    view.blockSignals(False)


def short(text: str, limit: int = 60) -> str:
    """The first words of ``text``, for a title or a message."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"
