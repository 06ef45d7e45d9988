"""The versions panel: named snapshots kept inside the document file, and comparing any two.

A snapshot is the whole document at a moment the user names ("As agreed by the Board").
Choose one snapshot to compare it with the document now, or two to compare them with each
other; the older is always shown on the left.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.editing.editor import DocumentEditor
from desktop.panels.compare_dialog import CompareDialog
from reformkit.dates import long_date
from reformkit.document.spec import DocumentKinds
from reformkit.document.versions import (
    CURRENT,
    SnapshotInfo,
    list_snapshots,
    load_version,
    take_snapshot,
)
from reformkit.errors import ReformKitError

ID_ROLE = Qt.ItemDataRole.UserRole + 1
CREATED_ROLE = Qt.ItemDataRole.UserRole + 2
NOW_LABEL = "Now (the document as it is)"


def when(created: str) -> str:
    """``30 November 2026, 15:45`` in the user's time zone; the stored text if not a time."""
    try:
        moment = datetime.fromisoformat(created)
    except ValueError:
        return created
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return f"{long_date(moment.date())}, {moment:%H:%M}"


class VersionsPanel(QWidget):
    """Snapshots of the document: take one, see them listed, compare two."""

    compare_opened = Signal(object)  # the CompareDialog just shown

    def __init__(self, editor: DocumentEditor, kinds: DocumentKinds, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.kinds = kinds
        self.dialogs: list[CompareDialog] = []
        self.setAccessibleName("Versions")

        self.snapshot_button = QPushButton("Take a snapshot…")
        self.snapshot_button.setAccessibleName("Take a snapshot")
        self.snapshot_button.setToolTip(
            "Keep a copy of the document as it is now, under a name, inside the file"
        )
        self.snapshot_button.clicked.connect(self.take_snapshot)
        self.compare_button = QPushButton("Compare…")
        self.compare_button.setAccessibleName("Compare versions")
        self.compare_button.setToolTip(
            "Choose one snapshot to compare with now, or two to compare with each other"
        )
        self.compare_button.clicked.connect(self.compare_selected)

        self.list = QTreeWidget()
        self.list.setAccessibleName("Snapshots")
        self.list.setAccessibleDescription(
            "The document now and every snapshot, newest first. Select one or two to compare."
        )
        self.list.setColumnCount(2)
        self.list.setHeaderLabels(["Name", "Taken"])
        self.list.setRootIsDecorated(False)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.header().setStretchLastSection(False)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemActivated.connect(lambda *_: self.compare_selected())

        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName("What Compare will do")

        buttons = QHBoxLayout()
        buttons.addWidget(self.snapshot_button)
        buttons.addWidget(self.compare_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.hint)

        editor.changed.connect(self._changed)
        self.refresh()

    # Public.
    def refresh(self) -> None:
        selected = set(self.selected_ids())
        self.list.clear()
        now = QTreeWidgetItem([NOW_LABEL, "—"])
        font = now.font(0)
        font.setItalic(True)
        now.setFont(0, font)
        now.setData(0, ID_ROLE, CURRENT)
        now.setData(0, CREATED_ROLE, "9999")
        self.list.addTopLevelItem(now)
        for snapshot in reversed(self.snapshots()):
            item = QTreeWidgetItem([snapshot.name, when(snapshot.created)])
            item.setData(0, ID_ROLE, snapshot.id)
            item.setData(0, CREATED_ROLE, snapshot.created)
            item.setToolTip(0, snapshot.name)
            self.list.addTopLevelItem(item)
        for n in range(self.list.topLevelItemCount()):
            listed = self.list.topLevelItem(n)
            if listed is not None:
                listed.setSelected(listed.data(0, ID_ROLE) in selected)
        project = self.editor.project
        self.snapshot_button.setEnabled(not project.read_only)
        if project.read_only:
            self.snapshot_button.setToolTip(
                f"Snapshots cannot be taken: {project.read_only_reason}"
            )
        self._update_buttons()

    def snapshots(self) -> list[SnapshotInfo]:
        return list_snapshots(self.editor.project)

    def default_name(self) -> str:
        names = {s.name for s in self.snapshots()}
        name = f"Snapshot {long_date(date.today())}"
        number = 2
        candidate = name
        while candidate in names:
            candidate = f"{name} ({number})"
            number += 1
        return candidate

    def ask_name(self, default: str) -> str | None:
        """The name for a new snapshot, or None if the user cancelled. Tests replace this."""
        name, ok = QInputDialog.getText(
            self,
            "Take a snapshot",
            "Name this version of the document, for example ‘As agreed by the Board’:",
            QLineEdit.EchoMode.Normal,
            default,
        )
        return name if ok else None

    def show_error(self, message: str) -> None:
        """Tell the user, in plain words, why something could not be done. Tests replace this."""
        QMessageBox.warning(self, "Versions", message)

    def take_snapshot(self) -> SnapshotInfo | None:
        name = self.ask_name(self.default_name())
        if name is None:
            return None
        try:
            snapshot = take_snapshot(self.editor.project, name)
        except ReformKitError as error:
            self.show_error(str(error))
            return None
        self.refresh()
        self._select([snapshot.id])
        return snapshot

    def selected_ids(self) -> list[str]:
        return [str(item.data(0, ID_ROLE)) for item in self.list.selectedItems()]

    def compare_selected(self) -> CompareDialog | None:
        chosen = self.selected_ids()
        if len(chosen) == 1 and chosen[0] != CURRENT:
            chosen.append(CURRENT)
        if len(chosen) != 2:
            self.show_error(
                "Choose one snapshot to compare it with the document now, "
                "or two snapshots to compare them with each other."
            )
            return None
        return self.compare(chosen[0], chosen[1])

    def compare(self, first: str, second: str) -> CompareDialog | None:
        """Open a comparison of two versions (snapshot names or ids, or ``now``); the older
        goes on the left whichever order they are given in."""
        project = self.editor.project
        try:
            older, newer = sorted((self._info(first), self._info(second)), key=lambda v: v[2])
            old_document = load_version(project, older[0], self.kinds)
            new_document = load_version(project, newer[0], self.kinds)
            dialog = CompareDialog(
                old_document, new_document, project.spec, older[1], newer[1], self
            )
        except ReformKitError as error:
            self.show_error(str(error))
            return None
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self._forget(dialog))
        self.dialogs.append(dialog)
        dialog.show()
        self.compare_opened.emit(dialog)
        return dialog

    # Inside.
    def _info(self, key: str) -> tuple[str, str, tuple[str, int]]:
        """(id, label, when taken) for a snapshot name or id, or for now."""
        if key.strip().lower() == CURRENT:
            return CURRENT, "Now", ("9999", 0)
        for number, snapshot in enumerate(self.snapshots()):
            if key in (snapshot.id, snapshot.name):
                label = f"{snapshot.name} ({when(snapshot.created)})"
                return snapshot.id, label, (snapshot.created, number)
        # Let the kernel say what is wrong, in its words.
        load_version(self.editor.project, key, self.kinds)
        return key, key, ("", 0)

    def _forget(self, dialog: CompareDialog) -> None:
        if dialog in self.dialogs:
            self.dialogs.remove(dialog)

    def _select(self, ids: list[str]) -> None:
        self.list.clearSelection()
        for n in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(n)
            if item is not None and item.data(0, ID_ROLE) in ids:
                item.setSelected(True)
                self.list.setCurrentItem(item)

    def _changed(self, change: str, _id: str) -> None:
        if change == "snapshot":
            self.refresh()

    def _update_buttons(self) -> None:
        chosen = self.selected_ids()
        snapshots = [c for c in chosen if c != CURRENT]
        can = len(chosen) == 2 or (len(chosen) == 1 and bool(snapshots))
        self.compare_button.setEnabled(can)
        if not self.snapshots():
            self.hint.setText(
                "No snapshots yet. Take one when the document reaches a point worth keeping, "
                "for example when the Board agrees it."
            )
        elif len(chosen) == 1 and snapshots:
            self.hint.setText("Compare will show what has changed since this snapshot.")
        elif len(chosen) == 2:
            self.hint.setText("Compare will show what changed between these two versions.")
        elif len(chosen) > 2:
            self.hint.setText("Choose only two versions to compare.")
        else:
            self.hint.setText("Choose a snapshot to compare with now, or choose two.")
