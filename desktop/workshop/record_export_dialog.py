"""Export the workshop record on its own: a Word document, Markdown or PDF.

The formats, their names and endings come from the export format registry; a format this
computer cannot write (PDF without LibreOffice) is greyed out with the reason, as in the
main Export dialog. The save dialog starts in the folder last chosen (or Documents/ReformKit)
and the app remembers the folder chosen. A file already there is replaced only when the
person chose it in the save dialog, which asks first. The export runs on a worker thread
(:func:`desktop.background.run_in_background`) while a busy bar moves: a PDF takes seconds.
"""

from __future__ import annotations

import copy
import logging
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.background import run_in_background
from desktop.panels.export_dialog import default_file_name, with_extension
from desktop.panels.export_job import unexpected_message
from reformkit.errors import ReformKitError
from reformkit.export.formats import ExportFormat, find_format, format_keys
from reformkit.export.run import ExportResult
from workshop.export_cli import FORMATS
from workshop.record import read_record
from workshop.record_export import export_record

if TYPE_CHECKING:
    from desktop.screens import ScreenContext

FORMAT_KEY = "workshop/export-format"
ERROR_COLOUR = "#a4262c"
log = logging.getLogger(__name__)


def record_formats() -> list[ExportFormat]:
    """The registered formats a workshop record can be exported to, in the registry's order."""
    return [find_format(key) for key in format_keys() if key in FORMATS]


class RecordExportDialog(QDialog):
    """Choose a format and a file, then write the workshop record there."""

    def __init__(self, context: ScreenContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session = context.session
        self.running = False
        self.export_result: ExportResult | None = None
        self.destination: Path | None = None
        self._confirmed: Path | None = None  # chosen in the save dialog, or just written
        self.setWindowTitle("Export the workshop record")
        self.setAccessibleName("Export the workshop record")
        self.setMinimumWidth(560)
        self.title = (
            read_record(context.project.document).title or context.project.document.meta.title
        )
        heading = QLabel(f"<b>Export the record of “{escape(self.title)}”</b>", self)
        heading.setWordWrap(True)
        explain = QLabel(
            "The questions asked, what people said, the themes, the canvas, the votes, and "
            "what became of each.",
            self,
        )
        explain.setWordWrap(True)
        self._build_formats()
        self._build_destination()
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setAccessibleName("Export progress")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Export result")
        self.open_button = QPushButton("&Open the file", self)
        self.open_button.setAutoDefault(False)
        self.open_button.hide()
        self.open_button.clicked.connect(self.open_file)
        self.export_button = QPushButton("&Export", self)
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.close_button = QPushButton("Close", self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        for widget in (heading, explain, self.format_box, self._destination_row):
            layout.addWidget(widget)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._restore()
        self.export_button.setFocus()

    # Building.
    def _build_formats(self) -> None:
        self.format_box = QGroupBox("Format", self)
        self.format_group = QButtonGroup(self)
        self.format_buttons: dict[str, QRadioButton] = {}
        column = QVBoxLayout(self.format_box)
        row = QHBoxLayout()
        column.addLayout(row)
        reasons = []
        for fmt in record_formats():
            button = QRadioButton(f"{fmt.label} ({fmt.suffix})", self.format_box)
            button.setAccessibleName(fmt.label)
            reason = fmt.why_unavailable()
            if reason:  # greyed out, saying why (PDF without LibreOffice)
                button.setEnabled(False)
                button.setToolTip(reason)
                button.setAccessibleDescription(reason)
                reasons.append(reason)
            self.format_group.addButton(button)
            self.format_buttons[fmt.key] = button
            row.addWidget(button)
            button.toggled.connect(lambda _on: self._format_changed())
        row.addStretch(1)
        self.unavailable_note = QLabel(" ".join(dict.fromkeys(reasons)), self.format_box)
        self.unavailable_note.setWordWrap(True)
        self.unavailable_note.setAccessibleName("Formats not available here")
        self.unavailable_note.setVisible(bool(reasons))
        column.addWidget(self.unavailable_note)

    def _build_destination(self) -> None:
        self._destination_row = QWidget(self)
        row = QHBoxLayout(self._destination_row)
        row.setContentsMargins(0, 0, 0, 0)
        label = QLabel("&Save to:", self._destination_row)
        self.destination_field = QLineEdit(self._destination_row)
        self.destination_field.setReadOnly(True)
        self.destination_field.setAccessibleName("Save to")
        label.setBuddy(self.destination_field)
        self.destination_button = QPushButton("&Choose…", self._destination_row)
        self.destination_button.setAccessibleName("Choose where to save")
        self.destination_button.setAutoDefault(False)
        self.destination_button.clicked.connect(self.choose_destination)
        row.addWidget(label)
        row.addWidget(self.destination_field, 1)
        row.addWidget(self.destination_button)

    def _restore(self) -> None:
        usable = [key for key, button in self.format_buttons.items() if button.isEnabled()]
        kept = str(self.session.settings.value(FORMAT_KEY, "") or "")
        fmt = kept if kept in usable else (usable or list(self.format_buttons))[0]
        self.destination = self.session.folder() / default_file_name(self.title, fmt)
        self.set_format(fmt)

    # Format and file.
    def format(self) -> str:
        return next((k for k, b in self.format_buttons.items() if b.isChecked()), "docx")

    def set_format(self, fmt: str) -> None:
        self.format_buttons[fmt].setChecked(True)
        self._format_changed()

    def _format_changed(self) -> None:
        if self.destination is not None:
            self.destination = with_extension(self.destination, self.format())
            self._show_destination()

    def ask_path(self, start: Path) -> Path | None:
        """The native save dialog (which asks before replacing a file); None if cancelled."""
        fmt = find_format(self.format())
        name, _ = QFileDialog.getSaveFileName(
            self, "Export the workshop record as", str(start), fmt.file_filter()
        )
        return Path(name) if name else None

    def choose_destination(self) -> Path | None:
        """Ask where to save, starting where the app's file dialogs last were."""
        start = self.session.folder() / (
            self.destination.name
            if self.destination
            else default_file_name(self.title, self.format())
        )
        chosen = self.ask_path(start)
        if chosen is None:
            return None
        self.set_destination(chosen)
        return self.destination

    def set_destination(self, path: Path) -> None:
        """Save to ``path``: the person chose it, so a file there may be replaced."""
        self.destination = with_extension(Path(path), self.format())
        self._confirmed = self.destination
        self.session.remember_folder(self.destination)
        self._show_destination()

    def _show_destination(self) -> None:
        text = str(self.destination) if self.destination else ""
        self.destination_field.setText(text)
        self.destination_field.setToolTip(text)
        self.destination_field.setCursorPosition(len(text))

    # Exporting.
    def export(self) -> bool:
        """Start the export; False when it did not start (running, or the person cancelled)."""
        if self.running:
            return False
        target = self.destination
        if target is None or (target.exists() and target != self._confirmed):
            target = self.choose_destination()  # never replace a file nobody chose
            if target is None:
                return False
        fmt = self.format()
        self.session.settings.setValue(FORMAT_KEY, fmt)
        catalogue = self.session.catalogue
        document = copy.deepcopy(self.context.project.document)
        kinds = self.session.kinds
        recommendations = tuple(catalogue.entries("recommendation"))
        credit = catalogue.seed.credit
        source = self.context.project.path
        self._set_running(True)
        self.message.setStyleSheet("")
        self.message.setText(f"Exporting to {target.name}…")
        self.open_button.hide()
        run_in_background(
            lambda: export_record(
                document, kinds, recommendations, credit, fmt, target, source=source
            ),
            self._succeeded,
            self._failed,
        )
        return True

    def _set_running(self, running: bool) -> None:
        self.running = running
        for widget in (
            self.format_box,
            self.destination_button,
            self.export_button,
            self.close_button,
        ):
            widget.setEnabled(not running)
        self.progress.setRange(0, 0 if running else 100)

    def _succeeded(self, result: ExportResult) -> None:
        self.export_result = result
        self._confirmed = Path(result.path)
        self._set_running(False)
        self.progress.setValue(100)
        notes = "".join(f" {note}" for note in result.warnings)
        self.message.setText(f"Saved to {result.path}.{notes}")
        self.open_button.show()
        self.open_button.setFocus()

    def _failed(self, error: Exception) -> None:
        self._set_running(False)
        self.progress.setValue(0)
        if isinstance(error, ReformKitError):
            words = str(error)
        else:  # a bug: plain words here, the details in the log
            log.error("The workshop record export failed", exc_info=error)
            words = unexpected_message(error)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message.setText(f"The record was not exported. {words}")
        self.export_button.setFocus()

    def open_file(self) -> bool:
        if self.export_result is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.export_result.path)))

    # Not closed while a file is being written.
    def reject(self) -> None:
        if not self.running:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            event.ignore()
            return
        super().closeEvent(event)
