"""The last step: what is still missing, each a click away from the step that fixes it.

The checks are the kernel's own (``check_document``), the same as the Checks panel's."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QVBoxLayout, QWidget

from desktop.editing.editor import DocumentEditor
from desktop.wizard.plan_page_base import PlanPage
from desktop.wizard.plan_steps import PLAN_STEPS, PlanStep, is_done
from desktop.wizard.widgets import heading, scrolling, wrapped
from reformkit.catalogue.entry import Entry
from reformkit.catalogue.store import Catalogue
from reformkit.document.checks import Problem, check_document
from reformkit.document.model import Document


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
        spec = self.editor.project.spec
        problems = [
            p
            for p in check_document(document, spec, self._recommendations())
            if p.rule != "section-empty"  # listed above, by step
        ]
        for problem in problems:
            self._finding(problem.message, _step_for_part(document, problem))
        if not problems:
            self._note(
                "Nothing: the budget adds up, every mission and action has an owner, and "
                "every recommendation a plan should answer is answered."
            )

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


def _step_for_part(document: Document, problem: Problem) -> int | None:
    """The step that edits the part a problem points at (None for the whole document)."""
    key = None
    if problem.part_kind == "section":
        key = next((s.key for s in document.sections if s.id == problem.part_id), None)
    elif problem.part_kind == "item":
        try:
            key = document.find_item(problem.part_id)[0].key
        except KeyError:
            key = None
    return next((step.number for step in PLAN_STEPS if key in step.section_keys), None)


def _clear(layout: QLayout) -> None:
    while layout.count():
        entry = layout.takeAt(0)
        widget = entry.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
    layout.deleteLater()
