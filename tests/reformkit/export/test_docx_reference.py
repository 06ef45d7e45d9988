"""The Word export of each sample, compared part by part with committed reference files.

Each sample is exported, unzipped, and its XML parts pretty-printed; times and other values
that change on every export (``dcterms:created``, ``dcterms:modified``, comment dates) are
removed first. The references live in ``tests/fixtures/exports/docx/<sample>/``.

When a change to the writer or the template is meant to change the output, look at the new
output (open it in Word or LibreOffice), then regenerate the references and review the diff::

    REFORMKIT_UPDATE_REFERENCES=1 .venv/bin/pytest tests/reformkit/export/test_docx_reference.py
    git diff tests/fixtures/exports/docx
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from reformkit.export.docx_writer import write_docx
from tests.reformkit.export import SAMPLES, laid_sample

REFERENCES = Path(__file__).resolve().parents[2] / "fixtures" / "exports" / "docx"
COMPARED = (
    "word/document.xml",
    "word/styles.xml",
    "word/numbering.xml",
    "word/comments.xml",
    "word/settings.xml",
    "word/_rels/document.xml.rels",
    "docProps/core.xml",
)
VOLATILE_ELEMENTS = (
    "{http://purl.org/dc/terms/}created",
    "{http://purl.org/dc/terms/}modified",
)
VOLATILE_ATTRIBUTES = ("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}date",)


def normalised(data: bytes) -> str:
    """Pretty-printed XML without the values that change from one export to the next."""
    parser = etree.XMLParser(remove_blank_text=True)
    root = etree.fromstring(data, parser)
    for tag in VOLATILE_ELEMENTS:
        for node in root.iter(tag):
            node.getparent().remove(node)
    for node in root.iter():
        for name in VOLATILE_ATTRIBUTES:
            node.attrib.pop(name, None)
    return etree.tostring(root, pretty_print=True, encoding="unicode")


def exported_parts(docx: Path) -> dict[str, str]:
    with zipfile.ZipFile(docx) as package:
        names = [
            n
            for n in package.namelist()
            if n in COMPARED or (n.startswith("word/footer") and n.endswith(".xml"))
        ]
        return {name: normalised(package.read(name)) for name in sorted(names)}


@pytest.mark.parametrize("name", SAMPLES)
def test_export_matches_the_reference_files(name: str, tmp_path: Path) -> None:
    target = tmp_path / f"{name}.docx"
    assert write_docx(laid_sample(name), target) == []
    made = exported_parts(target)
    folder = REFERENCES / name
    if os.environ.get("REFORMKIT_UPDATE_REFERENCES"):
        if folder.exists():
            for old in sorted(folder.rglob("*.xml*")):
                old.unlink()
        for part, text in made.items():
            (folder / part).parent.mkdir(parents=True, exist_ok=True)
            (folder / part).write_text(text, "utf-8")
    expected = {
        str(path.relative_to(folder)).replace(os.sep, "/"): path.read_text("utf-8")
        for path in sorted(folder.rglob("*.xml*"))
    }
    assert sorted(made) == sorted(expected), "a different set of parts was written"
    for part, text in made.items():
        assert text == expected[part], (
            f"{name}: {part} differs from its reference; if the change is meant, regenerate "
            "with REFORMKIT_UPDATE_REFERENCES=1 (see this module's docstring)"
        )


def test_exporting_twice_gives_the_same_parts(tmp_path: Path) -> None:
    laid = laid_sample("respect-charter")
    write_docx(laid, tmp_path / "one.docx")
    write_docx(laid, tmp_path / "two.docx")
    assert exported_parts(tmp_path / "one.docx") == exported_parts(tmp_path / "two.docx")
