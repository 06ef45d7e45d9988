"""Reading the parts of a Word package the checks need, safely and within size limits.

A .docx from anyone may be damaged, not a zip at all, or a small zip that unpacks to
gigabytes. Each part is streamed with a cap before it is parsed, using the limits the
template reader uses (:mod:`reformkit.export.docx_template`), so a hostile file gives one
sentence and never fills the memory.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.etree import ElementTree

from reformkit.docx_check.problem import DocxReadError
from reformkit.input_files import check_input_path, check_input_size

MEGABYTE = 1024 * 1024
# The same limits as a house template (kept here, not imported, so a check need not load
# python-docx); tests/reformkit/test_check_docx.py holds them equal to the template reader's.
MAX_TOTAL_BYTES = 50 * MEGABYTE
MAX_XML_BYTES = 4 * MEGABYTE
MAX_ENTRIES = 2000
_CHUNK = 64 * 1024
WHAT = "a Word document (.docx)"
PARTS = {
    "document": "word/document.xml",
    "styles": "word/styles.xml",
    "core": "docProps/core.xml",
    "theme": "word/theme/theme1.xml",
}


@dataclass
class Package:
    """The parsed parts; ``document`` is always there, the others may be missing."""

    document: ElementTree.Element
    styles: ElementTree.Element | None
    core: ElementTree.Element | None
    theme: ElementTree.Element | None


def read_package(path: Path) -> Package:
    """The parts of the Word file at ``path``, or :class:`DocxReadError` saying why not."""
    name = path.name
    info = check_input_path(path, WHAT)
    check_input_size(path, info, WHAT, MAX_TOTAL_BYTES)
    if not zipfile.is_zipfile(path):
        raise DocxReadError(
            f"{name} is not a Word document (.docx): it is not a zip package. Open it in Word "
            "and save it as a Word Document (.docx)."
        )
    try:
        with zipfile.ZipFile(path) as package:
            entries = package.infolist()
            if len(entries) > MAX_ENTRIES:
                raise DocxReadError(
                    f"{name} holds {len(entries)} files, more than a Word document ever needs; "
                    "it was not checked."
                )
            parsed = _read_parts(package, name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as error:
        raise DocxReadError(f"{name} is damaged and cannot be read ({_reason(error)}).") from None
    except ElementTree.ParseError as error:
        raise DocxReadError(f"{name} has a damaged part ({_reason(error)}).") from None
    document = parsed.get("document")
    if document is None:
        raise DocxReadError(
            f"{name} is not a Word document (it has no word/document.xml; it may be a "
            "spreadsheet or a presentation)."
        )
    return Package(
        document,
        parsed.get("styles"),
        parsed.get("core"),
        parsed.get("theme"),
    )


def _read_parts(package: zipfile.ZipFile, name: str) -> dict[str, ElementTree.Element]:
    parsed: dict[str, ElementTree.Element] = {}
    budget = MAX_XML_BYTES
    for key, part in PARTS.items():
        try:
            entry = package.getinfo(part)
        except KeyError:
            continue
        data = bytearray()
        with package.open(entry) as stream:  # a zip can lie about sizes: count real bytes
            while chunk := stream.read(_CHUNK):
                data += chunk
                if len(data) > budget:
                    raise DocxReadError(
                        f"{name} holds more than {MAX_XML_BYTES // MEGABYTE} MB of text and "
                        "settings in the parts checked, more than ReformKit reads; it was not "
                        "checked."
                    )
        budget -= len(data)
        parsed[key] = ElementTree.fromstring(bytes(data))
    return parsed


def _reason(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return text[:160] or type(error).__name__
