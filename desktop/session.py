"""What the whole app shares, and the comings and goings of documents.

One AppSession holds the catalogue, the settings, the document kinds and the folders, and
opens, creates and tracks document windows. It is made once in ``desktop.app.run`` and
handed to every window: there are no global singletons.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from desktop.background import run_in_background
from desktop.prompts import Prompts
from desktop.recent_files import RecentFiles
from reformkit.catalogue.store import Catalogue
from reformkit.document.errors import DocumentInUseError
from reformkit.document.project import LoadedFile, Project, read_for_opening
from reformkit.document.review import refresh_review_flags
from reformkit.document.spec import DocumentKinds, SampleDocument
from reformkit.errors import ReformKitError
from reformkit.paths import AppPaths
from reformkit.samples import sample_file

if TYPE_CHECKING:
    from desktop.document_window import DocumentWindow

OPEN_KEY = "session/open"  # documents open now; left non-empty only by a crash
FOLDER_KEY = "dialogs/folder"  # the folder the user last chose in a file dialog
CANNOT_OPEN = "ReformKit cannot open this file"
CANNOT_CREATE = "ReformKit cannot make this document"


class AppSession(QObject):
    window_opened = Signal(object)  # a DocumentWindow
    open_failed = Signal(str)  # the message shown
    # No document is open any more, or the user asked for it: show the start screen.
    start_screen_wanted = Signal()

    def __init__(
        self,
        catalogue: Catalogue,
        settings: QSettings,
        kinds: DocumentKinds,
        paths: AppPaths,
        prompts: Prompts | None = None,
    ):
        super().__init__()
        self.catalogue = catalogue
        self.settings = settings
        self.kinds = kinds
        self.paths = paths
        self.prompts = prompts or Prompts()
        self.recent = RecentFiles(settings)
        self.windows: list[DocumentWindow] = []
        self._opening: set[Path] = set()
        self._restoring: list[Path] = []  # reopened after a crash, to say so when shown

    # Folders offered by file dialogs.
    def folder(self) -> Path:
        """Where a file dialog starts: the folder last chosen, or Documents/ReformKit
        (made if need be, so the dialog never falls back to the program's own folder)."""
        stored = self.settings.value(FOLDER_KEY, "", str)
        if stored and Path(str(stored)).is_dir():
            return Path(str(stored))
        folder = self.paths.documents
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError:
            return Path.home()
        return folder

    def remember_folder(self, path: Path) -> None:
        """Keep the folder of a file the user chose, for the next dialog."""
        folder = path if path.is_dir() else path.parent
        self.settings.setValue(FOLDER_KEY, str(folder))

    # After a crash.
    def restore(self, paths: list[Path], parent: QWidget | None = None) -> None:
        """Reopen the documents a crash left open; each window says what came back."""
        self._restoring = [Path(p).resolve() for p in paths]
        for path in paths:
            self.open_document(path, parent)

    def restored_message(self) -> str:
        names = ", ".join(f"“{p.stem}”" for p in self._restoring)
        count = len(self._restoring)
        what = "the document" if count == 1 else f"the {count} documents"
        return (
            f"ReformKit stopped unexpectedly last time, so it reopened {what} that were "
            f"open: {names}. Everything typed before then was saved."
        )

    # Opening.
    def open_document(
        self, path: Path, parent: QWidget | None = None, then_guide: bool = False
    ) -> None:
        """Open ``path`` in a window: read it on a worker thread, then attach it here."""
        path = Path(path).resolve()
        for window in self.windows:
            if window.project.path.resolve() == path:
                window.raise_()
                window.activateWindow()
                return
        if path in self._opening:
            return
        self._opening.add(path)
        run_in_background(
            lambda: read_for_opening(path, self.kinds),
            lambda loaded: self._attach(loaded, parent, then_guide),
            lambda error: self._failed(path, error, parent),
        )

    def _failed(self, path: Path, error: Exception, parent: QWidget | None) -> None:
        self._opening.discard(path)
        message = (
            str(error)
            if isinstance(error, ReformKitError)
            else (
                f"{path.name} could not be opened ({type(error).__name__}: {error}). "
                "Nothing in it was changed."
            )
        )
        if isinstance(error, ReformKitError) and "There is no file" in message:
            self.recent.forget(path)
        self.prompts.error(parent, CANNOT_OPEN, message)
        self.open_failed.emit(message)

    def _attach(self, loaded: LoadedFile, parent: QWidget | None, then_guide: bool) -> None:
        path = loaded.path
        try:
            try:
                project = Project.finish_opening(loaded)
            except DocumentInUseError as error:
                choice = self.prompts.choose(
                    parent,
                    "This document is already open",
                    str(error),
                    ["Open read-only", "Open anyway"],
                )
                if choice is None:
                    return
                project = Project.finish_opening(
                    loaded, read_only=choice == "Open read-only", ignore_lock=True
                )
        except ReformKitError as error:
            self.prompts.error(parent, CANNOT_OPEN, str(error))
            self.open_failed.emit(str(error))
            return
        finally:
            self._opening.discard(path)
        self._show(project, then_guide)

    def _show(self, project: Project, then_guide: bool = False) -> DocumentWindow:
        from desktop.document_window import DocumentWindow

        flagged = refresh_review_flags(project, self.catalogue)
        window = DocumentWindow(self, project)
        self.windows.append(window)
        self.recent.add(project.path)
        self._remember_open()
        window.show()
        if project.path.resolve() in self._restoring:
            window.statusBar().showMessage(self.restored_message())
        if flagged:
            window.statusBar().showMessage(
                f"{len(flagged)} part(s) drawn from the catalogue need review: their source "
                "has changed.",
                15000,
            )
        if then_guide:
            window.show_guide()
        self.window_opened.emit(window)
        return window

    def window_closed(self, window: DocumentWindow) -> None:
        if window in self.windows:
            self.windows.remove(window)
        self._remember_open()
        if not self.windows and not self._opening:
            self.start_screen_wanted.emit()  # closing the last document is not quitting

    def _remember_open(self) -> None:
        self.settings.setValue(OPEN_KEY, [str(w.project.path) for w in self.windows])
        self.settings.sync()

    def left_open_by_a_crash(self) -> list[Path]:
        """Documents that were open when ReformKit last stopped without closing them."""
        stored = self.settings.value(OPEN_KEY, [], list)
        stored = stored if isinstance(stored, list) else []
        return [Path(p) for p in stored if Path(p).is_file()]

    # Making new documents.
    def new_document(self, kind: str, parent: QWidget | None = None) -> None:
        spec = self.kinds.get(kind)
        title = self.prompts.text(
            parent, f"New {spec.label}", f"What is this {spec.label} called?", f"Our {spec.label}"
        )
        if title is None:
            return
        # The cover page names the organisation and the authors: asked now, both optional.
        organisation = self.prompts.text(
            parent,
            f"New {spec.label}",
            f"Which organisation is “{title}” for? (You can leave this empty.)",
            "",
        )
        authors = self.prompts.text(
            parent,
            f"New {spec.label}",
            "Who is writing it? Separate several names with commas. (You can leave this empty.)",
            "",
        )
        suggested = self.folder() / f"{_file_name(title)}.reformkit"
        path = self.prompts.save_path(parent, f"Where should ReformKit keep “{title}”?", suggested)
        if path is None:
            return
        self.remember_folder(path)
        names = tuple(n.strip() for n in (authors or "").split(",") if n.strip())
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            project = Project.create(
                path,
                spec,
                title,
                organisation=organisation or "",
                authors=names,
                catalogue_version=self.catalogue.seed.version,
            )
        except (ReformKitError, OSError) as error:
            self.prompts.error(parent, CANNOT_CREATE, str(error))
            return
        self._show(project, then_guide=True)

    def open_sample(self, sample: SampleDocument, parent: QWidget | None = None) -> None:
        try:
            path = sample_file(sample, self.paths.documents, self.kinds)
        except (ReformKitError, OSError) as error:
            self.prompts.error(parent, CANNOT_OPEN, str(error))
            return
        self.open_document(path, parent)

    def choose_and_open(self, parent: QWidget | None = None) -> None:
        path = self.prompts.open_path(parent, "Open a charter or plan", self.folder())
        if path is not None:
            self.remember_folder(path)
            self.open_document(path, parent)


def _file_name(title: str) -> str:
    cleaned = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "", title).strip().rstrip(".")
    return cleaned[:80] or "Untitled"
