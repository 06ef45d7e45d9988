"""The Plain English panel: every plain-English finding, by part, to jump to or dismiss.

The whole document is checked on a worker thread over a snapshot, a moment after typing
stops, so the panel never slows typing. Clicking a finding (or pressing Enter on it) goes
to its part and selects its words; Dismiss asks for a reason and keeps the finding out of
the panel, the underlines and ``reformkit check`` from then on.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.background import LatestResult
from desktop.document_snapshot import shared_snapshot
from desktop.editing.editor import DocumentEditor
from desktop.editing.plain_english import PlainEnglishState, tooltip
from desktop.panels.plain_english_findings import (
    Found,
    PartFindings,
    part_findings,
    part_order,
    plain_findings,
)
from desktop.panels.wrapping_delegate import WrappingDelegate
from reformkit.errors import ReformKitError

__all__ = ["DismissDialog", "Found", "PartFindings", "PlainEnglishPanel"]

REFRESH_DELAY_MS = 600  # after parts are added, removed or moved: the whole document
PART_DELAY_MS = 300  # after typing in a part: that part alone, on this thread
NOTHING_FOUND = "Nothing to write more plainly."
ROLE = Qt.ItemDataRole.UserRole


class DismissDialog(QDialog):
    """Asks why a finding is dismissed; the reason is kept with it in the document."""

    def __init__(self, found: Found, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Dismiss this finding")
        label = QLabel(
            f"{found.finding.title}: {found.finding.message}\n\n"
            "Why is it right as it is? The reason is kept in the document.",
            self,
        )
        label.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName("Reason for dismissing")
        self.reason.setPlaceholderText("For example: the Board's agreed name for the fund")
        label.setBuddy(self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Dismiss")
        ok.setEnabled(False)
        self.reason.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.reason)
        layout.addWidget(buttons)


class PlainEnglishPanel(QWidget):
    part_requested = Signal(str, str)  # "document", "section" or "item", its id

    def __init__(self, editor: DocumentEditor, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.state = PlainEnglishState.of(editor)
        self.groups: list[PartFindings] = []
        self.setAccessibleName("Plain English: wording to make plainer")
        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName("Plain English summary")
        self.list_view = QTreeWidget()
        self.list_view.setAccessibleName("Plain English findings")
        self.list_view.setAccessibleDescription(
            "Each part with wording to make plainer, and under it each finding. "
            "Press Enter on a finding to go to its words."
        )
        self.list_view.setHeaderLabels(["Finding", "What to write instead"])
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setWordWrap(True)
        self.list_view.setItemDelegate(WrappingDelegate(self.list_view))
        self.list_view.header().sectionResized.connect(lambda *_: self.list_view.doItemsLayout())
        self._headings: dict[str, QTreeWidgetItem] = {}  # part id: its heading in the tree
        # Part id: the group its heading shows, and what it shows (compared by value).
        self._shown: dict[str, tuple[PartFindings, tuple[object, ...]]] = {}
        self._order: list[str] = []  # the headings' part ids, top to bottom
        self.list_view.itemActivated.connect(self._go)
        self.list_view.itemClicked.connect(self._go)
        self.list_view.currentItemChanged.connect(self._current_changed)
        self.detail_label = QLabel()
        self.detail_label.setWordWrap(True)
        self.detail_label.setAccessibleName("About the chosen finding")
        self.dismiss_button = QPushButton("&Dismiss…")
        self.dismiss_button.setToolTip("Keep this finding out of the list, with a reason")
        self.dismiss_button.setEnabled(False)
        self.dismiss_button.clicked.connect(self.dismiss_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.detail_label, 1)
        buttons.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.list_view, 1)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh_soon)
        self._worker = LatestResult(self._show, self)
        self._pending: set[str] = set()
        self._part_timer = QTimer(self)
        self._part_timer.setSingleShot(True)
        self._part_timer.setInterval(PART_DELAY_MS)
        self._part_timer.timeout.connect(self.update_parts)
        editor.changed.connect(self._document_changed)
        self.state.dismissed_changed.connect(self.refresh_soon)
        self.summary_label.setText("Checking the wording…")
        self.refresh_soon()

    # Public.
    def refresh(self) -> None:
        """Check the whole document now (tests, and after a dismissal)."""
        self._timer.stop()
        self._worker.cancel()
        project = self.editor.project
        self._show(
            plain_findings(project.document, project.spec, self.state.words, self.state.dismissed)
        )

    def refresh_soon(self) -> None:
        self._timer.stop()
        spec, words = self.editor.project.spec, self.state.words
        dismissed = dict(self.state.dismissed)

        def prepare() -> Callable[[], list[PartFindings]]:
            document = shared_snapshot(self.editor)
            return lambda: plain_findings(document, spec, words, dismissed)

        self._worker.start(prepare)

    def is_checking(self) -> bool:
        return self._worker.running or self._timer.isActive() or self._part_timer.isActive()

    def update_parts(self) -> None:
        """Check again only the parts typed in since the last look (a few milliseconds,
        where the whole of a big plan takes about a second)."""
        self._part_timer.stop()
        if self._worker.running or self._timer.isActive():
            return  # the whole document is being checked; it includes these parts
        project = self.editor.project
        pending, self._pending = self._pending, set()
        place = {group.part_id: n for n, group in enumerate(self.groups)}
        groups: list[PartFindings | None] = list(self.groups)
        new = []
        for part_id in pending:
            group = part_findings(project.document, project.spec, part_id, self.state.findings)
            if part_id in place:
                groups[place[part_id]] = group  # None: it has no findings left
            elif group is not None:
                new.append(group)
        kept = [group for group in groups if group is not None]
        if new:  # put in document order (a few milliseconds on a big plan: only then)
            order = part_order(project.document)
            kept = sorted(kept + new, key=lambda g: order.get(g.part_id, len(order)))
        self._show(kept, pending)

    def _document_changed(self, change: str, target: str) -> None:
        if change in ("item-changed", "section-changed"):
            self._pending.add(target)
            self._part_timer.start()
        else:
            self._pending.clear()
            self._timer.start()

    def finding_count(self) -> int:
        return sum(len(group.found) for group in self.groups)

    def dismiss_current(self) -> None:
        item = self.list_view.currentItem()
        found = item.data(0, ROLE) if item is not None else None
        if not isinstance(found, Found):
            return
        reason = self.ask_reason(found)
        if not reason:
            return
        try:
            self.state.dismiss(found.finding, found.words, reason)
        except ReformKitError as error:
            QMessageBox.warning(self, "Not dismissed", str(error))
            return
        self.refresh()

    def ask_reason(self, found: Found) -> str | None:
        """The reason typed in the dismiss dialog, or None when it was cancelled."""
        dialog = DismissDialog(found, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason.text().strip() or None

    # Showing.
    def _show(self, groups: list[PartFindings], only: set[str] | None = None) -> None:
        self.groups = groups
        count = self.finding_count()
        self.summary_label.setText(
            NOTHING_FOUND
            if not count
            else f"{count} finding{'' if count == 1 else 's'} in {len(groups)} "
            f"part{'' if len(groups) == 1 else 's'}: wording to make plainer."
        )
        self._fill(groups, only)

    def _fill(self, groups: list[PartFindings], only: set[str] | None = None) -> None:
        """Update the tree in place: headings whose findings are unchanged stay, changed ones
        are replaced, gone ones removed and new ones put in order (rebuilding the whole
        tree of a big plan took about a second on the UI thread). ``only``: the parts that
        may have changed; the others' headings are not looked at."""
        view = self.list_view
        current = view.currentItem()
        was = current.data(0, ROLE) if current is not None else None
        view.setUpdatesEnabled(False)
        blocker = view.blockSignals(True)  # the current row is put back below
        wanted = {group.part_id: group for group in groups}
        looked_at = list(wanted) if only is None else [p for p in only if p in wanted]
        for part_id in [p for p in (self._headings if only is None else only) if p not in wanted]:
            if part_id in self._headings:
                self._take(part_id)
        inserted = self._replace_changed([wanted[p] for p in looked_at])
        new = {p for p in looked_at if p not in self._headings}
        # Headings that stay in the same order need no look (a Qt call each): new ones go
        # in between them.
        moved = only is None and [p for p in self._order if p in self._headings] != [
            g.part_id for g in groups if g.part_id in self._headings
        ]
        for n, group in enumerate(groups) if moved or new else ():
            heading = self._headings.get(group.part_id)
            if heading is None:
                heading = self._headings[group.part_id] = self._heading(group)
                self._shown[group.part_id] = (group, _signature(group))
            elif not moved or view.topLevelItem(n) is heading:
                continue
            else:
                view.takeTopLevelItem(view.indexOfTopLevelItem(heading))
            view.insertTopLevelItem(n, heading)
            inserted = True
        self._order = list(wanted)
        if inserted:
            view.expandAll()  # once: an item's own setExpanded looks for it among thousands
        view.blockSignals(blocker)
        again = self._find(was)
        if again is not None and again is not view.currentItem():
            view.setCurrentItem(again)
        else:
            self._current_changed(view.currentItem())
        view.setUpdatesEnabled(True)

    def _replace_changed(self, groups: list[PartFindings]) -> bool:
        """Replace, where it stands, each heading whose findings changed; say if any was."""
        view = self.list_view
        replaced = False
        for group in groups:
            shown = self._shown.get(group.part_id)
            if shown is None or shown[0] is group:
                continue
            signature = _signature(group)
            self._shown[group.part_id] = (group, signature)
            if shown[1] == signature:  # setting it anew would measure its rows again
                continue
            at = view.indexOfTopLevelItem(self._headings[group.part_id])
            view.takeTopLevelItem(at)
            self._headings[group.part_id] = self._heading(group)
            view.insertTopLevelItem(at, self._headings[group.part_id])
            replaced = True
        return replaced

    def _take(self, part_id: str) -> None:
        heading = self._headings.pop(part_id)
        del self._shown[part_id]
        index = self.list_view.indexOfTopLevelItem(heading)
        if index >= 0:
            self.list_view.takeTopLevelItem(index)

    def _heading(self, group: PartFindings) -> QTreeWidgetItem:
        heading = QTreeWidgetItem([group.title, ""])
        heading.setData(0, ROLE, group)
        for found in group.found:
            place = f"{found.where}: " if found.where else ""
            row = QTreeWidgetItem(
                [f"{place}{found.finding.title}. {found.finding.message}", found.finding.suggestion]
            )
            row.setData(0, ROLE, found)
            row.setToolTip(0, tooltip(found.finding))
            heading.addChild(row)
        return heading

    def _find(self, was: object) -> QTreeWidgetItem | None:
        """The row showing the finding ``was`` (the one chosen before an update)."""
        if not isinstance(was, Found):
            return None
        heading = self._headings.get(was.finding.part_id)
        if heading is None:
            return None
        for c in range(heading.childCount()):
            row = heading.child(c)
            found = row.data(0, ROLE) if row is not None else None
            if isinstance(found, Found) and _same(was, found):
                return row
        return None

    def _current_changed(self, current: QTreeWidgetItem | None, *_: object) -> None:
        found = current.data(0, ROLE) if current is not None else None
        self.dismiss_button.setEnabled(isinstance(found, Found) and not self.editor.read_only)
        self.detail_label.setText(f"{found.finding.why}" if isinstance(found, Found) else "")

    def _go(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        data = item.data(0, ROLE)
        if isinstance(data, PartFindings):
            self.part_requested.emit(data.kind, data.part_id)
            return
        if not isinstance(data, Found):
            return
        finding = data.finding
        self.part_requested.emit(data.kind, finding.part_id)
        self.state.select(finding.part_id, finding.field, finding.start, finding.end)


def _same(a: Found, b: Found) -> bool:
    return (a.finding.part_id, a.finding.field, a.finding.rule, a.words) == (
        b.finding.part_id,
        b.finding.field,
        b.finding.rule,
        b.words,
    )


def _signature(group: PartFindings) -> tuple[object, ...]:
    """What a part's heading and rows show (findings are frozen, so compared by value)."""
    return (group.kind, group.title, tuple(group.found))
