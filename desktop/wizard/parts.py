"""Pieces the builder's pages are made of: a section's heading with the recommendations it
answers and its opening words, and a single record (the pot, the zone, the scope) as a form."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.editing.editor import DocumentEditor
from desktop.editing.item_form import ItemForm
from desktop.editing.tag_editor import TagEditor
from desktop.wizard.widgets import Card, heading, wrapped
from reformkit.catalogue.store import Catalogue
from reformkit.document.model import Section
from reformkit.errors import ReformKitError


def recommendation_names(catalogue: Catalogue, tags: list[str]) -> str:
    """'R14 (Total Place+ budgets), R15 (…)' for people, or 'none yet'."""
    if not tags:
        return "none yet"
    names = []
    for tag in tags:
        try:
            names.append(f"{tag} ({catalogue.get(tag).title})")
        except ReformKitError:
            names.append(tag)
    return ", ".join(names)


class SectionHeader(QWidget):
    """A section's title, the recommendations it answers (changeable), and, if asked for,
    its opening words. Edits go through the DocumentEditor."""

    problem = Signal(str)

    def __init__(
        self,
        editor: DocumentEditor,
        catalogue: Catalogue,
        section_id: Callable[[], str | None],
        key: str,
        with_intro: bool = True,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.editor = editor
        self.catalogue = catalogue
        self._section_id = section_id
        self.key = key
        section_type = editor.project.spec.section_type(key)
        self.title = heading(section_type.title, self, scale=1.15)
        self.answers = wrapped("", self)
        self.answers.setAccessibleName(f"Recommendations {section_type.title} answers")
        self.change_button = QPushButton("Change…", self)
        self.change_button.setCheckable(True)
        self.change_button.setAccessibleName(
            f"Change the recommendations {section_type.title} answers"
        )
        self.change_button.toggled.connect(self._show_tags)
        self.tag_editor = TagEditor(catalogue, self)
        self.tag_editor.setAccessibleName(f"Recommendations {section_type.title} answers")
        self.tag_editor.tags_changed.connect(self._tags_ticked)
        self.tag_editor.hide()
        row = QHBoxLayout()
        row.addWidget(self.answers, 1)
        row.addWidget(self.change_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(row)
        layout.addWidget(self.tag_editor)
        self.intro: QPlainTextEdit | None = None
        if with_intro:
            self.intro = QPlainTextEdit(self)
            self.intro.setTabChangesFocus(True)
            self.intro.setAccessibleName(f"Opening words for {section_type.title}")
            self.intro.setPlaceholderText(
                "Opening words for this part (optional): a sentence or two to set the scene."
            )
            lines = self.intro.fontMetrics().lineSpacing()
            self.intro.setFixedHeight(lines * 3 + 2 * self.intro.frameWidth() + 8)
            self.intro.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            self.intro.textChanged.connect(self._intro_typed)
            layout.addWidget(self.intro)
        self.setEnabled(not editor.read_only)
        editor.changed.connect(self._document_changed)
        self.refresh()

    def section(self) -> Section | None:
        document = self.editor.project.document
        return next((s for s in document.sections if s.key == self.key), None)

    def refresh(self) -> None:
        section = self.section()
        tags = list(section.tags) if section else []
        self.answers.setText("This part answers " + recommendation_names(self.catalogue, tags))
        self.tag_editor.set_tags(tags)
        intro = self.intro
        if intro is not None and section is not None and intro.toPlainText() != section.intro:
            blocked = intro.blockSignals(True)
            intro.setPlainText(section.intro)
            intro.blockSignals(blocked)

    def _document_changed(self, change: str, _target: str) -> None:
        if change.startswith("section"):
            self.refresh()

    def _show_tags(self, shown: bool) -> None:
        self.tag_editor.setVisible(shown)
        self.change_button.setText("Done" if shown else "Change…")

    def _tags_ticked(self, tags: list[str]) -> None:
        self._update(tags=tags)

    def _intro_typed(self) -> None:
        assert self.intro is not None
        self._update(intro=self.intro.toPlainText())

    def _update(self, **changes: object) -> None:
        try:
            section_id = self._section_id()
            if section_id is not None:
                self.editor.update_section(section_id, **changes)
        except ReformKitError as error:
            self.problem.emit(str(error))


class RecordCard(Card):
    """One item shown as a form (the single pot, the Innovation Zone), with the
    recommendations it answers, and Remove (unless the record must stay)."""

    problem = Signal(str)

    def __init__(
        self,
        editor: DocumentEditor,
        catalogue: Catalogue,
        item_id: str,
        parent: QWidget | None = None,
        removable: bool = True,
    ):
        super().__init__(parent)
        self.editor = editor
        self.item_id = item_id
        self.form = ItemForm(editor, item_id, self)
        self.form.problem_changed.connect(self.problem)
        for box in self.form.findChildren(QPlainTextEdit):
            lines = box.fontMetrics().lineSpacing()
            box.setMaximumHeight(lines * 5 + 2 * box.frameWidth() + 8)
        self.answers = QLabel(self)
        self.answers.setWordWrap(True)
        self.change_button = QPushButton("Recommendations…", self)
        self.change_button.setCheckable(True)
        self.change_button.setAccessibleName("Change the recommendations this answers")
        self.change_button.toggled.connect(self._show_tags)
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.clicked.connect(self.remove)
        self.remove_button.setVisible(removable)
        self.tag_editor = TagEditor(catalogue, self)
        self.tag_editor.setAccessibleName("Recommendations this answers")
        self.tag_editor.tags_changed.connect(self._tags_ticked)
        self.tag_editor.hide()
        self.catalogue = catalogue
        row = QHBoxLayout()
        row.addWidget(self.answers, 1)
        row.addWidget(self.change_button)
        row.addWidget(self.remove_button)
        self.box.addWidget(self.form)
        self.box.addLayout(row)
        self.box.addWidget(self.tag_editor)
        for button in (self.change_button, self.remove_button):
            button.setEnabled(not editor.read_only)
        editor.changed.connect(self._document_changed)
        self.refresh()

    def refresh(self) -> None:
        try:
            section, item = self.editor.project.document.find_item(self.item_id)
        except KeyError:
            return
        kind = self.editor.project.spec.section_type(section.key).item_type(item.type)
        self.setAccessibleName(kind.label)
        self.remove_button.setAccessibleName(f"Remove the {kind.label.lower()}")
        self.answers.setText("Answers " + recommendation_names(self.catalogue, list(item.tags)))
        self.tag_editor.set_tags(list(item.tags))
        words = " ".join(str(v) for v in item.fields.values() if isinstance(v, str))
        self.tag_editor.set_suggestion_text(words)

    def _document_changed(self, change: str, target: str) -> None:
        if change == "item-changed" and target == self.item_id:
            self.refresh()

    def _show_tags(self, shown: bool) -> None:
        self.tag_editor.setVisible(shown)

    def _tags_ticked(self, tags: list[str]) -> None:
        try:
            self.editor.set_item_tags(self.item_id, tags)
        except ReformKitError as error:
            self.problem.emit(str(error))

    def remove(self) -> None:
        try:
            self.editor.remove_item(self.item_id)
        except ReformKitError as error:
            self.problem.emit(str(error))
