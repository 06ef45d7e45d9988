"""PlanWizard: the guided builder for a Local Reform Plan, one part at a time.

The frame (step list, buttons, keyboard order, the step kept in the file) is WizardFrame's,
the same as the charter builder's; this says only what is the plan's own: its steps and
pages, the checks page that sends the user to a step, and problems shown in warning colour.
"""

from __future__ import annotations

from desktop.editing.item_form import problem_colour
from desktop.wizard.frame import WizardFrame, WizardSpec
from desktop.wizard.plan_pages import PlanPage, make_plan_page
from desktop.wizard.plan_steps import PLAN_STEPS, STATE_KEY, PlanStep


class PlanWizard(WizardFrame[PlanPage]):
    """The guided plan builder. Steps are numbered 1 to :meth:`step_count`."""

    spec = WizardSpec(PLAN_STEPS, STATE_KEY, "Local Reform Plan", "plan", step_list_ems=3)

    def _make_page(self, step: PlanStep) -> PlanPage:
        page = make_plan_page(step, self.editor, self.catalogue)
        page.go_to.connect(self.go_to_step)
        for table in page.tables.values():  # rows come and go: Tab must follow
            table.rows_changed.connect(self._schedule_tab_order)
        return page

    def show_problem(self, message: str) -> None:
        self.problem.setStyleSheet(f"color: {problem_colour(self)};")
        super().show_problem(f"⚠ {message}" if message else "")

    def _document_changed(self, change: str, target: str) -> None:
        super()._document_changed(change, target)
        if self.current_page().step.kind == "check":
            self.current_page().refresh()
