"""PlanWizard: the guided builder for a Local Reform Plan, one part at a time.

The same frame as the charter builder: the steps on the left (ticked when they have
something in them; any can be chosen), the current step in the middle, and Back, Next and
Finish below. Every edit goes through the DocumentEditor, so it is in the file at once and
can be undone; leaving the wizard never loses anything. The step the user is on is kept in
the file, so the wizard opens there next time, even after a crash.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.editing.editor import DocumentEditor
from desktop.editing.item_form import problem_colour
from desktop.wizard.charter_wizard import _focusable
from desktop.wizard.plan_pages import PlanPage, make_plan_page
from desktop.wizard.plan_steps import PLAN_STEPS, STATE_KEY
from reformkit.catalogue.store import Catalogue

DONE_MARK = "✓"
SAVED_NOTE = "Everything is saved as you go. You can close this and carry on later."


class PlanWizard(QWidget):
    """The guided plan builder. Steps are numbered 1 to :meth:`step_count`."""

    finished = Signal()  # the user pressed Finish: show the whole plan
    step_changed = Signal(int)  # the new step's number
    close_requested = Signal()  # the user pressed "Save and close" (there is nothing to save)

    def __init__(self, editor: DocumentEditor, catalogue: Catalogue, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.catalogue = catalogue
        self.setWindowTitle(f"Build your Local Reform Plan – {editor.project.document.meta.title}")
        self.setAccessibleName("Local Reform Plan builder")
        self._step = 0

        self.steps = QListWidget(self)
        self.steps.setAccessibleName("Steps")
        self.steps.setAccessibleDescription("Choose a step to go straight to it.")
        for step in PLAN_STEPS:
            self.steps.addItem(QListWidgetItem(self._step_text(step.number, False)))
        self.steps.setSpacing(max(2, self._em() // 4))
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.setFixedWidth(
            self.steps.sizeHintForColumn(0) + 2 * self.steps.frameWidth() + 3 * self._em()
        )
        self.steps.currentRowChanged.connect(self._row_chosen)

        self.pages = QStackedWidget(self)
        self.page_list: list[PlanPage] = []
        for step in PLAN_STEPS:
            page = make_plan_page(step, editor, catalogue)
            page.problem.connect(self.show_problem)
            page.go_to.connect(self.go_to_step)
            for table in page.tables.values():
                table.rows_changed.connect(self._schedule_tab_order)
            self.pages.addWidget(page)
            self.page_list.append(page)

        self.note = QLabel(SAVED_NOTE, self)
        self.note.setWordWrap(True)
        self.problem = QLabel("", self)
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName("Problem")
        self.problem.setObjectName("wizardProblem")
        self.problem.hide()
        self.undo_button = QPushButton("Undo", self)
        self.undo_button.setAccessibleName("Undo the last change")
        self.undo_button.clicked.connect(editor.undo_stack.undo)
        self.close_button = QPushButton("Save and &close", self)
        self.close_button.setAccessibleName("Save and close")
        self.close_button.setToolTip(SAVED_NOTE)
        self.close_button.clicked.connect(self._close)
        self.back_button = QPushButton("&Back", self)
        self.back_button.setAccessibleName("Back")
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton("&Next", self)
        self.next_button.setAccessibleName("Next")
        self.next_button.clicked.connect(self.next)
        self.finish_button = QPushButton("Fi&nish", self)
        self.finish_button.setAccessibleName("Finish and read the whole plan")
        self.finish_button.clicked.connect(self.finish)
        for button in (self.next_button, self.finish_button):
            button.setAutoDefault(True)

        bar = QHBoxLayout()
        bar.addWidget(self.note, 1)
        for button in self._bar_buttons():
            bar.addWidget(button)
        middle = QHBoxLayout()
        middle.addWidget(self.steps)
        middle.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(middle, 1)
        layout.addWidget(self.problem)
        layout.addLayout(bar)

        self._tab_timer = QTimer(self)
        self._tab_timer.setSingleShot(True)
        self._tab_timer.setInterval(0)
        self._tab_timer.timeout.connect(self.fix_tab_order)
        editor.changed.connect(self._document_changed)
        editor.undo_stack.canUndoChanged.connect(self._undo_possible)
        editor.undo_stack.undoTextChanged.connect(self._undo_text)
        self._update_undo()
        self._update_marks()
        self.go_to_step(self._stored_step())

    # The public API.
    def step_count(self) -> int:
        return len(PLAN_STEPS)

    def current_step(self) -> int:
        return self._step

    def current_page(self) -> PlanPage:
        return self.page_list[self._step - 1]

    def page(self, number: int) -> PlanPage:
        return self.page_list[number - 1]

    def go_to_step(self, number: int) -> None:
        number = max(1, min(int(number), self.step_count()))
        changed = number != self._step
        self._step = number
        self.pages.setCurrentIndex(number - 1)
        blocked = self.steps.blockSignals(True)
        self.steps.setCurrentRow(number - 1)
        self.steps.blockSignals(blocked)
        self.show_problem("")
        self.current_page().shown()
        self._update_buttons()
        self.editor.project.set_state(STATE_KEY, str(number))
        self._schedule_tab_order()
        if changed:
            self.step_changed.emit(number)

    def next(self) -> None:
        if self._step < self.step_count():
            self.go_to_step(self._step + 1)

    def back(self) -> None:
        if self._step > 1:
            self.go_to_step(self._step - 1)

    def finish(self) -> None:
        self.finished.emit()

    def show_problem(self, message: str) -> None:
        self.problem.setStyleSheet(f"color: {problem_colour(self)};")
        self.problem.setText(f"⚠ {message}" if message else "")
        self.problem.setVisible(bool(message))

    # Step list and buttons.
    def _stored_step(self) -> int:
        try:
            return int(self.editor.project.state(STATE_KEY, "1"))
        except ValueError:
            return 1

    def _step_text(self, number: int, done: bool) -> str:
        mark = DONE_MARK if done else "  "
        return f"{mark} {number}. {PLAN_STEPS[number - 1].title}"

    def _update_marks(self) -> None:
        for page in self.page_list:
            done = page.done()
            row = self.steps.item(page.step.number - 1)
            row.setText(self._step_text(page.step.number, done))
            state = "has content" if done else "nothing yet"
            row.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                f"Step {page.step.number}: {page.step.title}, {state}",
            )

    def _update_buttons(self) -> None:
        last = self._step == self.step_count()
        had_focus = self.next_button.hasFocus()
        self.back_button.setEnabled(self._step > 1)
        self.next_button.setVisible(not last)
        self.finish_button.setVisible(last)
        (self.finish_button if last else self.next_button).setDefault(True)
        if had_focus and last:
            self.finish_button.setFocus()

    def _update_undo(self) -> None:
        stack = self.editor.undo_stack
        self._undo_possible(stack.canUndo())
        self._undo_text(stack.undoText())

    def _undo_possible(self, possible: bool) -> None:
        self.undo_button.setEnabled(possible and not self.editor.read_only)

    def _undo_text(self, text: str) -> None:
        self.undo_button.setToolTip(f"Undo: {text}" if text else "Nothing to undo")

    def _row_chosen(self, row: int) -> None:
        if row >= 0:
            self.go_to_step(row + 1)

    def _document_changed(self, _change: str, _target: str) -> None:
        self._update_marks()
        if self.current_page().step.kind == "check":
            self.current_page().refresh()

    def _close(self) -> None:
        self.close_requested.emit()
        if self.isWindow():
            self.close()

    def _em(self) -> int:
        return self.fontMetrics().horizontalAdvance("M")

    def _bar_buttons(self) -> list[QPushButton]:
        return [
            self.undo_button,
            self.close_button,
            self.back_button,
            self.next_button,
            self.finish_button,
        ]

    # Keyboard: Tab goes steps → the page, top to bottom → the buttons.
    def _schedule_tab_order(self) -> None:
        self._tab_timer.start()

    def fix_tab_order(self) -> None:
        chain = [self.steps, *_focusable(self.current_page()), *self._bar_buttons()]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
