"""Templates: ReformKit's own has every style the writer needs; a house template's styles,
page set-up, header and footer carry over; .dotx works; missing styles give warnings; a
broken or hostile file gives a clear ExportError and leaves the target as it was."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from reformkit.export.docx_styles import STYLES, find_style
from reformkit.export.docx_template import (
    DOCUMENT_TYPE,
    TEMPLATE_TYPE,
    builtin_template,
)
from reformkit.export.docx_writer import write_docx
from reformkit.export.safe_write import ExportError
from tests.reformkit.export import W, every_block, laid_sample, png, read_part, xml


def house_template(path: Path, drop: tuple[str, ...] = ()) -> Path:
    """A house style: Georgia 11 pt, 2 cm margins, its own header and footer, a custom style."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Georgia"
    normal.font.size = Pt(11)
    document.styles.add_style("House Accent", WD_STYLE_TYPE.PARAGRAPH)
    section = document.sections[0]
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    section.header.paragraphs[0].text = "Eastmoor Borough Council"
    section.footer.paragraphs[0].text = "OFFICIAL"
    document.add_paragraph("Template text that must not appear in exports.")
    root = document.styles.element
    for name in drop:
        for style in list(root.iterchildren(qn("w:style"))):
            label = style.find(qn("w:name")).get(qn("w:val"))
            if label.lower() == name.lower() or (
                name == "tables" and style.get(qn("w:type")) == "table"
            ):
                root.remove(style)
    document.save(str(path))
    return path


def as_dotx(source: Path, target: Path) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for entry in old.infolist():
            data = old.read(entry)
            if entry.filename == "[Content_Types].xml":
                data = data.replace(DOCUMENT_TYPE.encode(), TEMPLATE_TYPE.encode())
            new.writestr(entry, data)
    return target


def test_the_builtin_template_has_every_style_and_the_house_settings() -> None:
    document = docx.Document(str(builtin_template()))
    root = document.styles.element
    for definition in STYLES:
        assert find_style(root, definition.name, definition.kind) is not None, definition.name
    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    assert all(
        round(getattr(section, side).cm, 2) == 2.5
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin")
    )
    defaults = root.find(qn("w:docDefaults"))
    assert defaults.find(f".//{qn('w:lang')}").get(qn("w:val")) == "en-GB"
    assert defaults.find(f".//{qn('w:rFonts')}").get(qn("w:ascii")) == "Arial"
    assert int(defaults.find(f".//{qn('w:sz')}").get(qn("w:val"))) >= 24  # 12 pt
    small = find_style(root, "Small", "paragraph")
    assert int(small.find(f".//{qn('w:sz')}").get(qn("w:val"))) >= 20  # 10 pt
    assert "PAGE" in read_part(builtin_template(), "word/footer1.xml")
    assert len(document.paragraphs) == 0


def test_a_house_template_carries_over(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    warnings = write_docx(
        laid_sample("respect-charter"), target, template=house_template(tmp_path / "house.docx")
    )
    assert warnings and "'TOC 1'" in warnings[0]  # python-docx's blank has no contents styles
    made = docx.Document(str(target))
    section = made.sections[0]
    assert round(section.left_margin.cm, 1) == 2.0
    assert section.header.paragraphs[0].text == "Eastmoor Borough Council"
    assert section.footer.paragraphs[0].text == "OFFICIAL"  # its own footer is kept
    assert made.styles["Normal"].font.name == "Georgia"
    assert "House Accent" in [s.name for s in made.styles]
    assert "must not appear" not in read_part(target, "word/document.xml")
    assert made.paragraphs[0].text == laid_sample("respect-charter").title


def test_a_dotx_template_works(tmp_path: Path) -> None:
    dotx = as_dotx(house_template(tmp_path / "house.docx"), tmp_path / "house.dotx")
    target = tmp_path / "out.docx"
    write_docx(laid_sample("respect-charter"), target, template=dotx)
    assert DOCUMENT_TYPE in read_part(target, "[Content_Types].xml")
    assert TEMPLATE_TYPE not in read_part(target, "[Content_Types].xml")
    assert docx.Document(str(target)).sections[0].header.paragraphs[0].text.startswith("Eastmoor")


def test_missing_styles_are_added_with_a_warning(tmp_path: Path) -> None:
    template = house_template(tmp_path / "bare.docx", drop=("heading 2", "tables"))
    target = tmp_path / "out.docx"
    warnings = write_docx(every_block(png(tmp_path / "p.png")), target, template=template)
    warnings = [w for w in warnings if "was too pale" not in w and "pt; it is 10 pt" not in w]
    assert len(warnings) == 1
    assert "'Heading 2'" in warnings[0] and "'ReformKit Table'" in warnings[0]
    root = xml(target, "word/styles.xml")
    names = [s.find(f"{W}name").get(f"{W}val") for s in root.iter(f"{W}style")]
    assert "heading 2" in names and "ReformKit Table" in names
    assert docx.Document(str(target)).paragraphs  # still opens


def good_target(tmp_path: Path) -> tuple[Path, bytes]:
    target = tmp_path / "existing.docx"
    write_docx(laid_sample("respect-charter"), target)
    return target, target.read_bytes()


def zipped(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in entries.items():
            package.writestr(name, data)
    return path


def bad_templates(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    good = house_template(tmp_path / "good.docx").read_bytes()
    (tmp_path / "text.docx").write_text("This is not a Word file at all.")
    (tmp_path / "truncated.docx").write_bytes(good[: len(good) // 2])
    (tmp_path / "empty.docx").write_bytes(b"")
    return {
        "not a zip": (tmp_path / "text.docx", "not a Word file"),
        "empty": (tmp_path / "empty.docx", "not a Word file"),
        "truncated": (tmp_path / "truncated.docx", "not a Word file"),
        "zip bomb": (
            zipped(
                tmp_path / "bomb.docx",
                {"[Content_Types].xml": b"<a/>", "_rels/.rels": b"<a/>", "big": bytes(60 << 20)},
            ),
            "more than 50 MB",
        ),
        "path escape": (
            zipped(tmp_path / "escape.docx", {"../../evil.txt": b"x", "_rels/.rels": b"<a/>"}),
            "points outside it",
        ),
        "missing parts": (zipped(tmp_path / "parts.docx", {"word/x.xml": b"<a/>"}), "complete"),
        "a spreadsheet": (
            zipped(
                tmp_path / "sheet.docx",
                {"[Content_Types].xml": b"<Types>spreadsheetml</Types>", "_rels/.rels": b"<a/>"},
            ),
            "not a Word document",
        ),
        "broken xml": (
            zipped(
                tmp_path / "xml.docx",
                {
                    "[Content_Types].xml": f"<Types>{DOCUMENT_TYPE}</Types>".encode(),
                    "_rels/.rels": b"<broken",
                },
            ),
            "could not be read",
        ),
    }


CASES = (
    "not a zip",
    "empty",
    "truncated",
    "zip bomb",
    "path escape",
    "missing parts",
    "a spreadsheet",
    "broken xml",
)


@pytest.mark.parametrize("case", CASES)
def test_a_bad_template_gives_a_clear_error_and_leaves_the_target(
    case: str, tmp_path: Path
) -> None:
    target, before = good_target(tmp_path)
    template, words = bad_templates(tmp_path)[case]
    with pytest.raises(ExportError) as raised:
        write_docx(laid_sample("respect-charter"), target, template=template)
    message = str(raised.value)
    assert template.name in message and words in message
    assert "Traceback" not in message
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".existing")) == []


def test_a_missing_template_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="not found"):
        write_docx(laid_sample("respect-charter"), tmp_path / "x.docx", tmp_path / "nope.dotx")
    assert not (tmp_path / "x.docx").exists()
