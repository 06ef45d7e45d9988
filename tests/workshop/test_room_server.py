"""The room served by Waitress on 127.0.0.1: it listens only while started, and stops."""

from __future__ import annotations

import http.client
import socket
from collections.abc import Iterator

import pytest

from tests.workshop.room_helpers import IDEAS, FakeInbox, state_for
from workshop.room.app import RoomApp
from workshop.room.errors import RoomError
from workshop.room.server import RoomServer

HOST = "127.0.0.1"


@pytest.fixture
def served() -> Iterator[tuple[RoomApp, RoomServer]]:
    app = RoomApp(FakeInbox())
    app.publish(state_for(IDEAS))
    server = RoomServer(app, HOST, 0)
    server.start()
    app.serve_at(HOST, server.port)
    yield app, server
    server.stop()


def ask(
    port: int,
    method: str,
    path: str,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def test_it_serves_the_join_page_while_started(served: tuple[RoomApp, RoomServer]) -> None:
    _, server = served
    assert server.is_running()
    response = ask(server.port, "GET", "/")
    assert response.status == 200
    assert response.getheader("Content-Security-Policy")
    assert response.getheader("Server") in (None, "")


def test_stop_closes_the_port_and_ends_the_thread() -> None:
    app = RoomApp(FakeInbox())
    server = RoomServer(app, HOST, 0)
    server.start()
    port = server.port
    app.serve_at(HOST, port)
    held = socket.create_connection((HOST, port), timeout=5)  # an idle phone's connection
    assert ask(port, "GET", "/").status == 200
    server.stop()
    assert not server.is_running()
    with pytest.raises(OSError):
        socket.create_connection((HOST, port), timeout=2).close()
    held.settimeout(5)
    assert held.recv(10) == b""  # the open connection was closed too
    held.close()


def test_it_starts_again_after_a_stop() -> None:
    app = RoomApp(FakeInbox())
    server = RoomServer(app, HOST, 0)
    server.start()
    server.stop()
    server.start()
    try:
        app.serve_at(HOST, server.port)
        assert ask(server.port, "GET", "/").status == 200
    finally:
        server.stop()


def test_a_foreign_host_header_is_refused_over_the_wire(served: tuple[RoomApp, RoomServer]) -> None:
    _, server = served
    response = ask(server.port, "GET", "/", headers={"Host": "evil.example"})
    assert response.status == 400


def test_a_body_beyond_the_server_limit_is_refused(served: tuple[RoomApp, RoomServer]) -> None:
    _, server = served
    body = b"text=" + b"x" * 20_000
    response = ask(
        server.port,
        "POST",
        "/join",
        body=body,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status == 413


def test_a_body_beyond_the_room_limit_is_refused_with_the_room_message(
    served: tuple[RoomApp, RoomServer],
) -> None:
    _, server = served
    connection = http.client.HTTPConnection(HOST, server.port, timeout=10)
    connection.request(
        "POST",
        "/join",
        body=b"code=" + b"x" * 5000,
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    response = connection.getresponse()
    text = response.read().decode()
    connection.close()
    assert response.status == 413
    assert "too much to send" in text


@pytest.mark.parametrize("address", ["0.0.0.0", "8.8.8.8", "::", "example.org"])
def test_it_refuses_to_listen_anywhere_but_a_local_address(address: str) -> None:
    with pytest.raises(RoomError):
        RoomServer(RoomApp(FakeInbox()), address, 0)


def test_a_port_in_use_is_a_plain_error() -> None:
    with socket.socket() as taken:
        taken.bind((HOST, 0))
        taken.listen()
        server = RoomServer(RoomApp(FakeInbox()), HOST, taken.getsockname()[1])
        with pytest.raises(RoomError, match="Another program"):
            server.start()
