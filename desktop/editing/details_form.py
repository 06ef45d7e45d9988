"""The document's details: its title, the organisation it belongs to, and who wrote it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.editing.editor import DocumentEditor
from reformkit.errors import ReformKitError


def problem_label(parent: QWidget) -> QLabel:
    """A red sentence under a field, hidden until there is something wrong with it."""
    label = QLabel("", parent)
    label.setObjectName("fieldProblem")
    label.setStyleSheet("color: #a4262c;")
    label.setWordWrap(True)
    label.hide()
    return label


def heading_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    label.setFont(font)
    label.setWordWrap(True)
    return label


def guidance_label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setObjectName("guidance")
    label.setContentsMargins(0, 0, 0, 6)
    return label


class DetailsForm(QWidget):
    """Title, organisation and authors, written through the editor as they are typed."""

    def __init__(self, editor: DocumentEditor, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        spec = editor.project.spec
        self.heading = heading_label("Details", self)
        self.guidance = guidance_label(
            f"The title, organisation and authors appear on the cover of this {spec.label}.",
            self,
        )
        self.title = QLineEdit(self)
        self.title.setAccessibleName("Title")
        self.title_problem = problem_label(self)
        self.organisation = QLineEdit(self)
        self.organisation.setAccessibleName("Organisation")
        self.organisation.setPlaceholderText("For example: Severn Vale Combined Authority")
        self.authors = QPlainTextEdit(self)
        self.authors.setAccessibleName("Authors")
        self.authors.setAccessibleDescription("One author on each line.")
        self.authors.setPlaceholderText("One a line")
        self.authors.setTabChangesFocus(True)
        self.authors.setMinimumHeight(80)
        self.problem = problem_label(self)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("Title *", self.title)
        form.addRow("", self.title_problem)
        form.addRow("Organisation", self.organisation)
        form.addRow("Authors\n(one a line)", self.authors)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.guidance)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addStretch(1)

        self.reload()
        self.title.textEdited.connect(self._title_edited)
        self.organisation.textEdited.connect(lambda text: self._write(organisation=text.strip()))
        self.authors.textChanged.connect(self._authors_edited)
        editor.changed.connect(self._document_changed)

    def reload(self) -> None:
        """Show the stored details (after undo, or an edit elsewhere)."""
        meta = self.editor.project.document.meta
        if not self.title_problem.text() and self.title.text().strip() != meta.title:
            self.title.setText(meta.title)
        if self.organisation.text().strip() != meta.organisation:
            self.organisation.setText(meta.organisation)
        if self._typed_authors() != list(meta.authors):
            blocked = self.authors.blockSignals(True)
            self.authors.setPlainText("\n".join(meta.authors))
            self.authors.blockSignals(blocked)
        for widget in (self.title, self.organisation, self.authors):
            widget.setReadOnly(self.editor.read_only)

    def _document_changed(self, change: str, _target: str) -> None:
        if change == "meta":
            self.reload()

    def _title_edited(self, text: str) -> None:
        if not text.strip():
            self._show(self.title_problem, "A document needs a title. Type one to keep it.")
            return
        self._show(self.title_problem, "")
        self._write(title=text.strip())

    def _typed_authors(self) -> list[str]:
        return [line.strip() for line in self.authors.toPlainText().splitlines() if line.strip()]

    def _authors_edited(self) -> None:
        self._write(authors=self._typed_authors())

    def _write(self, **changes: object) -> None:
        try:
            self.editor.set_meta(**changes)
        except ReformKitError as error:
            self._show(self.problem, str(error))
            return
        self._show(self.problem, "")

    @staticmethod
    def _show(label: QLabel, message: str) -> None:
        label.setText(message)
        label.setVisible(bool(message))
