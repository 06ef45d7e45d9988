"""Step 9: the Total Place+ budget. The single pot (total, period, Accounting Officer), its
lines by service and partner, and a live line saying whether the lines add up to the pot,
in words and in colour."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.editing.editor import DocumentEditor
from desktop.wizard.plan_page_base import PlanPage, RecordSlot
from desktop.wizard.plan_steps import PlanStep
from desktop.wizard.widgets import heading, scrolling
from reformkit.catalogue.store import Catalogue
from reformkit.document.model import Source, clean_tags
from reformkit.errors import ReformKitError
from reformkit.layout.formatting import money

NO_POT, SHORT, OVER, RECONCILED = "no-pot", "short", "over", "reconciled"
ACCOUNTING_OFFICER = "BR11"  # the Combined Authority Chief Executive (recommendation 15)


@dataclass(frozen=True)
class Reconciliation:
    state: str  # NO_POT, SHORT, OVER or RECONCILED
    text: str


def _amount(value: object) -> Decimal:
    try:
        return Decimal(str(value)) if value not in (None, "") else Decimal(0)
    except InvalidOperation:
        return Decimal(0)


def reconcile(total: object, amounts: Iterable[object]) -> Reconciliation:
    """Whether the lines add up to the pot, said in words."""
    lines = sum((_amount(a) for a in amounts), Decimal(0))
    if total in (None, "") or _amount(total) == 0:
        return Reconciliation(
            NO_POT, f"Lines add up to {money(lines)}. Enter the single pot's total to check them."
        )
    pot = _amount(total)
    said = f"Lines add up to {money(lines)} of {money(pot)}"
    if lines < pot:
        return Reconciliation(SHORT, f"✗ {said}: {money(pot - lines)} short")
    if lines > pot:
        return Reconciliation(OVER, f"✗ {said}: {money(lines - pot)} over")
    return Reconciliation(RECONCILED, f"✓ {said}: reconciled")


def state_colour(state: str, background: QColor) -> QColor:
    """Green for reconciled, amber for short, red for over: each dark on a light page and
    light on a dark one, so it keeps its contrast."""
    dark = background.lightness() < 128
    colours = {
        RECONCILED: ("#1b6e35", "#81c995"),
        SHORT: ("#8a4b00", "#fdd663"),
        OVER: ("#a4262c", "#ff8a80"),
    }
    light_colour, dark_colour = colours.get(state, ("", ""))
    if not light_colour:
        return QColor()
    return QColor(dark_colour if dark else light_colour)


class BudgetPage(PlanPage):
    def __init__(
        self,
        step: PlanStep,
        editor: DocumentEditor,
        catalogue: Catalogue,
        parent: QWidget | None = None,
    ):
        super().__init__(step, editor, catalogue, parent)
        key = step.section_keys[0]
        body = QWidget()
        box = QVBoxLayout(body)
        box.addWidget(self.header(key, body))
        box.addWidget(heading("The single pot", body))
        self.pot = RecordSlot(self, key, "budget_pot", "Set up the single pot", self.create, body)
        box.addWidget(self.pot)
        box.addSpacing(self.fontMetrics().height() // 2)
        box.addWidget(heading("Lines by service and partner", body))
        self.lines = self.table(key, "budget_line", body, name="budget line")
        self.lines.view.max_lines = 60  # the page scrolls, not the table
        box.addWidget(self.lines)
        self.total = QLabel(body)
        self.total.setObjectName("reconcileLine")
        self.total.setWordWrap(True)
        font = QFont(self.total.font())
        font.setBold(True)
        self.total.setFont(font)
        self.total.setAccessibleName("Do the lines add up?")
        box.addWidget(self.total)
        box.addStretch(1)
        self.layout_.addWidget(scrolling(body, step.title, self), 1)
        editor.changed.connect(lambda *_: self.refresh())
        self.refresh()

    def create(self) -> str | None:
        """The pot, answered for by the Combined Authority Chief Executive until changed."""
        section_id = self.section_id("budget")
        if section_id is None:
            return None
        tags, source = None, None
        try:
            entry = self.catalogue.get(ACCOUNTING_OFFICER)
            section = self.editor.project.document.section(section_id)
            tags = clean_tags([*section.tags, *entry.related])
            source = Source(entry.id, entry.revision)
        except ReformKitError:
            pass
        fields = {"total": "0", "accounting_officer": "Combined Authority Chief Executive"}
        return self.add("budget", "budget_pot", fields, tags=tags, source=source)

    def reconciliation(self) -> Reconciliation:
        pots = self.items("budget", "budget_pot")
        total = pots[0].fields.get("total") if pots else None
        return reconcile(
            total, (i.fields.get("amount") for i in self.items("budget", "budget_line"))
        )

    def refresh(self) -> None:
        result = self.reconciliation()
        self.total.setText(result.text)
        colour = state_colour(result.state, self.palette().color(QPalette.ColorRole.Window))
        self.total.setStyleSheet(f"color: {colour.name()};" if colour.isValid() else "")
        self.total.setProperty("state", result.state)
