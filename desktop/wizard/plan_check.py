"""The last step: what is still missing, each a click away from the step that fixes it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QVBoxLayout, QWidget

from desktop.editing.editor import DocumentEditor
from desktop.wizard.plan_budget import RECONCILED, reconcile
from desktop.wizard.plan_pages import PlanPage
from desktop.wizard.plan_steps import PLAN_STEPS, PlanStep, is_done, items_of
from desktop.wizard.widgets import heading, scrolling, wrapped
from reformkit.catalogue.entry import Entry
from reformkit.catalogue.store import Catalogue
from reformkit.document.coverage import coverage, gaps
from reformkit.document.spec import DocumentSpec


class CheckPage(PlanPage):
    def __init__(
        self,
        step: PlanStep,
        editor: DocumentEditor,
        catalogue: Catalogue,
        parent: QWidget | None = None,
    ):
        super().__init__(step, editor, catalogue, parent)
        body = QWidget()
        self.box = QVBoxLayout(body)
        self.list = QVBoxLayout()
        self.box.addLayout(self.list)
        self.box.addStretch(1)
        self.body = body
        self.findings: list[str] = []
        self.layout_.addWidget(scrolling(body, "Still to do", self), 1)

    def shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        while self.list.count():
            entry = self.list.takeAt(0)
            widget = entry.widget()
            if widget is not None:
                widget.hide()
                widget.deleteLater()
            elif entry.layout() is not None:
                _clear(entry.layout())
        self.findings = []
        document = self.editor.project.document
        empty = [s for s in PLAN_STEPS[:-1] if not is_done(document, s)]
        self._heading("Steps with nothing in them yet")
        for other in empty:
            self._finding(f"Step {other.number}: {other.title}", other.number)
        if not empty:
            self._note("None: every step has something in it.")

        self._heading("Things to check")
        pots = items_of(document, "budget", "budget_pot")
        lines = items_of(document, "budget", "budget_line")
        if pots or lines:
            result = reconcile(
                pots[0].fields.get("total") if pots else None,
                (i.fields.get("amount") for i in lines),
            )
            if result.state != RECONCILED:
                self._finding(f"Budget: {result.text.lstrip('✗ ')}", 9)
        chairs = [m for m in items_of(document, "board", "member") if m.fields.get("chair")]
        if items_of(document, "board", "member") and len(chairs) != 1:
            self._finding("The Board: tick the one member who chairs it.", 2)
        missions = items_of(document, "missions", "mission")
        if any(not m.fields.get("metric") or not m.fields.get("owner") for m in missions):
            self._finding("Missions: some have no metric or no owner yet.", 4)
        actions = items_of(document, "actions", "action")
        if any(not a.fields.get("owner") or not a.fields.get("due") for a in actions):
            self._finding("Action plan: some actions have no owner or no due date yet.", 14)
        if len(self.findings) == len(empty):
            self._note("Nothing: the budget adds up and every mission and action has an owner.")

        self._heading("Recommendations the plan should answer")
        rows = gaps(coverage(document, self.editor.project.spec, self._recommendations()))
        for row in rows:
            number = _step_for(self.editor.project.spec, row.recommendation.id)
            text = f"{row.recommendation.id}: {row.recommendation.title}"
            self._finding(text, number)
        if not rows:
            self._note("All of them are answered somewhere in the plan.")

    def _recommendations(self) -> list[Entry]:
        return list(self.catalogue.entries("recommendation"))

    def _heading(self, text: str) -> None:
        self.list.addWidget(heading(text, self.body))

    def _note(self, text: str) -> None:
        self.list.addWidget(wrapped(text, self.body, italic=True))

    def _finding(self, text: str, number: int | None) -> None:
        self.findings.append(text)
        row = QHBoxLayout()
        row.addWidget(wrapped(text, self.body), 1)
        if number is not None:
            target = PLAN_STEPS[number - 1]
            button = self.button(
                f"Go to step {number}",
                f"Go to step {number}: {target.title}",
                lambda _=False, n=number: self.go_to.emit(n),
                self.body,
            )
            button.setEnabled(True)  # looking is allowed read-only too
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.list.addLayout(row)


def _step_for(spec: DocumentSpec, tag: str) -> int | None:
    """The step whose sections answer ``tag`` by default."""
    for step in PLAN_STEPS:
        for key in step.section_keys:
            if tag in spec.section_type(key).default_tags:
                return step.number
    return None


def _clear(layout: QLayout) -> None:
    while layout.count():
        entry = layout.takeAt(0)
        widget = entry.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
    layout.deleteLater()
