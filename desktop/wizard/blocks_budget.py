"""A budget block: a total (one record), its lines, and a live line saying whether the lines
add up to the total, in words and in colour."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.wizard.block_base import BlockWidget
from desktop.wizard.blocks_record import RecordSlot, create_record
from desktop.wizard.blocks_table import GROWN_LINES, make_table
from desktop.wizard.widgets import heading
from reformkit.document.guide import BudgetBlock
from reformkit.layout.formatting import money

if TYPE_CHECKING:
    from desktop.wizard.page import GuidePage

NO_TOTAL, SHORT, OVER, RECONCILED = "no-total", "short", "over", "reconciled"


@dataclass(frozen=True)
class Reconciliation:
    state: str  # NO_TOTAL, SHORT, OVER or RECONCILED
    text: str


def _amount(value: object) -> Decimal:
    try:
        return Decimal(str(value)) if value not in (None, "") else Decimal(0)
    except InvalidOperation:
        return Decimal(0)


def reconcile(
    total: object, amounts: Iterable[object], missing: str = "Enter the total to check them."
) -> Reconciliation:
    """Whether the lines add up to the total, said in words (``missing`` when no total)."""
    lines = sum((_amount(a) for a in amounts), Decimal(0))
    if total in (None, "") or _amount(total) == 0:
        return Reconciliation(NO_TOTAL, f"Lines add up to {money(lines)}. {missing}")
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


class BudgetWidget(BlockWidget):
    def __init__(self, block: BudgetBlock, page: GuidePage, parent: QWidget | None = None):
        super().__init__(page, parent)
        self.block = block
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        if block.total_heading:
            box.addWidget(heading(block.total_heading, self))
        self.pot = RecordSlot(
            page, block.section, block.total_type, block.start_label, self.start_record, self
        )
        box.addWidget(self.pot)
        box.addSpacing(self.fontMetrics().height() // 2)
        if block.lines_heading:
            box.addWidget(heading(block.lines_heading, self))
        self.lines = make_table(page, block.section, block.line_type, self, name=block.noun)
        self.lines.view.max_lines = GROWN_LINES  # the page scrolls, not the table
        self.lines.rows_changed.connect(self.layout_changed)
        box.addWidget(self.lines)
        self.total = QLabel(self)
        self.total.setObjectName("reconcileLine")
        self.total.setWordWrap(True)
        font = QFont(self.total.font())
        font.setBold(True)
        self.total.setFont(font)
        self.total.setAccessibleName("Do the lines add up?")
        box.addWidget(self.total)
        self.editor.changed.connect(self._document_changed)
        self.refresh()

    def _document_changed(self, _change: str, _target: str) -> None:
        self.refresh()

    def start_record(self) -> str | None:
        """The total's record, with its defaults (and source, if the catalogue has it)."""
        block = self.block
        return create_record(
            self.page, block.section, block.total_type, dict(block.defaults), block.source
        )

    def reconciliation(self) -> Reconciliation:
        block = self.block
        totals = self.page.items(block.section, block.total_type)
        total = totals[0].fields.get(block.total_field) if totals else None
        lines = self.page.items(block.section, block.line_type)
        amounts = (i.fields.get(block.amount_field) for i in lines)
        return reconcile(total, amounts, block.missing_total)

    def refresh(self) -> None:
        result = self.reconciliation()
        self.total.setText(result.text)
        colour = state_colour(result.state, self.palette().color(QPalette.ColorRole.Window))
        self.total.setStyleSheet(f"color: {colour.name()};" if colour.isValid() else "")
        self.total.setProperty("state", result.state)
