"""Cards for the builder: a catalogue entry to use, and an item already in the document.

An item card shows what the document says; "Reword" opens the generated form and the
recommendation checklist below it. Every change goes through the DocumentEditor, so it is in
the file at once and can be undone.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.editing.editor import DocumentEditor
from desktop.editing.item_form import ItemForm
from desktop.editing.tag_editor import TagEditor
from desktop.wizard.offers import where_from
from desktop.wizard.widgets import Card, heading, wrapped
from reformkit.catalogue.entry import Entry
from reformkit.catalogue.store import Catalogue
from reformkit.document.model import Item
from reformkit.document.spec import ItemType
from reformkit.errors import ReformKitError

SUGGEST_AFTER_WORDS = 4


class OfferCard(Card):
    """One catalogue entry: its title, its words, where it comes from, and "Use this"."""

    use = Signal(str)  # entry id
    unuse = Signal(str)

    def __init__(self, entry: Entry, noun: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.entry = entry
        self.setAccessibleName(f"{entry.title}, {where_from(entry)}")
        self.title = heading(entry.title, self)
        self.words = wrapped(entry.wording, self)  # what "Use this" puts in the document
        if entry.from_briefing and entry.wording != entry.body:
            self.words.setToolTip(f"The briefing's own words: {entry.body}")
        self.origin = wrapped(where_from(entry), self, italic=True)
        self.status = QLabel(f"✓ In your {noun}", self)
        self.use_button = QPushButton("Use this", self)
        self.use_button.setAccessibleName(f"Use this: {entry.title}")
        self.use_button.clicked.connect(lambda: self.use.emit(entry.id))
        self.remove_button = QPushButton("Take it out", self)
        self.remove_button.setAccessibleName(f"Take {entry.title} out of the {noun}")
        self.remove_button.clicked.connect(lambda: self.unuse.emit(entry.id))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.status)
        row.addWidget(self.use_button)
        row.addWidget(self.remove_button)
        self.box.addWidget(self.title)
        self.box.addWidget(self.words)
        self.box.addWidget(self.origin)
        self.box.addLayout(row)
        self.set_used(False)

    def set_used(self, used: bool) -> None:
        had_focus = self.use_button.hasFocus() or self.remove_button.hasFocus()
        self.used = used
        self.status.setVisible(used)
        self.use_button.setVisible(not used)
        self.remove_button.setVisible(used)
        if had_focus:
            (self.remove_button if used else self.use_button).setFocus()


class ItemCard(Card):
    """An item in the document. ``openable`` cards show a summary and open a form on
    "Reword"; other cards always show their form. ``text_field`` holds the item's words,
    shown under its title."""

    problem = Signal(str)
    opened = Signal()  # its form was built or shown, so the tab order needs redoing

    def __init__(
        self,
        editor: DocumentEditor,
        catalogue: Catalogue,
        item_id: str,
        openable: bool = True,
        removable: bool = True,
        titled: bool = True,
        parent: QWidget | None = None,
        text_field: str = "",
    ):
        super().__init__(parent)
        self.editor = editor
        self.catalogue = catalogue
        self.item_id = item_id
        self.text_field = text_field
        self.openable = openable
        self.titled = titled
        self.form: ItemForm | None = None
        self._open = False
        self.tag_editor: TagEditor | None = None
        section, item = editor.project.document.find_item(item_id)
        self.item_type: ItemType = editor.project.spec.section_type(section.key).item_type(
            item.type
        )
        self.title = heading("", self)
        self.words = wrapped("", self)
        self.origin = wrapped("", self, italic=True)
        self.tags = wrapped("", self)
        self.reword_button = QPushButton("Reword", self)
        self.reword_button.setCheckable(True)
        self.reword_button.toggled.connect(self._reword_toggled)
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.clicked.connect(self.remove)
        self.remove_button.setVisible(removable)
        self.reword_button.setVisible(openable)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.reword_button)
        row.addWidget(self.remove_button)
        self.details = QWidget(self)
        self.details_box = QVBoxLayout(self.details)
        self.details_box.setContentsMargins(0, 0, 0, 0)
        self.details.setVisible(False)
        self.box.addWidget(self.title)
        self.box.addWidget(self.words)
        self.box.addWidget(self.tags)
        self.box.addWidget(self.details)
        self.box.addWidget(self.origin)
        self.box.addLayout(row)
        self._suggest_timer = QTimer(self)
        self._suggest_timer.setSingleShot(True)
        self._suggest_timer.setInterval(350)
        self._suggest_timer.timeout.connect(self._suggest)
        editor.changed.connect(self._document_changed)
        self.refresh()
        if not openable:
            self.open_form()
        if editor.read_only:
            self.remove_button.setEnabled(False)

    # What it shows.
    def item(self) -> Item | None:
        try:
            return self.editor.project.document.find_item(self.item_id)[1]
        except KeyError:
            return None

    def refresh(self) -> None:
        item = self.item()
        if item is None:
            return
        name = self.item_type.describe(item.fields) or f"(a {self.item_type.label.lower()})"
        self.title.setText(name)
        words = self.text_field if self.text_field != self.item_type.title_field else ""
        text = str(item.fields.get(words) or "") if words else ""
        self.words.setText(text)
        self.words.setVisible(bool(text) and self.openable and not self._open)
        self.title.setVisible(self.titled)
        self.origin.setText(self._origin_text(item) if self.openable else "")
        self.origin.setVisible(self.openable)
        self.tags.setText("Answers " + ", ".join(item.tags) if item.tags else "")
        self.tags.setVisible(bool(item.tags) and self.openable and not self._open)
        self.reword_button.setAccessibleName(f"Reword: {name}")
        self.remove_button.setAccessibleName(f"Remove: {name}")
        self.setAccessibleName(f"{self.item_type.label}: {name}")
        if self.tag_editor is not None:
            self.tag_editor.set_tags(list(item.tags))
            self.tag_editor.set_suggestion_text(self._words(item))
            self._suggest_timer.start()

    def _origin_text(self, item: Item) -> str:
        if item.source is None:
            return "Written by your team"
        try:
            entry = self.catalogue.get(item.source.entry_id)
        except ReformKitError:
            return "Drawn from the catalogue, though no longer in it"
        title, words = self.item_type.title_field, self.text_field
        reworded = (bool(title) and item.fields.get(title) != entry.title) or (
            bool(words) and item.fields.get(words) != entry.wording
        )
        return where_from(entry, reworded)

    def _words(self, item: Item) -> str:
        names = (self.item_type.title_field, self.text_field)
        return " ".join(str(item.fields.get(name) or "") for name in names if name).strip()

    # Opening the form.
    def is_open(self) -> bool:
        return self._open

    def open_form(self, focus_field: str | None = None) -> None:
        if self.form is None:
            self.form = ItemForm(self.editor, self.item_id, self.details)
            self.form.setAccessibleName(f"{self.item_type.label} details")
            self.form.problem_changed.connect(self.problem)
            _fit_form(self.form, labels_above=self.openable)
            self.details_box.addWidget(self.form)
            if self.openable and self.item_type.title_field:
                self.details_box.addWidget(
                    wrapped("Which recommendations does it answer?", self.details)
                )
                self.tag_editor = TagEditor(self.catalogue, self.details)
                self.tag_editor.setAccessibleName("Recommendations it answers")
                self.tag_editor.tags_changed.connect(self._tags_changed)
                self.details_box.addWidget(self.tag_editor)
        self._open = True
        self.details.setVisible(True)
        self.opened.emit()
        blocked = self.reword_button.blockSignals(True)
        self.reword_button.setChecked(True)
        self.reword_button.setText("Done")
        self.reword_button.blockSignals(blocked)
        self.refresh()
        if focus_field and focus_field in self.form.widgets:
            widget = self.form.widgets[focus_field].widget
            widget.setFocus()
            if isinstance(widget, QLineEdit):
                widget.selectAll()

    def close_form(self) -> None:
        self._open = False
        self.details.setVisible(False)
        blocked = self.reword_button.blockSignals(True)
        self.reword_button.setChecked(False)
        self.reword_button.setText("Reword")
        self.reword_button.blockSignals(blocked)
        self.refresh()

    def _reword_toggled(self, checked: bool) -> None:
        if checked:
            self.open_form(self.text_field or None)
        else:
            self.close_form()

    # Edits.
    def remove(self) -> None:
        try:
            self.editor.remove_item(self.item_id)
        except ReformKitError as error:
            self.problem.emit(str(error))

    def _tags_changed(self, tags: list[str]) -> None:
        try:
            self.editor.set_item_tags(self.item_id, tags)
        except ReformKitError as error:
            self.problem.emit(str(error))

    def _document_changed(self, change: str, target: str) -> None:
        if target == self.item_id and change == "item-changed":
            self.refresh()

    def _suggest(self) -> None:
        item = self.item()
        if self.tag_editor is None or item is None or not self.is_open():
            return
        if len(self._words(item).split()) >= SUGGEST_AFTER_WORDS:
            self.tag_editor.suggest()


def _fit_form(form: ItemForm, labels_above: bool) -> None:
    """Long text boxes about six lines high (in the font's own units, so they grow with
    scaling); in a narrow column, labels above their fields."""
    layout = form.layout()
    if labels_above and isinstance(layout, QFormLayout):
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
    for widget in form.findChildren(QPlainTextEdit):
        lines = widget.fontMetrics().lineSpacing()
        widget.setMaximumHeight(lines * 6 + 2 * widget.frameWidth() + 8)
        widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
