"""The plan builder's pages: one per step. Each explains itself, shows the recommendations
its parts answer, and edits the plan in tables and forms. Nothing here saves: every edit is
already in the file."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.editing.editor import DocumentEditor
from desktop.wizard.plan_page_base import PlanPage, RecordSlot, two_lists
from desktop.wizard.plan_parts import board_roles, member_names
from desktop.wizard.plan_steps import (
    PARAGRAPHS,
    REQUESTS,
    SHIFT,
    TWO_LISTS,
    ZONE,
    PlanStep,
)
from desktop.wizard.widgets import scrolling, wrapped
from reformkit.catalogue.store import Catalogue
from reformkit.document.from_catalogue import draft_from_entry
from reformkit.document.model import Source, clean_tags
from reformkit.errors import ReformKitError

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
