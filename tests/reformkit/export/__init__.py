"""Shared helpers for the export tests: laid-out samples, a document with every kind of
block, and reading parts of a written Word file."""

from __future__ import annotations

import struct
import zipfile
import zlib
from functools import cache
from pathlib import Path

from lxml import etree

import resources
from reformkit.catalogue.store import Catalogue
from reformkit.layout.blocks import (
    Clause,
    Heading,
    Image,
    LaidOut,
    ListBlock,
    Note,
    PageBreak,
    Paragraph,
    Span,
    Table,
    TableOfContents,
)
from reformkit.layout.engine import lay_out

SAMPLES = ("respect-charter", "local-reform-plan")
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@cache
def laid_sample(name: str) -> LaidOut:
    from reformkit.document.interchange import loads
    from tests.documents import KINDS

    document = loads(resources.path("samples", f"{name}.json").read_text("utf-8"), KINDS)
    catalogue = Catalogue.open(None)
    try:
        return lay_out(
            document,
            KINDS.get(document.kind),
            catalogue.entries("recommendation"),
            catalogue.seed.credit,
        )
    finally:
        catalogue.close()


def png(path: Path, width: int = 4, height: int = 3) -> Path:
    """Write a small grey PNG to ``path``."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\x80" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
    return path


def every_block(picture: Path, text: str = "") -> LaidOut:
    """A small document with one or more of every kind of block."""
    return LaidOut(
        title="Every block" + text,
        subtitle="Respect Charter",
        organisation="Testing Borough Council",
        authors=("Ada Author", "Ben Writer"),
        date="1 January 2027",
        language="en-GB",
        subject="A test",
        keywords=("test", "R18"),
        credit="Credit to Demos (CC BY-SA 3.0).",
        metadata=(("Organisation", "Testing Borough Council"),),
        blocks=(
            TableOfContents(2),
            Heading(1, "Rights" + text, "1", "section-1"),
            Paragraph(
                (
                    Span("See "),
                    Span("the duties", link="#section-2"),
                    Span(" and "),
                    Span("the Demos briefing", link="https://www.demos.co.uk/research/"),
                    Span(". " + text, italic=True),
                )
            ),
            Clause(
                "Discretion" + text,
                "You decide how to work." + text,
                ("R18", "R19"),
                "Adapted from the briefing, page 11",
                needs_review=True,
                review_note="The entry changed; check the wording." + text,
                item_id="c1",
                details=(("Owner", "Team manager" + text),),
            ),
            ListBlock(((Span("first" + text),), (Span("second"),)), ordered=True),
            ListBlock(((Span("a bullet"),), (Span("another", bold=True),))),
            ListBlock(((Span("again first"),), (Span("again second"),)), ordered=True),
            Heading(2, "Measures", "1.1", "section-1-1"),
            Table(
                ("Measure", "Now", "Answers"),
                (("Vacancies" + text, "28%", "R18"), ("Agency spend", "£612,000", "R18")),
                caption="Measures — Rights",
            ),
            Note("Nothing written yet." + text, "warning"),
            Note("A friendly note."),
            Image(picture, "A grey square" + text, 3),
            PageBreak(),
            Heading(1, "Duties", "2", "section-2"),
            Paragraph.of("Small print." + text, "small"),
            Paragraph.of("A lead." + text, "lead"),
        ),
    )


def read_part(docx: Path, name: str) -> str:
    with zipfile.ZipFile(docx) as package:
        return package.read(name).decode("utf-8")


def parts(docx: Path) -> list[str]:
    with zipfile.ZipFile(docx) as package:
        return package.namelist()


def xml(docx: Path, name: str) -> etree._Element:
    with zipfile.ZipFile(docx) as package:
        return etree.fromstring(package.read(name))
