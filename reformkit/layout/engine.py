"""Laying out any charter or plan into blocks, guided by its spec.

Each item type says how it is presented: as a clause (a titled paragraph with its tags), as a
record (one item shown with its labelled details), or as a row of a table. Consecutive items
of one type are shown together. Every section and clause shows the recommendations it
answers, and an appendix maps the whole document to the 22.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from itertools import groupby

from reformkit.catalogue.entry import Entry
from reformkit.catalogue.provenance import drawn_from
from reformkit.document.coverage import coverage
from reformkit.document.fields import LONG_TEXT, MONEY, REFERENCE
from reformkit.document.model import Document, Item, Section
from reformkit.document.spec import CLAUSE, RECORD, DocumentSpec, ItemType
from reformkit.layout.appendix import appendix
from reformkit.layout.blocks import (
    Block,
    Clause,
    Heading,
    LaidOut,
    Note,
    Paragraph,
    Span,
    Table,
    TableOfContents,
)
from reformkit.layout.formatting import long_date, money, show

REVIEW_NOTE = (
    "The catalogue entry this was drawn from ({source}) has changed since. Check that the "
    "wording still says what you mean, then mark it as reviewed."
)


def lay_out(
    document: Document, spec: DocumentSpec, recommendations: Sequence[Entry], credit: str
) -> LaidOut:
    """The whole document as blocks: contents, every section, and the appendices."""
    titles = {entry.id: entry.title for entry in recommendations}
    references = {item.id: item for _, item in document.items()}
    blocks: list[Block] = [TableOfContents(depth=2)]
    intro = _introduction(document, spec)
    if intro:
        blocks.append(Paragraph.of(intro, "lead"))
    for number, section in enumerate(document.sections, 1):
        blocks.extend(_section(number, section, spec, titles, references))
        if spec.extra_tables is not None:
            blocks.extend(
                Table(table.header, table.rows, caption=table.caption)
                for table in spec.extra_tables(document, section)
            )
    rows = coverage(document, spec, recommendations)
    blocks.extend(appendix(document, rows, recommendations, credit))
    meta = document.meta
    tags = sorted({t for s in document.sections for t in s.tags}, key=lambda t: int(t[1:]))
    details = [
        ("Organisation", meta.organisation),
        ("Written by", ", ".join(meta.authors)),
        ("Last changed", long_date(meta.modified)),
    ]
    return LaidOut(
        title=meta.title,
        subtitle=spec.label,
        organisation=meta.organisation,
        authors=tuple(meta.authors),
        date=long_date(meta.modified),
        language=meta.language,
        subject=f"{spec.label} drawing on The Reform Dividend (Demos, 2024)",
        keywords=(spec.label, "The Reform Dividend", "public service reform", *tags),
        blocks=tuple(blocks),
        credit=credit,
        metadata=tuple((label, value) for label, value in details if value),
    )


def tag_line(tags: Iterable[str], titles: dict[str, str]) -> Paragraph:
    names = [f"{tag} {titles.get(tag, '')}".strip() for tag in tags]
    return Paragraph((Span("Answers: ", bold=True), Span("; ".join(names))), "small")


def _introduction(document: Document, spec: DocumentSpec) -> str:
    """The kind's opening paragraph, filled with the values the kind reads from the document."""
    if not spec.introduction:
        return ""
    values = dict(spec.introduction_values(document)) if spec.introduction_values else {}
    values.setdefault("organisation", document.meta.organisation or "the organisation")
    try:
        return spec.introduction.format_map(values)
    except (KeyError, IndexError, ValueError):
        return ""  # a kind whose introduction names a value it does not supply


def _section(
    number: int,
    section: Section,
    spec: DocumentSpec,
    titles: dict[str, str],
    references: dict[str, Item],
) -> list[Block]:
    section_type = spec.section_type(section.key)
    blocks: list[Block] = [Heading(1, section.title, str(number), f"section-{number}")]
    if section.tags:
        blocks.append(tag_line(section.tags, titles))
    if section.owner:
        blocks.append(Paragraph((Span("Written by: ", bold=True), Span(section.owner)), "small"))
    if section.intro.strip():
        blocks.append(Paragraph.of(section.intro))
    for type_name, group in groupby(section.items, key=lambda item: item.type):
        items = list(group)
        item_type = section_type.item_type(type_name)
        if item_type.presentation == "paragraph":
            blocks.extend(Paragraph.of(str(i.fields.get("text", ""))) for i in items)
        elif item_type.presentation in (CLAUSE, RECORD):
            blocks.extend(_clause(item_type, item, section, references) for item in items)
        else:
            blocks.extend(_table(item_type, items, section, references))
    if not section.items and not section.intro.strip():
        blocks.append(Note("Nothing has been written in this part yet.", "warning"))
    return blocks


def _value(item_type: ItemType, item: Item, name: str, references: dict[str, Item]) -> str:
    field = item_type.field(name)
    value = item.fields.get(name)
    if field.type == REFERENCE and value:
        target = references.get(str(value))
        return str(target.fields.get("title") or value) if target else str(value)
    return show(field, value)


def _clause(
    item_type: ItemType, item: Item, section: Section, references: dict[str, Item]
) -> Clause:
    long_fields = [f.name for f in item_type.fields if f.type == LONG_TEXT]
    text_field = (
        "text" if "text" in item_type.field_names else (long_fields[0] if long_fields else "")
    )
    title = item_type.describe(item.fields)
    if item_type.presentation == RECORD and item_type.title_field:
        title = _value(item_type, item, item_type.title_field, references) or title
    details = tuple(
        (field.label, _value(item_type, item, field.name, references))
        for field in item_type.fields
        if field.name not in (text_field, item_type.title_field)
        and _value(item_type, item, field.name, references)
    )
    source = drawn_from(item.source.entry_id) if item.source else ""
    tags = tuple(item.tags) if item.tags != section.tags else ()
    return Clause(
        title=title,
        text=str(item.fields.get(text_field) or "") if text_field else "",
        tags=tags or tuple(item.tags),
        source=source,
        needs_review=item.needs_review,
        review_note=REVIEW_NOTE.format(source=item.source.entry_id)
        if (item.needs_review and item.source)
        else "",
        item_id=item.id,
        details=details,
    )


def _table(
    item_type: ItemType, items: list[Item], section: Section, references: dict[str, Item]
) -> list[Block]:
    fields = [
        f for f in item_type.fields if any(_value(item_type, i, f.name, references) for i in items)
    ]
    header = (*(f.label for f in fields), "Answers")
    rows = [
        (*(_value(item_type, i, f.name, references) for f in fields), ", ".join(i.tags))
        for i in items
    ]
    money_columns = [n for n, f in enumerate(fields) if f.type == MONEY]
    if money_columns:
        total = [""] * len(header)
        label_column = next((n for n in range(len(fields)) if n not in money_columns), None)
        if label_column is not None:
            total[label_column] = "Total"
        for column in money_columns:
            name = fields[column].name
            total[column] = money(sum((Decimal(i.fields[name] or 0) for i in items), Decimal(0)))
        rows.append(tuple(total))
    blocks: list[Block] = [
        Table(
            tuple(header),
            tuple(tuple(r) for r in rows),
            caption=f"{item_type.label} — {section.title}",
            amounts=tuple(money_columns),
            total=bool(money_columns),
        )
    ]
    flagged = [item_type.describe(i.fields) for i in items if i.needs_review]
    if flagged:
        blocks.append(
            Note(
                "To review, because the catalogue entry they came from has changed: "
                + "; ".join(flagged)
                + ".",
                "warning",
            )
        )
    return blocks
