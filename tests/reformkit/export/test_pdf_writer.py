"""PDF export: a real conversion gives a tagged PDF with the document's words; without
LibreOffice the user gets one sentence saying what to do; a failed or stuck conversion
leaves the old file (or no file) and nothing half-written beside it."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from reformkit.export import pdf_writer
from reformkit.export.formats import find_format
from reformkit.export.pdf_writer import MISSING, write_pdf
from reformkit.export.safe_write import ExportError
from tests.reformkit.export import laid_sample

unix_only = pytest.mark.skipif(sys.platform == "win32", reason="fake soffice is a shell script")


def _need(*tools: str) -> None:
    missing = [tool for tool in tools if shutil.which(tool) is None]
    if missing:
        message = f"needs {', '.join(missing)}"
        if os.environ.get("REFORMKIT_REQUIRE_CONVERTERS"):
            pytest.fail(message)
        pytest.skip(message)


def _only(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_real_conversion_is_tagged_and_holds_the_text(tmp_path: Path) -> None:
    _need("soffice", "pdfinfo", "pdftotext")
    laid = laid_sample("respect-charter")
    target = tmp_path / "charter.pdf"
    calls: list[tuple[int, int]] = []
    assert write_pdf(laid, target, progress=lambda d, t: calls.append((d, t))) == []
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True)
    assert "Tagged:          yes" in info.stdout
    assert f"Title:           {laid.title}" in info.stdout
    text = subprocess.run(
        ["pdftotext", str(target), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert laid.title.split()[0] in text
    for heading in laid.headings(1)[:3]:
        assert heading.text in " ".join(text.split())
    assert _only(tmp_path) == ["charter.pdf"]
    assert calls[-1][0] == calls[-1][1]


def test_the_format_is_registered_and_available_here() -> None:
    _need("soffice")
    pdf = find_format("pdf")
    assert pdf.suffix == ".pdf" and pdf.takes_template
    assert pdf.why_unavailable() == ""


def test_without_libreoffice_one_sentence_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(pdf_writer, "INSTALL_FOLDERS", ())
    assert find_format("pdf").why_unavailable() == MISSING
    assert "install" in MISSING and "save it as PDF" in MISSING and MISSING.count(". ") == 0
    target = tmp_path / "out.pdf"
    with pytest.raises(ExportError) as raised:
        write_pdf(laid_sample("respect-charter"), target)
    assert str(raised.value) == MISSING
    assert not target.exists()


def _fake_office(folder: Path, script: str) -> None:
    """A ``soffice`` on PATH that runs ``script`` instead of converting."""
    folder.mkdir()
    program = folder / "soffice"
    program.write_text("#!/bin/sh\n" + script + "\n", "utf-8")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)


@unix_only
@pytest.mark.parametrize(
    ("script", "words"),
    [
        ("echo 'Error: source file could not be loaded' >&2; exit 1", "could not be loaded"),
        ("exit 0", "did not make the PDF"),
        # A file that is not a PDF where the PDF should be: never copied over the old one.
        ('for a; do out="$a"; done; echo nonsense > "$(dirname "$out")/out/document.pdf"', "did"),
    ],
)
def test_a_failed_conversion_keeps_the_old_file_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, script: str, words: str
) -> None:
    _fake_office(tmp_path / "bin", script)
    monkeypatch.setenv("PATH", str(tmp_path / "bin") + os.pathsep + os.environ["PATH"])
    out = tmp_path / "out"
    out.mkdir()
    target = out / "plan.pdf"
    target.write_bytes(b"%PDF-1.4 the old export")
    with pytest.raises(ExportError, match=words):
        write_pdf(laid_sample("local-reform-plan"), target)
    assert target.read_bytes() == b"%PDF-1.4 the old export"
    assert _only(out) == ["plan.pdf"]


@unix_only
def test_a_stuck_conversion_is_stopped_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    marker = tmp_path / "still-running"
    # The fake starts a child that would write the marker later: stopping LibreOffice must
    # stop what it started too.
    _fake_office(tmp_path / "bin", f"(sleep 3; touch '{marker}') & sleep 60")
    monkeypatch.setenv("PATH", str(tmp_path / "bin") + os.pathsep + os.environ["PATH"])
    out = tmp_path / "out"
    out.mkdir()
    target = out / "plan.pdf"
    with pytest.raises(ExportError, match="stopped it and wrote nothing"):
        write_pdf(laid_sample("local-reform-plan"), target, timeout=0.5)
    assert _only(out) == []
    subprocess.run(["sleep", "4"], check=True)  # past when the child would have written
    assert not marker.exists()
