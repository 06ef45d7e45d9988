"""The room's web server: Waitress on one private address, in a thread of its own.

Waitress is a pure-Python production WSGI server with one pool of threads and no event loop
to share with Qt. It caps connections, request bodies and idle time itself; the room's app
(:mod:`workshop.room.app`) answers every request. :meth:`RoomServer.stop` closes the
listening socket and every open connection on the server's own thread, so the port is free
and the thread has ended when it returns.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterable
from typing import Any

from waitress.server import create_server  # type: ignore[import-untyped]

from workshop.room.errors import RoomError
from workshop.room.network import may_listen_on

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

THREADS = 8  # requests handled at once; each is short (a page, or one write to the file)
CONNECTIONS = 200  # open connections at once, across the whole room
BODY_BYTES = 8192  # Waitress's own cap; the app refuses above its smaller limit, politely
IDLE_SECONDS = 30  # a connection that says nothing for this long is closed


class RoomServer:
    """Serves ``app`` on ``host``:``port`` (0 picks a free port) while started."""

    def __init__(self, app: WSGIApp, host: str, port: int = 0):
        if not may_listen_on(host):
            raise RoomError(f"The room cannot listen on {host}: it is not a local address.")
        self._app = app
        self._host = host
        self._port = port
        self._server: Any = None
        self._thread: threading.Thread | None = None

    @property
    def host(self) -> str:
        return self._host

    @property
    def port(self) -> int:
        """The port it listens on (the one chosen when it was asked for 0)."""
        if self._server is None:
            return self._port
        return int(self._server.effective_port)

    def is_running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        if self._server is not None:
            return
        try:
            self._server = create_server(
                self._app,
                host=self._host,
                port=self._port,
                threads=THREADS,
                connection_limit=CONNECTIONS,
                max_request_body_size=BODY_BYTES,
                channel_timeout=IDLE_SECONDS,
                cleanup_interval=IDLE_SECONDS,
                ident="",
                expose_tracebacks=False,
                clear_untrusted_proxy_headers=True,
            )
        except OSError as error:
            raise RoomError(
                f"The room could not start on {self._host} port {self._port}: "
                f"{error.strerror or error}. Another program may be using that port: "
                "try another port, or close the other program."
            ) from None
        logging.getLogger("waitress.queue").setLevel(logging.ERROR)
        self._thread = threading.Thread(target=self._server.run, name="workshop-room", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop listening, close every connection, and wait for the server's threads."""
        server, thread = self._server, self._thread
        if server is None:
            return
        self._server, self._thread = None, None
        self._port = int(server.effective_port)
        server.trigger.pull_trigger(lambda: _close_everything(server))
        if thread is not None:
            thread.join(timeout)
        server.task_dispatcher.shutdown(timeout=timeout)
        if thread is not None and thread.is_alive():  # the loop did not run the thunk
            _close_everything(server)


def _close_everything(server: Any) -> None:
    """On the server's thread: close the listening socket and every connection; the loop ends
    when its map of sockets is empty."""
    for dispatcher in list(server._map.values()):
        if dispatcher is server.trigger:
            continue
        with contextlib.suppress(OSError):
            dispatcher.close()
    server.trigger.close()
