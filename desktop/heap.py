"""Keeping the garbage collector's full passes out of the way of typing.

Now and then Python's cycle collector walks every object the program holds (a full
collection), and no thread runs Python meanwhile. With a thousand-section plan open that is
about a quarter of a million objects (the document and its snapshot, the panels' results,
their rows' Qt wrappers): 130-200 ms each time, every few edits, whichever thread set it
off. That was the longest freeze of the window while typing.

So once background work has started, the collector makes no full pass of its own; the
young objects, where nearly all reference cycles are found, are still collected as usual.
The full pass is made here, when a pause does not matter: after FULL_PASS_IDLE_MS with no
background work (no edit for that long), and once a document window has closed. Objects
freed by their reference counts (nearly all) go at once, as always; only garbage in a
cycle that outlived the young collections waits for the next full pass.

(Freezing the long-lived objects with ``gc.freeze`` instead crashed the app now and then:
the collector's lists were corrupted while workers ran.)
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QTimer

FULL_PASS_IDLE_MS = 20_000  # with no background work for this long, the full pass is made
RARELY = 1_000_000  # young collections between two full passes of the collector's own

_idle_timer: QTimer | None = None


def take_over_full_passes() -> None:
    """From now on the collector makes no full pass of its own (see the module's words)."""
    young, middle, old = gc.get_threshold()
    if old < RARELY:
        gc.set_threshold(young, middle, RARELY)


def work_done() -> None:
    """Background work is all done: the full pass follows if none starts for a while."""
    global _idle_timer
    if _idle_timer is None:
        _idle_timer = QTimer()
        _idle_timer.setSingleShot(True)
        _idle_timer.timeout.connect(full_pass)
    _idle_timer.start(FULL_PASS_IDLE_MS)


def work_started() -> None:
    """Background work has started: no full pass while it goes on."""
    if _idle_timer is not None:
        _idle_timer.stop()


def full_pass() -> None:
    """Collect everything now (a pause of up to ~0.2 s on a big plan)."""
    gc.collect()


def full_pass_soon() -> None:
    """Collect everything once control is back in the event loop: a closed window's
    objects may hold each other in cycles."""
    QTimer.singleShot(0, full_pass)
