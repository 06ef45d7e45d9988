"""The coverage grid: the 22 recommendations down, the document's sections across.

A cell says whether that section (or one of its items) answers that recommendation: ``✓``
where it does, ``✗`` where a recommendation the document is expected to answer would be
answered but nothing has been written yet. Colour only repeats what the symbol says.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.panels.coverage_status import STYLES, answering_sections
from reformkit.document.coverage import (
    ANSWERED,
    MISSING,
    PARTLY,
    Answer,
    CoverageRow,
    CoverageStatus,
)
from reformkit.document.model import Document, Section
from reformkit.document.spec import DocumentSpec

PART_ROLE = Qt.ItemDataRole.UserRole + 1  # ("section" | "item", id) a cell leads to
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2  # the cell's status, or "" for an empty cell

Index = QModelIndex | QPersistentModelIndex


class CoverageGridModel(QAbstractTableModel):
    def __init__(self) -> None:
        super().__init__()
        self._rows: list[CoverageRow] = []
        self._sections: list[Section] = []
        self._cells: dict[tuple[int, int], tuple[CoverageStatus, list[Answer]]] = {}

    def set_coverage(
        self, rows: Sequence[CoverageRow], document: Document, spec: DocumentSpec
    ) -> None:
        sections = list(document.sections)
        same_shape = len(rows) == len(self._rows) and [s.id for s in sections] == [
            s.id for s in self._sections
        ]
        column = {s.id: n for n, s in enumerate(sections)}
        cells: dict[tuple[int, int], tuple[CoverageStatus, list[Answer]]] = {}
        for r, row in enumerate(rows):
            cell = PARTLY if row.status == PARTLY else ANSWERED
            for answer in row.answers:
                key = (r, column[answer.section_id])
                cells.setdefault(key, (cell, []))[1].append(answer)
            if row.status == MISSING:
                for section_id in answering_sections(document, spec, row.recommendation.id):
                    cells.setdefault((r, column[section_id]), (MISSING, []))
        if not same_shape:
            self.beginResetModel()
        self._rows, self._sections, self._cells = list(rows), sections, cells
        if not same_shape:
            self.endResetModel()
        elif self._rows:
            # The same rows and columns: the view repaints what it shows, where a reset
            # made it ask again about every header of a thousand-section plan (~0.8 s).
            last = self.index(len(self._rows) - 1, len(self._sections) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self._rows) - 1)
            if self._sections:
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._sections) - 1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._sections)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        status, answers = self._cells.get((index.row(), index.column()), (None, []))
        row = self._rows[index.row()]
        section = self._sections[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return STYLES[status].symbol if status else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return _cell_words(row, section, index.column() + 1, status, answers)
        if role == Qt.ItemDataRole.BackgroundRole and status:
            return QBrush(QColor(STYLES[status].background))
        if role == Qt.ItemDataRole.ForegroundRole and status:
            return QBrush(QColor(STYLES[status].foreground))
        if role == PART_ROLE:
            if status in (ANSWERED, PARTLY) and all(a.item_id for a in answers):
                return ("item", str(answers[0].item_id))
            return ("section", section.id) if status else None
        if role == STATUS_ROLE:
            return status
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < len(self._rows):
                return None
            row = self._rows[section]
            style = STYLES[row.status]
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{style.symbol} {row.recommendation.id}"
            if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
                entry = row.recommendation
                return (
                    f"<p><b>{entry.id} {escape(entry.title)}</b> — {escape(row.label)}</p>"
                    f"<p>{escape(entry.quote)}</p>"
                )
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(style.foreground))
            return None
        if not 0 <= section < len(self._sections):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return str(section + 1)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"Section {section + 1}: {self._sections[section].title}"
        return None


def _cell_words(
    row: CoverageRow,
    section: Section,
    number: int,
    status: CoverageStatus | None,
    answers: list[Answer],
) -> str:
    entry = row.recommendation
    where = f"section {number}, ‘{section.title}’"
    if status in (ANSWERED, PARTLY):
        parts = ["the section itself" if a.item_id is None else f"‘{a.label}’" for a in answers]
        parts = list(dict.fromkeys(parts))
        text = f"{STYLES[status].symbol} {entry.id} {entry.title} is answered in {where} by "
        text += f"{', '.join(parts)}."
        return text + (f" Partly: {row.detail}." if status == PARTLY else "")
    if status == MISSING:
        return (
            f"✗ {entry.id} {entry.title} is expected but missing: write something in "
            f"{where} to answer it."
        )
    return f"{entry.id} is not answered in {where}."
