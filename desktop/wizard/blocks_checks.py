"""A checks block: what is still missing, each a click away from the step that fixes it.

The steps with nothing in them yet, then (if the block asks) the kernel's own checks
(``check_document``), the same as the Checks panel's."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLayout, QVBoxLayout, QWidget

from desktop.panels.checks_words import group_problems
from desktop.wizard.block_base import BlockWidget
from desktop.wizard.step_parts import part_numbers, parts_note, parts_of
from desktop.wizard.widgets import heading, wrapped
from reformkit.document.checks import Problem, check_document
from reformkit.document.guide import ChecksBlock, is_done
from reformkit.document.model import Document

if TYPE_CHECKING:
    from desktop.wizard.page import GuidePage


class ChecksWidget(BlockWidget):
    def __init__(self, block: ChecksBlock, page: GuidePage, parent: QWidget | None = None):
        super().__init__(page, parent)
        self.block = block
        self.list = QVBoxLayout(self)
        self.list.setContentsMargins(0, 0, 0, 0)
        self.findings: list[str] = []  # each with a step to go to, where there is one
        self.notes: list[str] = []  # what is said where there is nothing to find
        self.parts: list[str] = []  # the parts the problems are in, named as the panel does

    def refresh(self) -> None:
        _empty(self.list)
        self.findings, self.notes, self.parts = [], [], []
        guide, document = self.page.guide, self.editor.project.document
        empty = [
            (number, step)
            for number, step in enumerate(guide.steps, start=1)
            if step.done != "never" and not is_done(document, step)
        ]
        self._heading("Steps with nothing in them yet")
        numbers = part_numbers(document)
        for number, step in empty:
            where = parts_note(parts_of(step, numbers))
            self._finding(f"Step {number}: {step.title}" + (f" ({where})" if where else ""), number)
        if not empty:
            self._note(self.block.all_done)
        if self.block.problems:
            self._heading("Things to check")
            spec = self.editor.project.spec
            recommendations = list(self.catalogue.entries("recommendation"))
            problems = [
                p
                for p in check_document(document, spec, recommendations)
                if p.rule not in self.block.skip_rules
            ]
            # Under each part's name, as the Checks panel names it: "Missions (part 4)".
            for group in group_problems(problems, document, spec):
                self._part(group.name)
                for problem in group.problems:
                    self._finding(problem.message, self._step_for(document, problem))
            if not problems:
                self._note(self.block.all_clear)
        self.layout_changed.emit()

    def _step_for(self, document: Document, problem: Problem) -> int | None:
        """The step that edits the part a problem points at (None for the whole document)."""
        key = None
        if problem.part_kind == "section":
            key = next((s.key for s in document.sections if s.id == problem.part_id), None)
        elif problem.part_kind == "item":
            try:
                key = document.find_item(problem.part_id)[0].key
            except KeyError:
                key = None
        return self.page.guide.step_for_section(key) if key else None

    def _heading(self, text: str) -> None:
        self.list.addWidget(heading(text, self))

    def _part(self, name: str) -> None:
        self.parts.append(name)
        label = wrapped(name, self)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        self.list.addWidget(label)

    def _note(self, text: str) -> None:
        self.notes.append(text)
        self.list.addWidget(wrapped(text, self, italic=True))

    def _finding(self, text: str, number: int | None) -> None:
        self.findings.append(text)
        row = QHBoxLayout()
        row.addWidget(wrapped(text, self), 1)
        if number is not None:
            target = self.page.guide.steps[number - 1]
            button = self.page.button(
                f"Go to step {number}",
                f"Go to step {number}: {target.title}",
                partial(self.page.go_to.emit, number),
                self,
            )
            button.setEnabled(True)  # looking is allowed read-only too
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.list.addLayout(row)


def _empty(layout: QLayout) -> None:
    """Take every widget and row out of ``layout``, and delete them."""
    while layout.count():
        entry = layout.takeAt(0)
        if entry is None:
            break
        widget, inner = entry.widget(), entry.layout()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif inner is not None:
            _empty(inner)
            inner.deleteLater()
