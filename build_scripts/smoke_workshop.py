"""The workshop in a frozen build: its kind is listed, its sample exports, its screens load,
and its room serves a phone over 127.0.0.1 and stops cleanly.

``smoke_test.py`` calls :func:`check_workshop`. The room is started the way a facilitator
would from a terminal (``reformkit workshop serve FILE``, on 127.0.0.1 and a free port);
this script plays the phone: the join page, the style sheet, the join link, the idea form,
then Ctrl+C, and the idea is looked for in the file. Nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import http.client
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any, Protocol
from urllib.parse import urlencode

IDEA = "Smoke test: the bus to the clinic runs every hour."
START_SECONDS = 60.0  # a cold start of a frozen build on a slow machine
WINDOW_SECONDS = 5.0


class Checks(Protocol):
    def report(self, name: str, ok: bool, detail: str) -> None: ...


def run(command: Sequence[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        list(command), capture_output=True, text=True, env=env, timeout=300, check=False
    )


def check_workshop(checks: Checks, program: Path, bundle: Path, env: dict[str, str]) -> None:
    """Every workshop check, in a temporary folder with a copy of the bundled sample."""
    sample = bundle / "_internal" / "resources" / "samples" / "workshop.json"
    folder = Path(tempfile.mkdtemp(prefix="reformkit-smoke-workshop-"))
    try:
        check_kinds(checks, program, env)
        record = folder / "workshop.reformkit"
        done = run([str(program), "import", str(sample), "-o", str(record)], env)
        checks.report(
            "workshop: import the bundled sample",
            done.returncode == 0 and record.is_file(),
            (done.stdout.strip() or done.stderr.strip())[-300:],
        )
        if not record.is_file():
            return
        title = session_title(sample)
        check_exports(checks, program, env, record, title, folder)
        check_screens(checks, program, env, record, folder / "home")
        check_room(checks, program, env, record, ideas_activity(sample))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def check_kinds(checks: Checks, program: Path, env: dict[str, str]) -> None:
    done = run([str(program), "kinds"], env)
    listed = [line.split()[0] for line in done.stdout.splitlines() if line.strip()]
    checks.report(
        "kinds lists the workshop",
        done.returncode == 0 and "workshop" in listed,
        f"kinds: {', '.join(listed)}" if listed else done.stderr.strip()[-300:],
    )


def session_title(sample: Path) -> str:
    """The session's title in the sample (the exports must carry it)."""
    return str(_fields(sample, "session")[0]["title"])


def ideas_activity(sample: Path) -> str:
    """The title of the sample's first activity that takes ideas."""
    ideas = [f for f in _fields(sample, "activities") if f.get("method") == "Ideas"]
    return str(ideas[0]["title"])


def _fields(sample: Path, section_key: str) -> list[dict[str, Any]]:
    """The fields of each item in one section of a JSON document."""
    document = json.loads(sample.read_text(encoding="utf-8"))
    section = next(s for s in document["sections"] if s["key"] == section_key)
    return [dict(item["fields"]) for item in section["items"]]


def check_exports(
    checks: Checks, program: Path, env: dict[str, str], record: Path, title: str, folder: Path
) -> None:
    """The whole document as Word, and the workshop record on its own as Markdown."""
    word = folder / "workshop.docx"
    done = run([str(program), "export", str(record), "-o", str(word)], env)
    text = _docx_text(word) if done.returncode == 0 and word.is_file() else ""
    checks.report(
        "workshop: export the sample to Word",
        title in text,
        f"{word.stat().st_size / 1000:.0f} kB, holds “{title}”"
        if title in text
        else (done.stderr.strip() or done.stdout.strip() or "no session title in it")[-300:],
    )
    markdown = folder / "record.md"
    done = run([str(program), "workshop", "export", str(record), "-o", str(markdown)], env)
    text = markdown.read_text(encoding="utf-8") if markdown.is_file() else ""
    checks.report(
        "workshop: export the record on its own to Markdown",
        done.returncode == 0 and title in text,
        f"{len(text.splitlines())} lines, holds “{title}”"
        if done.returncode == 0 and title in text
        else (done.stderr.strip() or done.stdout.strip() or "no session title in it")[-300:],
    )


def _docx_text(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as docx:
            xml = docx.read("word/document.xml").decode("utf-8")
    except (OSError, KeyError, zipfile.BadZipFile):
        return ""
    return re.sub(r"<[^>]+>", "", xml)


def check_screens(
    checks: Checks, program: Path, env: dict[str, str], record: Path, home: Path
) -> None:
    """The app opens the workshop record offscreen, which opens the workshop's own window
    (a ``reformkit.screens`` entry point); a screen that fails to load is logged, not shown."""
    window_env = {**env, "QT_QPA_PLATFORM": "offscreen", "REFORMKIT_HOME": str(home)}
    with tempfile.TemporaryFile() as errors:
        app = subprocess.Popen(
            [str(program), str(record)], env=window_env, stdout=subprocess.DEVNULL, stderr=errors
        )
        try:
            app.wait(WINDOW_SECONDS)
            up = False
        except subprocess.TimeoutExpired:
            up = True
        _stop(app)
        errors.seek(0)
        said = errors.read().decode(errors="replace")
    logged = "\n".join(
        path.read_text(encoding="utf-8", errors="replace") for path in home.rglob("*.log")
    )
    problems = [
        line
        for line in (said + "\n" + logged).splitlines()
        if "Traceback" in line or " ERROR " in line or "could not be loaded" in line
    ]
    checks.report(
        "workshop: the app opens the sample with its screens (offscreen)",
        up and not problems,
        f"up after {WINDOW_SECONDS:.0f} s, nothing logged as failed"
        if up and not problems
        else f"exit {app.returncode}; {' | '.join(problems)[-300:] or said.strip()[-300:]}",
    )


def check_room(
    checks: Checks, program: Path, env: dict[str, str], record: Path, activity: str
) -> None:
    """``reformkit workshop serve`` on 127.0.0.1: a phone joins and sends an idea; Ctrl+C
    closes the room, and the idea is in the file."""
    command = [str(program), "workshop", "serve", str(record), "--host", "127.0.0.1"]
    command += ["--port", "0", "--activity", activity, "--stop-after", "300"]
    with tempfile.TemporaryFile() as errors:
        room = subprocess.Popen(
            command,
            env=env,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            encoding="utf-8",
            start_new_session=True,  # a Ctrl+C in this terminal reaches this script only
        )
        assert room.stdout is not None
        lines = _lines_of(room.stdout)
        said: list[str] = []
        try:
            port, code = _address_and_code(lines, said)
            if port is not None and code is not None:
                checks.report("workshop room: starts on 127.0.0.1", True, f"port {port}")
                check_phone(checks, port, code)
        finally:
            closed = _close(room)
        rest = [line for line in _drain(lines) if line.strip()]
        errors.seek(0)
        complaint = errors.read().decode(errors="replace").strip()[-300:]
    if port is None or code is None:
        checks.report("workshop room: starts on 127.0.0.1", False, complaint or " ".join(said))
        return
    closing = next((line for line in rest if line.startswith("The room is closed.")), "")
    checks.report(
        "workshop room: Ctrl+C closes it",
        closed and room.returncode == 0 and "1 idea," in closing,
        closing if closed and room.returncode == 0 else f"exit {room.returncode}; {complaint}",
    )
    done = run([str(program), "dump", str(record)], env)
    checks.report(
        "workshop room: the idea is in the file",
        done.returncode == 0 and IDEA in done.stdout,
        "found by reformkit dump"
        if IDEA in done.stdout
        else (done.stderr.strip() or "not in the dump")[-300:],
    )


def check_phone(checks: Checks, port: int, code: str) -> None:
    """What a phone does: the join page, the style sheet, the join link, an idea."""
    status, headers, body = _request(port, "GET", "/")
    checks.report(
        "workshop room: the join page answers",
        status == 200 and "Join the workshop" in body,
        f"{status}, {len(body)} characters" if status == 200 else f"{status}: {body[:200]}",
    )
    status, headers, body = _request(port, "GET", "/static/room.css")
    kind = headers.get("content-type", "")
    checks.report(
        "workshop room: its style sheet is bundled",
        status == 200 and kind.startswith("text/css") and bool(body.strip()),
        f"{status}, {kind}, {len(body)} characters",
    )
    status, headers, _ = _request(port, "GET", f"/j/{code}")
    cookie = headers.get("set-cookie", "").split(";", 1)[0]
    status, _, page = _request(port, "GET", "/now", cookie=cookie)
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', page))
    form = {**fields, "text": IDEA, "group": ""}
    status, headers, body = _request(port, "POST", "/send/idea", cookie=cookie, form=form)
    where = headers.get("location", "")
    checks.report(
        "workshop room: a phone joins and sends an idea",
        bool(cookie) and status == 303 and where.startswith("/thanks"),
        f"{status}, on to {where}" if where else f"{status}: {body[:200]}",
    )


def _request(
    port: int, method: str, path: str, *, cookie: str = "", form: dict[str, str] | None = None
) -> tuple[int, dict[str, str], str]:
    """One request to the room (no redirects followed); status, headers (lower case), body."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Cookie": cookie} if cookie else {}
    data = None
    if form is not None:
        data = urlencode(form).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    try:
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        body = response.read().decode("utf-8", errors="replace")
        return response.status, {k.lower(): v for k, v in response.getheaders()}, body
    except OSError as error:
        return 0, {}, str(error)
    finally:
        connection.close()


def _lines_of(stream: IO[str]) -> queue.Queue[str | None]:
    """The stream's lines as they come, read on a thread (``None`` at its end)."""
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        for line in stream:
            lines.put(line.rstrip("\n"))
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    return lines


def _address_and_code(
    lines: queue.Queue[str | None], said: list[str]
) -> tuple[int | None, str | None]:
    """The port and join code the room prints when it is open."""
    port: int | None = None
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
        except queue.Empty:
            break
        if line is None:
            break
        said.append(line)
        if found := re.match(r"Address: http://127\.0\.0\.1:(\d+)$", line):
            port = int(found.group(1))
        if found := re.match(r"Join code: (\S+)$", line):
            return port, found.group(1)
    return port, None


def _drain(lines: queue.Queue[str | None]) -> list[str]:
    """The lines still to come, until the stream ends (or is quiet for 10 s)."""
    found: list[str] = []
    while True:
        try:
            line = lines.get(timeout=10)
        except queue.Empty:
            return found
        if line is None:
            return found
        found.append(line)


def _close(room: subprocess.Popen[str]) -> bool:
    """Ctrl+C, as a facilitator would; True if the room closed by itself within 30 s."""
    if room.poll() is not None:
        return False
    if os.name == "nt":
        room.terminate()  # no Ctrl+C to send to a process on Windows from here
    else:
        room.send_signal(signal.SIGINT)
    try:
        room.wait(30)
    except subprocess.TimeoutExpired:
        _stop(room)
        return False
    return os.name != "nt"


def _stop(process: subprocess.Popen[str] | subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
