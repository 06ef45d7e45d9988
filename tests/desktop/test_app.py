"""Starting the app: a corrupt or too-new library, settings, and the error hook."""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop import app as desktop_app
from desktop.error_hook import TITLE, make_excepthook
from reformkit.catalogue.store import Catalogue
from reformkit.errors import LibraryError
from reformkit.logs import LOG_FILE, configure_logging, stop_logging


class Boxes:
    """Stands in for QMessageBox's static functions and records what they were asked."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.shown: list[tuple[str, str, str]] = []
        for name in ("information", "warning", "critical", "question"):
            monkeypatch.setattr(QMessageBox, name, self._recorder(name))

    def _recorder(self, name: str):
        def record(_parent, title, text, *_args, **_kwargs):
            self.shown.append((name, title, text))
            return QMessageBox.StandardButton.Ok

        return record


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Boxes:
    return Boxes(monkeypatch)


@pytest.fixture
def qapp(qapp: QApplication) -> Iterator[QApplication]:
    """The shared QApplication, kept from quitting when run() closes its window.

    Otherwise Qt quits when the last window closes after the event loop has ended, and the
    timers of every later test in the session stop firing.
    """
    qapp.setQuitOnLastWindowClosed(False)
    yield qapp
    qapp.setQuitOnLastWindowClosed(True)


def _quit_soon() -> None:
    """Let run() start its event loop, then quit it."""
    QTimer.singleShot(0, QApplication.instance().quit)


def test_corrupt_library_is_moved_aside_and_the_user_told(
    qapp, boxes: Boxes, tmp_path: Path, reformkit_home: Path
) -> None:
    library = tmp_path / "library.sqlite"
    garbage = b"this is not a database \x00\xff" * 500
    library.write_bytes(garbage)
    _quit_soon()
    assert desktop_app.run(["--library", str(library)]) == 0

    moved = [p for p in tmp_path.iterdir() if ".unreadable-" in p.name]
    assert len(moved) == 1 and moved[0].read_bytes() == garbage
    assert [kind for kind, _, _ in boxes.shown] == ["information"]
    _, title, text = boxes.shown[0]
    assert title == desktop_app.RECOVERED_TITLE
    assert str(moved[0]) in text and "Nothing was deleted" in text
    with Catalogue.open(library) as fresh:  # a working library took its place
        assert fresh.count("recommendation") == 22
    assert (reformkit_home / "config" / "settings.ini").exists()


def test_library_from_a_newer_version_gives_a_message_and_status_2(
    qapp, boxes: Boxes, tmp_path: Path
) -> None:
    library = tmp_path / "library.sqlite"
    Catalogue.open(library).close()
    with sqlite3.connect(library) as connection:
        connection.execute(
            "insert into _sqlite_migrations (migration_set, name, applied_at) "
            "values ('reformkit.library', 'm999_future', '2030-01-01')"
        )
    connection.close()
    assert desktop_app.run([f"--library={library}"]) == 2
    assert len(boxes.shown) == 1
    kind, title, text = boxes.shown[0]
    assert kind == "critical" and title == desktop_app.CANNOT_OPEN_TITLE
    assert "newer version of ReformKit" in text and "Traceback" not in text


def test_default_library_lives_in_the_data_folder(qapp, boxes: Boxes, reformkit_home: Path) -> None:
    _quit_soon()
    assert desktop_app.run([]) == 0
    assert (reformkit_home / "data" / "library.sqlite").exists()
    assert boxes.shown == []
    assert qapp.applicationName() == "ReformKit" and qapp.organizationName() == "ReformKit"


@pytest.mark.qt_no_exception_capture
def test_run_shows_unexpected_errors_as_a_message(qapp, boxes: Boxes, reformkit_home: Path) -> None:
    before = sys.excepthook

    def fail() -> None:
        QTimer.singleShot(0, qapp.quit)  # runs after this slot has failed
        raise RuntimeError("a bug deep inside")

    QTimer.singleShot(0, fail)
    assert desktop_app.run([]) == 0
    assert sys.excepthook is before  # put back when the app ends
    kinds = [kind for kind, _, _ in boxes.shown]
    assert kinds == ["critical"]
    _, title, text = boxes.shown[0]
    assert title == TITLE and "Nothing was lost" in text
    assert "a bug deep inside" not in text and "Traceback" not in text
    log_file = reformkit_home / "logs" / LOG_FILE
    assert str(log_file) in text  # the message tells the user which file to send
    log = log_file.read_text(encoding="utf-8")
    assert "ReformKit" in log and "started" in log
    assert "RuntimeError: a bug deep inside" in log and "Traceback" in log


def test_excepthook_shows_a_message_instead_of_raising(
    boxes: Boxes, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log = configure_logging(tmp_path)
    assert log is not None
    hook = make_excepthook(lambda: None, log)
    try:
        raise ValueError("boom")
    except ValueError as error:
        hook(type(error), error, error.__traceback__)
    finally:
        stop_logging()
    assert len(boxes.shown) == 1
    assert "Nothing was lost" in boxes.shown[0][2] and str(log) in boxes.shown[0][2]
    assert "ValueError: boom" in log.read_text(encoding="utf-8")
    assert "ValueError: boom" in capsys.readouterr().err


def test_excepthook_shows_reformkit_errors_in_their_own_words(boxes: Boxes) -> None:
    hook = make_excepthook(lambda: None)
    error = LibraryError("Your library is read-only. Copy it somewhere you can write to.")
    hook(LibraryError, error, None)
    assert boxes.shown == [("critical", TITLE, str(error))]


def test_library_option_forms() -> None:
    assert desktop_app.library_option(["--library", "/x/lib.sqlite"]) == Path("/x/lib.sqlite")
    assert desktop_app.library_option(["--library=/y.sqlite"]) == Path("/y.sqlite")
    assert desktop_app.library_option([]) is None
