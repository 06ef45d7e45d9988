"""``reformkit workshop serve FILE``: the room from the command line, stopped with Ctrl+C."""

from __future__ import annotations

import http.client
import re
import signal
import subprocess
import sys
import urllib.parse
from pathlib import Path

import pytest

from reformkit.cli.main import main
from reformkit.document.project import Project
from reformkit.document.spec import DocumentKinds
from workshop import operations
from workshop.kind import WORKSHOP
from workshop.parts import Method
from workshop.record import read_record

RUN = (
    "import sys\n"
    "from reformkit.cli.main import main\n"
    "from reformkit.document.spec import DocumentKinds\n"
    "from workshop.kind import WORKSHOP\n"
    "sys.exit(main(sys.argv[1:], lambda: DocumentKinds([WORKSHOP])))\n"
)


def kinds() -> DocumentKinds:
    return DocumentKinds([WORKSHOP])


@pytest.fixture
def hall(tmp_path: Path) -> Path:
    path = tmp_path / "hall.reformkit"
    with Project.create(path, kinds().get("workshop"), "Hexham") as project:
        operations.ensure_record(project, "Hexham workshop")
        operations.add_activity(project, "Warm up", Method.IDEAS, "Say hello")
        operations.add_activity(project, "Ideas", Method.IDEAS, "What would help?")
    return path


def _send_idea(address: str, code: str, text: str) -> int:
    parts = urllib.parse.urlsplit(address)
    connection = http.client.HTTPConnection(str(parts.hostname), int(parts.port or 80), timeout=10)
    connection.request("GET", f"/j/{code}")
    joined = connection.getresponse()
    joined.read()
    cookie = str(joined.getheader("Set-Cookie")).split(";", 1)[0]
    connection.request("GET", "/now", headers={"Cookie": cookie})
    page = connection.getresponse().read().decode()
    token = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
    activity = re.search(r'name="activity" value="([^"]+)"', page)
    assert token and activity, page
    body = urllib.parse.urlencode({"csrf": token[1], "activity": activity[1], "text": text})
    headers = {"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"}
    connection.request("POST", "/send/idea", body=body, headers=headers)
    sent = connection.getresponse()
    sent.read()
    connection.close()
    return sent.status


def test_serve_prints_the_way_in_takes_ideas_and_stops_on_ctrl_c(hall: Path) -> None:
    command = [sys.executable, "-c", RUN, "workshop", "serve", str(hall)]
    command += ["--host", "127.0.0.1", "--port", "0", "--activity", "ideas"]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        printed = []
        for line in process.stdout:
            printed.append(line)
            if line.startswith("Press Ctrl+C"):
                break
        text = "".join(printed)
        assert "The room is open for “Ideas”." in text
        address = re.search(r"Address: (http://127\.0\.0\.1:\d+)", text)
        code = re.search(r"Join code: (\w{6})", text)
        assert address and code, text
        assert "█" in text  # the QR code
        assert _send_idea(address[1], code[1], "Open the hall on Sundays") == 303
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 0, err
    assert "The room is closed. 1 idea, 0 places and 0 votes arrived from phones." in out
    assert "Traceback" not in err
    with Project.open(hall, kinds(), read_only=True) as project:
        said = read_record(project.document).contributions
        assert [c.text for c in said] == ["Open the hall on Sundays"]
        assert project.execute_read("select count(*) as n from inbox")[0]["n"] == 0
    with pytest.raises(OSError):
        _send_idea(address[1], code[1], "too late")


def test_serve_names_the_activities_when_the_one_asked_for_is_missing(
    hall: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["workshop", "serve", str(hall), "--host", "127.0.0.1", "--activity", "Lunch"]
    assert main(argv, kinds) == 2
    err = capsys.readouterr().err
    assert "no activity called “Lunch”" in err
    assert "“Warm up”; “Ideas”" in err


def test_serve_refuses_an_address_off_the_local_network(
    hall: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["workshop", "serve", str(hall), "--host", "0.0.0.0"], kinds) == 2
    assert "cannot listen on 0.0.0.0" in capsys.readouterr().err


def test_serve_stops_by_itself_when_told_and_frees_the_document(hall: Path) -> None:
    argv = ["workshop", "serve", str(hall), "--host", "127.0.0.1", "--port", "0"]
    assert main([*argv, "--stop-after", "0.1"], kinds) == 0
    with Project.open(hall, kinds()) as project:  # the lock was given back
        assert not project.read_only
