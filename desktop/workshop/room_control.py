"""The workshop room, driven from the window: start, stop, and the inbox drained on a timer.

Phones are served on Waitress's threads (workshop.room); what they send waits in the file's
inbox. Every 300 ms a QTimer on the UI thread takes the inbox into the Project (at most
``DRAIN_ROWS`` answers at a time), so the new items reach the window's views, undo and
listeners like any edit, and hands the phones a fresh state. The UI thread never waits on a
phone.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QTimer, Signal

from reformkit.document.project import Project
from reformkit.errors import ReformKitError
from workshop.room.limits import Limits
from workshop.room.room import DEFAULT_PORT, Room

DRAIN_MS = 300
# At most this many answers are taken in per drain, so one drain stays a few milliseconds of
# the UI thread even after a backlog (about 0.2 ms each on a slow laptop); the rest go in at
# the next drain. A full room sends a few per drain.
DRAIN_ROWS = 40
log = logging.getLogger(__name__)


class RoomControl(QObject):
    """The room of one open project, as a QObject with signals for the window."""

    arrived = Signal(int)  # how many items came in from phones in one drain
    running_changed = Signal(bool)

    def __init__(
        self,
        project: Project,
        parent: QObject | None = None,
        *,
        port: int = DEFAULT_PORT,
        limits: Limits | None = None,
    ) -> None:
        super().__init__(parent)
        self._room = Room(project, limits)
        self._port = port
        self._timer = QTimer(self)
        self._timer.setInterval(DRAIN_MS)
        self._timer.timeout.connect(self.drain)

    @property
    def room(self) -> Room:
        return self._room

    def start(self, host: str | None = None) -> None:
        """Start listening on ``host`` (else the laptop's address on the local network).

        Raises ``RoomError`` (a ReformKitError) with a sentence to show when it cannot.
        """
        if self._room.is_running():
            return
        self._room.start(host, self._port)
        self._timer.start()
        self.running_changed.emit(True)

    def stop(self) -> None:
        if not self._room.is_running():
            return
        self._timer.stop()
        added = self._room.stop()
        if added:
            self.arrived.emit(added)
        self.running_changed.emit(False)

    def is_running(self) -> bool:
        return self._room.is_running()

    def join_url(self) -> str:
        return self._room.join_url()

    def join_code(self) -> str:
        return self._room.join_code()

    def qr_png(self) -> bytes:
        return self._room.qr_png()

    def addresses(self) -> list[str]:
        """The addresses the room may listen on, best first, to offer the facilitator."""
        return self._room.addresses()

    def set_current_activity(self, activity_id: str | None, open_for_phones: bool) -> None:
        self._room.set_activity(activity_id, open_for_phones)

    def new_code(self) -> str:
        """A new join code; every phone must join again."""
        return self._room.new_code()

    def drain(self) -> int:
        """Take in what phones sent (on the UI thread); emit ``arrived`` when anything came."""
        try:
            added = self._room.drain(DRAIN_ROWS)
        except ReformKitError as error:  # a full disk: the answers wait in the inbox
            log.warning("The room's answers could not be taken in yet: %s", error)
            return 0
        if added:
            self.arrived.emit(added)
        return added
