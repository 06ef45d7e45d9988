"""Laying out any charter or plan into blocks, guided by its spec.

Each item type says how it is presented: as a clause (a titled paragraph), as a record (one
item shown with every field labelled), or as a row of a table. Consecutive items of one type
are shown together. Where the recommendations each part answers are shown is the export's
choice (:mod:`reformkit.layout.tags`); the appendix always maps the whole document to the 22.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from itertools import groupby
from typing import Any

from reformkit.catalogue.entry import Entry
from reformkit.catalogue.provenance import drawn_from
from reformkit.document.coverage import coverage
from reformkit.document.fields import LONG_TEXT, MONEY, REFERENCE, TEXT
from reformkit.document.model import Document, Item, Section
from reformkit.document.spec import CLAUSE, RECORD, DocumentSpec, ItemType
from reformkit.layout.appendix import appendix
from reformkit.layout.blocks import (
    Block,
    Clause,
    Heading,
    LaidOut,
    Note,
    PageBreak,
    Paragraph,
    ShownElsewhere,
    Span,
    Table,
    TableOfContents,
)
from reformkit.layout.formatting import long_date, money, plural, show
from reformkit.layout.hooks import (
    item_notes,
    one_level_down,
    own_layout,
    section_numbers,
    split,
)
from reformkit.layout.reuse import SectionReuse
from reformkit.layout.tags import APPENDIX, BESIDE, DEFAULT_TAGS, PART, TagPlacement

#: Item types that are signatures: they never carry recommendation tags.
SIGNATURE_TYPES = ("signatory", "signature")

#: The heading of the appendix holding a charter's or plan's workshop record.
COPRODUCTION_TITLE = "Appendix: how people shaped this document"
COPRODUCTION_ANCHOR = "appendix-coproduction"

REVIEW_NOTE = (
    "The catalogue entry this was drawn from ({source}) has changed since. Check that the "
    "wording still says what you mean, then mark it as reviewed."
)


def lay_out(
    document: Document,
    spec: DocumentSpec,
    recommendations: Sequence[Entry],
    credit: str,
    tags: TagPlacement = DEFAULT_TAGS,
    back: Sequence[Block] | None = None,
    reuse: SectionReuse | None = None,
    coproduction: bool = True,
) -> LaidOut:
    """The whole document as blocks: contents, every section, and the appendices.

    ``tags`` says where each part's recommendations are shown: ``appendix`` (only there),
    ``part`` (a line at the end of each part) or ``beside`` (each heading, clause and row).
    ``back`` is the appendices as :func:`back_matter` laid them out, if the caller has them
    (the preview shows the last ones while someone types, and works them out after a pause).
    ``reuse`` hands back the blocks of sections unchanged since the layout before.
    ``coproduction`` says whether a charter or plan that holds a workshop record (an
    attachable kind's sections) ends its body with the appendix on how people shaped it;
    without it those sections are left out.
    """
    titles = {entry.id: entry.title for entry in recommendations}
    references = {item.id: item for _, item in document.items()}
    notes = item_notes(document, spec)
    own, attached = split(document, spec)
    numbers = section_numbers(document, spec)
    blocks: list[Block] = [TableOfContents(depth=2)]
    intro = _introduction(document, spec)
    if intro:
        blocks.append(Paragraph.of(intro, "lead"))
    if reuse is not None:
        reuse.start(spec, titles, tags)
    for section in own:
        if section.id not in numbers:
            continue  # shown under another section by its kind
        number = int(numbers[section.id])
        custom = own_layout(document, section, spec)
        if custom or reuse is None:
            blocks.extend(_section(number, section, spec, titles, references, tags, notes, custom))
        else:
            blocks.extend(
                reuse.blocks(
                    number,
                    section,
                    spec,
                    references,
                    lambda: _section(number, section, spec, titles, references, tags, notes),  # noqa: B023
                    extra=tuple(notes.get(item.id, "") for item in section.items),
                )
            )
        if spec.extra_tables is not None:
            blocks.extend(
                Table(table.header, table.rows, caption=table.caption)
                for table in spec.extra_tables(document, section)
            )
        if tags == PART:
            answered = _part_tags(section, spec)
            if answered:
                blocks.append(tag_line(answered, titles, "This part answers: "))
    if reuse is not None:
        reuse.finish()
    if coproduction and attached:
        blocks.extend(coproduction_appendix(document, attached, spec, titles, references, notes))
    blocks.extend(back_matter(document, spec, recommendations, credit) if back is None else back)
    meta = document.meta
    keywords = sorted({t for s in document.sections for t in s.tags}, key=_tag_order)
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
        keywords=(spec.label, "The Reform Dividend", "public service reform", *keywords),
        blocks=tuple(blocks),
        credit=credit,
        metadata=tuple((label, value) for label, value in details if value),
    )


def coproduction_appendix(
    document: Document,
    attached: Sequence[Section],
    spec: DocumentSpec,
    titles: dict[str, str],
    references: dict[str, Item],
    notes: Mapping[str, str],
) -> list[Block]:
    """The attached record's sections under one heading, after the document's own parts:
    each section one level down, unnumbered, in the contents."""
    blocks: list[Block] = [PageBreak(), Heading(1, COPRODUCTION_TITLE, "", COPRODUCTION_ANCHOR)]
    for count, section in enumerate(attached, 1):
        custom = own_layout(document, section, spec)
        if any(isinstance(block, ShownElsewhere) for block in custom):
            continue
        laid = _section(0, section, spec, titles, references, APPENDIX, notes, custom)
        blocks.extend(one_level_down(laid, f"{COPRODUCTION_ANCHOR}-{count}"))
    return blocks


def back_matter(
    document: Document, spec: DocumentSpec, recommendations: Sequence[Entry], credit: str
) -> list[Block]:
    """The appendices: the coverage of the recommendations with its evidence, and their
    text. Most of a long document's layout time goes on its coverage."""
    rows = coverage(document, spec, recommendations)
    return appendix(document, rows, recommendations, credit, section_numbers(document, spec))


def tag_line(tags: Iterable[str], titles: dict[str, str], lead: str = "Answers: ") -> Paragraph:
    names = [f"{tag} {titles.get(tag, '')}".strip() for tag in tags]
    return Paragraph((Span(lead, bold=True), Span("; ".join(names))), "small")


def _tag_order(tag: str) -> tuple[int, str]:
    digits = tag[1:]
    return (int(digits), tag) if digits.isdigit() else (10**6, tag)


def _is_signature(item_type: ItemType) -> bool:
    return item_type.name in SIGNATURE_TYPES


def _part_tags(section: Section, spec: DocumentSpec) -> list[str]:
    """Every recommendation a part or its items (signatures aside) is tagged with."""
    section_type = spec.section_type(section.key)
    found = set(section.tags)
    for item in section.items:
        if not _is_signature(section_type.item_type(item.type)):
            found.update(item.tags)
    return sorted(found, key=_tag_order)


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
    tags: TagPlacement = DEFAULT_TAGS,
    notes: Mapping[str, str] | None = None,
    custom: Sequence[Any] = (),
) -> list[Block]:
    """A section's heading and content. ``custom`` is its kind's own layout, if it has one: a
    level-1 heading first in it retitles the section."""
    notes = notes or {}
    title = section.title
    own: list[Block] = [b for b in custom if not isinstance(b, ShownElsewhere)]
    if own and isinstance(own[0], Heading) and own[0].level == 1:
        title = own.pop(0).text  # type: ignore[union-attr]
    blocks: list[Block] = [Heading(1, title, str(number), f"section-{number}")]
    if section.tags and tags == BESIDE:
        blocks.append(tag_line(section.tags, titles))
    if section.owner:
        blocks.append(Paragraph((Span("Written by: ", bold=True), Span(section.owner)), "small"))
    if custom:
        return blocks + own
    if section.intro.strip():
        blocks.append(Paragraph.of(section.intro))
    section_type = spec.section_type(section.key)
    for type_name, group in groupby(section.items, key=lambda item: item.type):
        items = list(group)
        item_type = section_type.item_type(type_name)
        if item_type.presentation == "paragraph":
            for item in items:
                blocks.append(Paragraph.of(str(item.fields.get("text", ""))))
                if notes.get(item.id):
                    blocks.append(provenance_line(notes[item.id]))
        elif item_type.presentation in (CLAUSE, RECORD):
            blocks.extend(
                _clause(item_type, item, section, references, tags == BESIDE, notes.get(item.id))
                for item in items
            )
        else:
            blocks.extend(_table(item_type, items, section, references, tags == BESIDE, notes))
    if not section.items and not section.intro.strip():
        blocks.append(Note("Nothing has been written in this part yet.", "warning"))
    return blocks


def provenance_line(text: str) -> Paragraph:
    """Where an item came from, as a line of its own in italics."""
    return Paragraph((Span(text, italic=True),), "small")


def _value(item_type: ItemType, item: Item, name: str, references: dict[str, Item]) -> str:
    field = item_type.field(name)
    value = item.fields.get(name)
    if field.type == REFERENCE and value:
        target = references.get(str(value))
        return str(target.fields.get("title") or value) if target else str(value)
    return show(field, value)


def _own_tags(item: Item, section: Section) -> tuple[str, ...]:
    """The tags worth showing beside an item: only those its part's heading does not show."""
    return tuple(tag for tag in item.tags if tag not in section.tags)


def _record_title(item_type: ItemType, item: Item, references: dict[str, Item]) -> str:
    """A record's heading: ``Right-to-request proposal: Probation``, or its kind alone
    (``Single pot``) when its title is empty, not words (a date, an amount) or has a colon
    of its own; the title then shows among the details, with its label."""
    name = item_type.title_field
    if name and item_type.field(name).type in (TEXT, LONG_TEXT):
        value = _value(item_type, item, name, references)
        if value and ":" not in value:  # a title with a colon of its own reads as a label
            return f"{item_type.label}: {value}" if value != item_type.label else value
    return item_type.label


def _clause(
    item_type: ItemType,
    item: Item,
    section: Section,
    references: dict[str, Item],
    show_tags: bool = False,
    note: str | None = None,
) -> Clause:
    if item_type.presentation == RECORD:
        # A record shows every field with its label: nothing appears without one.
        title = _record_title(item_type, item, references)
        text_field = ""
        titled = item_type.title_field if title != item_type.label else ""
    else:
        long_fields = [f.name for f in item_type.fields if f.type == LONG_TEXT]
        text_field = (
            "text" if "text" in item_type.field_names else (long_fields[0] if long_fields else "")
        )
        title = item_type.describe(item.fields)
        titled = item_type.title_field
    details = tuple(
        (field.label, _value(item_type, item, field.name, references))
        for field in item_type.fields
        if field.name not in (text_field, titled)
        and _value(item_type, item, field.name, references)
    )
    source = drawn_from(item.source.entry_id) if item.source else ""
    return Clause(
        title=title,
        text=str(item.fields.get(text_field) or "") if text_field else "",
        tags=_own_tags(item, section) if show_tags and not _is_signature(item_type) else (),
        source=source,
        needs_review=item.needs_review,
        review_note=REVIEW_NOTE.format(source=item.source.entry_id)
        if (item.needs_review and item.source)
        else "",
        item_id=item.id,
        details=details,
        provenance=note or "",
    )


def _caption(item_type: ItemType, totalled: bool) -> str:
    """``Budget lines, with their total``: the table's own name, as a person would put it."""
    caption = plural(item_type.label)
    return f"{caption}, with their total" if totalled else caption


def _table(
    item_type: ItemType,
    items: list[Item],
    section: Section,
    references: dict[str, Item],
    show_tags: bool = False,
    notes: Mapping[str, str] | None = None,
) -> list[Block]:
    notes = notes or {}
    fields = [
        f for f in item_type.fields if any(_value(item_type, i, f.name, references) for i in items)
    ]
    # An Answers column only where a row answers more than its part's heading already says.
    answers = (
        show_tags and not _is_signature(item_type) and any(_own_tags(i, section) for i in items)
    )
    header = (*(f.label for f in fields), *(("Answers",) if answers else ()))
    rows = [
        (
            *(_value(item_type, i, f.name, references) for f in fields),
            *((", ".join(_own_tags(i, section)),) if answers else ()),
        )
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
            caption=_caption(item_type, bool(money_columns)),
            amounts=tuple(money_columns),
            total=bool(money_columns),
            notes=tuple(notes.get(i.id, "") for i in items)
            if any(notes.get(i.id) for i in items)
            else (),
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
