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
CANNOT_OPEN = "ReformKit cannot open this file"
CANNOT_CREATE = "ReformKit cannot make this document"


class AppSession(QObject):
    window_opened = Signal(object)  # a DocumentWindow
    open_failed = Signal(str)  # the message shown

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
        folder = self.paths.documents
        suggested = folder / f"{_file_name(title)}.reformkit"
        path = self.prompts.save_path(parent, f"Where should ReformKit keep “{title}”?", suggested)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            project = Project.create(
                path, spec, title, catalogue_version=self.catalogue.seed.version
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
        folder = self.recent.paths()[0].parent if self.recent.paths() else self.paths.documents
        path = self.prompts.open_path(parent, "Open a charter or plan", folder)
        if path is not None:
            self.open_document(path, parent)


def _file_name(title: str) -> str:
    cleaned = re.sub(r'[<>:"/\\|?*\x00-\x1f]', "", title).strip().rstrip(".")
    return cleaned[:80] or "Untitled"
