"""The format registry: one registration makes a format exist everywhere."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.launcher import document_kinds
from reformkit.catalogue.store import Catalogue
from reformkit.cli import main
from reformkit.cli.main import build_parser
from reformkit.document.project import Project
from reformkit.export import formats
from reformkit.export.formats import ExportFormat, find_format, format_for_path
from reformkit.export.run import export_document
from reformkit.export.safe_write import ExportError
from tests.reformkit.export import fake_format
from tests.reformkit.export.fake_format import FakeFormat

TITLE = "Northfield Team: Respect Charter"


@pytest.fixture
def fake() -> Iterator[FakeFormat]:
    with fake_format.registered() as registered:
        yield registered


@pytest.fixture
def charter_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "team.reformkit"
    code = main(["new", "charter", str(path), "--title", TITLE], load_kinds=document_kinds)
    assert code == 0, capsys.readouterr()
    capsys.readouterr()
    return path


def test_the_built_in_formats() -> None:
    keys = [fmt.key for fmt in formats.all_formats()]
    assert keys[:4] == ["docx", "md", "html", "pdf"]
    assert [fmt.key for fmt in formats.all_formats() if fmt.takes_template] == ["docx", "pdf"]
    assert find_format(".MD") is find_format("md")
    assert format_for_path(Path("notes.markdown")) is find_format("md")
    assert format_for_path(Path("page.HTM")) is find_format("html")
    assert format_for_path(Path("notes.v2")) is None
    assert find_format("md").file_filter() == "Markdown (*.md *.markdown)"


def test_an_unknown_format_is_refused_naming_the_known_ones() -> None:
    with pytest.raises(ExportError) as raised:
        find_format("odt")
    assert str(raised.value) == "ReformKit cannot export 'odt'. Choose docx, md, html or pdf."


def test_a_key_or_ending_cannot_be_taken_twice(fake: FakeFormat) -> None:
    with pytest.raises(ValueError, match="already registered"):
        formats.register(fake.format)
    with pytest.raises(ValueError, match="already belongs to 'md'"):
        formats.register(ExportFormat("mdx", "MDX", ".markdown", fake.write))
    with pytest.raises(ValueError, match="lower-case word"):
        formats.register(ExportFormat("Rtf", "Rich text", ".rtf", fake.write))
    assert [fmt.key for fmt in formats.all_formats()][-1] == fake_format.KEY


def test_in_words() -> None:
    assert formats.in_words([]) == ""
    assert formats.in_words(["a"]) == "a"
    assert formats.in_words(["a", "b", "c"]) == "a, b or c"
    assert formats.in_words(["a", "b"], "and") == "a and b"


def test_a_registered_format_is_offered_by_the_cli(
    fake: FakeFormat, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["export", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "{docx,md,html,pdf,txt}" in help_text
    assert "txt (Plain text)" in help_text
    args = build_parser().parse_args(["export", "x.reformkit", "--format", "txt", "-o", "x"])
    assert args.format == "txt"


def test_the_cli_exports_a_registered_format(
    fake: FakeFormat, charter_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    by_ending = tmp_path / "by-ending.text"  # the format's other ending
    by_option = tmp_path / "by-option.out"
    for args in (["-o", str(by_ending)], ["--format", "txt", "-o", str(by_option)]):
        code = main(["export", str(charter_file), *args], load_kinds=document_kinds)
        _, err = capsys.readouterr()
        assert code == 0, err
        assert err == f"reformkit: note: {fake_format.NOTE}\n"  # once, not twice
    for target in (by_ending, by_option):
        assert target.read_text(encoding="utf-8").startswith(TITLE + "\n")
    assert [call["target"] for call in fake.calls] == [by_ending, by_option]


def test_the_cli_names_every_format_when_it_cannot_tell(
    fake: FakeFormat, charter_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["export", str(charter_file), "-o", str(tmp_path / "x.odt")], load_kinds=document_kinds
    )
    _, err = capsys.readouterr()
    assert code != 0
    assert "--format docx, md, html, pdf or txt" in err
    assert ".docx, .md, .html, .pdf or .txt" in err
    assert not (tmp_path / "x.odt").exists()


def test_export_document_writes_a_registered_format(
    fake: FakeFormat, tmp_path: Path, catalogue: Catalogue
) -> None:
    from charter import CHARTER

    with Project.create(tmp_path / "c.reformkit", CHARTER, TITLE, "Eastmoor") as project:
        steps: list[tuple[int, int]] = []
        target = tmp_path / "charter.txt"
        result = export_document(
            project.document,
            project.spec,
            catalogue.entries("recommendation"),
            catalogue.seed.credit,
            "TXT",
            target,
            progress=lambda done, total: steps.append((done, total)),
        )
        sections = [section.title for section in project.document.sections]
    assert result.path == target and result.warnings == (fake_format.NOTE,)
    text = target.read_text(encoding="utf-8")
    assert text.splitlines()[0] == TITLE
    assert all(title in text for title in sections)
    assert steps == [(0, 1), (1, 1)]
    assert fake.calls[0]["template"] is None


def test_a_template_reaches_only_formats_that_take_one(
    tmp_path: Path, catalogue: Catalogue
) -> None:
    from charter import CHARTER

    template = tmp_path / "house.docx"
    template.write_bytes(b"not used by the fake writer")
    with Project.create(tmp_path / "c.reformkit", CHARTER, TITLE, "Eastmoor") as project:
        args = (
            project.document,
            project.spec,
            catalogue.entries("recommendation"),
            catalogue.seed.credit,
        )
        with fake_format.registered() as plain:
            with pytest.raises(ExportError) as raised:
                export_document(*args, "txt", tmp_path / "a.txt", template=template)
            assert str(raised.value) == (
                "A house template only applies to Word document or PDF exports, not to Plain "
                "text (.txt)."
            )
            assert plain.calls == [] and not (tmp_path / "a.txt").exists()
        with fake_format.registered(takes_template=True) as styled:
            export_document(*args, "txt", tmp_path / "b.txt", template=template)
            assert styled.calls[0]["template"] == template
    assert fake_format.KEY not in formats.format_keys()
