"""``reformkit --self-test``: one line, exit 0 when every check passes, FAILED otherwise."""

from __future__ import annotations

import re
import socket
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from desktop.launcher import document_kinds
from desktop.launcher import main as launcher_main
from reformkit.cli import main
from reformkit.export.accessibility import Problem
from tests.reformkit.export import fake_format

PASSED = re.compile(
    r"^ReformKit \d+\.\d+\.\d+ self-test passed: catalogue \d+ entries, 3 samples, "
    # PDF is exported and checked where LibreOffice is installed (as in CI), else left out
    r"Word document, Markdown(?: and Web page|, Web page and PDF) exported and checked "
    r"\(\d+\.\d s\)\n$"
)
FAILED = re.compile(r"^ReformKit \d+\.\d+\.\d+ self-test FAILED: (.+)\n$")


@pytest.fixture(autouse=True)
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The self-test's temporary folders go here, so the tests can see what it leaves."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def self_test(capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--self-test"], load_kinds=document_kinds)
    out, err = capsys.readouterr()
    return code, out, err


def failure(capsys: pytest.CaptureFixture[str]) -> str:
    code, out, err = self_test(capsys)
    assert code == 1 and err == "", (out, err)
    found = FAILED.match(out)
    assert found, out
    return found.group(1)


def test_passes_with_one_line_and_cleans_up(
    capsys: pytest.CaptureFixture[str], private_temp: Path
) -> None:
    code, out, err = self_test(capsys)
    assert code == 0 and err == ""
    assert PASSED.match(out), out
    from reformkit.catalogue.seed import load_seed

    assert f"catalogue {len(load_seed().entries)} entries" in out
    assert list(private_temp.iterdir()) == []


def test_the_launcher_runs_it_as_a_command_not_the_app(capsys: pytest.CaptureFixture[str]) -> None:
    assert launcher_main(["--self-test"]) == 0
    assert PASSED.match(capsys.readouterr().out)


def test_needs_no_network(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_network(*_: Any, **__: Any) -> None:
        raise AssertionError("the self-test tried to use the network")

    monkeypatch.setattr(socket, "socket", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    code, out, _ = self_test(capsys)
    assert code == 0, out


def test_a_broken_export_is_reported(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, private_temp: Path
) -> None:
    from reformkit.export import run

    def broken(*_: Any, **__: Any) -> None:
        raise OSError("disk on fire")

    monkeypatch.setattr(run, "export_document", broken)
    message = failure(capsys)
    assert message == "Sample Respect Charter could not be exported as Word document (disk on fire)"
    assert list(private_temp.iterdir()) == []


def test_an_empty_export_is_reported(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reformkit.export import run

    def writes_nothing(*args: Any, **__: Any) -> None:
        Path(args[5]).write_bytes(b"")

    monkeypatch.setattr(run, "export_document", writes_nothing)
    assert failure(capsys) == "Sample Respect Charter exported as Word document wrote nothing"


def test_an_inaccessible_word_file_is_reported(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reformkit.export import accessibility

    def one_problem(_: Path) -> list[Problem]:
        return [Problem("language", "styles", "No document language is set.")]

    monkeypatch.setattr(accessibility, "check_docx", one_problem)
    message = failure(capsys)
    assert "the Word document of Sample Respect Charter has 1 accessibility problem(s)" in message
    assert "language at styles" in message


def test_a_markdown_without_its_appendix_is_reported(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reformkit.export import markdown_writer

    real = markdown_writer.write_markdown

    def without_appendix(*args: Any, **kwargs: Any) -> str:
        text = real(*args, **kwargs)
        return text.rpartition("How this document answers")[0]

    monkeypatch.setattr(markdown_writer, "write_markdown", without_appendix)
    message = failure(capsys)
    assert message.startswith("the Markdown of Sample Respect Charter lacks the heading")
    assert "How this document answers the 22 recommendations" in message


def test_a_web_page_without_a_section_heading_is_reported(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from reformkit.export import html_writer

    real = html_writer.write_html

    def headings_as_paragraphs(*args: Any, **kwargs: Any) -> str:
        text = real(*args, **kwargs)
        return re.sub(r"<(/?)h[2-6]\b", r"<\1p", text)

    monkeypatch.setattr(html_writer, "write_html", headings_as_paragraphs)
    message = failure(capsys)
    assert message.startswith("the Web page of Sample Respect Charter lacks the heading")


def test_every_registered_format_is_exported_and_checked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with fake_format.registered() as fake:
        code, out, _ = self_test(capsys)
    assert code == 0, out
    assert re.search(
        r"Word document, Markdown, Web page(, PDF)? and Plain text exported and checked", out
    )
    targets = [call["target"] for call in fake.calls]
    assert len(set(targets)) == 3 and all(target.suffix == ".txt" for target in targets)


def test_a_registered_format_whose_check_fails_is_reported(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with fake_format.registered(problem="is missing its last line"):
        message = failure(capsys)
    assert message == "the Plain text of Sample Respect Charter is missing its last line"


def test_without_the_document_kinds_it_fails_in_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from reformkit.document.spec import DocumentKinds

    code = main(["--self-test"], load_kinds=lambda: DocumentKinds([]))
    out, _ = capsys.readouterr()
    assert code == 1 and FAILED.match(out) and "no document kinds are installed" in out


def test_with_no_loader_it_finds_the_installed_kinds(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--self-test"]) == 0
    assert "3 samples" in capsys.readouterr().out


def test_imports_no_qt() -> None:
    script = (
        "import sys\n"
        "from desktop.launcher import main\n"
        "code = main(['--self-test'])\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "assert not qt, qt\n"
        "sys.exit(code)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert PASSED.match(done.stdout), done.stdout
