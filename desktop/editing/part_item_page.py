"""One item of a document: what kind it is, where it came from, its fields and its tags.

An item drawn from the catalogue names its source. When the catalogue's wording has changed
since, a banner says so, shows the new wording on request, and lets the person mark the item
as reviewed (which can be undone like any other edit).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.editing.details_form import guidance_label, heading_label, problem_label
from desktop.editing.editor import DocumentEditor
from desktop.editing.item_form import ItemForm
from desktop.editing.tag_editor import TagEditor
from reformkit.catalogue.entry import USER, Entry
from reformkit.catalogue.store import Catalogue
from reformkit.document.evidence import copied_links, seed_links
from reformkit.document.fields import LONG_TEXT, TEXT, TEXT_LIST
from reformkit.document.model import Item, Source
from reformkit.document.tagging import item_suggestions
from reformkit.errors import ReformKitError, UnknownEntryError


def source_line(source: Source, entry: Entry | None) -> str:
    """Where an item came from, in words: "From the briefing: Duty of candour — page 20"
    (titles and pages, never the catalogue's internal codes)."""
    if entry is None:
        return "From an entry no longer in the catalogue"
    if entry.origin == USER or entry.id.startswith("U-"):
        return f"From your library: {entry.title}"
    text = f"From the briefing: {entry.title}"
    return text + (f" — page {entry.page}" if entry.page else "")


class ItemPage(QWidget):
    def __init__(
        self,
        editor: DocumentEditor,
        catalogue: Catalogue,
        item_id: str,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.editor = editor
        self.catalogue = catalogue
        self.item_id = item_id
        section, item = editor.project.document.find_item(item_id)
        self.item_type = editor.project.spec.section_type(section.key).item_type(item.type)

        self.heading = heading_label(self.item_type.label, self)
        self.heading.setAccessibleName("Kind of item")
        self.place = guidance_label("", self)
        self.source = QLabel("", self)
        self.source.setWordWrap(True)
        self.source.setAccessibleName("Where this came from")
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.banner = QFrame(self)
        self.banner.setObjectName("reviewBanner")
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setStyleSheet(
            "#reviewBanner { background: #fff4ce; border: 1px solid #c19c00; border-radius: 3px; }"
            " #reviewBanner QLabel { color: #3b2f00; }"
        )
        self.banner.setAccessibleName("Needs review")
        self.banner_text = QLabel(
            "<b>Needs review.</b> The catalogue's wording of the entry this came from has "
            "changed since it was added. Compare it with the words below, change them if you "
            "wish, then mark it as reviewed.",
            self.banner,
        )
        self.banner_text.setWordWrap(True)
        self.show_wording = QPushButton("Show the new wording", self.banner)
        self.show_wording.setCheckable(True)
        self.show_wording.setAccessibleName("Show the new wording")
        self.show_wording.toggled.connect(self._toggle_wording)
        self.mark_reviewed = QPushButton("Mark as reviewed", self.banner)
        self.mark_reviewed.setAccessibleName("Mark as reviewed")
        self.mark_reviewed.clicked.connect(self._mark_reviewed)
        self.new_wording = QLabel("", self.banner)
        self.new_wording.setWordWrap(True)
        self.new_wording.setAccessibleName("The new wording")
        self.new_wording.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.new_wording.setStyleSheet(
            "background: white; padding: 6px; border-left: 3px solid #c19c00;"
        )
        self.new_wording.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_wording)
        buttons.addWidget(self.mark_reviewed)
        buttons.addStretch(1)
        banner_layout = QVBoxLayout(self.banner)
        banner_layout.addWidget(self.banner_text)
        banner_layout.addLayout(buttons)
        banner_layout.addWidget(self.new_wording)

        self.form = ItemForm(editor, item_id, self)
        self.form.setAccessibleName(f"{self.item_type.label} fields")
        form_layout = self.form.layout()
        if form_layout is not None:  # line the fields up with the heading above them
            form_layout.setContentsMargins(0, 6, 0, 6)
        self.problem = problem_label(self)
        self.tags = TagEditor(catalogue, self)
        self.tags.tags_changed.connect(self._tags_edited)
        tags_box = QGroupBox(f"Recommendations this {self.item_type.label.lower()} answers", self)
        tags_layout = QVBoxLayout(tags_box)
        tags_layout.addWidget(self.tags)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.place)
        layout.addWidget(self.source)
        layout.addWidget(self.banner)
        if self.item_type.help:
            layout.addWidget(guidance_label(self.item_type.help, self))
        layout.addWidget(self.form)
        layout.addWidget(self.problem)
        layout.addWidget(tags_box)
        layout.addStretch(1)
        self.reload()
        editor.changed.connect(self._document_changed)

    def _item(self) -> Item | None:
        try:
            return self.editor.project.document.find_item(self.item_id)[1]
        except KeyError:
            return None

    def _section_id(self) -> str:
        try:
            return self.editor.project.document.find_item(self.item_id)[0].id
        except KeyError:
            return ""

    def _entry(self, source: Source | None) -> Entry | None:
        if source is None:
            return None
        try:
            return self.catalogue.get(source.entry_id)
        except UnknownEntryError:
            return None

    def reload(self) -> None:
        """Show the stored values (after undo, or an edit elsewhere)."""
        item = self._item()
        if item is None:
            self.setEnabled(False)
            return
        section = self.editor.project.document.find_item(self.item_id)[0]
        self.place.setText(f"In “{section.title}”")
        entry = self._entry(item.source)
        self.source.setVisible(item.source is not None)
        if item.source is not None:
            self.source.setText(source_line(item.source, entry))
        self.banner.setVisible(item.needs_review)
        if entry is not None:
            self.new_wording.setText(f"<b>{entry.title}</b><br>{_escape(entry.body)}")
        else:
            self.new_wording.setText("The entry is no longer in the catalogue.")
        read_only = self.editor.read_only
        self.mark_reviewed.setEnabled(not read_only)
        copied = copied_links(item, section, seed_links())  # offered again, not answers
        self.tags.set_tags([t for t in item.tags if t not in copied])
        spec = self.editor.project.spec
        self.tags.set_offered(item_suggestions(spec, section, item, self.catalogue))
        self.tags.setEnabled(not read_only)
        self.tags.set_suggestion_text(self._text(item))

    def _text(self, item: Item) -> str:
        words = []
        for field in self.item_type.fields:
            value = item.fields.get(field.name)
            if field.type in (TEXT, LONG_TEXT) and value:
                words.append(str(value))
            elif field.type == TEXT_LIST and value:
                words.extend(str(v) for v in value)
        return "\n".join(words)

    def _document_changed(self, change: str, target: str) -> None:
        mine = target == self.item_id and change in ("item-changed", "item-moved")
        if mine or (change == "section-changed" and target == self._section_id()):
            self.reload()

    def _toggle_wording(self, shown: bool) -> None:
        self.new_wording.setVisible(shown)
        self.show_wording.setText("Hide the new wording" if shown else "Show the new wording")

    def _mark_reviewed(self) -> None:
        item = self._item()
        if item is None:
            return
        source = item.source
        entry = self._entry(source)
        if entry is not None:
            source = Source(entry.id, entry.revision)
        self._write(lambda: self.editor.mark_reviewed(self.item_id, source))

    def _tags_edited(self, tags: list[str]) -> None:
        self._write(lambda: self.editor.set_item_tags(self.item_id, tags))

    def _write(self, change: object) -> None:
        try:
            change()  # type: ignore[operator]
        except ReformKitError as error:
            self.problem.setText(str(error))
            self.problem.show()
            return
        self.problem.setText("")
        self.problem.hide()


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
    )
