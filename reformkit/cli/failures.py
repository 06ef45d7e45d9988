"""Plain sentences for failures that reach the command line as Python's own exceptions.

The kernel raises :class:`~reformkit.errors.ReformKitError` for everything it foresees. What
it cannot foresee comes from below: SQLite refusing a write (a constraint, a trigger that
aborts, a locked or read-only file), the operating system (permission, a full disk) or
memory. Each of those still deserves a sentence saying what happened and what to do; the
traceback goes to the log, never to the screen.
"""

from __future__ import annotations

import errno
import sqlite3

_SQLITE_WORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (
        ("readonly", "read-only", "attempt to write"),
        "the document could not be written: the file or its folder is read-only. Copy it "
        "to a folder you can write to, or open it read-only",
    ),
    (
        ("locked", "busy"),
        "the document is in use by another program, which holds a lock on it. Close the "
        "other program (or ReformKit window) and try again",
    ),
    (
        ("disk is full", "database or disk is full"),
        "the disk is full, so the change was not written. Free some space and try again",
    ),
    (
        ("interrupted",),
        "the command was stopped before it finished, and nothing was changed",
    ),
    (
        ("disk i/o", "unable to open"),
        "the document or its folder could not be read or written ({detail}). Check that the "
        "folder exists and you can write to it, and that the disk is connected",
    ),
    (
        ("malformed", "not a database", "corrupt"),
        "the document is damaged and cannot be read in full. Open a backup copy, or the "
        "last version you exported",
    ),
    (
        ("constraint", "abort", "trigger", "foreign key", "no such table", "no such column"),
        "the document's database refused the change ({detail}); it holds something ReformKit "
        "did not put there, or was changed by another program. Nothing was changed: open a "
        "backup copy, or export it from the app and import that",
    ),
)


def sqlite_sentence(error: sqlite3.Error) -> str:
    """What an SQLite error means for the person running the command."""
    detail = str(error).strip() or type(error).__name__
    lowered = detail.lower()
    for words, sentence in _SQLITE_WORDS:
        if any(word in lowered for word in words):
            return sentence.format(detail=_short(detail)) + "."
    return (
        f"the document's database could not be used ({_short(detail)}). Nothing was changed; "
        "if this goes on, open a backup copy."
    )


def os_sentence(error: OSError) -> str:
    """What an operating-system error means, naming the file it concerned."""
    where = f" {error.filename}" if error.filename else ""
    if isinstance(error, PermissionError) or error.errno in (errno.EACCES, errno.EPERM):
        return (
            f"permission denied for{where or ' a file'}: the file or its folder cannot be "
            "read or written by you. Choose another folder, or ask whoever manages this "
            "computer."
        )
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return "the disk is full, so nothing was written. Free some space and try again."
    if error.errno == errno.EROFS:
        return f"the disk holding{where} is read-only. Choose a folder on another disk."
    if isinstance(error, FileNotFoundError):
        return f"there is no file or folder at{where or ' the path given'}. Check the name."
    reason = error.strerror or str(error) or type(error).__name__
    return f"{(where.strip() or 'a file')} could not be used: {_short(reason)}."


def failure_sentence(error: BaseException) -> str | None:
    """The sentence for an error below the kernel, or ``None`` if it is truly unforeseen."""
    if isinstance(error, sqlite3.Error):
        return sqlite_sentence(error)
    if isinstance(error, OSError):
        return os_sentence(error)
    if isinstance(error, MemoryError):
        return (
            "there was not enough memory to finish. Close other programs and try again; "
            "nothing was changed."
        )
    if isinstance(error, RecursionError):
        return "the input is nested too deeply to read; nothing was changed."
    return None


def _short(text: str, width: int = 120) -> str:
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"
