"""The checks panel: what the document still needs, each a click away from the part to fix.

The problems come from :func:`reformkit.document.checks.check_document` (the checks every
document shares, then the plan's or the charter's own), grouped under the part they point
at. Activating a problem (double-click, Enter or "Go to the part") asks the window to select
that part. The list is worked out again a moment after each edit.

A plan can have thousands of parts, so the list stays quick: the checks of a big document
run on a worker thread over a snapshot of it, and only the headings whose problems changed
are replaced in the list; row heights are measured once per message and width.
"""

from __future__ import annotations

from collections.abc import Callable
from difflib import SequenceMatcher

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.background import LatestResult
from desktop.document_snapshot import shared_coverage, shared_snapshot
from desktop.editing.editor import DocumentEditor
from desktop.panels.checks_words import ORDER, SEVERITIES, PartGroup, group_problems, style, summary
from reformkit.catalogue.entry import Entry
from reformkit.catalogue.store import Catalogue
from reformkit.document.checks import ERROR, WARNING, Problem, check_document
from reformkit.document.coverage import CoverageRow
from reformkit.document.model import Document
from reformkit.document.spec import DocumentSpec

REFRESH_DELAY_MS = 200
PART_ROLE = Qt.ItemDataRole.UserRole + 1  # (part_kind, part_id) on every row
RULE_ROLE = Qt.ItemDataRole.UserRole + 2  # a problem's rule on its row; None on a heading

COLUMNS = ("Severity", "What to do")
CHECK_AT_ONCE_PARTS = 400  # a document with fewer parts is checked on the UI thread
REBUILD_FROM = 200  # with this many headings changed, the list is built afresh
Change = tuple[str, int, int, int, int]  # difflib's opcode: what, old from, to, new from, to
# A worker's problems and headings, the headings shown when it started, and the changes.
_WorkedOut = tuple[list[Problem], list[PartGroup], list[PartGroup], list[Change]]


class ChecksPanel(QWidget):
    """The document's problems, grouped by part, each leading to the part to fix."""

    part_requested = Signal(str, str)  # "document", "section" or "item", its id

    def __init__(self, editor: DocumentEditor, catalogue: Catalogue, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.recommendations = catalogue.entries("recommendation")
        self.problems: list[Problem] = []
        self.groups: list[PartGroup] = []
        self.setAccessibleName("Checks: what the document still needs")

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName("Checks summary")
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.summary_label.font()
        font.setBold(True)
        self.summary_label.setFont(font)

        self.list_view = QTreeWidget()
        self.list_view.setAccessibleName("Things to check")
        self.list_view.setAccessibleDescription(
            "Each part with something to check, and under it what to do. "
            "Press Enter on a line to go to the part."
        )
        self.list_view.setColumnCount(len(COLUMNS))
        self.list_view.setHeaderLabels(list(COLUMNS))
        self.list_view.setRootIsDecorated(True)
        self.list_view.setWordWrap(True)
        self.list_view.setUniformRowHeights(False)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.list_view.header()
        header.setStretchLastSection(True)
        # A fixed severity column: sizing it to its contents measures every row each time.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, self._severity_width())
        self.delegate = _WrappingDelegate(self.list_view)
        self.list_view.setItemDelegate(self.delegate)
        header.sectionResized.connect(lambda *_: self.list_view.doItemsLayout())
        self.list_view.itemActivated.connect(self._activated)
        self.list_view.currentItemChanged.connect(self._current_changed)

        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setAccessibleName("About the chosen check")
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.go_button = QPushButton("Go to the part")
        self.go_button.setAccessibleName("Go to the part to fix")
        self.go_button.setToolTip("Select the part this check is about, to fix it")
        self.go_button.setEnabled(False)
        self.go_button.clicked.connect(self.go_to_current)

        self.legend_label = QLabel(_legend_html())
        self.legend_label.setAccessibleName("Legend")
        self.legend_label.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.legend_label, 1)
        buttons.addWidget(self.go_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.detail_label)
        layout.addLayout(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh_soon)
        self._worker = LatestResult(self._worked_out, self)
        editor.changed.connect(self._schedule)
        if _part_count(editor.project.document) < CHECK_AT_ONCE_PARTS:
            self.refresh()
        else:
            self.summary_label.setText("Checking the document…")
            self.refresh_soon()

    # Public.
    def refresh(self) -> None:
        """Check the document again now and redraw the list, keeping the user's place."""
        self._timer.stop()
        self._worker.cancel()
        project = self.editor.project
        self._show(*_checked(project.document, project.spec, self.recommendations))

    def refresh_soon(self) -> None:
        """Check a snapshot of the document on a worker thread; the list follows when done."""
        self._timer.stop()
        project = self.editor.project
        recommendations = self.recommendations

        def prepare() -> Callable[[], _WorkedOut]:
            document, spec, shown = shared_snapshot(self.editor), project.spec, self.groups

            def work() -> _WorkedOut:
                rows = shared_coverage(document, spec, recommendations)
                problems, groups = _checked(document, spec, recommendations, rows)
                return problems, groups, shown, _changes(shown, groups)  # compared here

            return work

        self._worker.start(prepare)

    def is_checking(self) -> bool:
        """True while an edit's checks are waiting or running."""
        return self._worker.running or self._timer.isActive()

    def go_to_current(self) -> None:
        """Ask the window to select the part of the chosen line."""
        item = self.list_view.currentItem()
        if item is not None:
            self._activated(item)

    def problem_count(self) -> int:
        return len(self.problems)

    # Building.
    def _schedule(self, _change: str = "", _id: str = "") -> None:
        self._timer.start()

    def _worked_out(self, result: _WorkedOut) -> None:
        """A worker's problems, with the headings that changed from those shown when it
        started (comparing thousands of headings took tens of milliseconds on this thread)."""
        problems, groups, compared_with, changes = result
        self._show(problems, groups, changes if compared_with is self.groups else None)

    def _show(
        self, problems: list[Problem], groups: list[PartGroup], changes: list[Change] | None = None
    ) -> None:
        old = self.groups
        self.problems, self.groups = problems, groups
        self.summary_label.setText(summary(problems, self.editor.project.spec))
        self._fill(old, _changes(old, groups) if changes is None else changes)

    def _fill(self, old: list[PartGroup], changes: list[Change]) -> None:
        """Replace only the headings whose part, name or problems changed (``changes``: the
        runs of ``old`` that differ from the groups now, as difflib's opcodes)."""
        view = self.list_view
        current = view.currentItem()
        current_key = (current.data(0, PART_ROLE), current.data(0, RULE_ROLE)) if current else None
        view.setUpdatesEnabled(False)
        blocker = view.blockSignals(True)  # the current row is put back below
        if (
            view.topLevelItemCount() != len(old)
            or sum(max(i2 - i1, j2 - j1) for _, i1, i2, j1, j2 in changes) >= REBUILD_FROM
        ):
            view.clear()
            changes = [("replace", 0, 0, 0, len(self.groups))]
        for _, i1, i2, j1, j2 in reversed(changes):
            for n in range(i2 - 1, i1 - 1, -1):
                view.takeTopLevelItem(n)
            headings = [self._heading(group) for group in self.groups[j1:j2]]
            view.insertTopLevelItems(i1, headings)
            for heading in headings:
                heading.setExpanded(True)
            for heading in headings:
                heading.setFirstColumnSpanned(True)
        view.blockSignals(blocker)
        restore = self._find(current_key)
        if restore is None and view.topLevelItemCount():
            first = view.topLevelItem(0)
            restore = first.child(0) if first is not None and first.childCount() else first
        if restore is not None:
            if restore is not view.currentItem():
                view.setCurrentItem(restore)
            else:
                self._current_changed(restore)
        else:
            self._current_changed(None)
        view.setUpdatesEnabled(True)

    def _find(self, key: tuple[object, object] | None) -> QTreeWidgetItem | None:
        if key is None:
            return None
        part, rule = key
        view = self.list_view
        for n, group in enumerate(self.groups):
            if part is None or (group.kind, group.part_id) != tuple(part):  # type: ignore[arg-type]
                continue
            heading = view.topLevelItem(n)
            if heading is None or rule is None:
                return heading
            for c in range(heading.childCount()):
                row = heading.child(c)
                if row is not None and row.data(0, RULE_ROLE) == rule:
                    return row
            return heading
        return None

    def _severity_width(self) -> int:
        metrics = self.list_view.fontMetrics()
        widest = max(metrics.horizontalAdvance(s.text) for s in SEVERITIES.values())
        return widest + self.list_view.indentation() + 24

    def _heading(self, group: PartGroup) -> QTreeWidgetItem:
        count = len(group.problems)
        worst = SEVERITIES[group.worst]
        text = f"{worst.symbol}  {group.name}"
        if count > 1:
            text += f"  ({count} things)"
        heading = QTreeWidgetItem([text, ""])
        heading.setData(0, PART_ROLE, (group.kind, group.part_id))
        heading.setData(0, RULE_ROLE, None)
        heading.setToolTip(0, f"{group.name}. Double-click or press Enter to go there.")
        heading.setData(
            0,
            Qt.ItemDataRole.AccessibleTextRole,
            f"{group.name}: {count} thing{'s' if count != 1 else ''} to check",
        )
        font = heading.font(0)
        font.setBold(True)
        heading.setFont(0, font)
        for problem in group.problems:
            heading.addChild(self._row(problem, group))
        return heading

    def _row(self, problem: Problem, group: PartGroup) -> QTreeWidgetItem:
        severity = style(problem)
        row = QTreeWidgetItem([severity.text, problem.message])
        row.setData(0, PART_ROLE, (problem.part_kind, problem.part_id))
        row.setData(0, RULE_ROLE, problem.rule)
        row.setBackground(0, QBrush(QColor(severity.background)))
        row.setForeground(0, QBrush(QColor(severity.foreground)))
        row.setToolTip(0, f"{severity.word}: {problem.message}")
        row.setToolTip(1, f"{problem.message}\n\nIn {group.name}.")
        row.setData(
            1,
            Qt.ItemDataRole.AccessibleTextRole,
            f"{severity.word}: {problem.message} In {group.name}.",
        )
        return row

    # Activating.
    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        part = item.data(0, PART_ROLE)
        if part:
            self.part_requested.emit(str(part[0]), str(part[1]))

    def _current_changed(self, current: QTreeWidgetItem | None, *_: object) -> None:
        self.go_button.setEnabled(current is not None)
        if current is None:
            self.detail_label.setText("")
            return
        part = current.data(0, PART_ROLE)
        group = next((g for g in self.groups if (g.kind, g.part_id) == tuple(part)), None)
        if group is None:
            self.detail_label.setText("")
        elif current.data(0, RULE_ROLE) is None:
            count = len(group.problems)
            self.detail_label.setText(
                f"{group.name}: {count} thing{'s' if count != 1 else ''} to check. "
                "Double-click, press Enter or choose “Go to the part” to fix it."
            )
        else:
            self.detail_label.setText(f"In {group.name}: {current.text(1)}")


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their words at the column's width, so no message is cut short."""

    def __init__(self, view: QTreeWidget):
        super().__init__(view)
        self.view = view
        self.heights: dict[tuple[str, str, int], QSize] = {}  # (text, font, width): size

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        spanned = index.column() == 0 and not index.parent().isValid()
        if index.column() == 0 and not spanned:
            return super().sizeHint(option, index)
        width = self.view.columnWidth(index.column())
        if spanned:
            width = self.view.viewport().width() - self.view.indentation()
        width -= (
            2 * self.view.style().pixelMetric(self.view.style().PixelMetric.PM_FocusFrameHMargin)
            + 6
        )
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        key = (text, font.key(), width)
        size = self.heights.get(key)
        if size is None:
            if len(self.heights) > 50_000:
                self.heights.clear()
            base = super().sizeHint(option, index)
            metrics = QFontMetrics(font)
            box = metrics.boundingRect(QRect(0, 0, max(width, 40), 100_000), _WRAP, text)
            size = self.heights[key] = QSize(base.width(), max(base.height(), box.height() + 6))
        return size


_WRAP = int(Qt.TextFlag.TextWordWrap)


def _checked(
    document: Document,
    spec: DocumentSpec,
    recommendations: list[Entry],
    rows: list[CoverageRow] | None = None,
) -> tuple[list[Problem], list[PartGroup]]:
    """The problems and their headings: pure, so it may run on a worker thread."""
    problems = check_document(document, spec, recommendations, rows)
    return problems, group_problems(problems, document, spec)


def _changes(old: list[PartGroup], new: list[PartGroup]) -> list[Change]:
    """The runs of ``old`` that differ from ``new`` (pure: it runs on the worker)."""
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    return [op for op in matcher.get_opcodes() if op[0] != "equal"]


def _part_count(document: Document) -> int:
    return len(document.sections) + sum(len(s.items) for s in document.sections)


def _legend_html() -> str:
    cells = []
    for severity in ORDER:
        s = SEVERITIES[severity]
        cells.append(
            f'<span style="color:{s.foreground}; background-color:{s.background};">'
            f"&nbsp;{s.symbol}&nbsp;</span>&nbsp;{s.word}"
        )
    words = {ERROR: "makes the document wrong", WARNING: "missing or worth a second look"}
    return "Key: " + " &nbsp; ".join(
        f"{cell} ({words[severity]})" for cell, severity in zip(cells, ORDER, strict=True)
    )
