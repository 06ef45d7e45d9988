"""No network: the command line's and the app's main paths never open a socket.

Python's ``socket.socket``, ``socket.create_connection`` and ``socket.getaddrinfo`` are
replaced with functions that record the call and raise; any call fails the test. Qt's own
networking is C++ and out of reach of that patch, so the app test also checks QtNetwork is
never loaded. A few commands also run in a process with no network at all (``unshare -n``),
where the machine allows it.
"""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.launcher import main


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    calls: list[str] = []

    def refuse(name: str):  # type: ignore[no-untyped-def]
        def call(*args: object, **kwargs: object) -> None:
            calls.append(f"{name}{args!r}")
            raise OSError(f"the network is off in this test ({name} was called)")

        return call

    for name in ("socket", "create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, refuse(name))
    yield calls
    assert calls == [], f"ReformKit tried to use the network: {calls}"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_the_command_line_never_touches_the_network(
    no_network: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert "R18" in run(capsys, "catalogue", "list", "--kind", "recommendation")
    assert "R18" in run(capsys, "catalogue", "search", "respect", "charter")
    plan = tmp_path / "plan.reformkit"
    run(capsys, "new", "plan", str(plan), "--title", "Offline plan")
    dumped = run(capsys, "dump", str(plan))
    source = tmp_path / "plan.json"
    source.write_text(dumped, "utf-8")
    run(capsys, "import", str(source), "-o", str(tmp_path / "again.reformkit"))
    run(capsys, "coverage", str(plan))
    run(capsys, "snapshot", str(plan), "First draft")
    run(capsys, "diff", str(plan), "First draft")
    for fmt in ("docx", "md", "html"):
        target = tmp_path / f"plan.{fmt}"
        run(capsys, "export", str(plan), "-o", str(target))
        assert target.stat().st_size > 0
    assert json.loads(dumped)["meta"]["title"] == "Offline plan"
    assert no_network == []


def test_the_app_never_touches_the_network(no_network: list[str], qtbot, tmp_path: Path) -> None:
    from desktop.app import create_main_window, open_settings
    from desktop.launcher import document_kinds
    from desktop.panels.export_dialog import ExportDialog
    from desktop.session import AppSession
    from desktop.start_screen import StartScreen
    from reformkit.catalogue.store import Catalogue
    from reformkit.paths import AppPaths
    from tests.desktop.fakes import FakePrompts

    paths = AppPaths.default()
    settings = open_settings(paths.config)
    with Catalogue.open(paths.library) as catalogue:
        session = AppSession(catalogue, settings, document_kinds(), paths, FakePrompts())
        start = StartScreen(session)
        qtbot.addWidget(start)
        start.show()
        browser = create_main_window(catalogue, settings)
        qtbot.addWidget(browser)
        browser.show()
        session.open_sample(session.kinds.get("plan").sample, start)  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: bool(session.windows), timeout=20000)
        window = session.windows[0]
        qtbot.waitExposed(window)
        target = tmp_path / "plan.docx"
        dialog = ExportDialog(window.project, catalogue, settings, window)
        qtbot.addWidget(dialog)
        dialog.set_format("docx")
        dialog.set_destination(target)
        with qtbot.waitSignal(dialog.export_finished, timeout=60000) as finished:
            dialog.export()
        assert finished.args == [True]
        with zipfile.ZipFile(target) as made:
            assert "word/document.xml" in made.namelist()
        qtbot.wait(300)  # let the preview render what it renders
        for opened in list(session.windows):
            opened.close()
        browser.close()
        start.close()
    assert no_network == []
    # Qt's own networking is C++, out of reach of the patch above: it is never even loaded.
    assert not {"PySide6.QtNetwork", "PySide6.QtWebEngineCore"} & set(sys.modules)


def _unshare_works() -> bool:
    if not sys.platform.startswith("linux") or not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False)
    return probe.returncode == 0


@pytest.mark.skipif(
    not _unshare_works(), reason="unshare -n is not allowed here (needs root or user namespaces)"
)
def test_a_command_runs_with_no_network_namespace(tmp_path: Path) -> None:
    plan = tmp_path / "plan.reformkit"
    script = "import sys; from desktop.launcher import main; sys.exit(main(sys.argv[1:]))"
    for args in (
        ["new", "plan", str(plan), "--title", "No network at all"],
        ["export", str(plan), "-o", str(tmp_path / "plan.docx")],
        ["catalogue", "search", "workforce"],
    ):
        done = subprocess.run(
            ["unshare", "-n", sys.executable, "-c", script, *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
    assert (tmp_path / "plan.docx").stat().st_size > 0
