"""Running slow work (reading a big file, exporting) off the UI thread.

The result comes back through a queued signal, so the callbacks run on the UI thread.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QWidget

from desktop import heap


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.work = work
        self.relay = relay

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as error:  # handed to the UI thread, which shows a message
            self.relay.failed.emit(error)
        else:
            self.relay.done.emit(result)


_running: set[_Relay] = set()

# A worker computing in Python holds the interpreter lock for the switch interval (5 ms by
# default) each time the UI thread asks for it back, and the UI thread asks at every call
# into Qt: with 1 ms, typing stays smooth while a big document is checked.
SWITCH_INTERVAL_S = 0.001


def run_in_background(
    work: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_failed: Callable[[Exception], None],
    pool: QThreadPool | None = None,
) -> None:
    """Run ``work()`` on the thread pool (``pool``, else Qt's global one); call
    ``on_done(result)`` or ``on_failed(error)`` on this (UI) thread afterwards."""
    if sys.getswitchinterval() > SWITCH_INTERVAL_S:
        sys.setswitchinterval(SWITCH_INTERVAL_S)
    heap.take_over_full_passes()
    relay = _Relay()
    _running.add(relay)
    heap.work_started()

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _running.discard(relay)
        try:
            callback(value)
        finally:
            if not _running:  # every worker's result is in
                heap.work_done()

    relay.done.connect(lambda result: finish(on_done, result), Qt.ConnectionType.QueuedConnection)
    relay.failed.connect(lambda error: finish(on_failed, error), Qt.ConnectionType.QueuedConnection)
    (pool or QThreadPool.globalInstance()).start(_Job(work, relay))


_panels_pool: QThreadPool | None = None


def panels_pool() -> QThreadPool:
    """One thread for the panels' work after each edit (checks, coverage, preview...).

    Their work is Python, which runs one thread at a time: side by side, three workers each
    took the interpreter lock as often as the UI thread, which then got a quarter of the
    time for its own work (copying the document, answering a keystroke). In turn, the UI
    thread gets half, and each result still comes as soon as its turn is done.
    """
    global _panels_pool
    if _panels_pool is None:
        _panels_pool = QThreadPool()
        _panels_pool.setMaxThreadCount(1)
    return _panels_pool


# The longest a panel not yet on screen waits for the app's next paint before its first run.
FIRST_PAINT_WAIT_MS = 1000


class _AfterPaint(QObject):
    """Work held until the app next paints anything (or FIRST_PAINT_WAIT_MS have passed).

    A big document's panels start their workers while its window is being built, and a
    worker computing in Python slows every call the UI thread makes into Qt (each waits for
    the interpreter lock): the window of a thousand-section plan took three times as long
    to build and paint. So their first runs start once the window has been painted.
    """

    def __init__(self) -> None:
        super().__init__()
        self.held: list[Callable[[], None]] = []
        self.releasing = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(FIRST_PAINT_WAIT_MS)
        self.timer.timeout.connect(self.release)

    def hold(self, work: Callable[[], None]) -> None:
        self.held.append(work)
        if len(self.held) == 1:
            app = QCoreApplication.instance()
            if app is not None:
                app.installEventFilter(self)
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.releasing:
            self.releasing = True
            QTimer.singleShot(0, self.release)  # once this paint is done
        return False

    def release(self) -> None:
        app = QCoreApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.timer.stop()
        self.releasing = False
        held, self.held = self.held, []
        for work in held:
            work()


_after_paint: _AfterPaint | None = None


def after_next_paint(work: Callable[[], None]) -> None:
    """Call ``work()`` on this (UI) thread once the app has painted again."""
    global _after_paint
    if _after_paint is None or not shiboken6.isValid(_after_paint):
        _after_paint = _AfterPaint()
    _after_paint.hold(work)


class _Settling(QObject):
    """Workers' first runs held while the UI thread finishes building a window after its
    first paint (the parts tree of a big plan, a few sections a turn): a worker computing
    in Python made each turn wait for the interpreter lock, and the building took ten times
    as long. Held at most FIRST_PAINT_WAIT_MS."""

    def __init__(self) -> None:
        super().__init__()
        self.builders: set[int] = set()
        self.held: list[Callable[[], None]] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(FIRST_PAINT_WAIT_MS)
        self.timer.timeout.connect(self.release)

    def when_settled(self, work: Callable[[], None]) -> None:
        if not self.builders:
            work()
            return
        self.held.append(work)
        if not self.timer.isActive():
            self.timer.start()

    def building(self, builder: object) -> None:
        self.builders.add(id(builder))

    def built(self, builder: object) -> None:
        self.builders.discard(id(builder))
        if not self.builders:
            self.release()

    def release(self) -> None:
        self.builders.clear()  # past the wait, a builder that never finished is forgotten
        self.timer.stop()
        held, self.held = self.held, []
        for work in held:
            work()


_settling: _Settling | None = None


def _settling_gate() -> _Settling:
    global _settling
    if _settling is None or not shiboken6.isValid(_settling):
        _settling = _Settling()
    return _settling


def building_on_screen(builder: object) -> None:
    """``builder`` goes on building on the UI thread after the next paint: workers' first
    runs wait until it calls :func:`built_on_screen` (or FIRST_PAINT_WAIT_MS pass)."""
    _settling_gate().building(builder)


def built_on_screen(builder: object) -> None:
    if _settling is not None and shiboken6.isValid(_settling):
        _settling.built(builder)


def _when_settled(work: Callable[[], None]) -> None:
    """Call ``work()`` now, or once every builder has finished. The gate (a QObject) is
    made only when some builder has waited on it."""
    if _settling is not None and shiboken6.isValid(_settling):
        _settling.when_settled(work)
    else:
        work()


class LatestResult(QObject):
    """Work that is redone after each edit, on the thread pool, showing only the newest.

    ``start(work)`` runs ``work()`` (which must read only a snapshot, never the live
    document) and hands its result to ``show`` on the UI thread. While one run is going,
    a newer request waits for it and replaces any other waiting one, so runs never pile up
    and a stale result is never shown. The first run of a panel that is not on screen yet
    starts after the app's next paint (see :class:`_AfterPaint`).
    """

    def __init__(self, show: Callable[[Any], object], parent: QObject):
        super().__init__(parent)
        self.show = show
        self.running = False
        self.waiting: Callable[[], Callable[[], Any]] | None = None

    def start(self, prepare: Callable[[], Callable[[], Any]]) -> None:
        """``prepare()`` runs on the UI thread (take the snapshot there) and returns the
        work for the worker."""
        if self.running:
            self.waiting = prepare
            return
        self.running = True
        self._stale = False
        first, self._started = not self._started, True
        panel = self.parent()
        if first and isinstance(panel, QWidget) and not panel.isVisible():
            after_next_paint(lambda: _when_settled(lambda: self._run(prepare)))
        else:
            self._run(prepare)

    def _run(self, prepare: Callable[[], Callable[[], Any]]) -> None:
        if shiboken6.isValid(self):
            run_in_background(prepare(), self._done, self._failed, panels_pool())

    def cancel(self) -> None:
        """Drop a waiting request and the result of the one running (a newer result was
        shown some other way)."""
        self.waiting = None
        self._stale = self.running

    _stale = False
    _started = False

    def _done(self, result: Any) -> None:
        if not shiboken6.isValid(self):
            return
        self.running = False
        stale, self._stale = self._stale, False
        if self.waiting is not None:
            prepare, self.waiting = self.waiting, None
            self.start(prepare)
        elif not stale:
            self.show(result)

    def _failed(self, error: Exception) -> None:
        if not shiboken6.isValid(self):
            return
        self.running = False
        self.waiting = None
        raise error
