"""Running slow work (reading a big file, exporting) off the UI thread.

The result comes back through a queued signal, so the callbacks run on the UI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal


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


def run_in_background(
    work: Callable[[], Any], on_done: Callable[[Any], None], on_failed: Callable[[Exception], None]
) -> None:
    """Run ``work()`` on the thread pool; call ``on_done(result)`` or ``on_failed(error)``
    on this (UI) thread afterwards."""
    relay = _Relay()
    _running.add(relay)

    def finish(callback: Callable[[Any], None], value: Any) -> None:
        _running.discard(relay)
        callback(value)

    relay.done.connect(lambda result: finish(on_done, result), Qt.ConnectionType.QueuedConnection)
    relay.failed.connect(lambda error: finish(on_failed, error), Qt.ConnectionType.QueuedConnection)
    QThreadPool.globalInstance().start(_Job(work, relay))
