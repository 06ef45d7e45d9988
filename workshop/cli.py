"""``reformkit workshop serve FILE``: the room from the command line, without a display.

For a facilitator with no screen to spare, and for tests: it opens the document (taking its
lock), starts the room, prints the address, the join code, a QR code and the rules, takes in
what phones send every second, and stops cleanly on Ctrl+C with a count of what arrived.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

from workshop.export_cli import add_export_command
from workshop.room.network import DEFAULT_PORT

RULES = (
    "Only people with the join code can get in. The code is new each time.",
    "The room is open only while this runs, and only on this network.",
    "What people send goes into the file as it arrives.",
    "Press Ctrl+C to close the room.",
)


def add_commands(subparsers: Any) -> None:
    """Add ``reformkit workshop …`` to the top-level command line."""
    workshop = subparsers.add_parser(
        "workshop", help="run a workshop: let the room join from their phones"
    )
    verbs = workshop.add_subparsers(dest="workshop_command", metavar="COMMAND", required=True)
    serve = verbs.add_parser(
        "serve",
        help="open the room: people join from their phones over this network, no internet",
    )
    serve.add_argument("file", type=Path, help="a .reformkit document with a workshop record")
    serve.add_argument(
        "--host",
        metavar="ADDRESS",
        help="the laptop's address on the local network (chosen for you if left out)",
    )
    serve.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"the port (default {DEFAULT_PORT})"
    )
    serve.add_argument(
        "--activity", metavar="TITLE", help="the activity phones see (default: the last one)"
    )
    serve.add_argument("--stop-after", type=float, metavar="SECONDS", help=argparse.SUPPRESS)
    serve.set_defaults(handler=serve_file, inputs={"file": "a ReformKit document"})
    add_export_command(verbs)


def serve_file(args: argparse.Namespace) -> int:
    from reformkit.document.project import Project
    from workshop.room.errors import RoomError
    from workshop.room.qr import qr_text
    from workshop.room.room import Room

    with Project.open(args.file, args.load_kinds()) as project:
        if project.read_only:
            raise RoomError(f"{args.file} cannot be changed: {project.read_only_reason}")
        activity_id, title = _activity(project, args.activity)
        room = Room(project)
        room.start(args.host, args.port)
        try:
            room.set_activity(activity_id, open_for_phones=True)
            _announce(room, title, qr_text(room.join_url()))
            deadline = None if args.stop_after is None else time.monotonic() + args.stop_after
            try:
                while deadline is None or time.monotonic() < deadline:
                    time.sleep(1.0)
                    room.drain()
            except KeyboardInterrupt:
                pass
        finally:
            sent = room.app.sent()
            room.stop()
    print(f"The room is closed. {_arrived(sent)}", flush=True)
    return 0


def _activity(project: Any, wanted: str | None) -> tuple[str, str]:
    from workshop.record import read_record
    from workshop.room.errors import RoomError

    activities = read_record(project.document).activities
    if not activities:
        raise RoomError(
            "This document has no workshop activity yet. Add one in ReformKit first, then "
            "open the room."
        )
    if wanted is None:
        return activities[-1].id, activities[-1].title
    for activity in activities:
        if activity.title.casefold().strip() == wanted.casefold().strip():
            return activity.id, activity.title
    names = "; ".join(f"“{a.title}”" for a in activities)
    raise RoomError(f"There is no activity called “{wanted}”. The activities are: {names}.")


def _announce(room: Any, title: str, qr: str) -> None:
    lines = [
        f"The room is open for “{title}”.",
        f"Address: {room.address()}",
        f"Join code: {room.join_code()}",
        "Or scan this QR code:",
        qr,
        *RULES,
    ]
    print("\n".join(lines), flush=True)


def _arrived(sent: dict[str, int]) -> str:
    counts = [
        f"{n} {one if n == 1 else many}"
        for n, one, many in (
            (sent.get("idea", 0), "idea", "ideas"),
            (sent.get("place", 0), "place", "places"),
            (sent.get("vote", 0), "vote", "votes"),
        )
    ]
    return f"{counts[0]}, {counts[1]} and {counts[2]} arrived from phones."
