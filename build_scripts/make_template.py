"""Build ReformKit's Word reference template, resources/templates/reformkit.docx.

Run once after changing the styles in reformkit/export/docx_styles.py, and commit the result:

    .venv/bin/python build_scripts/make_template.py

It starts from python-docx's blank document, keeps only the few styles Word itself relies on,
and adds ReformKit's: Arial 12 pt body (LibreOffice shows Liberation Sans, the same widths),
dark blue headings, a bordered table style, contents, lists, notes and small print. The page
is A4 portrait with 2.5 cm margins, the language British English, and every page after the
title page is numbered in its footer. tests/reformkit/export/test_docx_template.py checks the
committed file.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.shared import Cm

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reformkit.export.docx_parts import page_number_footer  # noqa: E402
from reformkit.export.docx_styles import STYLES, define, set_language, style_id  # noqa: E402
from reformkit.export.docx_xml import (  # noqa: E402
    RPR_ORDER,
    SETTINGS_ORDER,
    element,
    insert_ordered,
)

TARGET = ROOT / "resources" / "templates" / "reformkit.docx"
KEEP = {"Normal", "Default Paragraph Font", "Normal Table", "No List", "header", "footer"}
KEEP_PARTS = ("/styles", "/settings", "/webSettings", "/fontTable", "/theme", "/numbering")


def build(target: Path = TARGET) -> Path:
    document = docx.Document()
    part = document.part
    for rel_id, rel in list(part.rels.items()):
        if not rel.reltype.endswith(KEEP_PARTS):
            part.drop_rel(rel_id)
    package_rels = part.package.rels
    for rel_id, rel in list(package_rels.items()):
        if rel.reltype.endswith("/thumbnail"):
            package_rels.pop(rel_id)
    root = document.styles.element
    for style in list(root.iterchildren(qn("w:style"))):
        if style.find(qn("w:name")).get(qn("w:val")) not in KEEP:
            root.remove(style)
            continue
        for stale in style.findall(qn("w:link")) + style.findall(qn("w:rsid")):
            style.remove(stale)
    for definition in STYLES:
        define(root, definition, replace=True)
    defaults = root.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    insert_ordered(
        rpr,
        element(
            "w:rFonts",
            {"w:ascii": "Arial", "w:hAnsi": "Arial", "w:eastAsia": "Arial", "w:cs": "Arial"},
        ),
        RPR_ORDER,
    )
    for tag in ("w:sz", "w:szCs"):
        insert_ordered(rpr, element(tag, {"w:val": "24"}), RPR_ORDER)
    insert_ordered(rpr, element("w:lang", {"w:val": "en-GB"}), RPR_ORDER)
    spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
    spacing.set(qn("w:after"), "160")
    spacing.set(qn("w:line"), "288")
    set_language(document, "en-GB")
    numbering = document.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))
    section.header_distance = section.footer_distance = Cm(1.25)
    page_number_footer(section, style_id(root, "footer", "paragraph"))
    section.different_first_page_header_footer = True
    section.first_page_footer.is_linked_to_previous = False  # the title page is not numbered
    settings = document.settings.element
    for stale in settings.findall(qn("w:rsids")):
        settings.remove(stale)
    insert_ordered(settings, element("w:themeFontLang", {"w:val": "en-GB"}), SETTINGS_ORDER)
    core = document.core_properties
    core.title = "ReformKit"
    core.author = core.last_modified_by = "ReformKit"
    core.subject = "Word reference template for Respect Charters and Local Reform Plans"
    core.keywords = core.comments = ""
    core.language = "en-GB"
    core.revision = 1
    core.created = core.modified = dt.datetime(2025, 1, 1)
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(str(target))
    return target


if __name__ == "__main__":
    print(build())
