"""The Export dialog: choose a format (and a house template where it applies), where to save.

The formats, their names and file endings come from :mod:`reformkit.export.formats`; the
dialog names none of them.

The export runs on its own thread (:mod:`desktop.panels.export_job`) while a progress bar
moves; the dialog cannot be closed until it ends. Then it says where the file went, lists
any notes (a house template missing a style, say) and offers to open the file or its folder.
A failure is reported in the writer's own plain words, and the dialog stays open to try again.

File dialogs and opening files go through small methods (``choose_destination``,
``choose_template``, ``open_url``) so tests can replace them.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
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

from desktop.panels.export_job import ExportJob, ExportRequest
from reformkit.catalogue.store import Catalogue
from reformkit.document.project import Project
from reformkit.export.formats import ExportFormat, all_formats, find_format, template_labels
from reformkit.export.run import ExportResult
from reformkit.layout.tags import DEFAULT_TAGS, TAG_PLACEMENTS

FORMAT_KEY = "export/format"
FOLDER_KEY = "export/folder"
TEMPLATE_KEY = "export/template"
TAGS_KEY = "export/tags"

TEMPLATE_FILTER = "Word documents and templates (*.docx *.dotx)"
BUILT_IN_STYLE = "ReformKit's own style"
ERROR_COLOUR = "#a4262c"

_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')


def default_file_name(title: str, fmt: str) -> str:
    """A file name made from the document's title, safe on Windows, macOS and Linux."""
    name = title.replace(": ", " - ")
    name = _UNSAFE.sub("-", name)
    name = " ".join(name.split()).strip(" .-")[:100].rstrip(" .-")
    return (name or "Untitled") + find_format(fmt).suffix


def with_extension(path: Path, fmt: str) -> Path:
    """``path``, ending in the format's extension (added if it has another or none)."""
    chosen = find_format(fmt)
    if path.suffix.lower() in chosen.suffixes:
        return path
    known = {ending for other in all_formats() for ending in other.suffixes}
    if path.suffix.lower() in known:
        return path.with_suffix(chosen.suffix)
    return path.with_name(path.name + chosen.suffix)


def file_filter(fmt: str) -> str:
    return find_format(fmt).file_filter()


def default_format() -> str:
    """The first format registered that this computer can write (Word, as ReformKit ships)."""
    usable = [fmt for fmt in all_formats() if not fmt.why_unavailable()]
    return (usable or list(all_formats()))[0].key


class ExportDialog(QDialog):
    """Export one project in any registered format."""

    export_finished = Signal(bool)  # after each export: True when the file was written

    def __init__(
        self,
        project: Project,
        catalogue: Catalogue,
        settings: QSettings,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.project = project
        self.catalogue = catalogue
        self.settings = settings
        self.job: ExportJob | None = None
        self.export_result: ExportResult | None = None
        self.destination: Path | None = None
        self.template: Path | None = None
        self._confirmed: Path | None = None  # a path the user chose (or we just wrote)
        self._ok = False
        self.setWindowTitle("Export")
        self.setMinimumWidth(560)

        title = project.document.meta.title
        heading = QLabel(f"<b>Export “{escape(title)}”</b>")
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)
        self._build_format()
        self._build_tags()
        self._build_coproduction()
        self._build_template()
        self._build_destination()
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.progress.setAccessibleName("Export progress")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName("Export result")
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.RichText)
        self.notes.setAccessibleName("Notes about the export")
        self.notes.hide()
        self._build_buttons()

        form = QFormLayout()
        form.addRow("Recommendation tags:", self.tags_box)
        form.addRow(self.coproduction_box)
        form.addRow("Save to:", self._destination_row)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.format_box)
        layout.addWidget(self.template_box)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.notes)
        layout.addStretch(1)
        layout.addLayout(self._buttons_row)

        self._restore()
        self.export_button.setFocus()

    # Building.
    def _build_format(self) -> None:
        self.format_box = QGroupBox("Format")
        self.format_group = QButtonGroup(self)
        self.format_buttons: dict[str, QRadioButton] = {}
        column = QVBoxLayout(self.format_box)
        row = QHBoxLayout()
        column.addLayout(row)
        reasons = []
        for fmt in all_formats():
            button = QRadioButton(f"{fmt.label} ({fmt.suffix})")
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
            button.toggled.connect(self._format_toggled)
        row.addStretch(1)
        self.unavailable_note = QLabel(" ".join(dict.fromkeys(reasons)))
        self.unavailable_note.setWordWrap(True)
        self.unavailable_note.setAccessibleName("Formats not available here")
        self.unavailable_note.setVisible(bool(reasons))
        column.addWidget(self.unavailable_note)

    def _build_tags(self) -> None:
        self.tags_box = QComboBox()
        self.tags_box.setAccessibleName("Where to show recommendation tags")
        self.tags_box.setToolTip(
            "Where the export shows which of the 22 recommendations each part answers. "
            "Readers are best served by the appendix alone, which maps every recommendation "
            "to the parts that answer it."
        )
        for key, words in TAG_PLACEMENTS.items():
            self.tags_box.addItem(words[:1].upper() + words[1:], key)
        self.tags_box.currentIndexChanged.connect(
            lambda _index: self.settings.setValue(TAGS_KEY, self.tags())
        )

    def tags(self) -> str:
        """Where the recommendation tags go: ``appendix``, ``part`` or ``beside``."""
        return str(self.tags_box.currentData() or DEFAULT_TAGS)

    def set_tags(self, tags: str) -> None:
        index = self.tags_box.findData(tags)
        self.tags_box.setCurrentIndex(index if index >= 0 else self.tags_box.findData(DEFAULT_TAGS))

    def _build_coproduction(self) -> None:
        """A tick box, shown only for a document that holds a workshop record (an attachable
        kind's parts): whether the export ends with the appendix on how people shaped it."""
        self.coproduction_box = QCheckBox("Add how people shaped this document, as an appendix")
        self.coproduction_box.setAccessibleName("Add the appendix on how people shaped it")
        self.coproduction_box.setToolTip(
            "Who took part in the workshop, what they said, and which parts of the document "
            "came from them."
        )
        spec = self.project.spec
        held = any(spec.attached_kind(s.key) for s in self.project.document.sections)
        self.coproduction_box.setChecked(held)
        self.coproduction_box.setVisible(held)

    def coproduction(self) -> bool:
        """Whether the export has the appendix on how people shaped the document."""
        return self.coproduction_box.isChecked()

    def _build_template(self) -> None:
        self.template_box = QGroupBox(f"House style ({template_labels()} only)")
        self.template_field = QLineEdit()
        self.template_field.setReadOnly(True)
        self.template_field.setAccessibleName("House template")
        self.template_button = QPushButton("Choose template…")
        self.template_button.setToolTip(
            "Use your organisation's Word template (.docx or .dotx) for fonts, colours and "
            "headings."
        )
        self.template_button.clicked.connect(self._choose_template_clicked)
        self.built_in_button = QPushButton("Use ReformKit's style")
        self.built_in_button.clicked.connect(lambda: self.set_template(None))
        row = QHBoxLayout(self.template_box)
        row.addWidget(self.template_field, 1)
        row.addWidget(self.template_button)
        row.addWidget(self.built_in_button)

    def _build_destination(self) -> None:
        self.destination_field = QLineEdit()
        self.destination_field.setReadOnly(True)
        self.destination_field.setAccessibleName("Save to")
        self.destination_button = QPushButton("Choose…")
        self.destination_button.setAccessibleName("Choose where to save")
        self.destination_button.clicked.connect(self.choose_destination)
        self._destination_row = QWidget()
        row = QHBoxLayout(self._destination_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.destination_field, 1)
        row.addWidget(self.destination_button)

    def _build_buttons(self) -> None:
        self.open_button = QPushButton("Open the file")
        self.open_button.clicked.connect(self.open_file)
        self.folder_button = QPushButton("Show in folder")
        self.folder_button.clicked.connect(self.show_in_folder)
        self.export_button = QPushButton("Export")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.export)
        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.reject)
        for button in (self.open_button, self.folder_button):
            button.setAutoDefault(False)
            button.hide()
        self._buttons_row = QHBoxLayout()
        self._buttons_row.addWidget(self.open_button)
        self._buttons_row.addWidget(self.folder_button)
        self._buttons_row.addStretch(1)
        self._buttons_row.addWidget(self.export_button)
        self._buttons_row.addWidget(self.close_button)

    # Settings.
    def _restore(self) -> None:
        fmt = str(self.settings.value(FORMAT_KEY, "") or "")
        template = str(self.settings.value(TEMPLATE_KEY, "") or "")
        self.template = Path(template) if template and Path(template).is_file() else None
        self._show_template()
        self.set_tags(str(self.settings.value(TAGS_KEY, DEFAULT_TAGS) or DEFAULT_TAGS))
        usable = fmt in self.format_buttons and self.format_buttons[fmt].isEnabled()
        self.set_format(fmt if usable else default_format())
        folder = self.default_folder()
        title = self.project.document.meta.title
        self.destination = folder / default_file_name(title, self.format())
        self._show_destination()

    def default_folder(self) -> Path:
        """The folder last exported to, else the document's own folder, else home."""
        remembered = str(self.settings.value(FOLDER_KEY, "") or "")
        for candidate in (remembered, str(Path(self.project.path).parent)):
            if candidate and Path(candidate).is_dir():
                return Path(candidate)
        return Path.home()

    # Format and template.
    def format(self) -> str:
        for fmt, button in self.format_buttons.items():
            if button.isChecked():
                return fmt
        return default_format()

    def chosen_format(self) -> ExportFormat:
        return find_format(self.format())

    def set_format(self, fmt: str) -> None:
        self.format_buttons[fmt].setChecked(True)
        self._format_toggled()

    def _format_toggled(self, *_args: object) -> None:
        fmt = self.format()
        self.template_box.setEnabled(find_format(fmt).takes_template and self.job is None)
        if self.destination is not None:
            self.destination = with_extension(self.destination, fmt)
            self._show_destination()

    def choose_template(self) -> Path | None:
        """Ask for a house template with the native file dialog; ``None`` if cancelled."""
        start = str(self.template.parent) if self.template else str(self.default_folder())
        name, _ = QFileDialog.getOpenFileName(
            self, "Choose a house template", start, TEMPLATE_FILTER
        )
        return Path(name) if name else None

    def _choose_template_clicked(self) -> None:
        chosen = self.choose_template()
        if chosen is not None:
            self.set_template(chosen)

    def set_template(self, template: Path | None) -> None:
        """Use ``template`` for Word exports from now on (``None``: ReformKit's own style)."""
        self.template = template
        self.settings.setValue(TEMPLATE_KEY, str(template) if template else "")
        self._show_template()

    def _show_template(self) -> None:
        self.template_field.setText(self.template.name if self.template else BUILT_IN_STYLE)
        self.template_field.setToolTip(str(self.template) if self.template else "")
        self.built_in_button.setEnabled(self.template is not None)

    # Where to save.
    def choose_destination(self) -> Path | None:
        """Ask where to save with the native file dialog; ``None`` if cancelled."""
        fmt = self.format()
        start = self.destination or self.default_folder() / default_file_name(
            self.project.document.meta.title, fmt
        )
        name, _ = QFileDialog.getSaveFileName(self, "Export as", str(start), file_filter(fmt))
        if not name:
            return None
        self.set_destination(Path(name))
        return self.destination

    def set_destination(self, path: Path) -> None:
        """Save to ``path`` (the user chose it, so an existing file there may be replaced)."""
        self.destination = with_extension(Path(path), self.format())
        self._confirmed = self.destination
        self._show_destination()

    def _show_destination(self) -> None:
        text = str(self.destination) if self.destination else ""
        self.destination_field.setText(text)
        self.destination_field.setToolTip(text)
        self.destination_field.setCursorPosition(len(text))  # the file name, at the end

    # Exporting.
    @property
    def running(self) -> bool:
        return self.job is not None

    def export(self) -> bool:
        """Start exporting; ``False`` if it did not start (already running, or cancelled)."""
        if self.running:
            return False
        target = self.destination
        # Never replace a file the user has not chosen: ask first (the native dialog confirms).
        if target is None or (target.exists() and target != self._confirmed):
            target = self.choose_destination()
            if target is None:
                return False
        fmt = self.format()
        self.settings.setValue(FORMAT_KEY, fmt)
        self.settings.setValue(FOLDER_KEY, str(target.parent))
        request = ExportRequest.prepare(
            self.project,
            self.catalogue,
            fmt,
            target,
            self.template if self.chosen_format().takes_template else None,
            tags=self.tags(),
            coproduction=self.coproduction(),
        )
        self.export_result = None
        self._ok = False
        # The job belongs to the application, not the dialog, so that it finishes cleanly
        # even if the dialog is destroyed while it runs; it deletes itself when done.
        self.job = ExportJob(request, QCoreApplication.instance())
        self.job.finished.connect(self.job.deleteLater)
        self.job.progressed.connect(self._progressed)
        self.job.succeeded.connect(self._succeeded)
        self.job.failed.connect(self._failed)
        self.job.finished.connect(self._job_finished)
        self._set_running(True)
        self.message.setStyleSheet("")
        self.message.setText(f"Exporting to {target.name}…")
        self.notes.hide()
        self.open_button.hide()
        self.folder_button.hide()
        self.job.start()
        return True

    def _set_running(self, running: bool) -> None:
        for widget in (
            self.format_box,
            self.tags_box,
            self.coproduction_box,
            self.destination_button,
            self.export_button,
            self.close_button,
        ):
            widget.setEnabled(not running)
        self.template_box.setEnabled(not running and self.chosen_format().takes_template)
        if running:
            self.progress.setRange(0, 0)  # busy until the writer reports
        self.setCursor(Qt.CursorShape.BusyCursor if running else Qt.CursorShape.ArrowCursor)

    def _progressed(self, percent: int) -> None:
        if self.progress.maximum() == 0:
            self.progress.setRange(0, 100)
        self.progress.setValue(percent)

    def _succeeded(self, result: ExportResult) -> None:
        self.export_result = result
        self._ok = True
        self._confirmed = Path(result.path)
        self.progress.setRange(0, 100)
        self.progress.setValue(100)
        self.message.setText(f"Saved to {result.path}")
        if result.warnings:
            items = "".join(f"<li>{escape(w, quote=False)}</li>" for w in result.warnings)
            self.notes.setText(f"<b>Please note:</b><ul>{items}</ul>")
            self.notes.show()
        self.open_button.show()
        self.folder_button.show()
        self._fit()

    def _fit(self) -> None:
        """Grow to show the message and notes in full, never narrower than now."""
        width = self.width()
        self.adjustSize()
        self.resize(max(width, self.width()), self.height())

    def _failed(self, message: str) -> None:
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};")
        self.message.setText(f"The document was not exported. {message}")
        self._fit()

    def _job_finished(self) -> None:
        self.job = None
        self._set_running(False)
        (self.open_button if self._ok else self.export_button).setFocus()
        self.export_finished.emit(self._ok)

    # After an export.
    def open_file(self) -> bool:
        if self.export_result is None:
            return False
        return self.open_url(QUrl.fromLocalFile(str(self.export_result.path)))

    def show_in_folder(self) -> bool:
        if self.export_result is None:
            return False
        return self.open_url(QUrl.fromLocalFile(str(Path(self.export_result.path).parent)))

    def open_url(self, url: QUrl) -> bool:
        """Open ``url`` with the system's own application; say so if there is none."""
        if QDesktopServices.openUrl(url):
            return True
        saved = self.export_result.path if self.export_result else url.toLocalFile()
        self.message.setText(
            f"Saved to {saved}, but this computer has no program set to open {url.toLocalFile()}."
        )
        return False

    # Closing: not while an export is running.
    def reject(self) -> None:
        if not self.running:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            event.ignore()
            return
        super().closeEvent(event)

    def done(self, code: int) -> None:
        if self.running:
            return
        super().done(code)
