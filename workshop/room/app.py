"""The room's web application: join with the code, then send ideas, places and votes.

A Werkzeug WSGI app, served by :mod:`workshop.room.server`. Each request is checked in turn:
from the local network, addressed to this room's own host and port, within the address's
rate, within the size limit; then routed. A correct join code sets one session cookie
(HttpOnly, SameSite=Strict, no expiry: it dies with the browser) holding a random token;
every form carries a token tied to it. Sends go through the inbox writer, which commits to
the project file before the phone is redirected to "Thank you" (Post/Redirect/Get).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable
from importlib import resources
from typing import Any, Protocol

from werkzeug.exceptions import HTTPException, MethodNotAllowed, NotFound, RequestEntityTooLarge
from werkzeug.routing import Map, Rule
from werkzeug.wrappers import Request, Response

from workshop.room import codes, pages
from workshop.room.limits import Clock, Limits, RoomLimits
from workshop.room.network import may_connect_from
from workshop.room.sends import RefusedError, idea_payloads, place_payloads, vote_payloads
from workshop.room.state import RoomState

log = logging.getLogger(__name__)

COOKIE = "room"
HEADERS = {
    "Content-Security-Policy": "default-src 'self'; frame-ancestors 'none'; form-action 'self'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}
STATIC = {"room.css": "text/css; charset=utf-8", "refresh.js": "text/javascript; charset=utf-8"}
SENT = {
    "idea": "Your idea is in.",
    "place": "Your places are in.",
    "vote": "Your votes are in.",
}

_URLS = Map(
    [
        Rule("/", endpoint="join_form", methods=["GET"]),
        Rule("/join", endpoint="join", methods=["POST"]),
        Rule("/j/<code>", endpoint="join_link", methods=["GET"]),
        Rule("/now", endpoint="now", methods=["GET"]),
        Rule("/send/<kind>", endpoint="send", methods=["POST"]),
        Rule("/thanks", endpoint="thanks", methods=["GET"]),
        Rule("/results", endpoint="results", methods=["GET"]),
        Rule("/static/<name>", endpoint="static", methods=["GET"]),
        Rule("/favicon.ico", endpoint="icon", methods=["GET"]),
    ]
)


class Inbox(Protocol):
    """Where sends go: ``reformkit.document.inbox.InboxWriter`` (on disk when it returns)."""

    def put(self, channel: str, payload: dict[str, Any]) -> str: ...


class RoomApp:
    """The WSGI app of one room. The owner publishes :class:`RoomState`; phones read it."""

    def __init__(
        self,
        inbox: Inbox,
        limits: Limits | None = None,
        clock: Clock = time.monotonic,
        first_phone: int = 1,
    ):
        self._inbox = inbox
        self._limits = RoomLimits(limits or Limits(), clock)
        self._lock = threading.Lock()
        self._state = RoomState()
        self._hosts: frozenset[str] = frozenset()
        self._code = ""
        self._secret = b""
        self._phones: dict[str, int] = {}  # session token -> phone number
        self._voted: set[tuple[str, str]] = set()  # (token, activity id)
        self._joined = first_phone - 1  # phones are numbered on, across sessions
        self._sent: Counter[str] = Counter()  # sends by kind ("idea"), since the app began
        self.new_session()

    # The owner's side.
    def new_session(self) -> str:
        """A new join code; every phone that joined before must join again."""
        with self._lock:
            self._code = codes.new_join_code()
            self._secret = codes.new_secret()
            self._phones.clear()
            self._voted.clear()
            self._limits.forget()
            return self._code

    @property
    def join_code(self) -> str:
        return self._code

    @property
    def limits(self) -> Limits:
        return self._limits.limits

    def serve_at(self, host: str, port: int) -> None:
        """Answer only requests addressed to ``host``:``port`` (their Host header)."""
        names = {f"{host}:{port}"} | ({host} if port == 80 else set())
        self._hosts = frozenset(names)

    def publish(self, state: RoomState) -> None:
        self._state = state

    @property
    def state(self) -> RoomState:
        return self._state

    def phones(self) -> int:
        with self._lock:
            return len(self._phones)

    def sent(self) -> dict[str, int]:
        """How many ideas, places and votes phones sent (each taken whole), by kind."""
        with self._lock:
            return dict(self._sent)

    # WSGI.
    def __call__(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        request = Request(environ)
        request.max_content_length = self.limits.body_bytes
        request.max_form_memory_size = self.limits.body_bytes
        try:
            response = self._respond(request)
        except RequestEntityTooLarge:
            response = self._too_large()
        except Exception:  # a phone never sees a traceback; the log has it
            log.exception("The workshop room failed to answer %s", request.path)
            response = _html(
                500, pages.message_page("Sorry", "Something went wrong. Please try again.")
            )
        response.headers.update(HEADERS)
        return response(environ, start_response)

    def _respond(self, request: Request) -> Response:
        address = request.remote_addr or ""
        if not may_connect_from(address):
            return _html(403, pages.message_page("Not here", "This page is for the room only."))
        if request.environ.get("HTTP_HOST", "").lower() not in self._hosts:
            return _html(400, pages.message_page("Wrong address", "Use the address on the screen."))
        if not self._limits.requests.take(address):
            return _slow_down()
        if (request.content_length or 0) > self.limits.body_bytes:
            return self._too_large()
        try:
            endpoint, arguments = _URLS.bind("room").match(request.path, request.method)
        except NotFound:
            return _html(404, pages.message_page("Not found", "There is no such page.", _HOME))
        except MethodNotAllowed:
            return _html(405, pages.message_page("Not found", "There is no such page.", _HOME))
        except HTTPException:
            return _html(400, pages.message_page("Not found", "There is no such page.", _HOME))
        if endpoint == "static":
            return _static(arguments["name"])
        if endpoint == "icon":  # browsers ask for one; there is none, and that is fine
            return Response(b"", status=204)
        if endpoint == "join_form":
            return self._join_form(request)
        if endpoint in ("join", "join_link"):
            typed = arguments.get("code") or str(request.form.get("code", ""))
            return self._join(request, address, typed)
        token = request.cookies.get(COOKIE, "")
        with self._lock:
            phone = self._phones.get(token)
        if phone is None:
            return _redirect("/")
        if endpoint == "now":
            return self._now(token)
        if endpoint == "send":
            return self._send(request, token, phone, arguments["kind"])
        if endpoint == "thanks":
            what = SENT.get(request.args.get("sent", ""), "We have it.")
            return _html(200, pages.thanks_page(what))
        return _html(200, pages.results_page(self._state))

    # Joining.
    def _join_form(self, request: Request) -> Response:
        with self._lock:
            joined = request.cookies.get(COOKIE, "") in self._phones
        return _redirect("/now") if joined else _html(200, pages.join_page())

    def _join(self, request: Request, address: str, typed: str) -> Response:
        if not self._limits.wrong_codes.has(address):
            return _html(
                429,
                pages.join_page("Too many tries. Please wait a minute, then type the code again."),
            )
        if not codes.same_code(typed, self._code):
            self._limits.wrong_codes.take(address)
            return _html(
                403,
                pages.join_page(
                    "That code did not work. Check the code on the screen: "
                    "each session has a new one."
                ),
            )
        token = request.cookies.get(COOKIE, "")
        with self._lock:
            if token not in self._phones:
                if len(self._phones) >= self.limits.participants:
                    return _html(
                        503, pages.message_page("The room is full", "No more phones can join.")
                    )
                token = codes.new_token()
                self._joined += 1
                self._phones[token] = self._joined
        response = _redirect("/now")
        response.set_cookie(COOKIE, token, path="/", httponly=True, samesite="Strict")
        return response

    # The activity.
    def _now(self, token: str) -> Response:
        state = self._state
        if not state.accepting:
            return _html(200, pages.waiting_page(state))
        return _html(200, pages.activity_page(state, self._form_token(token)))

    def _form_token(self, token: str) -> str:
        return codes.form_token(self._secret, token)

    def _send(self, request: Request, token: str, phone: int, kind: str) -> Response:
        if kind not in SENT:
            return _html(404, pages.message_page("Not found", "There is no such page.", _HOME))
        form = request.form
        if not codes.form_token_ok(self._secret, token, str(form.get("csrf", ""))):
            return _html(
                403,
                pages.message_page(
                    "Please try again", "This form is out of date. Open it again.", _NOW
                ),
            )
        state = self._state
        activity = state.activity
        if activity is None or not state.open_for_phones or form.get("activity") != activity.id:
            return _html(
                409,
                pages.message_page("That has closed", "The facilitator has moved on.", _NOW),
            )
        if not self._limits.sends.take(token):
            return _slow_down()
        voted = (token, activity.id)
        if kind == "vote":
            with self._lock:
                if voted in self._voted:
                    return _html(200, pages.thanks_page("You have voted in this one already."))
                self._voted.add(voted)  # at once, so a second press cannot vote twice
        try:
            if kind == "idea":
                channel, payloads = "contribution", idea_payloads(state, form, self.limits)
            elif kind == "place":
                channel, payloads = "placement", place_payloads(state, form, self.limits)
            else:
                channel, payloads = "vote", vote_payloads(state, form, f"Phone {phone}")
        except RefusedError as refused:
            self._voted.discard(voted)
            return _html(
                400,
                pages.activity_page(
                    state,
                    self._form_token(token),
                    error=str(refused),
                    text=str(form.get("text", ""))[: self.limits.text_chars * 2],
                    group=str(form.get("group", "")),
                ),
            )
        try:
            for payload in payloads:
                self._inbox.put(channel, payload)
        except Exception:
            self._voted.discard(voted)
            log.exception("The workshop room could not save a %s", channel)
            return _html(
                503,
                pages.message_page(
                    "Not saved", "That did not save. Please wait a moment and send it again.", _NOW
                ),
            )
        with self._lock:
            self._sent[kind] += 1
        return _redirect(f"/thanks?sent={kind}")

    def _too_large(self) -> Response:
        words = (
            f"That was too much to send at once. Please keep it under "
            f"{self.limits.text_chars} characters."
        )
        return _html(413, pages.message_page("Too long", words, _NOW))


_HOME = ("/", "Start again")
_NOW = ("/now", "Back")


def _html(status: int, body: str) -> Response:
    return Response(body, status=status, content_type="text/html; charset=utf-8")


def _redirect(where: str) -> Response:
    return Response("", status=303, headers={"Location": where})


def _slow_down() -> Response:
    return Response(
        pages.message_page(
            "Please slow down", "You are sending very fast. Wait a few seconds, then try again."
        ),
        status=429,
        content_type="text/html; charset=utf-8",
        headers={"Retry-After": "5"},
    )


def _static(name: str) -> Response:
    kind = STATIC.get(name)
    if kind is None:
        return _html(404, pages.message_page("Not found", "There is no such page.", _HOME))
    data = resources.files("workshop.room").joinpath("static", name).read_bytes()
    return Response(data, status=200, content_type=kind)
