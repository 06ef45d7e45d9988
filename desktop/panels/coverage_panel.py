"""The coverage panel: which of the 22 recommendations the document answers, and where.

Two views of the same rows: a list (one row per recommendation, with the parts that answer
it underneath) and a grid (recommendations × sections). Activating an answer asks the window
to select that part; activating a gap says which part would answer it.

The rows get the panel's height: the summary shares a line with the view buttons, the list's
Status column says each status in words (so its key is a tooltip on the column and the list),
the key shows under the grid only, whose cells carry symbols alone, and the hint under the
list takes room only when it has something to say.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.background import LatestResult
from desktop.document_snapshot import shared_coverage, shared_snapshot
from desktop.editing.editor import DocumentEditor
from desktop.panels.coverage_grid import PART_ROLE, CoverageGridModel
from desktop.panels.coverage_status import (
    ORDER,
    STYLES,
    answered_by,
    answering_sections,
    expected_where,
    missing_hint,
    status_text,
    summary,
)
from reformkit.catalogue.store import Catalogue
from reformkit.document.coverage import (
    ANSWERED,
    MISSING,
    NATIONAL,
    OPTIONAL,
    PARTLY,
    CoverageRow,
    coverage,
)
from reformkit.document.model import Document

REFRESH_DELAY_MS = 150
ID_ROLE = Qt.ItemDataRole.UserRole + 1  # a recommendation's id on its row
ANSWER_ROLE = Qt.ItemDataRole.UserRole + 2  # ("section" | "item", id) on an answer's row

COLUMNS = ("No.", "Recommendation", "Status", "Answered by")
WORK_AT_ONCE_PARTS = 400  # a document with fewer parts is worked out on the UI thread
# A recommendation answered by more parts than this gets its answers' rows when it is opened:
# a thousand-section plan has some 20,000, and making them all took over a second.
ANSWERS_AT_ONCE = 200
ANSWERS_IN_LINE = 12  # parts named in a recommendation's line; its children name them all


def _numbers(document: Document) -> list[tuple[str, str]]:
    """What the views show of the sections besides coverage: their ids and titles."""
    return [(s.id, s.title) for s in document.sections]


def _part_count(document: Document) -> int:
    return len(document.sections) + sum(len(s.items) for s in document.sections)


class CoveragePanel(QWidget):
    """The 22 recommendations: what answers each, the gaps, and national context."""

    part_requested = Signal(str, str)  # "section" or "item", its id

    def __init__(self, editor: DocumentEditor, catalogue: Catalogue, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.recommendations = catalogue.entries("recommendation")
        self.rows: list[CoverageRow] = []
        self._numbers: list[tuple[str, str]] = []
        # Rows whose answers are added when opened: their coverage and the section numbers.
        self._unopened: dict[str, tuple[CoverageRow, dict[str, int]]] = {}
        self.setAccessibleName("Coverage of the 22 recommendations")

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName("Coverage summary")
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)

        self.list_button = self._toggle("List", "Show the recommendations as a list")
        self.grid_button = self._toggle("Grid", "Show recommendations against sections")
        self.list_button.setChecked(True)
        group = QButtonGroup(self)
        group.setExclusive(True)
        group.addButton(self.list_button)
        group.addButton(self.grid_button)
        self.list_button.toggled.connect(self._switch_view)

        self.list_view = QTreeWidget()
        self.list_view.setAccessibleName("Recommendations list")
        self.list_view.setAccessibleDescription(
            "Each recommendation with its status and the parts that answer it. "
            "Press Enter on a part to go to it."
        )
        self.list_view.setColumnCount(len(COLUMNS))
        self.list_view.setHeaderLabels(list(COLUMNS))
        self.list_view.setUniformRowHeights(True)
        self.list_view.setAlternatingRowColors(False)
        self.list_view.setRootIsDecorated(True)
        header = self.list_view.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.list_view.setColumnWidth(1, 330)
        self.list_view.itemActivated.connect(self._list_activated)
        self.list_view.itemExpanded.connect(self._add_answers)
        self.list_view.currentItemChanged.connect(self._list_current_changed)

        self.grid_model = CoverageGridModel()
        self.grid_view = QTableView()
        self.grid_view.setModel(self.grid_model)
        self.grid_view.setAccessibleName("Recommendations by section")
        self.grid_view.setAccessibleDescription(
            "One row for each recommendation and one column for each section. "
            "A tick marks where a section answers it; a cross where it is expected but missing."
        )
        self.grid_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.grid_view.horizontalHeader().setDefaultSectionSize(34)
        self.grid_view.horizontalHeader().setMinimumSectionSize(24)
        self.grid_view.verticalHeader().setDefaultSectionSize(24)
        self.grid_view.activated.connect(self._grid_activated)
        self.grid_view.clicked.connect(self._grid_explain)

        self.grid_caption = QLabel(
            "Rows are the recommendations; columns are the document's sections, numbered as "
            "in the preview (point at a number for its title)."
        )
        self.grid_caption.setWordWrap(True)
        self.grid_caption.setVisible(False)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.list_view)
        self.stack.addWidget(self.grid_view)

        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)
        self.hint_label.setAccessibleName("About the chosen recommendation")
        self.hint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.legend_label = QLabel(_legend_html())
        self.legend_label.setAccessibleName("Legend")
        self.legend_label.setWordWrap(True)

        self.legend_label.setVisible(False)  # the list says each status in words
        key = _legend_text()
        self.list_view.setToolTip(key)
        self.list_view.headerItem().setToolTip(2, key)
        self.hint_label.setVisible(False)

        top = QHBoxLayout()
        top.addWidget(self.summary_label, 1)
        top.addWidget(QLabel("View:"))
        top.addWidget(self.list_button)
        top.addWidget(self.grid_button)

        layout = self.box = QVBoxLayout(self)
        spacing = layout.spacing() if layout.spacing() >= 0 else 6
        layout.setContentsMargins(spacing, spacing // 2, spacing, spacing // 2)
        layout.addLayout(top)
        layout.addWidget(self.grid_caption)
        layout.addWidget(self.legend_label)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.hint_label)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh_soon)
        self._worker = LatestResult(self._worked_out, self)
        editor.changed.connect(self._schedule)
        if _part_count(editor.project.document) < WORK_AT_ONCE_PARTS:
            self.refresh()
        else:
            self.summary_label.setText("Working out the coverage…")
            self.refresh_soon()

    # Public.
    def refresh(self) -> None:
        """Work out the coverage again now and redraw both views, keeping the user's place."""
        self._timer.stop()
        self._worker.cancel()
        project = self.editor.project
        self._show(coverage(project.document, project.spec, self.recommendations))

    def refresh_soon(self) -> None:
        """Work out the coverage of a snapshot on a worker thread (a big plan takes a second);
        the views follow when it is done."""
        self._timer.stop()
        project = self.editor.project
        recommendations = self.recommendations

        def prepare() -> Callable[[], tuple[list[CoverageRow], list[CoverageRow], bool]]:
            document, spec, shown = shared_snapshot(self.editor), project.spec, self.rows

            def work() -> tuple[list[CoverageRow], list[CoverageRow], bool]:
                rows = shared_coverage(document, spec, recommendations)
                return rows, shown, rows == shown  # compared here, not on the UI thread

            return work

        self._worker.start(prepare)

    def is_working(self) -> bool:
        """True while an edit's coverage is waiting or being worked out."""
        return self._worker.running or self._timer.isActive()

    def _worked_out(self, result: tuple[list[CoverageRow], list[CoverageRow], bool]) -> None:
        """A worker's rows, which it compared with those shown when it started (comparing
        a big plan's twenty thousand answers took tens of milliseconds on the UI thread)."""
        rows, compared_with, same = result
        self._show(rows, same if compared_with is self.rows else None)

    def _show(self, rows: list[CoverageRow], same: bool | None = None) -> None:
        """``same``: whether ``rows`` equal those shown, if known."""
        project = self.editor.project
        if same is None:
            same = rows == self.rows
        if same and self._numbers == _numbers(project.document):
            return  # most edits change no coverage: the views (thousands of rows) stay
        self._numbers = _numbers(project.document)
        self.rows = rows
        self.summary_label.setText(summary(self.rows))
        self._fill_list()
        self.grid_model.set_coverage(self.rows, project.document, project.spec)

    def show_grid(self, grid: bool = True) -> None:
        (self.grid_button if grid else self.list_button).setChecked(True)

    def height_for_rows(self, rows: int) -> int:
        """The panel's height when its list shows ``rows`` rows (for the dock's first size),
        from the font's own measures so it follows scaling and text size."""
        view = self.list_view
        row = view.sizeHintForRow(0) if view.topLevelItemCount() else -1
        if row <= 0:
            row = view.fontMetrics().height() + 4
        margins = self.box.contentsMargins()
        spacing = max(self.box.spacing(), 0)
        top = max(
            self.summary_label.sizeHint().height(),
            self.list_button.sizeHint().height(),
            self.grid_button.sizeHint().height(),
        )
        list_height = view.header().sizeHint().height() + rows * row + 2 * view.frameWidth()
        return margins.top() + top + spacing + list_height + margins.bottom()

    def row_for(self, recommendation_id: str) -> CoverageRow:
        return next(r for r in self.rows if r.recommendation.id == recommendation_id)

    # Building.
    def _toggle(self, text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setCheckable(True)
        button.setToolTip(tip)
        button.setAccessibleName(f"{text} view")
        button.setAutoRaise(False)
        return button

    def _schedule(self, _change: str = "", _id: str = "") -> None:
        self._timer.start()

    def _switch_view(self, list_checked: bool) -> None:
        self.stack.setCurrentWidget(self.list_view if list_checked else self.grid_view)
        self.grid_caption.setVisible(not list_checked)
        self.legend_label.setVisible(not list_checked)  # the grid's cells are symbols alone

    def _set_hint(self, text: str) -> None:
        self.hint_label.setText(text)
        self.hint_label.setVisible(bool(text))

    def _fill_list(self) -> None:
        view = self.list_view
        tops = [view.topLevelItem(n) for n in range(view.topLevelItemCount())]
        expanded = {top.data(0, ID_ROLE) for top in tops if top is not None and top.isExpanded()}
        current = view.currentItem()
        current_key = (current.data(0, ID_ROLE), current.data(0, ANSWER_ROLE)) if current else None
        numbers = {s.id: n for n, s in enumerate(self.editor.project.document.sections, 1)}
        view.setUpdatesEnabled(False)
        view.clear()
        self._unopened = {}
        restore: QTreeWidgetItem | None = None
        for row in self.rows:
            item = self._list_row(row, numbers)
            view.addTopLevelItem(item)
            if row.recommendation.id in expanded:
                item.setExpanded(True)
            if current_key is not None and current_key[0] == row.recommendation.id:
                self._add_answers(item)  # the current row may be one of its answers
            for n in range(-1, item.childCount()):
                candidate = item if n < 0 else item.child(n)
                if candidate is None:
                    continue
                key = (candidate.data(0, ID_ROLE), candidate.data(0, ANSWER_ROLE))
                if key == current_key:
                    restore = candidate
        if restore is not None:
            view.setCurrentItem(restore)
        view.setUpdatesEnabled(True)

    def _list_row(self, row: CoverageRow, numbers: dict[str, int]) -> QTreeWidgetItem:
        entry = row.recommendation
        style = STYLES[row.status]
        answers = answered_by(row, numbers, ANSWERS_IN_LINE) or "—"
        if row.status == MISSING:
            answers = expected_where(row, self.editor.project.spec)
            answers += f". {row.detail}" if row.detail else ""
        elif row.detail:  # "3 of 5 elements; missing: …", or why it is optional
            answers = f"{row.detail}. {answers}" if row.answers else row.detail
        item = QTreeWidgetItem([entry.id, entry.title, status_text(row), answers])
        item.setData(0, ID_ROLE, entry.id)
        item.setData(0, ANSWER_ROLE, None)
        tip = f"<p><b>{entry.id} {escape(entry.title)}</b></p><p>{escape(entry.quote)}</p>"
        for column in range(len(COLUMNS)):
            item.setToolTip(column, tip)
        item.setBackground(2, QBrush(QColor(style.background)))
        item.setForeground(2, QBrush(QColor(style.foreground)))
        item.setData(2, Qt.ItemDataRole.AccessibleTextRole, f"{style.symbol} {row.label}".strip())
        if len(row.answers) > ANSWERS_AT_ONCE:
            item.setChildIndicatorPolicy(QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator)
            self._unopened[entry.id] = (row, numbers)
        else:
            self._answer_rows(item, row, numbers)
        return item

    def _add_answers(self, item: QTreeWidgetItem) -> None:
        """A row opened: its answers' rows, if they were left until now."""
        if item.parent() is not None:
            return
        unopened = self._unopened.pop(item.data(0, ID_ROLE), None)
        if unopened is not None:
            self._answer_rows(item, *unopened)

    def _answer_rows(
        self, item: QTreeWidgetItem, row: CoverageRow, numbers: dict[str, int]
    ) -> None:
        entry = row.recommendation
        children = []
        for answer in row.answers:
            number = numbers.get(answer.section_id, "")
            where = f"{number} {answer.section_title}".strip()
            what = "The section as a whole" if answer.item_id is None else answer.label
            if answer.reason:
                what = f"{what} ({answer.reason})"
            label = where if answer.item_id is None else f"{answer.label} ({where})"
            child = QTreeWidgetItem(["", f"↳ {where}", "", what])
            child.setData(0, ID_ROLE, entry.id)
            part = ("section", answer.section_id)
            if answer.item_id is not None:
                part = ("item", answer.item_id)
            child.setData(0, ANSWER_ROLE, part)
            child.setToolTip(1, f"Go to {label}")
            children.append(child)
        item.addChildren(children)

    # Activating.
    def _list_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        part = item.data(0, ANSWER_ROLE)
        if part:
            self.part_requested.emit(str(part[0]), str(part[1]))
            return
        row = self.row_for(str(item.data(0, ID_ROLE)))
        parts = {(a.section_id, a.item_id) for a in row.answers}  # one part, several reasons
        if len(parts) == 1:
            answer = row.answers[0]
            if answer.item_id is None:
                self.part_requested.emit("section", answer.section_id)
            else:
                self.part_requested.emit("item", answer.item_id)
        elif row.answers:
            item.setExpanded(not item.isExpanded())
        else:
            self._explain(row)
            if row.status == MISSING:
                project = self.editor.project
                sections = answering_sections(project.document, project.spec, row.recommendation.id)
                if sections:
                    self.part_requested.emit("section", sections[0])

    def _list_current_changed(self, current: QTreeWidgetItem | None, *_: object) -> None:
        if current is not None and current.data(0, ID_ROLE):
            self._explain(self.row_for(str(current.data(0, ID_ROLE))))

    def _grid_activated(self, index: QModelIndex) -> None:
        self._grid_explain(index)
        part = index.data(PART_ROLE)
        if part:
            self.part_requested.emit(str(part[0]), str(part[1]))

    def _grid_explain(self, index: QModelIndex) -> None:
        if index.isValid():
            self._explain(self.rows[index.row()])
            if index.data(PART_ROLE):
                words = str(index.data(Qt.ItemDataRole.ToolTipRole))
                self._set_hint(f"{words} Double-click or press Enter to go there.")

    def _explain(self, row: CoverageRow) -> None:
        project = self.editor.project
        entry = row.recommendation
        if row.status == MISSING:
            text = missing_hint(row, project.document, project.spec)
        elif row.status == NATIONAL:
            text = (
                f"{entry.id} ({entry.title}) is addressed to central government, so a local "
                "document is not expected to answer it. It is shown for context."
            )
        elif row.status == OPTIONAL:
            text = (
                f"{entry.id} ({entry.title}) is optional in a {project.spec.label}. "
                f"{row.note} Tag a part that answers it if your area takes part."
            )
        elif row.status == PARTLY:
            text = (
                f"{entry.id} ({entry.title}) is partly answered: {row.detail}. "
                "Add what is missing, or tag a part that answers it."
            )
        elif row.status == ANSWERED:
            count = len(row.answers)
            text = f"{entry.id} ({entry.title}) is answered by {count} part" + (
                "s" if count != 1 else ""
            )
            text += ". Double-click or press Enter on a part to go to it."
        else:
            text = (
                f"{entry.id} ({entry.title}) is not expected in a {project.spec.label}; "
                "you may still answer it by tagging a clause."
            )
        self._set_hint(text)


def _legend_html() -> str:
    cells = []
    for status in ORDER:
        style = STYLES[status]
        cells.append(
            f'<span style="color:{style.foreground}; background-color:{style.background};">'
            f"&nbsp;{style.symbol}&nbsp;</span>&nbsp;{escape(style.short)}"
        )
    return "Key: " + " &nbsp; ".join(cells)


def _legend_text() -> str:
    """The key in plain text, one status a line, for a tooltip."""
    lines = [f"{STYLES[status].symbol}  {STYLES[status].short}" for status in ORDER]
    return "Status key:\n" + "\n".join(lines)
