"""How a workshop record is laid out in exports: the kind's ``section_layout`` hook.

On its own, the record reads as the session, who took part, then each activity in turn: its
question, what people said by theme, the vote or the canvas, and what became of each thing
said. The parts that hold contributions, themes, placements and votes are shown under their
activity, so they have no heading of their own.

Inside a charter or plan, the record is the appendix on how people shaped the document: the
session in a sentence, who took part, what they said, and "You said, we did". Activities,
placements and votes are left out there.
"""

from __future__ import annotations

from collections.abc import Sequence

from reformkit.dates import long_date
from reformkit.document.model import Document, Section
from reformkit.layout.blocks import Block, Clause, Heading, Note, Paragraph, ShownElsewhere
from workshop.parts import (
    ACTIVITIES_KEY,
    CANVAS_KEY,
    CONTRIBUTIONS_KEY,
    PEOPLE_KEY,
    SESSION_KEY,
    THEMES_KEY,
    VOTES_KEY,
    Method,
)
from workshop.record import Activity, WorkshopRecord, read_record
from workshop.record_blocks import (
    Became,
    became_in,
    by_theme,
    canvas_blocks,
    people_blocks,
    question,
    vote_blocks,
    you_said_we_did,
)

KIND = "workshop"  # a record on its own; in any other kind's document it is an appendix
FOLDED = (CONTRIBUTIONS_KEY, THEMES_KEY, CANVAS_KEY, VOTES_KEY)
YOU_SAID_WE_DID = "You said, we did"


def section_layout(document: Document, section: Section) -> Sequence[object]:
    """The blocks for one of the record's parts (the WORKSHOP spec's ``section_layout``)."""
    return layout_section(document, section, became_in(document))


def layout_section(
    document: Document, section: Section, became: Became
) -> list[Block | ShownElsewhere]:
    """As :func:`section_layout`, with what became of each thing said looked up by
    ``became`` (a record exported from a charter looks in the charter)."""
    record = read_record(document)
    if document.kind == KIND:
        return list(_on_its_own(record, section, became))
    return list(_in_appendix(record, section, became))


def _on_its_own(
    record: WorkshopRecord, section: Section, became: Became
) -> Sequence[Block | ShownElsewhere]:
    if section.key == SESSION_KEY:
        return [_session(record)]
    if section.key == PEOPLE_KEY:
        return people_blocks(record)
    if section.key == ACTIVITIES_KEY:
        blocks: list[Block] = []
        for number, activity in enumerate(record.activities, 1):
            blocks.extend(_activity(record, activity, number, became))
        return blocks or [Note("No activities have been planned yet.", "warning")]
    if section.key in FOLDED:
        return [ShownElsewhere()]
    return []


def _in_appendix(
    record: WorkshopRecord, section: Section, became: Became
) -> Sequence[Block | ShownElsewhere]:
    if section.key == SESSION_KEY:
        return [Heading(1, "The workshop"), Paragraph.of(in_a_sentence(record))]
    if section.key == PEOPLE_KEY:
        return people_blocks(record, lead=False)  # the workshop's sentence says how many
    if section.key == CONTRIBUTIONS_KEY:
        blocks: list[Block] = []
        for activity in record.activities:
            said = by_theme(record, activity, None, None)
            if said:
                blocks += [Heading(2, activity.title), question(activity), *said]
        return blocks or [Note("Nobody's words have been noted yet.", "info")]
    if section.key == THEMES_KEY:
        return [Heading(1, YOU_SAID_WE_DID), *you_said_we_did(record, became)]
    return [ShownElsewhere()]


def in_a_sentence(record: WorkshopRecord) -> str:
    """``On 3 March 2027, 40 people took part in the Hexham workshop at Hexham Library,
    run by Sam Reid.``, with the purpose after it, leaving out what is not known."""
    people = record.people()
    who = f"{people} {'person' if people == 1 else 'people'}" if people else "People"
    name = record.title.strip() or "a workshop"
    if not name.casefold().startswith(("the ", "a ")):
        name = f"the {name}" if "workshop" in name.casefold() else f"the {name} workshop"
    sentence = f"{who} took part in {name}"
    if record.place.strip():
        sentence += f" at {record.place.strip()}"
    if record.facilitator.strip():
        sentence += f", run by {record.facilitator.strip()}"
    if record.date:
        sentence = f"On {long_date(record.date)}, {sentence[0].lower()}{sentence[1:]}"
    sentence += "."
    purpose = " ".join(record.purpose.split())
    return f"{sentence} {purpose}" if purpose else sentence


def _session(record: WorkshopRecord) -> Clause:
    details = (
        ("Date", long_date(record.date) if record.date else ""),
        ("Place", record.place.strip()),
        ("Facilitator", record.facilitator.strip()),
    )
    return Clause(
        title=record.title.strip() or "Workshop",
        text=record.purpose.strip(),
        details=tuple((label, value) for label, value in details if value),
    )


def _activity(
    record: WorkshopRecord, activity: Activity, number: int, became: Became
) -> list[Block]:
    blocks: list[Block] = [
        Heading(2, activity.title.strip() or f"Activity {number}", "", f"activity-{number}"),
        question(activity),
    ]
    said = by_theme(record, activity, became, 3)
    blocks += said
    placed = any(p.activity_id == activity.id for p in record.placements)
    if activity.method == Method.CANVAS or placed:
        blocks += canvas_blocks(record, activity, 3)
    voted = any(v.activity_id == activity.id for v in record.votes)
    if activity.method == Method.VOTE or voted:
        blocks += vote_blocks(record, activity)
    if len(blocks) == 2 and activity.method == Method.IDEAS:
        blocks.append(Note("Nothing has been said in this activity yet.", "info"))
    return blocks
