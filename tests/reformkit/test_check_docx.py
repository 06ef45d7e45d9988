"""``reformkit check-docx``: one known-bad Word file per rule, each giving exactly its finding.

The files are built here from raw XML, starting from one that passes every rule, so each
case differs from a clean file by the one fault it is about. Every sample export (both
samples, plain and with a house template) passes with nothing found.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from reformkit.cli.main import main
from reformkit.docx_check import Problem, check_docx, inspect_docx
from reformkit.docx_check.colour import contrast_ratio, resolve, theme_colours
from reformkit.docx_check.package import MAX_ENTRIES, MAX_TOTAL_BYTES, MAX_XML_BYTES
from reformkit.docx_check.problem import DocxReadError
from reformkit.export.docx_writer import write_docx
from tests.documents import KINDS
from tests.reformkit.export import SAMPLES, laid_sample
from tests.reformkit.export.test_docx_template import house_template

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NAMESPACES = (
    f'xmlns:w="{W_NS}" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
CORE = (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">{title}</cp:coreProperties>'
)
THEME = (
    '<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:themeElements>'
    '<a:clrScheme name="t"><a:dk1><a:sysClr val="windowText" lastClr="000000"/></a:dk1>'
    '<a:accent1><a:srgbClr val="BBBBBB"/></a:accent1><a:accent2><a:srgbClr val="1F3864"/>'
    "</a:accent2></a:clrScheme></a:themeElements></a:theme>"
)
STYLE = '<w:style w:type="paragraph" w:styleId="{id}"><w:name w:val="{name}"/>{body}</w:style>'
GOOD_STYLES = [
    STYLE.format(id="Normal", name="Normal", body="").replace(
        'w:type="paragraph"', 'w:type="paragraph" w:default="1"'
    ),
    STYLE.format(id="Heading1", name="heading 1", body='<w:pPr><w:outlineLvl w:val="0"/></w:pPr>'),
    STYLE.format(id="Heading2", name="heading 2", body='<w:pPr><w:outlineLvl w:val="1"/></w:pPr>'),
    STYLE.format(id="Heading3", name="heading 3", body='<w:pPr><w:outlineLvl w:val="2"/></w:pPr>'),
]
DEFAULTS = '<w:sz w:val="24"/><w:lang w:val="en-GB"/>'


def paragraph(text: str, style: str = "", run: str = "") -> str:
    own = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p>{own}<w:r>{f'<w:rPr>{run}</w:rPr>' if run else ''}<w:t>{text}</w:t></w:r></w:p>"


GOOD_BODY = [
    paragraph("Respect charter", "Heading1"),
    paragraph("Staff are treated with respect."),
    paragraph("Rights of staff", "Heading2"),
    paragraph("Read the Demos briefing for more."),
]
TABLE = (
    "<w:tbl><w:tblPr>{describe}</w:tblPr><w:tr><w:trPr>{header}</w:trPr><w:tc>"
    + paragraph("Right")
    + "</w:tc></w:tr><w:tr><w:tc>"
    + paragraph("To be heard")
    + "</w:tc></w:tr></w:tbl>"
)
PICTURE = (
    '<w:p><w:r><w:drawing><wp:inline><wp:docPr id="1" name="Picture 1" descr="{descr}"/>'
    "</wp:inline></w:drawing></w:r></w:p>"
)


def word_file(
    target: Path,
    body: list[str] | None = None,
    styles: list[str] | None = None,
    defaults: str = DEFAULTS,
    title: str = "<dc:title>Respect charter</dc:title>",
    theme: bool = False,
) -> Path:
    """A small .docx from raw XML; the defaults make one that passes every rule."""
    document = (
        f"<w:document {NAMESPACES}><w:body>{''.join(body or GOOD_BODY)}</w:body></w:document>"
    )
    style_part = (
        f'<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>{defaults}'
        f"</w:rPr></w:rPrDefault></w:docDefaults>{''.join(styles or GOOD_STYLES)}</w:styles>"
    )
    with zipfile.ZipFile(target, "w") as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", document)
        package.writestr("word/styles.xml", style_part)
        package.writestr("docProps/core.xml", CORE.format(title=title))
        if theme:
            package.writestr("word/theme/theme1.xml", THEME)
    return target


def only(problems: list[Problem]) -> Problem:
    assert len(problems) == 1, problems
    assert problems[0].where and problems[0].message and problems[0].fix
    return problems[0]


def test_the_clean_file_passes(tmp_path: Path) -> None:
    assert inspect_docx(word_file(tmp_path / "good.docx")) == []


def test_no_title(tmp_path: Path) -> None:
    found = only(inspect_docx(word_file(tmp_path / "a.docx", title="")))
    assert (found.rule, found.where) == ("title", "document properties")
    assert "File › Info" in found.fix


def test_no_language(tmp_path: Path) -> None:
    found = only(inspect_docx(word_file(tmp_path / "a.docx", defaults='<w:sz w:val="24"/>')))
    assert found.rule == "language"


def test_a_skipped_heading_level(tmp_path: Path) -> None:
    body = [*GOOD_BODY, paragraph("Deep detail", "Heading3")]
    body[2] = paragraph("Rights of staff", "Heading3")
    found = only(inspect_docx(word_file(tmp_path / "a.docx", body)))
    assert (found.rule, found.where) == ("headings", "paragraph 3 'Rights of staff'")


def test_an_empty_heading(tmp_path: Path) -> None:
    body = [*GOOD_BODY, '<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr></w:p>']
    found = only(inspect_docx(word_file(tmp_path / "a.docx", body)))
    assert (found.rule, found.where) == ("empty-heading", "paragraph 5 (empty)")


def test_a_table_without_a_repeating_header_row(tmp_path: Path) -> None:
    table = TABLE.format(describe='<w:tblDescription w:val="Rights"/>', header="")
    found = only(inspect_docx(word_file(tmp_path / "a.docx", [*GOOD_BODY, table])))
    assert (found.rule, found.where) == ("table-header", "table 1 (starting 'Right')")


def test_a_table_without_alt_text(tmp_path: Path) -> None:
    table = TABLE.format(describe="", header="<w:tblHeader/>")
    found = only(inspect_docx(word_file(tmp_path / "a.docx", [*GOOD_BODY, table])))
    assert (found.rule, found.where) == ("alt-text", "table 1 (starting 'Right')")
    captioned = TABLE.format(describe='<w:tblCaption w:val="Rights"/>', header="<w:tblHeader/>")
    assert inspect_docx(word_file(tmp_path / "b.docx", [*GOOD_BODY, captioned])) == []


def test_a_picture_without_alt_text(tmp_path: Path) -> None:
    found = only(
        inspect_docx(word_file(tmp_path / "a.docx", [*GOOD_BODY, PICTURE.format(descr="")]))
    )
    assert (found.rule, found.where) == ("alt-text", "picture 1 'Picture 1'")
    described = PICTURE.format(descr="A map of the borough")
    assert inspect_docx(word_file(tmp_path / "b.docx", [*GOOD_BODY, described])) == []


@pytest.mark.parametrize("text", ["click here", "Read more", "https://www.demos.co.uk", ""])
def test_meaningless_link_text(text: str, tmp_path: Path) -> None:
    run = f"<w:r><w:t>{text}</w:t></w:r>" if text else ""
    link = f'<w:p><w:r><w:t>See </w:t></w:r><w:hyperlink r:id="rId9">{run}</w:hyperlink></w:p>'
    found = only(inspect_docx(word_file(tmp_path / "a.docx", [*GOOD_BODY, link])))
    assert (found.rule, found.where) == ("link-text", f"paragraph 5 '{f'See {text}'.strip()}'")


def test_small_text_in_a_style_is_reported_once_against_the_style(tmp_path: Path) -> None:
    small = STYLE.format(id="Small", name="Small", body='<w:rPr><w:sz w:val="18"/></w:rPr>')
    body = [*GOOD_BODY, paragraph("Note one", "Small"), paragraph("Note two", "Small")]
    found = only(inspect_docx(word_file(tmp_path / "a.docx", body, [*GOOD_STYLES, small])))
    assert (found.rule, found.where) == ("font-size", "style 'Small'")
    assert "9 pt" in found.message and "Modify" in found.fix


def test_small_text_typed_directly_is_reported_against_its_paragraph(tmp_path: Path) -> None:
    body = [*GOOD_BODY, paragraph("Tiny print", run='<w:sz w:val="16"/>')]
    found = only(inspect_docx(word_file(tmp_path / "a.docx", body)))
    assert (found.rule, found.where) == ("font-size", "paragraph 5 'Tiny print'")
    ten_points = [*GOOD_BODY, paragraph("Ten point print", run='<w:sz w:val="20"/>')]
    assert inspect_docx(word_file(tmp_path / "b.docx", ten_points)) == []


def test_pale_text_in_a_style(tmp_path: Path) -> None:
    pale = STYLE.format(id="Pale", name="Pale", body='<w:rPr><w:color w:val="999999"/></w:rPr>')
    body = [*GOOD_BODY, paragraph("Grey words", "Pale")]
    found = only(inspect_docx(word_file(tmp_path / "a.docx", body, [*GOOD_STYLES, pale])))
    assert (found.rule, found.where) == ("contrast", "style 'Pale'")
    assert "2.8:1" in found.message  # #999999 on white, by the WCAG 2 formula


def test_dark_text_on_dark_shading_typed_on_a_paragraph(tmp_path: Path) -> None:
    shaded = (
        '<w:p><w:pPr><w:shd w:val="clear" w:color="auto" w:fill="1F3864"/></w:pPr>'
        '<w:r><w:rPr><w:color w:val="000000"/></w:rPr><w:t>Hidden words</w:t></w:r></w:p>'
    )
    found = only(inspect_docx(word_file(tmp_path / "a.docx", [*GOOD_BODY, shaded])))
    assert (found.rule, found.where) == ("contrast", "paragraph 5 'Hidden words'")
    automatic = shaded.replace('w:val="000000"', 'w:val="auto"')
    assert inspect_docx(word_file(tmp_path / "b.docx", [*GOOD_BODY, automatic])) == []


def test_a_theme_colour_is_read_from_the_theme(tmp_path: Path) -> None:
    themed = STYLE.format(
        id="Accent",
        name="Accent",
        body='<w:rPr><w:color w:val="1F3864" w:themeColor="accent1"/></w:rPr>',
    )
    body = [*GOOD_BODY, paragraph("Accent words", "Accent")]
    found = only(
        inspect_docx(word_file(tmp_path / "a.docx", body, [*GOOD_STYLES, themed], theme=True))
    )
    assert (found.rule, found.where) == ("contrast", "style 'Accent'")
    assert "#BBBBBB" in found.message  # the theme's accent1, not the fallback value
    dark = themed.replace("accent1", "accent2")
    assert (
        inspect_docx(word_file(tmp_path / "b.docx", body, [*GOOD_STYLES, dark], theme=True)) == []
    )


def test_large_text_needs_only_three_to_one(tmp_path: Path) -> None:
    colour = "888888"  # 3.5:1 on white
    big = STYLE.format(
        id="Big", name="Big", body=f'<w:rPr><w:color w:val="{colour}"/><w:sz w:val="36"/></w:rPr>'
    )
    body = [*GOOD_BODY, paragraph("Big grey words", "Big")]
    assert inspect_docx(word_file(tmp_path / "a.docx", body, [*GOOD_STYLES, big])) == []


def test_contrast_ratio_and_theme_tints_by_hand() -> None:
    assert contrast_ratio("000000", "FFFFFF") == pytest.approx(21)
    assert contrast_ratio("FFFFFF", "FFFFFF") == pytest.approx(1)
    assert contrast_ratio("767676", "FFFFFF") == pytest.approx(4.54, abs=0.01)
    theme = theme_colours(None)
    assert resolve("000000", "accent1", None, None, theme) == "4472C4"
    assert resolve("000000", "dark1", "80", None, theme) == "7F7F7F"  # half tint of black
    assert resolve("FFFFFF", None, None, "80", theme) == "808080"  # half shade of white
    assert resolve("auto", None, None, None, theme) is None


@pytest.mark.parametrize("name", SAMPLES)
@pytest.mark.parametrize("house", [False, True])
def test_every_sample_export_passes(name: str, house: bool, tmp_path: Path) -> None:
    template = house_template(tmp_path / "house.docx") if house else None
    target = tmp_path / f"{name}.docx"
    write_docx(laid_sample(name), target, template=template)
    assert inspect_docx(target) == []


def test_a_house_templates_pale_heading_is_darkened_with_a_note(tmp_path: Path) -> None:
    notes = write_docx(
        laid_sample("local-reform-plan"), tmp_path / "a.docx", house_template(tmp_path / "h.docx")
    )
    assert any("'heading 2' was too pale" in note for note in notes)
    assert any("'caption' was 9 pt" in note for note in notes)


def test_the_limits_are_the_template_readers() -> None:
    from reformkit.export import docx_template

    assert (MAX_TOTAL_BYTES, MAX_XML_BYTES, MAX_ENTRIES) == (
        docx_template.MAX_TOTAL_BYTES,
        docx_template.MAX_XML_BYTES,
        docx_template.MAX_ENTRIES,
    )


def test_a_file_that_is_not_a_word_document(tmp_path: Path) -> None:
    text = tmp_path / "notes.docx"
    text.write_text("not a zip")
    with pytest.raises(DocxReadError, match="not a zip"):
        inspect_docx(text)
    assert [p.rule for p in check_docx(text)] == ["file"]
    sheet = tmp_path / "sheet.docx"
    with zipfile.ZipFile(sheet, "w") as package:
        package.writestr("xl/workbook.xml", "<workbook/>")
    with pytest.raises(DocxReadError, match=r"no word/document\.xml"):
        inspect_docx(sheet)


def test_a_zip_bomb_is_refused_before_it_fills_the_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/document.xml", "<w:document>" + " " * (MAX_XML_BYTES + 10))
    with pytest.raises(DocxReadError, match="more than 4 MB"):
        inspect_docx(bomb)


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv, load_kinds=lambda: KINDS)
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_exits_0_when_nothing_is_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(["check-docx", str(word_file(tmp_path / "good.docx"))], capsys)
    assert code == 0 and "No accessibility problems found." in out


def test_the_command_exits_1_and_says_where_and_how(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = word_file(tmp_path / "bad.docx", title="")
    code, out, _ = run(["check-docx", str(bad)], capsys)
    assert code == 1
    assert "document properties: The document has no title." in out and "How to fix:" in out
    code, out, _ = run(["check-docx", str(bad), "--json"], capsys)
    assert code == 1
    assert [p["rule"] for p in json.loads(out)["problems"]] == ["title"]


def test_the_command_exits_2_on_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(["check-docx", str(tmp_path / "missing.docx")], capsys)
    assert code == 2 and "There is no file" in err
    code, _, err = run(["check-docx", str(tmp_path)], capsys)
    assert code == 2 and "a folder" in err
    (tmp_path / "bad.docx").write_text("no")
    code, _, err = run(["check-docx", str(tmp_path / "bad.docx")], capsys)
    assert code == 2 and "not a zip" in err
