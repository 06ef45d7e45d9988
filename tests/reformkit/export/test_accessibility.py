"""The accessibility checker: clean on every export ReformKit writes, and it catches each
fault when a good file is broken on purpose (by editing its XML)."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from reformkit.export.accessibility import Problem, check_docx
from reformkit.export.docx_writer import write_docx
from tests.reformkit.export import SAMPLES, every_block, laid_sample, png
from tests.reformkit.export.test_docx_template import house_template


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_exports_have_no_problems(name: str, tmp_path: Path) -> None:
    target = tmp_path / f"{name}.docx"
    write_docx(laid_sample(name), target)
    assert check_docx(target) == []


def test_an_export_with_every_block_and_a_house_template_has_no_problems(tmp_path: Path) -> None:
    target = tmp_path / "house.docx"
    laid = every_block(png(tmp_path / "p.png"))
    write_docx(laid, target, template=house_template(tmp_path / "house-template.docx"))
    assert check_docx(target) == []
    write_docx(laid_sample("local-reform-plan"), target, template=tmp_path / "house-template.docx")
    assert check_docx(target) == []


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("good")
    target = folder / "good.docx"
    write_docx(every_block(png(folder / "p.png")), target)
    assert check_docx(target) == []
    return target


def broken(good: Path, target: Path, part: str, edit: Callable[[str], str]) -> Path:
    """A copy of ``good`` with ``edit`` applied to the text of one part."""
    with zipfile.ZipFile(good) as old, zipfile.ZipFile(target, "w") as new:
        for entry in old.infolist():
            data = old.read(entry)
            if entry.filename == part:
                changed = edit(data.decode("utf-8"))
                assert changed != data.decode("utf-8"), "the edit changed nothing"
                data = changed.encode("utf-8")
            new.writestr(entry, data)
    return target


def rules(problems: list[Problem]) -> set[str]:
    return {problem.rule for problem in problems}


CASES = {
    "title": ("docProps/core.xml", lambda s: re.sub(r"<dc:title>[^<]*</dc:title>", "", s)),
    "language": ("word/styles.xml", lambda s: re.sub(r"<w:lang [^>]*/>", "", s)),
    "headings": (
        "word/document.xml",
        lambda s: s.replace('<w:pStyle w:val="Heading2"/>', '<w:pStyle w:val="Heading3"/>'),
    ),
    "empty-heading": (
        "word/document.xml",
        lambda s: re.sub(r"(Heading1\"/>.*?<w:t>)2 Duties(</w:t>)", r"\1\2", s, flags=re.S),
    ),
    "table-header": ("word/document.xml", lambda s: s.replace("<w:tblHeader/>", "")),
    "alt-text": ("word/document.xml", lambda s: re.sub(r'descr="[^"]*"', 'descr=""', s)),
    "link-text": (
        "word/document.xml",
        lambda s: s.replace("<w:t>the Demos briefing</w:t>", "<w:t>click here</w:t>"),
    ),
}


@pytest.mark.parametrize("rule", sorted(CASES))
def test_each_rule_catches_its_fault(rule: str, good: Path, tmp_path: Path) -> None:
    part, edit = CASES[rule]
    problems = check_docx(broken(good, tmp_path / f"{rule}.docx", part, edit))
    assert rule in rules(problems), problems
    assert all(p.where and p.message for p in problems)


def test_a_bare_address_as_link_text_is_a_fault(good: Path, tmp_path: Path) -> None:
    target = broken(
        good,
        tmp_path / "bare.docx",
        "word/document.xml",
        lambda s: s.replace("<w:t>the Demos briefing</w:t>", "<w:t>https://www.demos.co.uk</w:t>"),
    )
    assert [p.rule for p in check_docx(target)] == ["link-text"]


def test_a_document_without_headings_is_a_fault(good: Path, tmp_path: Path) -> None:
    target = broken(
        good,
        tmp_path / "flat.docx",
        "word/document.xml",
        lambda s: re.sub(r'<w:pStyle w:val="Heading\d"/>', "", s),
    )
    problems = check_docx(target)
    assert [p.where for p in problems if p.rule == "headings"] == ["document"]


def test_a_language_on_the_normal_style_is_enough(good: Path, tmp_path: Path) -> None:
    def move_language(styles: str) -> str:
        styles = re.sub(r"<w:lang [^>]*/>", "", styles)
        return styles.replace(
            '<w:name w:val="Normal"/>',
            '<w:name w:val="Normal"/><w:rPr><w:lang w:val="cy"/></w:rPr>',
        )

    target = broken(good, tmp_path / "normal.docx", "word/styles.xml", move_language)
    assert check_docx(target) == []


def test_a_file_that_is_not_a_word_document_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip")
    assert rules(check_docx(bad)) == {"file"}
