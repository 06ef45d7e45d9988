"""The command line: what it prints, its exit codes, and that no path loads Qt."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reformkit import __version__
from reformkit.cli import main
from reformkit.logs import LOG_FILE, stop_logging


def run_cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_recommendations_prints_22(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "catalogue", "list", "--kind", "recommendation")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 22
    assert lines[0].startswith("R1 ") and lines[-1].startswith("R22")


def test_list_json_is_complete(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "catalogue", "list", "--json")
    data = json.loads(out)
    assert code == 0
    assert {item["id"] for item in data} >= {"R1", "R22", "S7", "P6", "D1", "L2", "BR1", "F2"}
    r1 = next(item for item in data if item["id"] == "R1")
    assert r1["national_context"] is True and r1["page"] == 13


@pytest.mark.parametrize("typed", ["R18", "r18", "18"])
def test_show_accepts_every_spelling(capsys: pytest.CaptureFixture[str], typed: str) -> None:
    code, out, _ = run_cli(capsys, "catalogue", "show", typed)
    assert code == 0
    assert out.startswith("R18  Publish a Respect Charter")
    assert "'duty of candour'" in out and "page 20" in out and "CC BY-SA 3.0" in out


def test_search_candour_ranks_r18_first(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, "catalogue", "search", "candour")
    assert code == 0
    assert out.splitlines()[0] == " 1. R18  Publish a Respect Charter"
    assert "[candour]" in out


def test_search_json_and_no_match(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run_cli(capsys, "catalogue", "search", "citizens", "panel", "--json")
    assert json.loads(out)[0]["id"] == "R13"
    code, out, _ = run_cli(capsys, "catalogue", "search", "zzzqqq")
    assert code == 0 and out.startswith("No matches")


@pytest.mark.parametrize(
    ("args", "names"),
    [
        (["catalogue", "show", "R23"], "R1 to R22"),
        (["catalogue", "show", "banana"], "R1 to R22"),
        (["catalogue", "list", "--kind", "banana"], "recommendation, principle"),
        (["catalogue", "search", "x", "--kind", "banana"], "recommendation, principle"),
        (["catalogue", "add", "recommendation", "--title", "T", "--text", "X"], "clause"),
        (["catalogue", "remove", "R18"], "cannot be changed"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], names: str
) -> None:
    code, out, err = run_cli(capsys, *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and names in err and "Traceback" not in err


def test_add_then_find_own_clause(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(
        capsys,
        "catalogue",
        "add",
        "clause",
        "--title",
        "Supervision",
        "--text",
        "Fortnightly reflective supervision.",
        "--related",
        "r18",
    )
    assert code == 0 and out.startswith("Added U-")
    _, out, _ = run_cli(capsys, "catalogue", "search", "reflective")
    assert "Supervision" in out


def test_corrupt_library_is_reported(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite"
    library.write_bytes(b"\x00garbage" * 50)
    code, out, err = run_cli(capsys, "--library", str(library), "catalogue", "list")
    assert code == 0 and len(out.splitlines()) > 22
    assert "could not be read" in err and "unreadable" in err and "Nothing was deleted" in err


def test_unexpected_error_has_no_traceback_and_is_logged(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, reformkit_home: Path
) -> None:
    def explode(*_: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("reformkit.catalogue.store.Catalogue.entries", explode)
    try:
        code, _, err = run_cli(capsys, "catalogue", "list")
    finally:
        stop_logging()
    assert code == 1 and "disk on fire" in err and "Traceback" not in err
    log_file = reformkit_home / "logs" / LOG_FILE
    assert f"The details are in {log_file}." in err
    log = log_file.read_text(encoding="utf-8")
    assert "Unexpected error in the catalogue command" in log
    assert "Traceback" in log and "RuntimeError: disk on fire" in log


def test_an_unwritable_log_folder_leaves_the_plain_message(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, reformkit_home: Path
) -> None:
    def explode(*_: object) -> None:
        raise RuntimeError("disk on fire")

    (reformkit_home / "logs").write_text("a file where the folder should be", encoding="utf-8")
    monkeypatch.setattr("reformkit.catalogue.store.Catalogue.entries", explode)
    code, _, err = run_cli(capsys, "catalogue", "list")
    assert code == 1 and "disk on fire" in err
    assert "Traceback" not in err and "The details are in" not in err


def _script(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    code = "import sys; from desktop.launcher import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=60
    )


def test_version_and_catalogue_never_load_qt(tmp_path: Path) -> None:
    probe = (
        "import sys; from desktop.launcher import main; code = main(sys.argv[1:]); "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was loaded'; "
        "sys.exit(code)"
    )
    for args in (["--version"], ["catalogue", "search", "pay"]):
        result = subprocess.run(
            [sys.executable, "-c", probe, *args],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "REFORMKIT_HOME": str(tmp_path)},
        )
        assert result.returncode == 0, result.stderr
    assert __version__ in _script("--version").stdout


def test_no_display_gives_a_plain_sentence(tmp_path: Path) -> None:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}
    }
    env["REFORMKIT_HOME"] = str(tmp_path)
    result = _script(env=env)
    assert result.returncode == 2
    assert "no screen" in result.stderr and "reformkit --help" in result.stderr
    assert "Traceback" not in result.stderr and "qt.qpa" not in result.stderr


def test_what_opens_the_app() -> None:
    from desktop.launcher import opens_the_app

    assert opens_the_app([])
    assert opens_the_app(["--library", "x.sqlite"])
    assert opens_the_app(["--library=x.sqlite", "Team charter.reformkit"])
    assert not opens_the_app(["catalogue", "list"])
    assert not opens_the_app(["--version"])
    assert not opens_the_app(["dump", "plan.reformkit"])
