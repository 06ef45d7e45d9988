"""The document window: parts on the left, the editor in the middle, the live preview on
the right; the catalogue, coverage and versions in panels around them.

For a new charter the guided builder fills the middle until the user finishes or leaves it.
Every edit goes through one DocumentEditor, so Undo covers everything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop import heap, palette, wheel_guard, window_layout
from desktop.editing.editor import DocumentEditor
from desktop.editing.open_editors import commit_open_editors
from desktop.editing.part_editor import PartEditor
from desktop.editing.parts_tree import PartsTree
from desktop.help_dialogs import DOCUMENT_HELP_HTML, DOCUMENT_HELP_TITLE, HelpDialog, show_about
from desktop.panels.catalogue_panel import CataloguePanel
from desktop.panels.checks_panel import ChecksPanel
from desktop.panels.coverage_panel import CoveragePanel
from desktop.panels.plain_english_panel import PlainEnglishPanel
from desktop.panels.preview_panel import PreviewPanel
from desktop.panels.versions_panel import VersionsPanel
from desktop.screens import add_screen_menus, open_own_screens
from desktop.text_size import add_text_size_menu
from reformkit.document.project import Project
from reformkit.errors import ReformKitError

if TYPE_CHECKING:
    from desktop.panels.csv_import_dialog import CsvImportDialog
    from desktop.session import AppSession

GEOMETRY_KEY = "document_window/geometry"
STATE_KEY = "document_window/state"
SELECTED_PART = "selected-part"
GUIDE_DONE = "wizard-done"  # kept per kind: "<kind>-wizard-done"
SAVED = "All changes saved"
EDITING = "Editing…"  # a cell editor is open: what it holds is saved when it closes


class DocumentWindow(QMainWindow):
    def __init__(self, session: AppSession, project: Project):
        super().__init__()
        self.session = session
        self.project = project
        self.editor = DocumentEditor(project, self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        catalogue = session.catalogue
        self.tree = PartsTree(self.editor, catalogue)
        self.part_editor = PartEditor(self.editor, catalogue)
        self.preview = PreviewPanel(self.editor, catalogue)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        for widget, stretch in ((self.tree, 2), (self.part_editor, 3), (self.preview, 3)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.indexOf(widget), stretch)
        self.guide: QWidget | None = None
        self.centre = QStackedWidget()
        self.centre.addWidget(self.splitter)
        self.setCentralWidget(self._with_package_banner(self.centre))
        self.catalogue_panel = CataloguePanel(
            catalogue, self.editor, articles=session.kinds.articles()
        )
        self.coverage = CoveragePanel(self.editor, catalogue)
        self.checks = ChecksPanel(self.editor, catalogue)
        self.plain_english = PlainEnglishPanel(self.editor)
        self.versions = VersionsPanel(self.editor, session.kinds)
        self.docks = {
            "catalogue": self._dock(
                "Catalogue", self.catalogue_panel, Qt.DockWidgetArea.LeftDockWidgetArea
            ),
            "coverage": self._dock(
                "Coverage of the 22 recommendations",
                self.coverage,
                Qt.DockWidgetArea.BottomDockWidgetArea,
            ),
            "versions": self._dock(
                "Versions", self.versions, Qt.DockWidgetArea.RightDockWidgetArea
            ),
            "checks": self._dock("Checks", self.checks, Qt.DockWidgetArea.BottomDockWidgetArea),
            "plain_english": self._dock(
                "Plain English", self.plain_english, Qt.DockWidgetArea.BottomDockWidgetArea
            ),
        }
        self.tabifyDockWidget(self.docks["catalogue"], self.docks["versions"])
        self.tabifyDockWidget(self.docks["coverage"], self.docks["checks"])
        self.tabifyDockWidget(self.docks["checks"], self.docks["plain_english"])
        window_layout.own_corners(self)
        self.folding = window_layout.DockFolding(self, list(self.docks.values()))
        self.docks["coverage"].raise_()
        self.docks["catalogue"].raise_()
        self.saved_label = QLabel()
        self.statusBar().addPermanentWidget(self.saved_label)
        self.menu_actions: dict[str, QAction] = {}
        self._menus()
        if self.project.read_only:
            for key in ("import_csv", "merge_package"):
                self.menu_actions[key].setEnabled(False)
        self._connect()
        self._update_title()
        self.default_state = self.saveState()  # what View › Reset layout goes back to
        self._restore_layout()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            wheel_guard.install(app)
        self._restore_selection()
        open_own_screens(self)  # a kind's own screen (a workshop record's) opens with it

    # Building.
    def _with_package_banner(self, centre: QWidget) -> QWidget:
        """A partner's package says what it is, above everything else."""
        from desktop.panels.package_banner import PackageBanner
        from reformkit.document.packages import PackageError, package_info

        try:
            info = package_info(self.project)
        except PackageError:
            info = None
        if info is None:
            return centre
        holder = QWidget()
        column = QVBoxLayout(holder)
        column.setContentsMargins(0, 0, 0, 0)
        self.package_banner = PackageBanner(info)
        column.addWidget(self.package_banner)
        column.addWidget(centre, 1)
        return holder

    def _dock(self, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(title)
        dock.setWidget(widget)
        dock.setAccessibleName(title)
        self.addDockWidget(area, dock)
        return dock

    def _action(
        self,
        menu_name: str,
        key: str,
        text: str,
        slot: object,
        shortcut: QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(shortcut)
        elif shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
        self.menus[menu_name].addAction(action)
        self.menu_actions[key] = action
        return action

    def _menus(self) -> None:
        bar = self.menuBar()
        self.menus = {
            name: bar.addMenu(label)
            for name, label in (
                ("file", "&File"),
                ("edit", "&Edit"),
                ("view", "&View"),
                ("help", "&Help"),
            )
        }
        keys = QKeySequence.StandardKey
        session = self.session
        for number, spec in enumerate(session.kinds):
            self._action(
                "file",
                f"new_{spec.kind}",
                spec.menu_label,
                lambda kind=spec.kind: session.new_document(kind, self),
                keys.New if number == 0 else None,
            )
        self._action("file", "open", "&Open…", lambda: session.choose_and_open(self), keys.Open)
        self.recent_menu = self.menus["file"].addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.menus["file"].addSeparator()
        self._action("file", "save_copy", "Save a &copy as…", self.save_copy, "Ctrl+Shift+S")
        self._action("file", "export", "&Export…", self.export, "Ctrl+E")
        self._action("file", "import_csv", "&Import a spreadsheet…", self.import_spreadsheet)
        self._action("file", "send_parts", "&Send parts to a partner…", self.send_parts)
        self._action("file", "merge_package", "&Merge a returned package…", self.merge_package)
        self.menus["file"].addSeparator()
        self._action("file", "start_screen", "Start &screen", self.session.start_screen_wanted.emit)
        self._action("file", "close", "&Close", self.close, keys.Close)
        self._action("file", "quit", "&Quit", QApplication.closeAllWindows, "Ctrl+Q")
        undo = self.editor.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcuts(keys.Undo)
        redo = self.editor.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.menus["edit"].addActions([undo, redo])
        self.menu_actions.update(undo=undo, redo=redo)
        self.menus["edit"].addSeparator()
        self._action("edit", "find", "&Find in the catalogue", self.find_in_catalogue, keys.Find)
        self._action("view", "guide", "&Guided builder", self.show_guide, "Ctrl+G")
        self._action("view", "document", "The &whole document", self.show_document, "Ctrl+D")
        self.menus["view"].addSeparator()
        for dock in self.docks.values():
            self.menus["view"].addAction(dock.toggleViewAction())
        self._action("view", "reset_layout", "&Reset layout", self.reset_layout, "Ctrl+Shift+R")
        self.menus["view"].addSeparator()
        add_text_size_menu(self.menus["view"], self, self.session.settings)
        appearance = self.menus["view"].addMenu("&Appearance")
        for name in palette.APPEARANCES:
            action = appearance.addAction(name)
            action.triggered.connect(lambda _checked=False, n=name: self.set_appearance(n))
        for name, action in add_screen_menus(self, self.menus["help"]).items():
            self.menu_actions[f"screen_{name}"] = action  # a kind's screens, before Help
        self._action(
            "help", "help", "&How to write your document", self.show_help, keys.HelpContents
        )
        for sample in self.session.kinds.samples():  # a finished one, to see what it looks like
            self._action(
                "help",
                f"sample_{sample.name}",
                f"Open the {sample.label.replace('Sample', 'sample')}",
                lambda s=sample: self.session.open_sample(s, self),
            )
        self._action(
            "help",
            "about",
            "&About ReformKit",
            lambda: show_about(self, self.session.catalogue.seed.credit),
        )

    def _connect(self) -> None:
        self.tree.part_selected.connect(self.part_selected)
        self.tree.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.coverage.part_requested.connect(self._reveal)
        self.checks.part_requested.connect(self._reveal)
        self.plain_english.part_requested.connect(self._reveal)
        self.catalogue_panel.item_added.connect(lambda item_id: self.tree.select_part(item_id))
        self.editor.changed.connect(lambda _change, _target: self._update_title())
        self.editor.editing_changed.connect(lambda _editing: self._update_title())

    # Behaviour.
    def part_selected(self, kind: str, part_id: str) -> None:
        self.part_editor.show_part(kind, part_id)
        self.preview.show_part(kind, part_id)
        section_id = None
        if kind == "section":
            section_id = part_id
        elif kind == "item":
            try:
                section_id = self.project.document.find_item(part_id)[0].id
            except KeyError:
                section_id = None
        self.catalogue_panel.set_target_section(section_id)
        self.project.set_state(SELECTED_PART, part_id)

    def _reveal(self, _kind: str, part_id: str) -> None:
        self.show_document()
        self.tree.select_part(part_id)

    def _restore_selection(self) -> None:
        part = self.project.state(SELECTED_PART)
        if part:
            self.tree.select_part(part)
        if self.tree.current_part() is None:
            self.tree.select_part(self.project.document.meta.id)

    def show_guide(self) -> None:
        """The guided builder for this kind of document, where the user left it."""
        if self.project.read_only:
            return
        if not self.project.spec.guide:
            self.statusBar().showMessage(
                f"A {self.project.spec.label} has no guided builder: edit it part by part.", 8000
            )
            return
        if self.guide is None:
            from desktop.wizard.builder import GuidedBuilder

            self.guide = GuidedBuilder(self.editor, self.session.catalogue)
            self.guide.finished.connect(self._guide_finished)
            self.guide.close_requested.connect(self.show_document)
            self.centre.addWidget(self.guide)
        self.folding.fold()  # the builder gets the whole window; the panels come back after
        self.centre.setCurrentWidget(self.guide)
        self.guide.focus_first_field()  # type: ignore[attr-defined]
        self.statusBar().showMessage(
            "The guided builder: you can leave it at any time and "
            "come back with View › Guided builder.",
            8000,
        )

    def _guide_finished(self) -> None:
        self.project.set_state(f"{self.project.spec.kind}-{GUIDE_DONE}", "yes")
        self.show_document()
        self.tree.select_part(self.project.document.meta.id)

    def show_document(self) -> None:
        if self.guide is not None:
            commit_open_editors(self.guide)  # leaving the builder keeps what was typed
        self.centre.setCurrentWidget(self.splitter)
        self.folding.unfold()

    def reset_layout(self) -> None:
        """Every panel back where it started, at its first size."""
        if self.folding.folded:
            self.folding.saved = self.default_state
            return
        self.restoreState(self.default_state)
        for dock in self.docks.values():
            dock.show()
        self.docks["coverage"].raise_()
        self.docks["catalogue"].raise_()
        window_layout.first_sizes(
            self, self.docks["catalogue"], self.docks["coverage"], self.splitter
        )

    def find_in_catalogue(self) -> None:
        self.docks["catalogue"].show()
        self.docks["catalogue"].raise_()
        self.catalogue_panel.focus_search()

    def save_copy(self) -> None:
        suggested = self.project.path.with_name(f"{self.project.path.stem} (copy).reformkit")
        target = self.session.prompts.save_path(self, "Save a copy as", suggested)
        if target is None:
            return
        self.session.remember_folder(target)
        try:
            self.project.save_as(target, force=True)  # the save dialog asked
        except ReformKitError as error:
            self.session.prompts.error(self, "The copy was not saved", str(error))
            return
        self.statusBar().showMessage(
            f"A copy was saved to {target}. You are still working on the original.", 10000
        )

    def export(self) -> None:
        from desktop.panels.export_dialog import ExportDialog

        dialog = ExportDialog(self.project, self.session.catalogue, self.session.settings, self)
        dialog.open()

    def import_spreadsheet(self) -> None:
        from desktop.panels.csv_import_dialog import CsvImportDialog

        if self.project.read_only:
            return
        part = self.tree.current_part()
        dialog = CsvImportDialog(self.editor, part[1] if part else None, self)
        dialog.imported.connect(lambda message: self._spreadsheet_imported(dialog, message))
        dialog.open()

    def _spreadsheet_imported(self, dialog: CsvImportDialog, message: str) -> None:
        self.statusBar().showMessage(message + ".", 10000)
        target = dialog.target()
        if target is not None:
            self.tree.select_part(target.section.id)

    def send_parts(self) -> None:
        from desktop.panels.package_dialog import PackageDialog

        PackageDialog(self.project, self.session.settings, self).open()

    def merge_package(self) -> None:
        from desktop.panels.merge_dialog import MergeDialog

        path = self.session.prompts.open_path(
            self, "Merge a returned package", self.project.path.parent
        )
        if path is None:
            return
        dialog = MergeDialog(self.editor, self.session.kinds, path, self)
        dialog.merged.connect(lambda _result: self._after_merge())
        dialog.open()

    def _after_merge(self) -> None:
        self.tree.refresh()
        shown = self.part_editor.shown
        if shown:
            self.part_selected(*shown)
        self.versions.refresh()

    def show_help(self) -> None:
        HelpDialog(self, DOCUMENT_HELP_TITLE, DOCUMENT_HELP_HTML).show()

    def set_appearance(self, name: str) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            system = app.property("systemPalette") or app.palette()
            palette.apply(app, name, system)
            self.session.settings.setValue(palette.SETTING, name)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.session.recent.paths():
            action = self.recent_menu.addAction(path.stem)
            action.setToolTip(str(path))
            action.triggered.connect(
                lambda _checked=False, p=path: self.session.open_document(p, self)
            )
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("No recent documents").setEnabled(False)

    def _update_title(self) -> None:
        meta = self.project.document.meta
        saved = EDITING if self.editor.editing else SAVED
        state = f"read-only: {self.project.read_only_reason}" if self.project.read_only else saved
        self.setWindowTitle(
            f"{meta.title} — {self.project.spec.label} — "
            f"{'read-only' if self.project.read_only else saved.lower()}"
        )
        self.saved_label.setText(state)

    # Layout memory and closing.
    def _restore_layout(self) -> None:
        settings = self.session.settings
        geometry = settings.value(GEOMETRY_KEY)
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            window_layout.open_at_first_size(self)  # most of the screen, all of a small one
        state = settings.value(STATE_KEY)
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)
            return
        window_layout.first_sizes(
            self, self.docks["catalogue"], self.docks["coverage"], self.splitter
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        commit_open_editors(self)  # what is typed in a cell is kept, Enter or not
        self.session.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.session.settings.setValue(STATE_KEY, self.folding.state_to_keep())
        self.project.close()
        self.session.window_closed(self)
        super().closeEvent(event)
        heap.full_pass_soon()  # the window's objects may hold each other in cycles
