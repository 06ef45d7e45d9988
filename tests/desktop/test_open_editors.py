"""Saving open cell editors never fails on a view that is already gone: it runs inside a
window's closeEvent, where an error crashed the app (PySide, reporting an error raised in
an override), and was seen now and then while a test closed its windows."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.editing.open_editors import commit_open_editors


class _Window(QWidget):
    """A window whose list of views still holds one that has been deleted."""

    def __init__(self, gone: QListView):
        super().__init__()
        self.gone = gone

    def findChildren(self, kind: type, *args: object) -> list[QObject]:  # type: ignore[override]
        return [self.gone, *super().findChildren(kind)]


class _Delegate(QStyledItemDelegate):
    """Keeps its open editor, as the app's table delegates do."""

    open_editor: QWidget | None = None

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        self.open_editor = super().createEditor(parent, option, index)
        return self.open_editor


def test_a_deleted_view_is_passed_over_and_the_others_are_saved(qtbot: QtBot) -> None:
    gone = QListView()
    shiboken6.delete(gone)
    window = _Window(gone)
    qtbot.addWidget(window)
    model = QStandardItemModel(1, 1)
    model.setItem(0, 0, QStandardItem("before"))
    view = QListView()
    view.setModel(model)
    delegate = _Delegate(view)
    view.setItemDelegate(delegate)
    QVBoxLayout(window).addWidget(view)
    window.show()
    qtbot.waitExposed(window)
    view.edit(model.index(0, 0))
    assert view.state() == QAbstractItemView.State.EditingState
    assert isinstance(delegate.open_editor, QLineEdit)
    delegate.open_editor.setText("typed, no Enter")
    assert commit_open_editors(window) == 1
    assert model.item(0, 0).text() == "typed, no Enter"
