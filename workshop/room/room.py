"""One room for one open project: the inbox writer, the web app and its server, together.

The desktop's ``RoomControl`` and the command line's ``reformkit workshop serve`` both drive
a :class:`Room`: start it, say which activity phones see, call :meth:`Room.drain` now and
then on the thread that edits the project (the file's new items, then a fresh state for the
phones), and stop it. No Qt here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reformkit.document.inbox import InboxWriter
from workshop.room.app import RoomApp
from workshop.room.errors import RoomError
from workshop.room.limits import Limits
from workshop.room.network import DEFAULT_PORT, candidate_addresses, choose_address
from workshop.room.qr import qr_png
from workshop.room.server import RoomServer
from workshop.room.state import build_state, next_phone

if TYPE_CHECKING:
    from reformkit.document.project import Project

__all__ = ["DEFAULT_PORT", "Room"]


class Room:
    """Serves ``project``'s current activity to phones while started."""

    def __init__(self, project: Project, limits: Limits | None = None):
        self.project = project
        self._limits = limits
        self._writer: InboxWriter | None = None
        self._app: RoomApp | None = None
        self._server: RoomServer | None = None
        self._activity: str | None = None
        self._open = True
        self._changed = True
        project.subscribe(self._document_changed)

    # Starting and stopping.
    def start(self, host: str | None = None, port: int = DEFAULT_PORT) -> None:
        """Listen on ``host`` (else the best local address) and ``port`` (another free port
        when the default one is taken). Raises :class:`RoomError` with a plain reason."""
        if self.is_running():
            return
        if self.project.read_only:
            raise RoomError(
                "This document is open read-only, so answers from phones could not be saved. "
                "Open it for editing to start the room."
            )
        address = choose_address(host)
        self.project.drain_inbox()  # anything left from before goes in first
        writer = InboxWriter(self.project.path)
        app = RoomApp(writer, self._limits, first_phone=next_phone(self.project.document))
        server = RoomServer(app, address, port)
        try:
            try:
                server.start()
            except RoomError:
                if port != DEFAULT_PORT:
                    raise
                server = RoomServer(app, address, 0)
                server.start()
        except BaseException:
            writer.close()
            raise
        app.serve_at(address, server.port)
        self._writer, self._app, self._server = writer, app, server
        self.publish()

    def stop(self) -> int:
        """Stop listening, take in what arrived last, and return how many items that was."""
        server, writer = self._server, self._writer
        self._server, self._writer = None, None
        if server is not None:
            server.stop()
        if writer is not None:
            writer.close()
        return self.project.drain_inbox() if server is not None else 0

    def is_running(self) -> bool:
        return self._server is not None and self._server.is_running()

    # What phones see.
    def set_activity(self, activity_id: str | None, open_for_phones: bool = True) -> None:
        self._activity, self._open = activity_id, open_for_phones
        self.publish()

    @property
    def activity_id(self) -> str | None:
        return self._activity

    def drain(self, limit: int | None = None) -> int:
        """Take the inbox (its first ``limit`` rows) into the project; publish a new state if
        anything changed."""
        if not self.is_running():
            return 0
        added = self.project.drain_inbox(limit)
        if added or self._changed:
            self.publish()
        return added

    def publish(self) -> None:
        if self._app is not None:
            self._changed = False
            self._app.publish(build_state(self.project.document, self._activity, self._open))

    def _document_changed(self, _change: str, _target: str) -> None:
        self._changed = True

    # What the facilitator shows the room.
    @property
    def app(self) -> RoomApp:
        if self._app is None:
            raise RoomError("The room is not started.")
        return self._app

    def join_code(self) -> str:
        return self._app.join_code if self._app is not None else ""

    def address(self) -> str:
        """``http://host:port``, or "" when stopped."""
        if self._server is None:
            return ""
        return f"http://{self._server.host}:{self._server.port}"

    def join_url(self) -> str:
        """The address with the join code, as the QR code holds it."""
        if self._server is None or self._app is None:
            return ""
        return f"{self.address()}/j/{self._app.join_code}"

    def qr_png(self) -> bytes:
        return qr_png(self.join_url()) if self.is_running() else b""

    def new_code(self) -> str:
        """A new session: a new code, and every phone must join again."""
        return self.app.new_session()

    @staticmethod
    def addresses() -> list[str]:
        """The addresses the room may use on this laptop, best first."""
        return candidate_addresses()
