"""Shared pieces of the room tests: a fake inbox, states to publish, and a test client."""

from __future__ import annotations

import http.client
import re
import threading
import urllib.parse
from typing import Any

from werkzeug.test import Client, TestResponse

from workshop.parts import Method
from workshop.room.app import RoomApp
from workshop.room.room import Room
from workshop.room.state import ActivityView, CanvasRowView, RoomState

HOST, PORT = "127.0.0.1", 8765
BASE = f"http://{HOST}:{PORT}"


class FakeInbox:
    """Keeps what was put, in order; thread-safe like the real writer."""

    def __init__(self) -> None:
        self.rows: list[tuple[str, dict[str, Any]]] = []
        self._lock = threading.Lock()

    def put(self, channel: str, payload: dict[str, Any]) -> str:
        with self._lock:
            self.rows.append((channel, payload))
            return f"row{len(self.rows)}"


IDEAS = ActivityView("a1", "Ideas for the hall", Method.IDEAS, "What would make it better?")
VOTE = ActivityView(
    "a2", "Choose", Method.VOTE, "Which matter most?", dots=3, options=("Buses", "Parks", "Food")
)
CANVAS = ActivityView(
    "a3",
    "Where we are today",
    Method.CANVAS,
    "Place your service.",
    rows=(
        CanvasRowView(1, "The world is...", "Simple and linear", "Complex and adaptive"),
        CanvasRowView(2, "Best practice is...", "Universal", "Place-specific"),
    ),
)


def state_for(activity: ActivityView | None, **changes: Any) -> RoomState:
    return RoomState(
        session_title="Hexham workshop", activity=activity, open_for_phones=True, **changes
    )


def room(inbox: FakeInbox | None = None, activity: ActivityView | None = IDEAS) -> RoomApp:
    app = RoomApp(inbox or FakeInbox())
    app.serve_at(HOST, PORT)
    app.publish(state_for(activity))
    return app


def client(app: RoomApp) -> Client:
    return Client(app)


def get(phone: Client, path: str, **kw: Any) -> TestResponse:
    kw.setdefault("environ_base", {"REMOTE_ADDR": HOST})
    return phone.get(path, base_url=BASE, **kw)


def post(phone: Client, path: str, data: dict[str, str], **kw: Any) -> TestResponse:
    kw.setdefault("environ_base", {"REMOTE_ADDR": HOST})
    return phone.post(path, base_url=BASE, data=data, **kw)


def joined(app: RoomApp) -> Client:
    phone = client(app)
    response = get(phone, f"/j/{app.join_code}")
    assert response.status_code == 303
    return phone


def form_token(page: str) -> str:
    found = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
    assert found is not None, page
    return found.group(1)


def send_idea(app: RoomApp, phone: Client, text: str, group: str = "") -> TestResponse:
    page = get(phone, "/now").get_data(as_text=True)
    data = {"csrf": form_token(page), "activity": app.state.activity.id, "text": text}  # type: ignore[union-attr]
    if group:
        data["group"] = group
    return post(phone, "/send/idea", data)


class Phone:
    """A phone with its own cookie, talking HTTP to the room over 127.0.0.1."""

    def __init__(self, room: Room):
        parsed = urllib.parse.urlsplit(room.address())
        self.host, self.port = str(parsed.hostname), int(parsed.port or 80)
        self.cookie = ""

    def ask(
        self, method: str, path: str, form: dict[str, str] | None = None
    ) -> tuple[int, str, dict[str, str]]:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
        headers = {"Cookie": self.cookie} if self.cookie else {}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode()
        connection.close()
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        return response.status, text, dict(response.getheaders())

    def join(self, code: str) -> None:
        status, _, _ = self.ask("GET", f"/j/{code}")
        assert status == 303

    def send(self, kind: str, fields: dict[str, str]) -> int:
        _, page, _ = self.ask("GET", "/now")
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
        activity = re.search(r'name="activity" value="([^"]+)"', page)
        assert token and activity, page
        form = {"csrf": token.group(1), "activity": activity.group(1), **fields}
        return self.ask("POST", f"/send/{kind}", form)[0]
