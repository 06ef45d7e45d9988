"""House templates: ReformKit's added styles take the template's heading colour and font,
page numbers survive a template's own footer, links to outside the template are dropped with
a note, and a template full of XML is refused before anything parses it. Each template is
built here, in the test."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import RGBColor

from reformkit.export import docx_template
from reformkit.export.docx_house import HEADER_FILL, adapt, contrast_on_white, house_look, tint
from reformkit.export.docx_styles import DARK_BLUE, TABLE_STYLE
from reformkit.export.docx_template import MAX_XML_BYTES
from reformkit.export.docx_writer import write_docx
from reformkit.export.safe_write import ExportError
from tests.reformkit.export import laid_sample, read_part

GREEN = "1E5631"


def green_template(path: Path, footer: str = "OFFICIAL", page_field: bool = False) -> Path:
    """python-docx's blank, its headings green in Georgia, with a footer of its own."""
    document = docx.Document()
    for level in (1, 2, 3):
        heading = document.styles[f"Heading {level}"]
        heading.font.color.rgb = RGBColor.from_string(GREEN)
        heading.font.name = "Georgia"
    document.styles.add_style("House Accent", WD_STYLE_TYPE.PARAGRAPH)
    paragraph = document.sections[0].footer.paragraphs[0]
    paragraph.text = footer
    if page_field:
        paragraph._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "/>'))
    document.save(str(path))
    return path


def _style(styles_xml: str, style_id: str) -> str:
    found = re.search(rf'<w:style [^>]*w:styleId="{style_id}".*?</w:style>', styles_xml, re.S)
    assert found, style_id
    return found.group(0)


def test_added_styles_take_the_templates_heading_colour_and_font(tmp_path: Path) -> None:
    target = tmp_path / "out.docx"
    write_docx(
        laid_sample("local-reform-plan"), target, template=green_template(tmp_path / "g.docx")
    )
    styles = read_part(target, "word/styles.xml")
    assert DARK_BLUE not in styles, "ReformKit blue left in a green template"
    for style_id in ("ClauseTitle", "Note"):
        assert GREEN in _style(styles, style_id)
    assert 'w:ascii="Georgia"' in _style(styles, "ClauseTitle")
    table = adapt(TABLE_STYLE, house_look(docx.Document(str(target)).styles.element))
    assert tint(GREEN, 0.82) in table.body and HEADER_FILL not in table.body
    # The built-in template keeps ReformKit's own look.
    write_docx(laid_sample("local-reform-plan"), tmp_path / "own.docx")
    assert DARK_BLUE in _style(read_part(tmp_path / "own.docx", "word/styles.xml"), "ClauseTitle")


def test_a_pale_house_colour_is_not_copied() -> None:
    assert contrast_on_white("1F3864") > 10 and contrast_on_white("FFFF00") < 4.5
    document = docx.Document()
    document.styles["Heading 1"].font.color.rgb = RGBColor.from_string("FFFF00")
    assert house_look(document.styles.element).colour == ""


def _page_fields(docx_path: Path) -> int:
    with zipfile.ZipFile(docx_path) as package:
        footers = [n for n in package.namelist() if re.match(r"word/footer\d*\.xml$", n)]
        text = "".join(package.read(n).decode("utf-8") for n in footers)
    return len(re.findall(r'instr=" ?PAGE|<w:instrText[^>]*>\s*PAGE\b', text))


@pytest.mark.parametrize("page_field", [False, True])
def test_page_numbers_survive_a_templates_own_footer(tmp_path: Path, page_field: bool) -> None:
    template = green_template(tmp_path / "g.docx", page_field=page_field)
    target = tmp_path / "out.docx"
    write_docx(laid_sample("respect-charter"), target, template=template)
    footer = docx.Document(str(target)).sections[0].footer
    assert footer.paragraphs[0].text.startswith("OFFICIAL")  # the house footer stays
    assert _page_fields(target) == 1  # a page number, added only where it had none


def with_external_template(source: Path, target: Path) -> Path:
    """``source`` with an attachedTemplate on a web server, as Word writes it."""
    settings_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/'
        '2006/relationships/attachedTemplate" Target="https://templates.example.com/house.dotm"'
        ' TargetMode="External"/></Relationships>'
    )
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for entry in old.infolist():
            data = old.read(entry)
            if entry.filename == "word/settings.xml":
                text = data.decode("utf-8")
                text = re.sub(
                    r"(<w:settings[^>]*>)",
                    r'\1<w:attachedTemplate r:id="rId99"/>',
                    text,
                    count=1,
                )
                if "xmlns:r=" not in text.split(">", 2)[1]:
                    text = text.replace(
                        "<w:settings ",
                        '<w:settings xmlns:r="http://schemas.openxmlformats.org/'
                        'officeDocument/2006/relationships" ',
                        1,
                    )
                data = text.encode("utf-8")
            new.writestr(entry, data)
        new.writestr("word/_rels/settings.xml.rels", settings_rels)
    return target


def test_links_to_outside_the_template_are_dropped_with_a_note(tmp_path: Path) -> None:
    template = with_external_template(green_template(tmp_path / "g.docx"), tmp_path / "linked.docx")
    assert b"templates.example.com" in zipfile.ZipFile(template).read(
        "word/_rels/settings.xml.rels"
    )
    target = tmp_path / "out.docx"
    warnings = write_docx(laid_sample("respect-charter"), target, template=template)
    assert any("templates.example.com" in w and "left" in w for w in warnings)
    with zipfile.ZipFile(target) as package:
        for name in package.namelist():
            data = package.read(name)
            assert b"templates.example.com" not in data, name
            assert b"attachedTemplate" not in data, name
    docx.Document(str(target))  # still a sound Word file


def test_a_template_full_of_xml_is_refused_before_it_is_parsed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = green_template(tmp_path / "g.docx")
    padding = b"<!--" + b"x" * (48 * 1024 * 1024) + b"-->"
    big = tmp_path / "big.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(big, "w", zipfile.ZIP_DEFLATED) as new:
        for entry in old.infolist():
            data = old.read(entry)
            if entry.filename == "word/styles.xml":
                data = data.replace(b"?>", b"?>" + padding, 1)
            new.writestr(entry.filename, data)
    assert big.stat().st_size < 1024 * 1024  # small on disk: only its XML is huge

    def never(*_args: object) -> None:
        raise AssertionError("python-docx was asked to parse the oversized template")

    monkeypatch.setattr(docx_template.docx, "Document", never)
    target = tmp_path / "out.docx"
    with pytest.raises(ExportError, match=f"more than {MAX_XML_BYTES // 2**20} MB of text"):
        write_docx(laid_sample("respect-charter"), target, template=big)
    assert not target.exists()
