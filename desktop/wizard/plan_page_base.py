"""PlanPage, the frame every plan step's page builds on, and the blocks pages share: a
record as a form (RecordSlot) and two tables side by side.

Kept apart from the steps' pages in :mod:`desktop.wizard.plan_pages` so that the pages in
their own modules (budget, missions, checks) build on the frame without importing the
module that chooses among them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.editing.editor import DocumentEditor
from desktop.wizard.plan_parts import RecordCard, SectionHeader
from desktop.wizard.plan_steps import PLAN_STEPS, PlanStep, is_done
from desktop.wizard.table_editor import ItemTableEditor
from desktop.wizard.widgets import heading, wrapped
from reformkit.catalogue.store import Catalogue
from reformkit.document.model import Item
from reformkit.errors import ReformKitError

TABLE_OPTIONS: dict[str, dict[str, Any]] = {
    "paragraph": {"name": "paragraph", "defaults": {"text": "New paragraph"}},
    "member": {"name": "board member", "defaults": {"role": "Board member", "name": "New member"}},
    "standard": {
        "name": "standard",
        "defaults": {"service": "New service", "standard": "What every resident can expect"},
    },
    "engagement": {"name": "engagement", "defaults": {"who": "Residents"}},
    "request": {"name": "request", "defaults": {"service": "New request"}},
    "investment": {"name": "bid or investment", "defaults": {"name": "New bid"}},
    "workforce_commitment": {
        "name": "workforce commitment",
        "defaults": {"title": "New commitment"},
    },
    "action": {"name": "action", "defaults": {"action": "New action", "status": "Not started"}},
    "mission": {"name": "mission"},
}


class PlanPage(QWidget):
    """A page's frame: 'Step n of 15', its title and explanation, then the page's body."""

    problem = Signal(str)
    go_to = Signal(int)  # a step to go to (from the checks on the last page)

    def __init__(
        self,
        step: PlanStep,
        editor: DocumentEditor,
        catalogue: Catalogue,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.step = step
        self.editor = editor
        self.catalogue = catalogue
        self.tables: dict[str, ItemTableEditor] = {}
        self.headers: dict[str, SectionHeader] = {}
        total = len(PLAN_STEPS)
        self.setAccessibleName(f"Step {step.number}: {step.title}")
        self.counter = QLabel(f"Step {step.number} of {total}", self)
        self.title = heading(step.title, self, scale=1.5)
        self.title.setAccessibleName(f"Step {step.number} of {total}: {step.title}")
        self.explanation = wrapped(step.explanation, self)
        self.explanation.setAccessibleName("What this step is for")
        self.layout_ = QVBoxLayout(self)
        self.layout_.addWidget(self.counter)
        self.layout_.addWidget(self.title)
        self.layout_.addWidget(self.explanation)
        if editor.read_only:
            self.layout_.addWidget(
                wrapped(
                    "This plan is open read-only, so it cannot be changed here. "
                    + editor.project.read_only_reason,
                    self,
                    italic=True,
                )
            )

    # Helpers for pages.
    def section_id(self, key: str) -> str | None:
        """The section with ``key``, put back in its place if the user removed it."""
        document = self.editor.project.document
        section = next((s for s in document.sections if s.key == key), None)
        if section is not None:
            return section.id
        if self.editor.read_only:
            return None
        order = [t.key for t in self.editor.project.spec.section_types]
        index = sum(
            1 for s in document.sections if s.key in order and order.index(s.key) < order.index(key)
        )
        return self.editor.add_section(key, index=index)

    def header(self, key: str, parent: QWidget, with_intro: bool = True) -> SectionHeader:
        header = SectionHeader(
            self.editor,
            self.catalogue,
            lambda: self.section_id(key),
            key,
            with_intro,
            parent,
        )
        header.problem.connect(self.problem)
        header.title.setVisible(header.title.text() != self.step.title)  # not said twice
        self.headers[key] = header
        return header

    def table(
        self, key: str, item_type: str, parent: QWidget, label: str = "", **options: Any
    ) -> ItemTableEditor:
        section_id = self.section_id(key)
        assert section_id is not None  # a read-only plan missing the section gets no page
        settings = {**TABLE_OPTIONS.get(item_type, {}), **options}
        table = ItemTableEditor(
            self.editor, section_id, item_type, parent, catalogue=self.catalogue, **settings
        )
        table.problem.connect(self.problem)
        self.tables[label or key] = table
        return table

    def button(self, text: str, name: str, action: Any, parent: QWidget) -> QPushButton:
        button = QPushButton(text, parent)
        button.setAccessibleName(name)
        button.clicked.connect(action)
        button.setEnabled(not self.editor.read_only)
        return button

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

    # Called by the wizard.
    def shown(self) -> None:
        """The page has become the current step."""
        self.refresh()

    def refresh(self) -> None:
        """Show what the file now says (tables and forms follow the file by themselves)."""

    def done(self) -> bool:
        return is_done(self.editor.project.document, self.step)


class SideBySide(QWidget):
    """Two columns side by side, or one above the other when there is no room (a small
    screen, or large text)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = event.size().width() < 84 * self.fontMetrics().horizontalAdvance("M")
        wanted = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        if self.box.direction() != wanted:
            self.box.setDirection(wanted)


def two_lists(page: PlanPage, key: str, item_type: str, kinds: tuple[str, str]) -> SideBySide:
    """Two tables, one for each kind (needs and assets, barriers and enablers)."""
    both = SideBySide(page)
    for kind in kinds:
        column = QWidget(both)
        box = QVBoxLayout(column)
        box.setContentsMargins(0, 0, 0, 0)
        plural = f"{kind}s"
        box.addWidget(heading(plural, column))
        table = page.table(
            key,
            item_type,
            column,
            label=plural,
            fixed={"kind": kind},
            name=kind.lower(),
            compact=True,
        )
        box.addWidget(table, 1)
        both.box.addWidget(column, 1)
    return both


class RecordSlot(QWidget):
    """The one record of a type in a section, as a form, or a button to start it."""

    def __init__(
        self,
        page: PlanPage,
        key: str,
        item_type: str,
        start_text: str,
        create: Callable[[], str | None],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.page = page
        self.key = key
        self.item_type = item_type
        self._create = create
        self.card: RecordCard | None = None
        self.start_button = page.button(start_text, start_text, self.start, self)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        page.editor.changed.connect(lambda *_: self.sync())
        self.sync()

    def item_id(self) -> str | None:
        items = self.page.items(self.key, self.item_type)
        return items[0].id if items else None

    def sync(self) -> None:
        wanted = self.item_id()
        if self.card is not None and self.card.item_id != wanted:
            self.box.removeWidget(self.card)
            self.card.hide()
            self.card.deleteLater()
            self.card = None
        if self.card is None and wanted is not None:
            self.card = RecordCard(self.page.editor, self.page.catalogue, wanted, self)
            self.card.problem.connect(self.page.problem)
            self.box.addWidget(self.card)
        self.start_button.setVisible(wanted is None)

    def start(self) -> str | None:
        item_id = self._create()
        self.sync()
        if self.card is not None:
            first = next(iter(self.card.form.widgets.values()))
            first.widget.setFocus()
        return item_id
