"""Which widget each kind of block becomes, and the section header block.

The builder knows blocks, never kinds: a new kind's guide made of these blocks gets its
pages with no change here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.wizard.block_base import BlockWidget
from desktop.wizard.parts import SectionHeader
from reformkit.document.guide import (
    Block,
    BudgetBlock,
    CascadeBlock,
    ChecksBlock,
    ClauseBlock,
    HeaderBlock,
    RecordBlock,
    TableBlock,
    TwoListsBlock,
)

if TYPE_CHECKING:
    from desktop.wizard.page import GuidePage


class HeaderWidget(BlockWidget):
    """A section's title (unless the step's title says it), the recommendations it
    answers, and its opening words if the block asks for them."""

    def __init__(self, block: HeaderBlock, page: GuidePage, parent: QWidget | None = None):
        super().__init__(page, parent)
        key = block.section
        self.header = SectionHeader(
            self.editor, self.catalogue, lambda: page.section_id(key), key, block.intro, self
        )
        self.header.problem.connect(self.problem)
        self.header.title.setVisible(self.header.title.text() != page.step.title)
        page.headers[key] = self.header
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.header)


def make_block(block: Block, page: GuidePage, parent: QWidget) -> BlockWidget:
    from desktop.wizard.blocks_budget import BudgetWidget
    from desktop.wizard.blocks_cascade import CascadeWidget
    from desktop.wizard.blocks_checks import ChecksWidget
    from desktop.wizard.blocks_clauses import ClauseWidget
    from desktop.wizard.blocks_record import RecordWidget
    from desktop.wizard.blocks_table import TableWidget, TwoListsWidget

    if isinstance(block, HeaderBlock):
        return HeaderWidget(block, page, parent)
    if isinstance(block, TableBlock):
        return TableWidget(block, page, parent)
    if isinstance(block, RecordBlock):
        return RecordWidget(block, page, parent)
    if isinstance(block, ClauseBlock):
        return ClauseWidget(block, page, parent)
    if isinstance(block, TwoListsBlock):
        return TwoListsWidget(block, page, parent)
    if isinstance(block, CascadeBlock):
        return CascadeWidget(block, page, parent)
    if isinstance(block, BudgetBlock):
        return BudgetWidget(block, page, parent)
    if isinstance(block, ChecksBlock):
        return ChecksWidget(block, page, parent)
    raise TypeError(f"No widget for a {type(block).__name__}")
