"""One section: its title, who writes it, its introduction and the recommendations it answers.

The section type's guidance stands at the top, so the person writing the section knows what
belongs in it. Each change is written at once through the editor, so it can be undone.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.editing.details_form import guidance_label, heading_label, problem_label
from desktop.editing.editor import DocumentEditor
from desktop.editing.plain_english import attach
from desktop.editing.tag_editor import TagEditor
from reformkit.catalogue.store import Catalogue
from reformkit.errors import ReformKitError
from reformkit.plain import INTRO


class SectionForm(QWidget):
    def __init__(
        self,
        editor: DocumentEditor,
        catalogue: Catalogue,
        section_id: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.editor = editor
        self.section_id = section_id
        section = editor.project.document.section(section_id)
        self.section_type = editor.project.spec.section_type(section.key)

        self.heading = heading_label(f"Section: {self.section_type.title}", self)
        self.guidance = guidance_label(self.section_type.help, self)
        self.guidance.setAccessibleName("Guidance for this section")
        self.title = QLineEdit(self)
        self.title.setAccessibleName("Section title")
        self.title_problem = problem_label(self)
        self.owner = QLineEdit(self)
        self.owner.setAccessibleName("Written by")
        self.owner.setAccessibleDescription("The partner or person who writes this section.")
        self.owner.setPlaceholderText("The partner or person who writes this section")
        self.intro = QPlainTextEdit(self)
        self.intro.setAccessibleName("Introduction")
        self.intro.setAccessibleDescription("A few sentences that open the section.")
        self.intro.setTabChangesFocus(True)
        self.intro.setMinimumHeight(110)
        self.intro.setPlaceholderText("A few sentences that open the section (optional)")
        self.problem = problem_label(self)
        self.tags = TagEditor(catalogue, self)
        tags_box = QGroupBox("Recommendations this section answers", self)
        tags_layout = QVBoxLayout(tags_box)
        tags_layout.addWidget(self.tags)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow("Title *", self.title)
        form.addRow("", self.title_problem)
        form.addRow("Written by", self.owner)
        form.addRow("Introduction", self.intro)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.guidance)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(tags_box)
        layout.addStretch(1)

        self.reload()
        self.title.textEdited.connect(self._title_edited)
        self.owner.textEdited.connect(lambda text: self._write(owner=text.strip()))
        self.intro.textChanged.connect(self._intro_edited)
        attach(editor, self.intro, section_id, INTRO)  # plain-English underlines as typed
        self.tags.tags_changed.connect(lambda tags: self._write(tags=tags))
        editor.changed.connect(self._document_changed)

    def reload(self) -> None:
        """Show the stored values (after undo, or an edit elsewhere)."""
        try:
            section = self.editor.project.document.section(self.section_id)
        except KeyError:
            self.setEnabled(False)
            return
        if not self.title_problem.text() and self.title.text().strip() != section.title:
            self.title.setText(section.title)
        if self.owner.text().strip() != section.owner:
            self.owner.setText(section.owner)
        if self.intro.toPlainText() != section.intro:
            blocked = self.intro.blockSignals(True)
            self.intro.setPlainText(section.intro)
            self.intro.blockSignals(blocked)
        self.tags.set_tags(list(section.tags))
        self.tags.set_suggestion_text(f"{section.title}\n{section.intro}")
        read_only = self.editor.read_only
        for widget in (self.title, self.owner, self.intro):
            widget.setReadOnly(read_only)
        self.tags.setEnabled(not read_only)

    def _document_changed(self, change: str, target: str) -> None:
        if change == "section-changed" and target == self.section_id:
            self.reload()

    def _title_edited(self, text: str) -> None:
        if not text.strip():
            self._show(self.title_problem, "A section needs a title. Type one to keep it.")
            return
        self._show(self.title_problem, "")
        self._write(title=text.strip())

    def _intro_edited(self) -> None:
        self._write(intro=self.intro.toPlainText())

    def _write(self, **changes: object) -> None:
        try:
            self.editor.update_section(self.section_id, **changes)
        except ReformKitError as error:
            self._show(self.problem, str(error))
            self.reload()
            return
        self._show(self.problem, "")

    @staticmethod
    def _show(label: QLabel, message: str) -> None:
        label.setText(message)
        label.setVisible(bool(message))
