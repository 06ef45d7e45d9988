"""The plan builder's pages: one per step. Each explains itself, shows the recommendations
its parts answer, and edits the plan in tables and forms. Nothing here saves: every edit is
already in the file."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.editing.editor import DocumentEditor
from desktop.wizard.plan_parts import RecordCard, SectionHeader, board_roles, member_names
from desktop.wizard.plan_steps import (
    PARAGRAPHS,
    PLAN_STEPS,
    REQUESTS,
    SHIFT,
    TWO_LISTS,
    ZONE,
    PlanStep,
    is_done,
)
from desktop.wizard.table_editor import ItemTableEditor
from desktop.wizard.widgets import heading, scrolling, wrapped
from reformkit.catalogue.store import Catalogue
from reformkit.document.from_catalogue import draft_from_entry
from reformkit.document.model import Item, Source, clean_tags
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
WHO_TOOK_PART = ["Residents", "Citizens", "Families", "Children and young people", "Carers",
                 "Staff", "Frontline staff", "Voluntary sector", "Businesses"]  # fmt: skip
METHODS = ["Workshop", "Survey", "Interviews", "Focus group", "Street stall",
           "Citizens' jury", "Online consultation", "Peer research"]  # fmt: skip
FUNDERS = ["Service Experimentation and Innovation Fund (SEIF)", "A social investor",
           "A charitable foundation", "Government department"]  # fmt: skip
# The briefing's first candidates for the right to request (ideas I9 and I10).
REQUEST_STARTERS: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("I9", "Employment support", {
        "service": "Employment support",
        "current_deliverer": "Department for Work and Pensions (Jobcentre Plus)"}),
    ("I10", "Probation", {
        "service": "Probation",
        "current_deliverer": "HM Prison and Probation Service (Ministry of Justice)"}),
)  # fmt: skip


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

    def main_table(self) -> ItemTableEditor | None:
        return next(iter(self.tables.values()), None)


class TablePage(PlanPage):
    """One section as one table: the Board, standards, engagement, bids, workforce, actions
    and the paragraphs of the foreword and accountability."""

    def __init__(self, step: PlanStep, editor: DocumentEditor, catalogue: Catalogue, parent=None):
        super().__init__(step, editor, catalogue, parent)
        key = step.section_keys[0]
        self.layout_.addWidget(self.header(key, self, with_intro=step.kind != PARAGRAPHS))
        self.extra = QHBoxLayout()
        self.layout_.addLayout(self.extra)
        self.layout_.addWidget(self.table(key, step.item_type, self), 1)


class BoardPage(TablePage):
    """Step 2: the Board, with roles from the briefing and exactly one chair."""

    def __init__(self, step: PlanStep, editor: DocumentEditor, catalogue: Catalogue, parent=None):
        super().__init__(step, editor, catalogue, parent)
        table = self.tables["board"]
        table.model.suggestions["role"] = lambda: board_roles(catalogue)
        table.model.exclusive = "chair"
        self.role_choice = QComboBox(self)
        self.role_choice.setAccessibleName("A role from the briefing")
        for entry in catalogue.entries("role"):
            if "R3" in entry.related:
                self.role_choice.addItem(entry.title, entry.id)
        label = QLabel("Add a member for the role:", self)
        label.setBuddy(self.role_choice)
        self.role_button = self.button(
            "Add", "Add a member for this role", lambda: self.add_for_role(), self
        )
        self.extra.addWidget(label)
        self.extra.addWidget(self.role_choice)
        self.extra.addWidget(self.role_button)
        self.extra.addStretch(1)

    def add_for_role(self, entry_id: str | None = None) -> str | None:
        """A new member with a role from the briefing, its source kept; the Mayor's role
        makes them the chair if there is none yet."""
        entry_id = entry_id or str(self.role_choice.currentData())
        try:
            entry = self.catalogue.get(entry_id)
        except ReformKitError as error:
            self.problem.emit(str(error))
            return None
        section_type = self.editor.project.spec.section_type("board")
        section_id = self.section_id("board")
        if section_id is None:
            return None
        section = self.editor.project.document.section(section_id)
        drafted = draft_from_entry(section_type, entry, section.tags)
        chair = "(chair)" in entry.title and not any(
            i.fields.get("chair") for i in self.items("board", "member")
        )
        fields = {"role": entry.title, "name": "New member", "chair": chair}
        return self.tables["board"].add_row(
            fields, tags=drafted.tags, source=drafted.source, edit="name"
        )


class ActionsPage(TablePage):
    """Step 14: owners are picked from the Board (or typed)."""

    def __init__(self, step: PlanStep, editor: DocumentEditor, catalogue: Catalogue, parent=None):
        super().__init__(step, editor, catalogue, parent)
        model = self.tables["actions"].model
        model.suggestions["owner"] = lambda: member_names(editor.project.document)


class EngagementPage(TablePage):
    def __init__(self, step: PlanStep, editor: DocumentEditor, catalogue: Catalogue, parent=None):
        super().__init__(step, editor, catalogue, parent)
        model = self.tables["engagement"].model
        model.suggestions["who"] = lambda: list(WHO_TOOK_PART)
        model.suggestions["method"] = lambda: list(METHODS)


class InvestmentPage(TablePage):
    def __init__(self, step: PlanStep, editor: DocumentEditor, catalogue: Catalogue, parent=None):
        super().__init__(step, editor, catalogue, parent)
        self.tables["investment"].model.suggestions["funder"] = lambda: list(FUNDERS)


class RequestsPage(TablePage):
    """Step 8: requests, with the briefing's two first candidates ready to start from."""

    def __init__(self, step: PlanStep, editor: DocumentEditor, catalogue: Catalogue, parent=None):
        super().__init__(step, editor, catalogue, parent)
        self.starters: dict[str, QPushButton] = {}
        self.extra.addWidget(QLabel("Start from the briefing:", self))
        for entry_id, label, _fields in REQUEST_STARTERS:
            button = self.button(
                label,
                f"Start a request for {label.lower()}, as the briefing suggests",
                lambda _=False, e=entry_id: self.start_from(e),
                self,
            )
            self.starters[entry_id] = button
            self.extra.addWidget(button)
        self.extra.addStretch(1)
        editor.changed.connect(lambda *_: self.refresh())
        self.refresh()

    def start_from(self, entry_id: str) -> str | None:
        fields = next(dict(f) for e, _, f in REQUEST_STARTERS if e == entry_id)
        try:
            entry = self.catalogue.get(entry_id)
        except ReformKitError as error:
            self.problem.emit(str(error))
            return None
        fields["case"] = entry.wording
        section_id = self.section_id("requests")
        if section_id is None:
            return None
        tags = clean_tags([*self.editor.project.document.section(section_id).tags, *entry.related])
        return self.tables["requests"].add_row(
            fields, tags=tags, source=Source(entry.id, entry.revision), edit="case"
        )

    def refresh(self) -> None:
        used = {i.source.entry_id for i in self.items("requests", "request") if i.source}
        for entry_id, button in self.starters.items():
            button.setEnabled(entry_id not in used and not self.editor.read_only)
            button.setToolTip("Already in the plan." if entry_id in used else "")


class TwoListsPage(PlanPage):
    """Step 3: needs and assets, side by side."""

    def __init__(self, step: PlanStep, editor: DocumentEditor, catalogue: Catalogue, parent=None):
        super().__init__(step, editor, catalogue, parent)
        key = step.section_keys[0]
        self.layout_.addWidget(self.header(key, self))
        self.layout_.addWidget(two_lists(self, key, step.item_type, ("Need", "Asset")), 1)


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


class ShiftPage(PlanPage):
    """Step 6: the whole-system shift, working together, and prevention's barriers and
    enablers, one after the other."""

    def __init__(self, step: PlanStep, editor: DocumentEditor, catalogue: Catalogue, parent=None):
        super().__init__(step, editor, catalogue, parent)
        body = QWidget()
        box = QVBoxLayout(body)
        shift, together, prevention = step.section_keys
        for key in (shift, together):
            box.addWidget(self.header(key, body, with_intro=False))
            box.addWidget(self.table(key, "paragraph", body))
            box.addSpacing(self.fontMetrics().height())
        box.addWidget(self.header(prevention, body, with_intro=False))
        box.addWidget(two_lists(self, prevention, "prevention_factor", ("Barrier", "Enabler")))
        box.addStretch(1)
        for table in self.tables.values():
            table.view.max_lines = 60  # the page scrolls, not each table
        self.layout_.addWidget(scrolling(body, step.title, self), 1)


class ZonePage(PlanPage):
    """Step 13: one Innovation Zone proposal, as a form."""

    def __init__(self, step: PlanStep, editor: DocumentEditor, catalogue: Catalogue, parent=None):
        super().__init__(step, editor, catalogue, parent)
        key = step.section_keys[0]
        body = QWidget()
        box = QVBoxLayout(body)
        box.addWidget(self.header(key, body))
        self.slot = RecordSlot(
            self,
            key,
            "zone",
            "Start the Innovation Zone proposal",
            self.create,
            body,
        )
        box.addWidget(self.slot)
        box.addStretch(1)
        self.layout_.addWidget(scrolling(body, step.title, self), 1)

    def create(self) -> str | None:
        """A proposal started from the briefing's Innovation Zones (its source kept)."""
        source, tags = None, None
        section_id = self.section_id("innovation_zone")
        if section_id is None:
            return None
        try:
            entry = self.catalogue.get("B8")
            source = Source(entry.id, entry.revision)
            section = self.editor.project.document.section(section_id)
            tags = clean_tags([*section.tags, *entry.related])
        except ReformKitError:
            pass
        return self.add(
            "innovation_zone",
            "zone",
            {"area": "The area to be named"},
            tags=tags,
            source=source,
        )


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


def make_plan_page(step: PlanStep, editor: DocumentEditor, catalogue: Catalogue) -> PlanPage:
    from desktop.wizard.plan_budget import BudgetPage
    from desktop.wizard.plan_check import CheckPage
    from desktop.wizard.plan_missions import MissionsPage

    document = editor.project.document
    missing = [k for k in step.section_keys if not any(s.key == k for s in document.sections)]
    if missing and editor.read_only:
        page = PlanPage(step, editor, catalogue)
        page.layout_.addWidget(wrapped("This part is not in the plan.", page, italic=True), 1)
        return page
    by_type: dict[str, type[PlanPage]] = {
        "member": BoardPage,
        "action": ActionsPage,
        "engagement": EngagementPage,
        "investment": InvestmentPage,
    }
    by_kind: dict[str, type[PlanPage]] = {
        TWO_LISTS: TwoListsPage,
        SHIFT: ShiftPage,
        REQUESTS: RequestsPage,
        ZONE: ZonePage,
        "missions": MissionsPage,
        "budget": BudgetPage,
        "check": CheckPage,
    }
    kind = by_kind.get(step.kind) or by_type.get(step.item_type) or TablePage
    return kind(step, editor, catalogue)
