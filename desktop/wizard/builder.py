"""GuidedBuilder: the guided builder for any kind of document, one step at a time.

The frame (step list, buttons, keyboard order, the step kept in the file) is WizardFrame's;
the steps and their pages come from the kind's guide (``project.spec.guide``), so a charter
and a plan are one builder fed two descriptions, and a new kind needs no change here.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.editing.editor import DocumentEditor
from desktop.editing.item_form import problem_colour
from desktop.editing.open_editors import commit_open_editors
from desktop.wizard.frame import WizardFrame, WizardSpec
from desktop.wizard.page import GuidePage
from desktop.wizard.step_parts import Part, part_numbers, parts_of
from reformkit.catalogue.store import Catalogue

LONG_GUIDE = 10  # from this many steps, the step list leaves room for two-digit numbers


class GuidedBuilder(WizardFrame[GuidePage]):
    """The guided builder of the editor's document. Steps are numbered 1 to
    :meth:`step_count`."""

    def __init__(self, editor: DocumentEditor, catalogue: Catalogue, parent: QWidget | None = None):
        spec = editor.project.spec
        self.guide = spec.guide
        if not self.guide:
            raise ValueError(f"A {spec.label} has no guided builder.")
        titles = tuple(step.title for step in self.guide.steps)
        ems = 3 if len(titles) >= LONG_GUIDE else 2
        self.spec = WizardSpec(titles, self.guide.state_key, spec.label, self.guide.noun, ems)
        super().__init__(editor, catalogue, parent)

    def _make_page(self, number: int) -> GuidePage:
        page = GuidePage(self.guide, number, self.editor, self.catalogue)
        page.go_to.connect(self.go_to_step)
        page.layout_changed.connect(self._schedule_tab_order)
        return page

    def step_parts(self) -> list[list[Part]]:
        numbers = part_numbers(self.editor.project.document)
        return [parts_of(step, numbers) for step in self.guide.steps]

    def go_to_step(self, number: int, focus: bool = True) -> None:
        commit_open_editors(self)  # a cell being typed in is kept (Alt+N, a step clicked)
        super().go_to_step(number, focus)

    def finish(self) -> None:
        commit_open_editors(self)
        super().finish()

    def show_problem(self, message: str) -> None:
        self.problem.setStyleSheet(f"color: {problem_colour(self)};")
        super().show_problem(f"⚠ {message}" if message else "")

    def _document_changed(self, change: str, target: str) -> None:
        super()._document_changed(change, target)
        self._schedule_tab_order()
