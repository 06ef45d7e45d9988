"""Send parts to a partner: tick the parts, name the partner, choose where, make the package.

The package is a small ReformKit file holding only the ticked parts. The dialog suggests a
name ("Severn Vale plan – Missions for NHS Severn Vale ICB.reformkit") in the folder used
last time, and says afterwards where the file went and what to do with it. Nothing in the
document itself changes.

The native save dialog and opening a folder go through small methods (``choose_destination``,
``open_url``) so tests can replace them.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.panels.package_banner import PackageBanner
from reformkit.document.packages import make_package
from reformkit.document.project import Project
from reformkit.errors import ReformKitError

__all__ = ["PackageBanner", "PackageDialog", "package_file_name"]

TITLE = "Send parts to a partner"
FOLDER_KEY = "package/folder"
SUFFIX = ".reformkit"
FILE_FILTER = "ReformKit packages (*.reformkit)"
ERROR_COLOUR = "#a4262c"
ID_ROLE = Qt.ItemDataRole.UserRole + 1

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')


def package_file_name(title: str, parts: list[str], partner: str) -> str:
    """``<Title> – <parts> for <partner>.reformkit``, safe on Windows, macOS and Linux."""
    name = f"{title} – {', '.join(parts)}" if parts else title
    if partner.strip():
        name += f" for {partner.strip()}"
    name = _UNSAFE.sub("-", name.replace(": ", " - "))
    name = " ".join(name.split()).strip(" .-")[:120].rstrip(" .-,")
    return (name or "Package") + SUFFIX


def with_suffix(path: Path) -> Path:
    return path if path.suffix.lower() == SUFFIX else path.with_name(path.name + SUFFIX)


class PackageDialog(QDialog):
    """Make a package of some of ``project``'s parts for a partner."""

    package_made = Signal(object)  # the Path written

    def __init__(self, project: Project, settings: QSettings, parent: QWidget | None = None):
        super().__init__(parent)
        self.project = project
        self.settings = settings
        self.destination: Path | None = None
        self.package_path: Path | None = None
        self._chosen = False  # the user picked the destination: keep it as they named it
        self._confirmed: Path | None = None  # a path the native dialog agreed to replace
        self.setWindowTitle(TITLE)
        self.setMinimumWidth(600)

        title = project.document.meta.title
        heading = QLabel(
            f"<b>Send parts of “{escape(title)}” to a partner</b><br>"
            "The partner gets a small ReformKit file with only these parts, to edit and send "
            "back. Nothing else in the plan goes with it, and the plan itself is not changed."
        )
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)

        self.parts_list = QListWidget()
        self.parts_list.setAccessibleName("Parts to send")
        self.parts_list.setAccessibleDescription("Tick each part the partner should write.")
        for number, section in enumerate(project.document.sections, start=1):
            count = len(section.items)
            entries = f"{count} entr{'y' if count == 1 else 'ies'}" if count else "empty"
            row = QListWidgetItem(f"{number}. {section.title}  ({entries})")
            row.setData(ID_ROLE, section.id)
            row.setData(Qt.ItemDataRole.AccessibleTextRole, f"{section.title}, {entries}")
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            row.setCheckState(Qt.CheckState.Unchecked)
            self.parts_list.addItem(row)
        self.parts_list.itemChanged.connect(self._inputs_changed)
        rows = min(self.parts_list.count(), 18)
        if rows:  # every part in view, without scrolling, for a plan's sixteen
            row_height = self.parts_list.sizeHintForRow(0)
            self.parts_list.setMinimumHeight(row_height * rows + 2 * self.parts_list.frameWidth())

        self.partner_field = QLineEdit()
        self.partner_field.setAccessibleName("Partner's name")
        self.partner_field.setPlaceholderText("For example: NHS Severn Vale ICB")
        self.partner_field.setToolTip(
            "Who the parts are for, so the merge can say who changed what"
        )
        self.partner_field.textChanged.connect(self._inputs_changed)

        self.destination_field = QLineEdit()
        self.destination_field.setReadOnly(True)
        self.destination_field.setAccessibleName("Save the package to")
        self.destination_button = QPushButton("Choose…")
        self.destination_button.setAccessibleName("Choose where to save the package")
        self.destination_button.setAutoDefault(False)
        self.destination_button.clicked.connect(self.choose_destination)
        where = QWidget()
        where_row = QHBoxLayout(where)
        where_row.setContentsMargins(0, 0, 0, 0)
        where_row.addWidget(self.destination_field, 1)
        where_row.addWidget(self.destination_button)

        form = QFormLayout()
        form.addRow("Partner:", self.partner_field)
        form.addRow("Save to:", where)

        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName("Result")
        self.message.hide()

        self.folder_button = QPushButton("Show in folder")
        self.folder_button.setAutoDefault(False)
        self.folder_button.clicked.connect(self.show_in_folder)
        self.folder_button.hide()
        self.make_button = QPushButton("Make the package")
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.make)
        self.close_button = QPushButton("Close")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(QLabel("Parts to send:"))
        layout.addWidget(self.parts_list, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self._inputs_changed()

    # What the user chose.
    def part_ids(self) -> list[str]:
        rows = (self.parts_list.item(n) for n in range(self.parts_list.count()))
        return [str(row.data(ID_ROLE)) for row in rows if row.checkState() == Qt.CheckState.Checked]

    def part_titles(self) -> list[str]:
        chosen = set(self.part_ids())
        return [s.title for s in self.project.document.sections if s.id in chosen]

    def set_parts(self, part_ids: list[str]) -> None:
        """Tick exactly these parts (by section id)."""
        for n in range(self.parts_list.count()):
            row = self.parts_list.item(n)
            ticked = row.data(ID_ROLE) in part_ids
            row.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)

    def partner(self) -> str:
        return self.partner_field.text().strip()

    def default_folder(self) -> Path:
        """The folder a package was last saved to, else the document's own, else home."""
        remembered = str(self.settings.value(FOLDER_KEY, "") or "")
        for candidate in (remembered, str(Path(self.project.path).parent)):
            if candidate and Path(candidate).is_dir():
                return Path(candidate)
        return Path.home()

    def suggested_path(self) -> Path:
        name = package_file_name(
            self.project.document.meta.title, self.part_titles(), self.partner()
        )
        folder = self.destination.parent if self._chosen and self.destination else None
        return (folder or self.default_folder()) / name

    def choose_destination(self) -> Path | None:
        """Ask where to save with the native dialog; ``None`` if cancelled."""
        start = self.destination or self.suggested_path()
        name, _ = QFileDialog.getSaveFileName(self, "Save the package as", str(start), FILE_FILTER)
        if not name:
            return None
        self.set_destination(Path(name))
        return self.destination

    def set_destination(self, path: Path) -> None:
        """Save to ``path``: the user chose it, so a file there may be replaced."""
        self.destination = with_suffix(Path(path))
        self._chosen = True
        self._confirmed = self.destination
        self._show_destination()

    # Making it.
    def make(self) -> Path | None:
        """Write the package; say where it went, or why not, in plain words."""
        if not self.part_ids():
            self._say("Tick at least one part to send.", error=True)
            return None
        target = self.destination
        if target is None or (target.exists() and target != self._confirmed):
            target = self.choose_destination()  # never replace a file the user did not choose
            if target is None:
                return None
        try:
            made = make_package(  # any file there was confirmed by the save dialog
                self.project, self.part_ids(), target, self.partner(), force=True
            )
        except (ReformKitError, OSError) as error:
            self._say(f"The package was not made. {error}", error=True)
            return None
        self.settings.setValue(FOLDER_KEY, str(made.parent))
        self.package_path = made
        self._confirmed = made
        who = self.partner() or "your partner"
        self._say(
            f"Saved to {made}: send this file to {who}. When they send it back, use "
            "File › Merge a returned package."
        )
        self.folder_button.show()
        self.make_button.setEnabled(False)  # made; change something to make another
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        self.package_made.emit(made)
        return made

    def show_in_folder(self) -> bool:
        if self.package_path is None:
            return False
        return self.open_url(QUrl.fromLocalFile(str(self.package_path.parent)))

    def open_url(self, url: QUrl) -> bool:
        """Open ``url`` with the system's own application; say so if there is none."""
        if QDesktopServices.openUrl(url):
            return True
        self._say(f"This computer has no program set to show the folder {url.toLocalFile()}.")
        return False

    # Inside.
    def _inputs_changed(self, *_args: object) -> None:
        if not self._chosen:  # once the user names the file, keep their name
            self.destination = self.suggested_path()
        self._show_destination()
        self.make_button.setEnabled(bool(self.part_ids()) and self.destination is not None)

    def _show_destination(self) -> None:
        text = str(self.destination) if self.destination else ""
        self.destination_field.setText(text)
        self.destination_field.setToolTip(text)
        self.destination_field.setCursorPosition(len(text))

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.message.show()
        self._fit()

    def _fit(self) -> None:
        """Grow to show the message in full, never narrower than now."""
        width = self.width()
        self.adjustSize()
        self.resize(max(width, self.width()), self.height())
