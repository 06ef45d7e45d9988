"""GuidePage: one step of a guided builder, built from the step's blocks.

'Step n of N', the step's title and explanation, then a widget for each block, top to
bottom. A page of one table (or list, or cascade) gives it the page's height; a page of
several scrolls as one. Nothing here saves: every edit is already in the file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from desktop.editing.editor import DocumentEditor
from desktop.wizard.block_base import BlockWidget
from desktop.wizard.frame import StepPage
from desktop.wizard.parts import SectionHeader
from desktop.wizard.step_parts import part_numbers, parts_heading, parts_note, parts_of
from desktop.wizard.table_editor import ItemTableEditor
from desktop.wizard.widgets import heading, scrolling, wrapped
from reformkit.catalogue.store import Catalogue
from reformkit.document.guide import Guide, HeaderBlock, is_done
from reformkit.document.model import Item, Source, clean_tags
from reformkit.errors import ReformKitError

BlockT = TypeVar("BlockT", bound=BlockWidget)


class GuidePage(StepPage):
    """The page of step ``number`` (from 1) of ``guide``."""

    go_to = Signal(int)  # a step to go to (from the checks)
    layout_changed = Signal()  # controls came or went: the tab order needs redoing

    def __init__(
        self,
        guide: Guide,
        number: int,
        editor: DocumentEditor,
        catalogue: Catalogue,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.guide = guide
        self.number = number
        self.step = guide.steps[number - 1]
        self.editor = editor
        self.catalogue = catalogue
        self.tables: dict[str, ItemTableEditor] = {}  # by label, or section key
        self.headers: dict[str, SectionHeader] = {}  # by section key
        self.blocks: list[BlockWidget] = []
        title = self.step.title
        self.setAccessibleName(f"Step {number}: {title}")
        self.counter = wrapped("", self)
        self.title = heading(title, self, scale=1.5)
        self._update_counter()
        self.explanation = wrapped(self.step.explanation, self)
        self.explanation.setAccessibleName("What this step is for")
        self.layout_ = QVBoxLayout(self)
        for widget in (self.counter, self.title, self.explanation):
            self.layout_.addWidget(widget)
        if editor.read_only:
            self.layout_.addWidget(
                wrapped(
                    f"This {guide.noun} is open read-only, so it cannot be changed here. "
                    + editor.project.read_only_reason,
                    self,
                    italic=True,
                )
            )
        self._build()
        editor.changed.connect(self._document_changed)

    def _build(self) -> None:
        from desktop.wizard.blocks import HeaderWidget, make_block

        document = self.editor.project.document
        present = {s.key for s in document.sections}
        if self.editor.read_only and any(key not in present for key in self.step.sections):
            note = wrapped(f"This part is not in the {self.guide.noun}.", self, italic=True)
            self.layout_.addWidget(note, 1)
            return
        main = [b for b in self.step.blocks if not isinstance(b, HeaderBlock)]
        body = QWidget()
        box = QVBoxLayout(body)
        for position, block in enumerate(self.step.blocks):
            if position and isinstance(block, HeaderBlock):
                box.addSpacing(self.fontMetrics().height())
            widget = make_block(block, self, body)
            widget.problem.connect(self.problem)
            widget.layout_changed.connect(self.layout_changed)
            self.blocks.append(widget)
        alone = [w for w in self.blocks if not isinstance(w, HeaderWidget)]
        if len(main) == 1 and alone and alone[0].stretchy:
            for widget in self.blocks:
                self.layout_.addWidget(widget, 1 if widget is alone[0] else 0)
            body.deleteLater()
            return
        growing = [w for w in self.blocks if _grows(w)]
        for widget in self.blocks:
            widget.setParent(body)
            widget.scrolls_with_page()
            box.addWidget(widget, 1 if widget in growing else 0)
        if not growing:  # tables take the spare height; without one it stays at the bottom
            box.addStretch(1)
        self.layout_.addWidget(scrolling(body, self.step.title, self), 1)

    # Helpers for blocks.
    def section_id(self, key: str) -> str | None:
        """The section with ``key``, put back in its place if the user removed it."""
        document = self.editor.project.document
        section = next((s for s in document.sections if s.key == key), None)
        if section is not None:
            return section.id
        if self.editor.read_only:
            return None
        order = [t.key for t in self.editor.project.spec.section_types]
        mine = order.index(key) if key in order else len(order)
        index = sum(1 for s in document.sections if s.key in order and order.index(s.key) < mine)
        return self.editor.add_section(key, index=index)

    def add(self, key: str, item_type: str, fields: dict[str, Any], **extra: Any) -> str | None:
        try:
            section_id = self.section_id(key)
            if section_id is None:
                return None
            return self.editor.add_item(section_id, item_type, fields, **extra)
        except ReformKitError as error:
            self.problem.emit(str(error))
            return None

    def items(self, key: str, item_type: str) -> list[Item]:
        document = self.editor.project.document
        section = next((s for s in document.sections if s.key == key), None)
        return [i for i in section.items if i.type == item_type] if section else []

    def drawn_from(self, entry_id: str, key: str) -> tuple[list[str] | None, Source | None]:
        """Tags and source for an item drawn from a catalogue entry: the section's tags and
        the entry's recommendations. (None, None) if the catalogue does not have it."""
        try:
            entry = self.catalogue.get(entry_id)
        except ReformKitError:
            return None, None
        document = self.editor.project.document
        section = next((s for s in document.sections if s.key == key), None)
        tags = clean_tags([*(section.tags if section else []), *entry.related])
        return tags, Source(entry.id, entry.revision)

    def button(
        self, text: str, name: str, action: Callable[[], object], parent: QWidget
    ) -> QPushButton:
        button = QPushButton(text, parent)
        button.setAccessibleName(name)
        button.clicked.connect(lambda _=False: action())
        button.setEnabled(not self.editor.read_only)
        return button

    def block_of(self, kind: type[BlockT]) -> BlockT:
        """The page's first block widget of ``kind`` (for tests and wiring)."""
        return next(w for w in self.blocks if isinstance(w, kind))

    def _update_counter(self) -> None:
        """``Step 9 of 15 · Part 11: Total Place+ budget``: the step, and the parts it edits
        as the parts list numbers them (which moves when parts are added or moved)."""
        total, title = len(self.guide.steps), self.step.title
        parts = parts_of(self.step, part_numbers(self.editor.project.document))
        counted = f"Step {self.number} of {total}"
        where = parts_heading(parts)
        self.counter.setText(f"{counted} · {where}" if where else counted)
        note = parts_note(parts)
        self.title.setAccessibleName(f"{counted}: {title}" + (f", {note}" if note else ""))

    # Called by the builder.
    def shown(self) -> None:
        """The page has become the current step."""
        self._update_counter()
        for widget in self.blocks:
            widget.shown()

    def refresh(self) -> None:
        for widget in self.blocks:
            widget.refresh()

    def done(self) -> bool:
        return is_done(self.editor.project.document, self.step)

    def _document_changed(self, _change: str, _target: str) -> None:
        # A page out of sight is brought up to date when it is shown.
        if self.isVisible():
            self._update_counter()  # a part added, moved or renamed changes its number
            self.refresh()


def _grows(block: BlockWidget) -> bool:
    """A block whose table (or list) should take the page's spare height."""
    return block.stretchy or bool(block.findChildren(ItemTableEditor))
