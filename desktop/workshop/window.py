"""The workshop window: the activities on the left; capture, grouping, the canvas, the vote
and the room in tabs; present mode for the projector.

Every change goes through the Project and onto the document window's undo stack, so Undo
in either window takes back the last change made in either. The window reads the record
afresh after each change (its own, or what arrived from phones).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QListWidget,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import palette
from desktop.prompts import Prompts
from desktop.screens import ScreenContext
from desktop.text_size import add_text_size_menu
from desktop.workshop.activities import ActivitiesPanel
from desktop.workshop.canvas_view import CanvasView
from desktop.workshop.capture_view import CaptureView
from desktop.workshop.common import selected_ids
from desktop.workshop.grouping_view import GroupingView, ThemeList
from desktop.workshop.present import PresentWindow
from desktop.workshop.promote_flow import promote_flow
from desktop.workshop.record_export_dialog import RecordExportDialog
from desktop.workshop.room_panel import RoomPanel
from desktop.workshop.undo import run_recorded
from desktop.workshop.vote_view import VoteView
from reformkit.errors import ReformKitError
from workshop.parts import Method
from workshop.record import Activity, read_record

T = TypeVar("T")
CURRENT_ACTIVITY = "workshop-activity"  # kept in the file, so reopening lands there
CANNOT = "That change was not made"
ARRIVALS_MS = 250  # what phones sent is shown at most this long after it is taken in


class WorkshopWindow(QMainWindow):
    def __init__(self, context: ScreenContext) -> None:
        super().__init__(context.window, Qt.WindowType.Window)
        self.context = context
        self.project = context.project
        self.editor = context.editor
        self.session = context.session
        self.record = read_record(self.project.document)
        self.present_window: PresentWindow | None = None
        self.setAccessibleName("Workshop")
        self.activities = ActivitiesPanel(self)
        self.capture = CaptureView(self)
        self.grouping = GroupingView(self)
        self.canvas = CanvasView(self)
        self.vote = VoteView(self)
        self.room = RoomPanel(self)
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName("Workshop views")
        for view, label in (
            (self.capture, "&1 Capture"),
            (self.grouping, "&2 Group into themes"),
            (self.canvas, "&3 Where we are today"),
            (self.vote, "&4 Vote"),
            (self.room, "&5 The room"),
        ):
            self.tabs.addTab(view, label)
        self.export_button = QPushButton("E&xport the record…", self)
        self.export_button.setToolTip("Save the workshop record as Word, Markdown or PDF.")
        self.export_button.clicked.connect(self.export_record)
        left = QWidget(self)
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.activities, 1)
        panel_layout = self.activities.layout()
        assert panel_layout is not None
        margins = panel_layout.contentsMargins()  # the button lines up with the panel's form
        button_row = QVBoxLayout()
        button_row.setContentsMargins(margins.left(), 0, margins.right(), margins.bottom())
        button_row.addWidget(self.export_button)
        left_column.addLayout(button_row)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(1, 4)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([320, 960])
        self.setCentralWidget(splitter)
        self.actions_by_name: dict[str, QAction] = {}
        self._menus()
        self._refresh_soon = QTimer(self)
        self._refresh_soon.setSingleShot(True)
        self._refresh_soon.timeout.connect(self.refresh)
        self.editor.changed.connect(self._document_changed)
        self.activities.chosen.connect(self.activity_chosen)
        context.window.installEventFilter(self)  # the document closes: so does this
        self._last_list: QListWidget | None = None
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._noticed_focus)
        self.refresh()
        self._restore_activity()
        self.resize(1280, 800)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            palette.install_style(app)

    # Host, for the views.
    @property
    def prompts(self) -> Prompts:
        return self.session.prompts

    def current_activity(self) -> Activity | None:
        activity_id = self.activities.current_id()
        return next((a for a in self.record.activities if a.id == activity_id), None)

    def run(self, text: str, operation: Callable[[], T]) -> T | None:
        """Run one change as one undo step; a refused change is said, not raised."""
        try:
            result = run_recorded(self.editor, text, operation)
        except ReformKitError as error:
            self.prompts.error(self, CANNOT, str(error))
            return None
        self.refresh()
        return result

    def say(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    # Building.
    def _menus(self) -> None:
        bar = self.menuBar()
        workshop = bar.addMenu("&Workshop")
        edit = bar.addMenu("&Edit")
        view = bar.addMenu("&View")
        add = self._add_action
        add(workshop, "present", "&Present on the projector", self.present, "F5")
        add(workshop, "promote", "&Use in the document…", self.promote, "Ctrl+Shift+U")
        add(workshop, "new_theme", "New &theme from the chosen points", self.new_theme, "Ctrl+T")
        add(workshop, "move_theme", "&Move to theme…", self.move_to_theme, "Ctrl+M")
        add(workshop, "add_activity", "&Add an activity", self.focus_new_activity, "Ctrl+Shift+N")
        add(workshop, "export", "&Export the record…", self.export_record, "Ctrl+E")
        workshop.addSeparator()
        add(workshop, "close", "&Close the workshop", self.close, QKeySequence.StandardKey.Close)
        undo = self.editor.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        redo = self.editor.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addActions([undo, redo])
        self.actions_by_name.update(undo=undo, redo=redo)
        edit.addSeparator()
        add(edit, "edit", "&Change the words", self.edit_selected, "F2")
        add(edit, "delete", "&Remove", self.delete_selected, QKeySequence.StandardKey.Delete)
        add(edit, "hide", "&Hide or show", self.room.toggle_hidden, "Ctrl+H")
        for number in range(self.tabs.count()):
            label = self.tabs.tabText(number).split(" ", 1)[1]
            add(
                view,
                f"tab_{number + 1}",
                label,
                partial(self.show_tab, number),
                f"Ctrl+{number + 1}",
            )
        view.addSeparator()
        add_text_size_menu(view, self, self.session.settings)

    def _add_action(
        self,
        menu: object,
        key: str,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | str,
    ) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        else:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)  # type: ignore[attr-defined]
        self.actions_by_name[key] = action
        return action

    # Behaviour.
    def _document_changed(self, change: str, target: str) -> None:
        """Refresh once the change is done: at once for an edit (an undo in the document
        window), and for what phones sent, after a short pause that gathers several drains
        into one refresh."""
        if change == "items-added" and not target:  # a drain of the room's inbox
            if not self._refresh_soon.isActive():
                self._refresh_soon.start(ARRIVALS_MS)
        else:
            self._refresh_soon.start(0)

    def refresh(self) -> None:
        self.record = read_record(self.project.document)
        self.activities.refresh()
        if not self.activities.current_id() and self.activities.list.count():
            self.activities.list.setCurrentRow(self.activities.list.count() - 1)
        for view in (self.capture, self.grouping, self.canvas, self.vote, self.room):
            view.refresh()
        self.setWindowTitle(f"{self.record.title or 'Workshop'} — Workshop")
        if self.present_window is not None:
            self.present_window.refresh(self._join_code())

    def _restore_activity(self) -> None:
        kept = self.project.state(CURRENT_ACTIVITY)
        if kept:
            self.activities.choose(kept)

    def activity_chosen(self, activity_id: str) -> None:
        activity = self.current_activity()
        if not self.project.read_only:
            self.project.set_state(CURRENT_ACTIVITY, activity_id)
        for view in (self.capture, self.grouping, self.canvas, self.vote):
            view.refresh()
        self.room.activity_changed()
        if activity is not None:
            tab = {Method.IDEAS: self.capture, Method.CANVAS: self.canvas, Method.VOTE: self.vote}
            if self.tabs.currentWidget() is not self.grouping or activity.method != Method.IDEAS:
                self.tabs.setCurrentWidget(tab[activity.method])
        if self.present_window is not None:
            self.present_window.refresh(self._join_code())

    def show_tab(self, number: int) -> None:
        self.tabs.setCurrentIndex(number)
        first = {
            0: self.capture.line,
            2: self.canvas.grid,
            3: self.vote.voter,
            4: self.room.start_button,
        }.get(number)
        if first is not None:
            first.setFocus()
        elif self.grouping.lists:
            self.grouping.lists[0].setFocus()

    def focus_new_activity(self) -> None:
        self.activities.title.setFocus()

    def _noticed_focus(self, _old: QWidget | None, new: QWidget | None) -> None:
        if isinstance(new, QListWidget) and new in self._lists():
            self._last_list = new

    def _lists(self) -> list[QListWidget]:
        return [self.capture.list, self.room.arrived, *self.grouping.lists]

    def _focused_list(self) -> QListWidget | None:
        """The list with the focus, or else the list last used on the tab shown (a menu
        or a dialog may hold the focus for a moment)."""
        focus = self.focusWidget()  # this window's, active or not
        lists = self._lists()
        found = next((view for view in lists if view is focus), None)
        if found is None and self._last_list in lists and self._last_list.isVisible():
            found = self._last_list
        return found

    def _chosen_points(self) -> list[str]:
        view = self._focused_list()
        if view is None:
            return self.capture.selected() if self.tabs.currentWidget() is self.capture else []
        return selected_ids(view)

    def edit_selected(self) -> None:
        view = self._focused_list()
        if view is not None and view is not self.capture.list:
            chosen = selected_ids(view)
            self.capture.list.clearSelection()
            for row in range(self.capture.list.count()):
                item = self.capture.list.item(row)
                item.setSelected(item.data(Qt.ItemDataRole.UserRole) in chosen[:1])
        self.capture.edit_selected()

    def delete_selected(self) -> None:
        view = self._focused_list()
        if view is self.capture.list or (
            view is None and self.tabs.currentWidget() is self.capture
        ):
            self.capture.delete_selected()
        elif view is self.room.arrived:
            self.room.remove()
        elif isinstance(view, ThemeList):
            chosen = selected_ids(view)
            stack = self.editor.undo_stack
            stack.beginMacro("Remove points")
            try:
                for item_id in chosen:
                    self.editor.remove_item(item_id)
            finally:
                stack.endMacro()

    def new_theme(self) -> None:
        self.tabs.setCurrentWidget(self.grouping)
        self.grouping.new_theme()

    def move_to_theme(self) -> None:
        self.tabs.setCurrentWidget(self.grouping)
        self.grouping.move_to_theme()

    def promote(self) -> None:
        """Use the chosen point, or the theme with the focus, in the document."""
        view = self._focused_list()
        theme = self.grouping.theme_of(view) if self.tabs.currentWidget() is self.grouping else ""
        points = self._chosen_points()
        source = points[0] if points else theme
        if not source:
            self.say("Choose a point or a theme first.")
            return
        promote_flow(self, source)

    def export_record(self) -> RecordExportDialog:
        """Open the dialog that saves the record as Word, Markdown or PDF."""
        dialog = RecordExportDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def present(self) -> None:
        if self.present_window is None:
            self.present_window = PresentWindow(self)
            self.present_window.left.connect(self._present_left)
        self.present_window.refresh(self._join_code())
        self.present_window.showFullScreen()
        self.present_window.raise_()
        self.present_window.activateWindow()

    def _present_left(self) -> None:
        self.present_window = None
        self.activateWindow()

    def _join_code(self) -> str:
        control = self.room.control
        return control.join_code() if control is not None and self.room.running() else ""

    # Closing.
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.context.window and event.type() == QEvent.Type.Close:
            self.close()
        return False

    def closeEvent(self, event: QCloseEvent) -> None:
        self.room.shut()
        if self.present_window is not None:
            self.present_window.close()
        self.context.window.removeEventFilter(self)
        super().closeEvent(event)


def focus_is_inside(widget: QWidget) -> bool:
    focus = QApplication.focusWidget()
    while focus is not None:
        if focus is widget:
            return True
        focus = focus.parentWidget()
    return False
