"""The log file someone helping the user can read: standard :mod:`logging`, written to a
rotating file in the user's log folder so it never grows without end.

Qt-free, so the desktop app and the command line set it up the same way. Nothing is logged
to a file until :func:`configure_logging` is called; a folder that cannot be written means
no file, never a failure.
"""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE = "reformkit.log"
MAX_BYTES = 1024 * 1024  # then the file moves to reformkit.log.1, and so on
BACKUPS = 3
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
HANDLER_NAME = "reformkit-file"


def configure_logging(
    folder: Path, max_bytes: int = MAX_BYTES, backups: int = BACKUPS
) -> Path | None:
    """Send log records of level INFO and above to ``folder/reformkit.log``, rotated.

    Returns the log file, or ``None`` when the folder cannot be written (then nothing is
    logged to a file). Calling it again replaces the file set up before.
    """
    stop_logging()
    path = folder / LOG_FILE
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(
            path, maxBytes=max_bytes, backupCount=backups, encoding="utf-8"
        )
    except OSError:
        return None
    handler.set_name(HANDLER_NAME)
    handler.setLevel(logging.INFO)
    handler.setFormatter(logging.Formatter(FORMAT))
    root = logging.getLogger()
    root.addHandler(handler)
    if root.getEffectiveLevel() > logging.INFO:
        root.setLevel(logging.INFO)
    return path


def log_file() -> Path | None:
    """The file :func:`configure_logging` set up, if logging to a file is on."""
    handler = _handler()
    return Path(handler.baseFilename) if handler is not None else None


def stop_logging() -> None:
    """Close the log file, if one was set up (when the app ends, and between tests)."""
    handler = _handler()
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()


def _handler() -> RotatingFileHandler | None:
    for handler in logging.getLogger().handlers:
        if handler.get_name() == HANDLER_NAME and isinstance(handler, RotatingFileHandler):
            return handler
    return None
