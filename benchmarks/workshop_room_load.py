"""The workshop room under load: 60 phones for 2 minutes, and the laptop app stays responsive.

A QApplication opens a workshop record in its document window, with the workshop window
(desktop/workshop/window.py, and its present mode) when installed, and starts the room's
RoomControl on 127.0.0.1. A 5 ms QTimer heartbeat measures the event loop: its longest gap
and its 99th percentile, first with the room off (the reference, same run, same length),
then while 60 simulated phones in a separate process each join with their own cookie and
their own loopback address, send an idea every 2 to 4 seconds and read the results. Then
the room is stopped and the file reopened: every idea a phone was thanked for must be in it,
once, and the inbox empty.

    .venv/bin/python benchmarks/workshop_room_load.py            # 120 s, as in issue 15
    .venv/bin/python benchmarks/workshop_room_load.py --seconds 20
    .venv/bin/python benchmarks/workshop_room_load.py --no-window  # the RoomControl alone

To find what a stall is: --trace-stalls samples the UI thread's stack while the heartbeat is
late and prints the longest gaps with what ran in them; --profile FILE writes a cProfile of
the UI thread while the phones send; --hide-preview hides the document window's preview, to
measure its share.

Target: no event-loop stall over 100 ms while the room is busy; nothing lost.
"""

from __future__ import annotations

import argparse
import cProfile
import http.client
import itertools
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PHONES = 60
HEARTBEAT_MS = 5


# The phones, in their own process.
class Phone(threading.Thread):
    """One phone: its own cookie and loopback address; an idea every 2-4 s, then results."""

    def __init__(self, number: int, address: str, code: str, until: float):
        super().__init__(daemon=True)
        parts = urllib.parse.urlsplit(address)
        self.host, self.port = str(parts.hostname), int(parts.port or 80)
        self.source = f"127.0.{1 + number // 250}.{2 + number % 250}"
        self.number, self.code, self.until = number, code, until
        self.cookie = ""
        self.accepted: list[str] = []
        self.statuses: dict[str, int] = {}
        self.seconds: list[float] = []
        self.failures = 0

    def ask(self, method: str, path: str, form: dict[str, str] | None = None) -> tuple[int, str]:
        connection = http.client.HTTPConnection(
            self.host, self.port, timeout=30, source_address=(self.source, 0)
        )
        headers = {"Cookie": self.cookie} if self.cookie else {}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode()
        finally:
            connection.close()
        self.seconds.append(time.perf_counter() - started)
        cookie = response.getheader("Set-Cookie")
        if cookie:
            self.cookie = cookie.split(";", 1)[0]
        key = str(response.status)
        self.statuses[key] = self.statuses.get(key, 0) + 1
        return response.status, text

    def run(self) -> None:
        randomly = random.Random(self.number)
        try:
            self.ask("GET", f"/j/{self.code}")
        except OSError:
            self.failures += 1
            return
        sent = 0
        while time.monotonic() < self.until:
            time.sleep(randomly.uniform(2.0, 4.0))
            try:
                status, page = self.ask("GET", "/now")
                token = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
                activity = re.search(r'name="activity" value="([^"]+)"', page)
                if status != 200 or not token or not activity:
                    continue
                sent += 1
                text = f"Phone {self.number} idea {sent}: more light in the car park"
                form = {"csrf": token[1], "activity": activity[1], "text": text}
                status, _ = self.ask("POST", "/send/idea", form)
                if status == 303:
                    self.accepted.append(text)
                self.ask("GET", "/results")
            except OSError:
                self.failures += 1


def run_phones(address: str, code: str, seconds: float) -> None:
    until = time.monotonic() + seconds
    phones = [Phone(n + 1, address, code, until) for n in range(PHONES)]
    for phone in phones:
        phone.start()
        time.sleep(0.02)
    for phone in phones:
        phone.join()
    statuses: dict[str, int] = {}
    for phone in phones:
        for key, count in phone.statuses.items():
            statuses[key] = statuses.get(key, 0) + count
    seconds_all = sorted(s for phone in phones for s in phone.seconds)
    json.dump(
        {
            "accepted": [text for phone in phones for text in phone.accepted],
            "statuses": statuses,
            "failures": sum(phone.failures for phone in phones),
            "requests": len(seconds_all),
            "median_ms": 1000 * statistics.median(seconds_all) if seconds_all else 0,
            "p95_ms": 1000 * seconds_all[int(0.95 * (len(seconds_all) - 1))] if seconds_all else 0,
            "max_ms": 1000 * seconds_all[-1] if seconds_all else 0,
        },
        sys.stdout,
    )


# The laptop app.
class StallWatch(threading.Thread):
    """Samples the UI thread's stack while the heartbeat is late (--trace-stalls), so a long
    gap says what ran in it: each gap over ``LATE_MS`` keeps the frames seen during it."""

    LATE_MS = 40.0

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.ui = threading.main_thread().ident
        self.last = time.perf_counter()
        self.stalls: list[tuple[float, dict[str, int]]] = []
        self.events: list[tuple[float, int, str, str]] = []  # ms, depth, receiver, event type
        self._seen: dict[str, int] = {}
        self._since = 0.0
        self.running = True

    def beat(self) -> None:
        now = time.perf_counter()
        gap = 1000 * (now - self.last)
        if gap > self.LATE_MS and self._seen:
            self.stalls.append((gap, self._seen))
        self._seen = {}
        self.last = now

    def run(self) -> None:
        while self.running:
            time.sleep(0.01)
            if 1000 * (time.perf_counter() - self.last) <= self.LATE_MS:
                continue
            frame = sys._current_frames().get(self.ui or 0)
            lines: list[str] = []
            while frame is not None and len(lines) < 14:
                code = frame.f_code
                where = code.co_filename.replace(str(ROOT) + "/", "")
                lines.append(f"{where}:{frame.f_lineno} {code.co_name}")
                frame = frame.f_back
            key = " <- ".join(lines)
            self._seen[key] = self._seen.get(key, 0) + 1

    def report(self, top: int = 12) -> None:
        print(f"Gaps over {self.LATE_MS:.0f} ms: {len(self.stalls)}")
        for gap, seen in sorted(self.stalls, key=lambda entry: -entry[0])[:top]:
            print(f"  {gap:7.1f} ms")
            for key, count in sorted(seen.items(), key=lambda entry: -entry[1])[:3]:
                print(f"      {count:3d} x {key}")
        print(f"Events that took over {self.LATE_MS:.0f} ms to handle: {len(self.events)}")
        kinds: dict[tuple[int, str, str], list[float]] = {}
        for took, depth, receiver, kind in self.events:
            kinds.setdefault((depth, receiver, kind), []).append(took)
        for (depth, receiver, kind), times in sorted(kinds.items(), key=lambda e: -max(e[1])):
            print(
                f"  {len(times):4d} x {receiver} ({kind}, depth {depth}): "
                f"longest {max(times):.1f} ms, median {statistics.median(times):.1f} ms"
            )


WATCH: StallWatch | None = None


def timed_application(base: Any) -> Any:
    """A QApplication that notes each event that took over ``StallWatch.LATE_MS`` to handle,
    and what received it (a timer says whose), for when the stack cannot be sampled."""

    class TimedApplication(base):  # type: ignore[misc]
        depth = 0

        def notify(self, receiver: Any, event: Any) -> bool:
            TimedApplication.depth += 1
            started = time.perf_counter()
            try:
                return bool(super().notify(receiver, event))
            finally:
                TimedApplication.depth -= 1
                took = 1000 * (time.perf_counter() - started)
                if took > StallWatch.LATE_MS and WATCH is not None:
                    owner = receiver.parent() if hasattr(receiver, "parent") else None
                    WATCH.events.append(
                        (
                            took,
                            TimedApplication.depth,
                            f"{type(receiver).__name__} of {type(owner).__name__}",
                            getattr(event.type(), "name", str(event.type())),
                        )
                    )

    return TimedApplication


PROFILE = ""  # --profile FILE: cProfile of the UI thread while the phones send
HIDE_PREVIEW = False  # --hide-preview: the document window without its live preview


def heartbeat(app: Any, seconds: float) -> list[float]:
    """Run the event loop for ``seconds`` with a 5 ms timer; the gaps between its ticks, ms."""
    from PySide6.QtCore import QEventLoop, QTimer

    ticks: list[float] = []
    watch = WATCH

    def beat() -> None:
        ticks.append(time.perf_counter())
        if watch is not None:
            watch.beat()

    timer = QTimer()
    timer.setInterval(HEARTBEAT_MS)
    timer.timeout.connect(beat)
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    timer.start()
    loop.exec()
    timer.stop()
    return [1000 * (b - a) for a, b in itertools.pairwise(ticks)]


def describe(gaps: list[float]) -> str:
    ordered = sorted(gaps)
    p99 = ordered[int(0.99 * (len(ordered) - 1))]
    return f"longest gap {ordered[-1]:6.1f} ms, p99 {p99:5.1f} ms, {len(gaps)} beats"


def run_app(seconds: float, with_window: bool = True) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="room-load-"))
    os.environ["REFORMKIT_HOME"] = str(home)
    from PySide6.QtWidgets import QApplication

    app = timed_application(QApplication)([]) if WATCH is not None else QApplication([])
    from desktop.workshop.room_control import RoomControl
    from reformkit.document.project import Project
    from reformkit.document.registry import load_kinds
    from reformkit.document.spec import DocumentKinds
    from workshop import operations
    from workshop.kind import WORKSHOP
    from workshop.parts import Method
    from workshop.record import read_record

    kinds = list(load_kinds())
    if all(spec.kind != "workshop" for spec in kinds):
        kinds.append(WORKSHOP)
    registry = DocumentKinds(kinds)
    path = home / "hall.reformkit"
    with Project.create(path, registry.get("workshop"), "Hexham") as project:
        operations.ensure_record(project, "Hexham workshop", "2027-03-03", "Queen's Hall")
        ideas = operations.add_activity(project, "Ideas", Method.IDEAS, "What would help?")
    project = Project.open(path, registry)
    control: Any
    control, shown = _open(app, project, registry, ideas.id) if with_window else (None, None)
    if control is None:
        control = RoomControl(project)
    window = shown
    print(
        f"Workshop window: {'yes, with present mode' if window else 'no (the RoomControl alone)'}"
    )

    reference = heartbeat(app, seconds)
    print(f"Room off (reference): {describe(reference)}")

    control.start("127.0.0.1")
    control.set_current_activity(ideas.id, True)
    arrived = [0]
    control.arrived.connect(lambda n: arrived.__setitem__(0, arrived[0] + n))
    if window is not None:
        window.room.show_state()
    if WATCH is not None:
        WATCH.beat()
        WATCH.start()
    phones = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--phones",
            control.room.address(),
            control.join_code(),
            "--seconds",
            str(seconds),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    profiler = cProfile.Profile() if PROFILE else None
    if profiler is not None:
        profiler.enable()  # the UI thread only
    loaded = heartbeat(app, seconds + 2)
    if profiler is not None:
        profiler.disable()
        profiler.dump_stats(PROFILE)
    out, _ = phones.communicate(timeout=120)
    report = json.loads(out)
    if WATCH is not None:
        WATCH.running = False
        WATCH.report()
    control.stop()
    print(f"Room on, {PHONES} phones: {describe(loaded)}")
    print(
        f"Phones: {report['requests']} requests, {len(report['accepted'])} ideas thanked for, "
        f"statuses {report['statuses']}, {report['failures']} failed connections; "
        f"answer times median {report['median_ms']:.1f} ms, p95 {report['p95_ms']:.1f} ms, "
        f"max {report['max_ms']:.1f} ms"
    )
    print(f"Taken into the open document by the 300 ms drain: {arrived[0]} items")
    if window is not None:
        window.close()
    project.close()

    with Project.open(path, registry, read_only=True) as reopened:
        texts = [c.text for c in read_record(reopened.document).contributions]
        waiting = reopened.execute_read("select count(*) as n from inbox")[0]["n"]
    missing = set(report["accepted"]) - set(texts)
    doubled = len(texts) - len(set(texts))
    print(
        f"In the file: {len(texts)} ideas; every thanked idea there: {not missing} "
        f"({len(missing)} missing); doubled: {doubled}; left in the inbox: {waiting}"
    )
    stall_ok = max(loaded) <= 100
    print(f"Longest stall under 100 ms with the room busy: {stall_ok}")
    return 0 if not missing and not doubled and not waiting else 1


def _open(app: Any, project: Any, registry: Any, activity_id: str) -> tuple[Any, Any]:
    """The RoomControl, in W3's workshop window (with present mode) when it is installed."""
    from desktop.workshop.room_control import RoomControl

    try:
        from desktop.app import open_settings
        from desktop.prompts import Prompts
        from desktop.session import AppSession
        from desktop.workshop.window import WorkshopWindow
        from reformkit.catalogue.store import Catalogue
        from reformkit.paths import AppPaths
    except ImportError:
        return RoomControl(project), None
    paths = AppPaths.default()
    session = AppSession(
        Catalogue.open(None), open_settings(paths.config), registry, paths, Prompts()
    )
    document_window = session._show(project)
    if HIDE_PREVIEW:  # to measure the document window's preview's share of the stalls
        document_window.preview.hide()
    for _ in range(10):
        app.processEvents()
    window = document_window.findChild(WorkshopWindow)
    if window is None:
        return RoomControl(project), None
    window.activities.choose(activity_id)
    panel = window.room
    control = panel.room()  # made by the window's room panel, as the Start button does
    window.present()
    for _ in range(10):
        app.processEvents()
    return control, window


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument(
        "--no-window", action="store_true", help="the RoomControl alone, without W3's window"
    )
    parser.add_argument(
        "--trace-stalls",
        action="store_true",
        help="sample the UI thread's stack during each late heartbeat, and print them",
    )
    parser.add_argument(
        "--profile", metavar="FILE", default="", help="write a cProfile of the UI thread"
    )
    parser.add_argument(
        "--hide-preview",
        action="store_true",
        help="hide the document window's preview, to measure its share of the stalls",
    )
    parser.add_argument("--phones", nargs=2, metavar=("ADDRESS", "CODE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phones:
        run_phones(args.phones[0], args.phones[1], args.seconds)
        return 0
    global WATCH, PROFILE, HIDE_PREVIEW
    HIDE_PREVIEW = args.hide_preview
    if args.trace_stalls:
        WATCH = StallWatch()
    PROFILE = args.profile
    return run_app(args.seconds, with_window=not args.no_window)


if __name__ == "__main__":
    sys.exit(main())
