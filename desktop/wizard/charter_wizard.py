"""CharterWizard: the guided builder for a Respect Charter, one step at a time.

The frame (step list, buttons, keyboard order, the step kept in the file) is WizardFrame's;
this says only what is the charter's own: its seven steps and their pages.
"""

from __future__ import annotations

from desktop.wizard.frame import WizardFrame, WizardSpec
from desktop.wizard.item_list import ItemList
from desktop.wizard.pages import StepPage, make_page
from desktop.wizard.steps import STATE_KEY, STEPS, Step


class CharterWizard(WizardFrame[StepPage]):
    """The guided charter builder. Steps are numbered 1 to :meth:`step_count`."""

    spec = WizardSpec(STEPS, STATE_KEY, "Respect Charter", "charter", step_list_ems=2)

    def _make_page(self, step: Step) -> StepPage:
        page = make_page(step, self.editor, self.catalogue)
        for items in page.findChildren(ItemList):  # cards come and go: Tab must follow
            items.cards_changed.connect(self._schedule_tab_order)
        return page

    def _document_changed(self, change: str, target: str) -> None:
        super()._document_changed(change, target)
        self._schedule_tab_order()
