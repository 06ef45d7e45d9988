"""WizardFrame: the frame of a guided builder, whatever kind of document it builds.

It holds the step list, the pages, the buttons, the keyboard order and the step kept in the
file; the builder fills in its step titles, its pages, its state key and its wording.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.editing.editor import DocumentEditor
from desktop.wizard.step_parts import Part, parts_heading, parts_note
from reformkit.catalogue.store import Catalogue

DONE_MARK = "✓"
SAVED_NOTE = "Everything is saved as you go. You can close this and carry on later."


@dataclass(frozen=True)
class WizardSpec:
    """What a wizard says about itself; the frame does the rest."""

    titles: Sequence[str]  # the steps' titles, in order
    state_key: str  # where the current step is kept in the project's state
    name: str  # "Respect Charter": in the window title and the accessible name
    short_name: str  # the guide's noun: "Finish and read the whole <noun>"
    step_list_ems: int = 2  # room beside the longest step title, in ems


class StepPage(QWidget):
    """What the frame needs of a step's page."""

    problem = Signal(str)  # something the user should know, or "" when it is gone

    def shown(self) -> None:
        """The page has become the current step."""

    def done(self) -> bool:
        """Whether the step has content worth a tick in the step list."""
        return False


PageT = TypeVar("PageT", bound=StepPage)


class WizardFrame(QWidget, Generic[PageT]):
    """A guided builder. Steps are numbered 1 to :meth:`step_count`."""

    finished = Signal()  # the user pressed Finish: show the whole document
    step_changed = Signal(int)  # the new step's number
    close_requested = Signal()  # the user pressed "Save and close" (there is nothing to save)

    spec: WizardSpec  # each builder's own, set before this __init__ runs

    # Each builder defines ``_make_page(number)``: the page for a step, with any wiring of
    # its own (the frame connects the page's ``problem`` signal itself).
    _make_page: Callable[[int], PageT]

    def __init__(self, editor: DocumentEditor, catalogue: Catalogue, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = editor
        self.catalogue = catalogue
        title = editor.project.document.meta.title
        self.setWindowTitle(f"Build your {self.spec.name} – {title}")
        self.setAccessibleName(f"{self.spec.name} builder")
        self._step = 0

        self.steps = QListWidget(self)
        self.steps.setAccessibleName("Steps")
        self.steps.setAccessibleDescription("Choose a step to go straight to it.")
        for number in range(1, len(self.spec.titles) + 1):
            self.steps.addItem(QListWidgetItem(self._step_text(number, False)))
        self.steps.setSpacing(max(2, self._em() // 4))
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.setFixedWidth(
            self.steps.sizeHintForColumn(0)
            + 2 * self.steps.frameWidth()
            + self.spec.step_list_ems * self._em()
        )
        self.steps.currentRowChanged.connect(self._row_chosen)

        self.pages = QStackedWidget(self)
        self.page_list: list[PageT] = []
        for number in range(1, len(self.spec.titles) + 1):
            page = self._make_page(number)
            page.problem.connect(self.show_problem)
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
        self.finish_button.setAccessibleName(f"Finish and read the whole {self.spec.short_name}")
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

        self._focus_pending = False
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
        return len(self.spec.titles)

    def current_step(self) -> int:
        return self._step

    def current_page(self) -> PageT:
        return self.page_list[self._step - 1]

    def page(self, number: int) -> PageT:
        return self.page_list[number - 1]

    def go_to_step(self, number: int, focus: bool = True) -> None:
        """Show step ``number``; with ``focus``, put the keyboard in its first field."""
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
        self.editor.project.set_state(self.spec.state_key, str(number))
        self._focus_pending = focus
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
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    # Step list and buttons.
    def _stored_step(self) -> int:
        try:
            return int(self.editor.project.state(self.spec.state_key, "1"))
        except ValueError:
            return 1

    def _step_text(self, number: int, done: bool) -> str:
        mark = DONE_MARK if done else "  "
        return f"{mark} {number}. {self.spec.titles[number - 1]}"

    def step_parts(self) -> list[list[Part]]:
        """The parts of the document each step edits, in the document's numbering; a
        builder whose steps edit parts says which (none, here)."""
        return [[] for _ in self.spec.titles]

    def _update_marks(self) -> None:
        parts = self.step_parts()
        for number, page in enumerate(self.page_list, start=1):
            done = page.done()
            row = self.steps.item(number - 1)
            row.setText(self._step_text(number, done))
            title = self.spec.titles[number - 1]
            row.setToolTip(parts_heading(parts[number - 1]) or title)
            state = "has content" if done else "nothing yet"
            where = parts_note(parts[number - 1])
            row.setData(
                Qt.ItemDataRole.AccessibleTextRole,
                f"Step {number}: {title}, {where + ', ' if where else ''}{state}",
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
        if row >= 0:  # the user is moving through the list: focus stays in it
            self.go_to_step(row + 1, focus=False)

    def _document_changed(self, _change: str, _target: str) -> None:
        self._update_marks()

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
        self.fix_tab_order_now()
        if self._focus_pending and self.isVisible():
            self._focus_pending = False
            self.focus_first_field()

    def first_field(self) -> QWidget | None:
        """Where typing starts on this step: its first box, list or tick box (a push
        button only if the step has nothing else)."""
        page = self.current_page()
        found = [w for w in _focusable(page) if w.isEnabled() and w.isVisibleTo(page)]
        fields = [w for w in found if not isinstance(w, QPushButton)]
        chosen = fields or found
        return chosen[0] if chosen else None

    def focus_first_field(self) -> None:
        self.fix_tab_order_now()
        field = self.first_field()
        if field is not None:
            field.setFocus(Qt.FocusReason.TabFocusReason)
            scroller = _scroll_area_of(field)
            if scroller is not None:
                scroller.ensureWidgetVisible(field)

    def fix_tab_order_now(self) -> None:
        """Tab goes steps → the page, top to bottom → the buttons."""
        chain = [self.steps, *_focusable(self.current_page()), *self._bar_buttons()]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)


_FOCUSABLE = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QAbstractItemView)


def _focusable(widget: QWidget) -> list[QWidget]:
    """The widgets Tab should reach inside ``widget``, in layout order (top to bottom)."""
    if isinstance(widget, QScrollArea):
        inner = widget.widget()
        return _focusable(inner) if inner is not None else []
    if isinstance(widget, QSplitter):
        parts = (widget.widget(i) for i in range(widget.count()))
        return [w for part in parts if part is not None for w in _focusable(part)]
    if isinstance(widget, _FOCUSABLE) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
        return [widget]
    if isinstance(widget, QAbstractScrollArea):
        return []
    layout = widget.layout()
    return _from_layout(layout) if layout is not None else []


def _scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def _from_layout(layout: QLayout) -> list[QWidget]:
    found: list[QWidget] = []
    for index in range(layout.count()):
        entry = layout.itemAt(index)
        if entry is None:
            continue
        widget, inner = entry.widget(), entry.layout()
        if widget is not None:
            found.extend(_focusable(widget))
        elif inner is not None:
            found.extend(_from_layout(inner))
    return found
