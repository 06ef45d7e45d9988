"""What the user sees when something unexpected goes wrong: a plain message, not a traceback.

The technical details still go to standard error and, through :mod:`logging`, to the rotating
log file in the user's log folder (see :mod:`reformkit.logs`), so someone helping the user can
find out what happened.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtWidgets import QMessageBox, QWidget

from reformkit.errors import ReformKitError

TITLE = "Something went wrong"

log = logging.getLogger(__name__)

Hook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def unexpected_message(log_file: Path | None) -> str:
    text = (
        "Something went wrong, and ReformKit could not finish what it was doing. "
        "Nothing was lost: everything in your library is still there. "
        "You can carry on working."
    )
    if log_file is not None:
        text += f"\n\nIf it happens again, please send this file to whoever helps you: {log_file}"
    return text


def make_excepthook(parent: Callable[[], QWidget | None], log_file: Path | None = None) -> Hook:
    """An ``excepthook`` that shows errors in a message box over the window ``parent()``.

    ``log_file`` is the file the message names; the error reaches it through :mod:`logging`.
    """
    showing = False

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        details = "".join(traceback.format_exception(kind, error, tb))
        print(details, file=sys.stderr)
        log.error("Unexpected error", exc_info=(kind, error, tb))
        if showing:  # an error while the message is open: logged, not shown twice
            return
        text = str(error) if isinstance(error, ReformKitError) else unexpected_message(log_file)
        showing = True
        try:
            QMessageBox.critical(parent(), TITLE, text)
        finally:
            showing = False

    return hook
