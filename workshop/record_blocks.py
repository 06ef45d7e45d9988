"""The pieces of a workshop record as layout blocks: who took part, what people said by
theme, the dot vote, the Table 1 canvas, and what became of each thing said.

:mod:`workshop.layout` puts them together, for a record on its own or for the appendix of a
charter or plan. Everything here is in plain words: no item ids and no recommendation codes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reformkit.document.model import Document, Item, Section
from reformkit.layout.blocks import Block, Heading, ListBlock, Note, Paragraph, Span, Table
from workshop.canvas import TABLE_ONE
from workshop.parts import CANVAS_POSITIONS
from workshop.record import Activity, Contribution, Theme, WorkshopRecord

#: What a thing said became, in words, from the ids in its ``promoted_to``.
Became = Callable[[Sequence[str]], str]

NOT_USED = "Not used yet"
ELSEWHERE = "Used in the document this record came from"
DOT = "●"
MOST_DOTS = 30  # dots drawn in a row; more are counted ("●●●… +12")
BRIEFING = "The Reform Dividend"
_NAME_FIELDS = ("title", "name", "text", "description")


def became_in(document: Document) -> Became:
    """What an id in ``promoted_to`` names in ``document``: ``Rights: Time to rest``."""

    def words(ids: Sequence[str]) -> str:
        found = []
        for item_id in ids:
            try:
                section, item = document.find_item(item_id)
            except KeyError:
                continue
            found.append(_describe(section, item))
        if found:
            return "; ".join(dict.fromkeys(found))
        return ELSEWHERE if ids else NOT_USED

    return words


def _describe(section: Section, item: Item) -> str:
    """The part and the item's own name: ``Rights: Time to rest``."""
    name = next((str(item.fields[f]) for f in _NAME_FIELDS if item.fields.get(f)), "")
    name = " ".join(name.split())
    if len(name) > 80:
        name = name[:79].rsplit(" ", 1)[0] + "…"
    return f"{section.title}: {name}" if name else section.title


def people_blocks(record: WorkshopRecord, lead: bool = True) -> list[Block]:
    """Counts by group with their total; a names column only where names were given.
    ``lead`` puts the total in a sentence first."""
    groups = [g for g in record.groups if g.group.strip() or g.count]
    if not groups:
        return [Note("Nobody has been counted yet.", "warning")]
    named = any(g.names for g in groups)
    header = ("Group", "How many", *(("Names",) if named else ()))
    rows = [
        (g.group or "Others", str(g.count), *((", ".join(g.names),) if named else ()))
        for g in groups
    ]
    total = ("Total", str(record.people()), *(("",) if named else ()))
    people = record.people()
    said = f"{people} {'person' if people == 1 else 'people'} took part."
    return [
        *([Paragraph.of(said)] if lead else []),
        Table(header, (*rows, total), caption="Who took part, with the total", total=True),
    ]


def question(activity: Activity) -> Paragraph:
    return Paragraph((Span("The question: ", bold=True), Span(activity.prompt.strip())))


def by_theme(
    record: WorkshopRecord, activity: Activity, became: Became | None, level: int | None
) -> list[Block]:
    """What people said in one activity, theme by theme (hidden ones left out). With
    ``became``, each theme says what became of it and each contribution is a table row
    with its own; without, contributions are a list. Each theme's name is a heading of
    ``level``, or a bold line when it is ``None``."""
    said = record.contributions_for(activity.id)
    if not said:
        return []
    blocks: list[Block] = []
    themes = [t for t in record.themes_for(activity.id) if any(c.theme_id == t.id for c in said)]
    known = {t.id for t in themes}
    groups: list[tuple[Theme | None, list[Contribution]]] = [
        (theme, [c for c in said if c.theme_id == theme.id]) for theme in themes
    ]
    loose = [c for c in said if c.theme_id not in known]
    if loose:
        groups.append((None, loose))
    for theme, contributions in groups:
        name = theme.name if theme else ("Not in a theme" if themes else "Everything said")
        if level is None:
            blocks.append(Paragraph((Span(name, bold=True),)))
        else:
            blocks.append(Heading(level, name))
        if theme and theme.summary.strip():
            blocks.append(Paragraph.of(theme.summary.strip()))
        if theme and became is not None:
            blocks.append(
                Paragraph(
                    (Span("What became of it: ", bold=True), Span(became(theme.promoted_to))),
                    "small",
                )
            )
        blocks.append(_said(contributions, became, name))
    return blocks


def _said(contributions: Sequence[Contribution], became: Became | None, theme: str) -> Block:
    if became is None:
        return ListBlock(tuple(_said_line(c) for c in contributions))
    rows = tuple((c.text.strip(), c.group.strip(), became(c.promoted_to)) for c in contributions)
    return Table(
        ("What was said", "Who said it", "What became of it"),
        rows,
        caption=f"What people said: {theme}",
        widths=(5, 2, 3),
    )


def _said_line(contribution: Contribution) -> tuple[Span, ...]:
    text = " ".join(contribution.text.split())
    group = contribution.group.strip()
    return (Span(text), Span(f" ({group})", italic=True)) if group else (Span(text),)


def vote_blocks(record: WorkshopRecord, activity: Activity) -> list[Block]:
    """The dot vote as a ranked table, each option's dots drawn as well as counted."""
    tally = [(option, dots) for option, dots in record.tally(activity.id)]
    if not tally or not any(dots for _, dots in tally):
        return [Note("Nobody has voted yet.", "info")]
    voters = record.voters(activity.id)
    people = f"{voters} {'person' if voters == 1 else 'people'}"
    rows = tuple(
        (str(rank), option, str(dots), _dots(dots)) for rank, (option, dots) in enumerate(tally, 1)
    )
    return [
        Paragraph.of(f"{people} voted, with {activity.dots} dots each."),
        Table(
            ("Rank", "Voted for", "Dots", "As dots"),
            rows,
            caption="The vote, most dots first",
            widths=(1, 5, 1.2, 4),
        ),
    ]


def _dots(count: int) -> str:
    if count <= MOST_DOTS:
        return DOT * count
    return f"{DOT * MOST_DOTS} +{count - MOST_DOTS}"


def canvas_blocks(record: WorkshopRecord, activity: Activity, level: int) -> list[Block]:
    """Table 1's six rows in the briefing's words, with how many people placed their service
    at each of the five points, then the reasons they gave."""
    counts = record.canvas_counts(activity.id)
    rows = tuple(
        (
            f"{row.theme}\nFrom: {row.from_words}\nTo: {row.to_words}",
            *(str(n) for n in counts.get(row.number, [0] * CANVAS_POSITIONS)),
        )
        for row in TABLE_ONE
    )
    points = tuple(str(n) for n in range(1, CANVAS_POSITIONS + 1))
    header = ("From … to", f"{points[0]} (from)", *points[1:-1], f"{points[-1]} (to)")
    page = TABLE_ONE[0].page if TABLE_ONE else 11
    blocks: list[Block] = [
        Table(
            header,
            rows,
            caption="Where people placed their service today, on each row of Table 1",
            widths=(6, 1.3, 1, 1, 1, 1.3),
        ),
        Paragraph.of(
            f"The rows are Table 1, “Six principles of ‘liberated public services’”, from "
            f"{BRIEFING}, p.{page}. 1 is all “from”; {CANVAS_POSITIONS} is all “to”.",
            "small",
        ),
    ]
    reasons = [p for p in record.placements if p.activity_id == activity.id and p.why.strip()]
    if reasons:
        blocks.append(Heading(level, "Why people placed themselves there"))
        by_row = {row.number: row for row in TABLE_ONE}
        lines = []
        for placed in sorted(reasons, key=lambda p: (p.row, p.position)):
            row = by_row.get(placed.row)
            where = f"{row.from_words} → {row.to_words}" if row else "A row"
            who = f" ({placed.group.strip()})" if placed.group.strip() else ""
            lines.append(
                (
                    Span(
                        f"{where}, placed at {placed.position} of {CANVAS_POSITIONS}: ", bold=True
                    ),
                    Span(" ".join(placed.why.split()) + who),
                )
            )
        blocks.append(ListBlock(tuple(lines)))
    return blocks


def you_said_we_did(record: WorkshopRecord, became: Became) -> list[Block]:
    """Each theme, and each contribution used on its own, beside what it became."""
    rows = [(theme.name.strip(), became(theme.promoted_to)) for theme in record.themes]
    used_themes = {t.id for t in record.themes if t.promoted_to}
    rows += [
        (" ".join(c.text.split()), became(c.promoted_to))
        for c in record.contributions
        if c.promoted_to and not c.hidden and c.theme_id not in used_themes
    ]
    if not rows:
        return [Note("Nothing from the workshop has been used in the document yet.", "info")]
    return [
        Paragraph.of("What people said at the workshop, and what the document does about it."),
        Table(("You said", "We did"), tuple(rows), caption="You said, we did", widths=(1, 1)),
    ]
