"""Starting the desktop app: open the library, show the start screen (or reopen what was
open when ReformKit last stopped unexpectedly), and run until the user quits."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QThread
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

import reformkit
import resources
from desktop import palette
from desktop.editing.open_editors import commit_open_editors
from desktop.error_hook import make_excepthook
from desktop.launcher import document_kinds
from desktop.main_window import MainWindow
from desktop.session import AppSession
from desktop.start_screen import StartScreen
from reformkit import APP_NAME
from reformkit.catalogue.store import Catalogue
from reformkit.errors import ReformKitError
from reformkit.logs import configure_logging, stop_logging
from reformkit.paths import AppPaths

SETTINGS_FILE = "settings.ini"
CANNOT_OPEN_TITLE = "ReformKit cannot open your library"
RECOVERED_TITLE = "Your library was started afresh"

log = logging.getLogger(__name__)


def library_option(args: list[str]) -> Path | None:
    """The path given with ``--library PATH`` or ``--library=PATH``, if any."""
    for index, arg in enumerate(args):
        if arg == "--library" and index + 1 < len(args):
            return Path(args[index + 1]).expanduser()
        if arg.startswith("--library="):
            return Path(arg.split("=", 1)[1]).expanduser()
    return None


def open_settings(config: Path) -> QSettings:
    """The app's settings, in an INI file in the config folder."""
    config.mkdir(parents=True, exist_ok=True)
    return QSettings(str(config / SETTINGS_FILE), QSettings.Format.IniFormat)


def recovered_message(library: Path, moved_to: Path) -> str:
    return (
        f"ReformKit could not read your library file at {library}, so it started a new one. "
        "Nothing was deleted: the old file was moved aside and is now at:\n\n"
        f"{moved_to}\n\n"
        "The briefing's entries are all in the new library. Anything you added yourself is "
        "still in the old file, so keep it if you want to recover it."
    )


def create_main_window(catalogue: Catalogue, settings: QSettings) -> MainWindow:
    """The catalogue browser for ``catalogue``; not shown yet, and no event loop needed."""
    return MainWindow(catalogue, settings, document_kinds().articles())


def document_paths(args: list[str]) -> list[Path]:
    """Documents named on the command line (``reformkit plan.reformkit``)."""
    skip = {i + 1 for i, arg in enumerate(args) if arg == "--library"}
    return [
        Path(arg).expanduser()
        for i, arg in enumerate(args)
        if i not in skip and not arg.startswith("--")
    ]


def run(args: list[str]) -> int:
    """Open the app, run it until the user quits, and return the exit status."""
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setWindowIcon(QIcon(str(resources.path("icons", "reformkit-256.png"))))
    app.setDesktopFileName("reformkit")  # matches resources/linux/reformkit.desktop
    paths = AppPaths.default()
    log_file = configure_logging(paths.logs)
    log.info("ReformKit %s started", reformkit.__version__)
    library = library_option(args) or paths.library
    try:
        catalogue = Catalogue.open(library)
    except ReformKitError as error:
        return _cannot_open(library, str(error))
    except OSError as error:
        reason = error.strerror or str(error)
        return _cannot_open(library, f"{library} cannot be opened: {reason}.")

    previous_hook = sys.excepthook
    settings = open_settings(paths.config)
    settings.setValue("app/version", reformkit.__version__)  # lets a later version adapt them
    if app.property("systemPalette") is None:
        app.setProperty("systemPalette", app.palette())
    palette.apply(
        app, str(settings.value(palette.SETTING, "System")), app.property("systemPalette")
    )
    session = AppSession(catalogue, settings, document_kinds(), paths)
    start: StartScreen | None = None
    try:
        if catalogue.recovered_from is not None:
            QMessageBox.information(
                None, RECOVERED_TITLE, recovered_message(library, catalogue.recovered_from)
            )
        start = StartScreen(session)
        sys.excepthook = make_excepthook(lambda: QApplication.activeWindow() or start, log_file)
        session.start_screen_wanted.connect(start.come_back)
        # The desktop session is ending (log out, shut down): keep what is typed in cells.
        app.commitDataRequest.connect(lambda _manager: _commit_all(session))
        named = document_paths(args)
        crashed = [] if named else session.left_open_by_a_crash()
        if named or crashed:
            session.open_failed.connect(lambda _message: _show_start_if_alone(session, start))
            if crashed:
                session.restore(crashed, start)
            for path in named:
                session.open_document(path, start)
        else:
            start.show()
        return app.exec()
    finally:
        sys.excepthook = previous_hook
        for job in app.findChildren(QThread):  # let a running export finish its file
            job.wait(60_000)
        for window in list(session.windows):
            window.close()
        if start is not None:
            start.close()
            start.deleteLater()
        settings.sync()
        catalogue.close()
        stop_logging()


def _cannot_open(library: Path, message: str) -> int:
    log.warning("The library %s cannot be opened: %s", library, message)
    stop_logging()
    QMessageBox.critical(None, CANNOT_OPEN_TITLE, message)
    return 2


def _commit_all(session: AppSession) -> None:
    for window in session.windows:
        commit_open_editors(window)


def _show_start_if_alone(session: AppSession, start: StartScreen | None) -> None:
    if start is not None and not session.windows:
        start.show()
