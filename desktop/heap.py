"""Keeping the garbage collector's pauses short while a big document is open.

Now and then Python's cycle collector walks every object the program holds (a full
collection), and no thread runs Python meanwhile. With a thousand-section plan open that is
about a quarter of a million objects (the document and its snapshot, the panels' results,
their rows' Qt wrappers): 130-200 ms each time, every few edits, whichever thread set it
off. That was the longest freeze of the window while typing.

So once the panels have caught up with an edit, what is alive then is frozen
(:func:`gc.freeze`): the collector no longer walks it, and later collections walk only what
was made since, a few milliseconds' worth. A frozen object is still freed as soon as nothing
uses it; only one caught in a reference cycle waits, until :func:`release_frozen` (called
when a document window closes, when a pause does not matter) collects everything once.
"""

from __future__ import annotations

import atexit
import gc

from PySide6.QtCore import QTimer

_freeze_due = False

atexit.register(gc.unfreeze)  # the last collection, at exit, sees everything as before


def freeze_soon() -> None:
    """Freeze what is alive once the UI thread is back in its event loop (the panel that
    asked has then shown its result and dropped the one before)."""
    global _freeze_due
    if not _freeze_due:
        _freeze_due = True
        QTimer.singleShot(0, _freeze)


def _freeze() -> None:
    global _freeze_due
    _freeze_due = False
    gc.collect(1)  # the young objects' cycles, so garbage is not frozen (a millisecond)
    gc.freeze()


def release_frozen() -> None:
    """Collect everything, frozen or not, once control is back in the event loop, and freeze
    what is left: a closed window's objects may hold each other in cycles."""
    QTimer.singleShot(0, _collect_everything)


def _collect_everything() -> None:
    gc.unfreeze()
    gc.collect()
    gc.freeze()
