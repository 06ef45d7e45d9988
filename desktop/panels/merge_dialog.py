"""Merge a returned package: what the partner changed, part by part, and the conflicts to settle.

On opening, the dialog plans the merge (nothing is written). A package that cannot be merged
(one made from another document, say) is explained in plain words, and nothing changes.

Otherwise it lists, per part, what would be added, changed, removed and moved, and by whom,
with changed words marked; then each conflict, yours and theirs side by side, each with a
choice. Merge is enabled once every conflict has a choice, or when the user asks to keep
their own version for the ones not decided. Before merging, a snapshot is taken, so the merge can be
compared and rolled back from the Versions panel; the merge is then carried out in one
transaction and the undo stack is cleared, because the merge is not an undo step. The package
file is only read, never written.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.editing.editor import DocumentEditor
from desktop.panels.merge_conflict import COMBINED, ERROR_COLOUR, ConflictBox
from desktop.panels.merge_html import (
    ALREADY_MERGED,
    LEGEND,
    from_whom,
    part_counts,
    part_html,
    plural,
    summary,
)
from reformkit.dates import long_date
from reformkit.document.merge import (
    MergeError,
    MergePlan,
    MergeResult,
    Resolution,
    plan_merge,
)
from reformkit.document.merge_engine import merge_documents
from reformkit.document.merge_snapshot import merge_with_snapshot
from reformkit.document.spec import DocumentKinds
from reformkit.document.versions import SnapshotInfo
from reformkit.errors import ReformKitError

TITLE = "Merge a returned package"
KEEP_MINE = "Keep mine for the ones I have not decided"


def report_lines(plan: MergePlan, result: MergeResult) -> list[str]:
    """What the merge did, in a sentence or two, as rich text."""
    who = escape(from_whom(plan.partner))
    if result.already_merged:
        return [f"{ALREADY_MERGED} Nothing was changed."]
    kept = sum(1 for v in result.resolved.values() if v == "ours") + len(result.kept_ours)
    taken = sum(1 for v in result.resolved.values() if v == "theirs")
    combined = sum(1 for v in result.resolved.values() if v == COMBINED)
    pieces = [f"{plural(len(result.applied), 'change')} taken from {who}"]
    if kept:
        pieces.append(f"{plural(kept, 'conflict')} kept as yours")
    if taken:
        pieces.append(f"{plural(taken, 'conflict')} settled with theirs")
    if combined:
        pieces.append(f"{plural(combined, 'conflict')} combined")
    lines = ["<b>" + "; ".join(pieces) + ".</b>"]
    if result.kept_ours:
        items = "".join(f"<li>{escape(c.description)}</li>" for c in result.kept_ours)
        lines.append(
            "You had not decided these, so your version was kept. They will be listed again "
            f"the next time you merge this package, to settle them then:<ul>{items}</ul>"
        )
    return lines


class MergeDialog(QDialog):
    """Plan the merge of ``package_path`` into the editor's document, show it, carry it out."""

    merged = Signal(object)  # the MergeResult, once the document has been changed

    def __init__(
        self,
        editor: DocumentEditor,
        kinds: DocumentKinds,
        package_path: Path,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.editor = editor
        self.project = editor.project
        self.kinds = kinds
        self.package_path = Path(package_path)
        self.plan: MergePlan | None = None
        self.merge_result: MergeResult | None = None  # set once the merge is done
        self.snapshot: SnapshotInfo | None = None
        self.error = ""
        self.boxes: dict[str, ConflictBox] = {}
        self.report: QLabel | None = None
        self.setWindowTitle(TITLE)
        self.resize(960, 720)

        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("About this package")
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setAccessibleName("Notes about this merge")
        self.notes.hide()

        self.content_scroll = QScrollArea()
        self.content_scroll.setWidgetResizable(True)
        self.content_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.legend = QLabel(LEGEND)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setAccessibleName("How changed words are marked")

        self.count_label = QLabel()
        self.count_label.setAccessibleName("Conflicts decided")
        font = self.count_label.font()
        font.setBold(True)
        self.count_label.setFont(font)
        self.keep_mine = QCheckBox(KEEP_MINE)
        self.keep_mine.setToolTip(
            "Your version stays for each conflict without a choice; the merge report lists "
            "them, and they come up again when you merge this package again."
        )
        self.keep_mine.toggled.connect(self._update)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName("Merge result")
        self.message.hide()

        self.merge_button = QPushButton("Merge")
        self.merge_button.setDefault(True)
        self.merge_button.clicked.connect(self.merge)
        self.close_button = QPushButton("Close")
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        conflicts_row = QHBoxLayout()
        conflicts_row.addWidget(self.count_label)
        conflicts_row.addSpacing(12)
        conflicts_row.addWidget(self.keep_mine)
        conflicts_row.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.merge_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.notes)
        layout.addWidget(self.content_scroll, 1)
        layout.addWidget(self.legend)
        layout.addLayout(conflicts_row)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.load()

    # Planning and showing.
    def load(self) -> MergePlan | None:
        """Plan the merge again and show it; any choices made are cleared."""
        self.error = ""
        try:
            plan = plan_merge(self.project, self.package_path, self.kinds)
        except (ReformKitError, OSError) as error:
            self.plan = None
            self.error = str(error)
            self._show_refusal()
            return None
        self.show_plan(plan)
        return plan

    def show_plan(self, plan: MergePlan) -> None:
        self.plan = plan
        self.heading.setText(summary(plan, self.package_path.name))
        self.notes.setText(" ".join(plan.notes))
        self.notes.setVisible(bool(plan.notes))
        content = QWidget()
        column = QVBoxLayout(content)
        self.boxes = {}
        if plan.already_merged or plan.is_empty:
            words = (
                f"{ALREADY_MERGED} This package was merged on {long_date(plan.already_merged)}, "
                "and nothing in it has changed since."
                if plan.already_merged
                else "Nothing new: every part in the package says what this plan says."
            )
            nothing = QLabel(words)
            nothing.setWordWrap(True)
            nothing.setAccessibleName("Nothing to merge")
            column.addWidget(nothing)
        for part in plan.parts:
            group = QGroupBox(f"{part.title} — {part_counts(part)}")
            group.setStyleSheet(
                "QGroupBox { font-weight: bold; } QGroupBox * { font-weight: normal; }"
            )
            group.setAccessibleName(f"Part: {part.title}")
            inside = QVBoxLayout(group)
            changes = QLabel(part_html(part))
            changes.setTextFormat(Qt.TextFormat.RichText)
            changes.setWordWrap(True)
            changes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            changes.setAccessibleName(f"Changes in {part.title}")
            inside.addWidget(changes)
            for conflict in part.conflicts:
                box = ConflictBox(conflict, plan, self.project.document, self.project.spec)
                box.decided.connect(self._update)
                self.boxes[conflict.id] = box
                inside.addWidget(box)
            column.addWidget(group)
        column.addStretch(1)
        self.content_scroll.setWidget(content)
        has_conflicts = bool(plan.conflicts)
        self.count_label.setVisible(has_conflicts)
        self.keep_mine.setVisible(has_conflicts)
        self.keep_mine.setChecked(False)
        self.legend.setVisible(bool(plan.changes or plan.conflicts))
        self.merge_button.setVisible(not plan.already_merged)
        self._update()

    def _show_refusal(self) -> None:
        self.heading.setText(f"<b>{escape(self.package_path.name)} cannot be merged.</b>")
        self.notes.hide()
        words = QLabel(f"{self.error}\n\nNothing was changed, in this document or in the package.")
        words.setWordWrap(True)
        words.setAccessibleName("Why it cannot be merged")
        words.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.addWidget(words)
        column.addStretch(1)
        self.content_scroll.setWidget(holder)
        for widget in (self.legend, self.count_label, self.keep_mine, self.merge_button):
            widget.hide()
        self.close_button.setDefault(True)
        self.resize(620, 300)

    def decided_count(self) -> int:
        return sum(1 for box in self.boxes.values() if box.choice() is not None)

    def can_merge(self) -> bool:
        if self.plan is None or self.merge_result is not None or self.plan.already_merged:
            return False
        if self.project.read_only:
            return False
        return self.keep_mine.isChecked() or self.decided_count() == len(self.boxes)

    def _update(self, *_args: object) -> None:
        total = len(self.boxes)
        self.count_label.setText(
            f"{self.decided_count()} of {plural(total, 'conflict')} decided"
            if total != 1
            else f"{self.decided_count()} of 1 conflict decided"
        )
        self.merge_button.setEnabled(self.can_merge())
        if self.project.read_only:
            self.merge_button.setToolTip(
                f"This document is open read-only: {self.project.read_only_reason}"
            )
        elif not self.merge_button.isEnabled() and self.plan and self.boxes:
            self.merge_button.setToolTip(f"Choose for every conflict, or tick ‘{KEEP_MINE}’ first.")
        else:
            self.merge_button.setToolTip("")

    # Merging.
    def choices(self) -> dict[str, Resolution]:
        made = {key: box.choice() for key, box in self.boxes.items()}
        return {key: choice for key, choice in made.items() if choice is not None}

    def merge(self) -> MergeResult | None:
        """Check the choices, take a snapshot, merge, and say what was done."""
        plan = self.plan
        if plan is None or not self.can_merge():
            return None
        choices = self.choices()
        if not self._check_combined(plan, choices):
            return None
        try:
            fresh = plan_merge(self.project, self.package_path, self.kinds)
        except (ReformKitError, OSError) as error:
            self._failed(str(error))
            return None
        if fresh.changes != plan.changes or fresh.conflicts != plan.conflicts:
            self.show_plan(fresh)
            self._say(
                "The document changed while this was open, so here is the merge as it stands "
                "now. Look at it again, and choose again, before merging.",
                error=True,
            )
            return None
        try:
            # The snapshot, the merge and its record: one transaction (all kept, or none).
            result, self.snapshot = merge_with_snapshot(
                self.project, fresh, choices, keep_ours_for_unresolved=self.keep_mine.isChecked()
            )
        except (ReformKitError, OSError) as error:
            self._failed(str(error))
            return None
        self.editor.undo_stack.clear()  # the merge is not an undo step; the snapshot is
        self.plan, self.merge_result = fresh, result
        self._show_report(fresh, result)
        self.merged.emit(result)
        return result

    def _check_combined(self, plan: MergePlan, choices: dict[str, Resolution]) -> bool:
        """Run each combined version through the kernel; show its problem beside it."""
        ok = True
        for key, box in self.boxes.items():
            choice = choices.get(key)
            if not isinstance(choice, dict):
                box.set_error("")
                continue
            try:
                merge_documents(
                    self.project.document,
                    plan.base,
                    plan.theirs or self.project.document,
                    self.project.spec,
                    plan.partner,
                    {key: choice},
                    pending=plan.pending,
                )
            except MergeError as error:
                box.set_error(str(error))
                ok = False
            else:
                box.set_error("")
        if not ok:
            self._say("Some combined versions need fixing first: see the notes in red.", True)
            first = next(b for b in self.boxes.values() if b.error_label.isVisible())
            self.content_scroll.ensureWidgetVisible(first)
        return ok

    def _failed(self, message: str) -> None:
        kept = (
            f" The snapshot ‘{self.snapshot.name}’ taken just before is in the Versions panel."
            if self.snapshot
            else ""
        )
        self._say(f"Nothing was merged. {message}{kept}", error=True)
        return None

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setText(escape(text))
        self.message.setStyleSheet(f"color: {ERROR_COLOUR};" if error else "")
        self.message.show()

    def _show_report(self, plan: MergePlan, result: MergeResult) -> None:
        lines = report_lines(plan, result)
        if self.snapshot is not None:
            lines.append(
                f"Before merging, the snapshot ‘{escape(self.snapshot.name)}’ was taken: compare "
                "the plan with it, or go back to it, in the Versions panel."
            )
        lines.append("The package file was not changed.")
        report = QLabel("<p>" + "</p><p>".join(lines) + "</p>")
        report.setTextFormat(Qt.TextFormat.RichText)
        report.setWordWrap(True)
        report.setAccessibleName("What the merge did")
        report.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.addWidget(report)
        column.addStretch(1)
        self.content_scroll.setWidget(holder)  # the conflict boxes go with the old content
        self.boxes = {}
        self.report = report
        self.heading.setText(f"<b>Merged {escape(self.package_path.name)}.</b>")
        self.notes.hide()
        for widget in (self.legend, self.count_label, self.keep_mine, self.merge_button):
            widget.hide()
        self.message.hide()
        self.close_button.setDefault(True)
        self.close_button.setFocus()
        room = report.heightForWidth(max(300, self.width() - 60))
        self.resize(self.width(), min(self.height(), max(280, room + 160)))
