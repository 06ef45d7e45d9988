"""A workshop record's own checks: gentle notes in plain words, never errors.

A workshop is run live, so a record is often half done: these say what would make it a
better account of the day (when and where it was, who came, what each activity asked,
contributions left out of the themes). ``WORKSHOP`` runs :func:`check_workshop`, and a
charter or plan holding a record runs it on the record's parts.
"""

from __future__ import annotations

from reformkit.document.checks import ITEM, Problem, where
from reformkit.document.model import Document
from reformkit.document.spec import DocumentSpec
from workshop.parts import (
    CANVAS_POSITIONS,
    CANVAS_ROWS,
    PEOPLE_KEY,
    SESSION_KEY,
    Method,
)
from workshop.record import WorkshopRecord, has_record, read_record

NO_SESSION = "workshop-no-session"
NO_DATE_OR_PLACE = "workshop-no-date-or-place"
NO_PEOPLE = "workshop-no-people"
NO_PROMPT = "activity-no-prompt"
NO_DOTS = "vote-no-dots"
NOTHING_TO_VOTE_FOR = "vote-no-options"
UNTHEMED = "contributions-unthemed"
LOST_ACTIVITY = "workshop-lost-activity"
OFF_CANVAS = "placement-off-canvas"


def check_workshop(document: Document, spec: DocumentSpec | None = None) -> list[Problem]:
    """Every note on the document's workshop record, in the record's order."""
    if not has_record(document):
        return []
    record = read_record(document)
    problems = _session(document, record)
    problems += _activities(record)
    problems += _contributions(record)
    problems += _placements(record)
    return problems


def _session(document: Document, record: WorkshopRecord) -> list[Problem]:
    problems = []
    if not record.session_id:
        kind, part_id = where(document, SESSION_KEY)
        problems.append(
            Problem(
                NO_SESSION,
                "Give the workshop a title, a date and a place, so the record says which "
                "session it was.",
                kind,
                part_id,
            )
        )
    elif not (record.date and record.place.strip()):
        missing = " and ".join(
            word for word, value in (("when", record.date), ("where", record.place)) if not value
        )
        problems.append(
            Problem(
                NO_DATE_OR_PLACE,
                f"Say {missing} the workshop took place. Anything drawn from it will say so.",
                ITEM,
                record.session_id,
            )
        )
    if record.contributions and record.people() == 0:
        kind, part_id = where(document, PEOPLE_KEY)
        problems.append(
            Problem(
                NO_PEOPLE,
                "Say how many people came from each group: staff, citizens, families, "
                "partners, people with lived experience.",
                kind,
                part_id,
            )
        )
    return problems


def _activities(record: WorkshopRecord) -> list[Problem]:
    problems = []
    for activity in record.activities:
        name = f"“{activity.title}”" if activity.title.strip() else "This activity"
        if not activity.prompt.strip():
            problems.append(
                Problem(
                    NO_PROMPT,
                    f"{name} has no question. Write what it asks the room.",
                    ITEM,
                    activity.id,
                )
            )
        if activity.method is not Method.VOTE:
            continue
        if activity.dots < 1:
            problems.append(
                Problem(
                    NO_DOTS,
                    f"{name} gives each person no dots. Give everyone at least one; three is "
                    "usual.",
                    ITEM,
                    activity.id,
                )
            )
        if not record.options_for(activity.id):
            problems.append(
                Problem(
                    NOTHING_TO_VOTE_FOR,
                    f"{name} has nothing to vote for yet. List the choices, or make themes "
                    "for people to vote on.",
                    ITEM,
                    activity.id,
                )
            )
    return problems


def _contributions(record: WorkshopRecord) -> list[Problem]:
    problems = []
    known = {activity.id for activity in record.activities}
    for contribution in record.contributions:
        if contribution.activity_id not in known:
            problems.append(
                Problem(
                    LOST_ACTIVITY,
                    "This contribution belongs to an activity that is no longer in the "
                    "record. Move it to another activity, or delete it.",
                    ITEM,
                    contribution.id,
                )
            )
    for activity in record.activities:
        if not record.themes_for(activity.id):
            continue
        left = [c for c in record.contributions_for(activity.id) if not c.theme_id]
        if left:
            things = "thing" if len(left) == 1 else "things"
            problems.append(
                Problem(
                    UNTHEMED,
                    f"{len(left)} {things} people said in “{activity.title}” "
                    f"{'is' if len(left) == 1 else 'are'} in no theme yet. Put "
                    f"{'it' if len(left) == 1 else 'them'} in a theme, or leave "
                    f"{'it' if len(left) == 1 else 'them'} out on purpose.",
                    ITEM,
                    activity.id,
                )
            )
    return problems


def _placements(record: WorkshopRecord) -> list[Problem]:
    return [
        Problem(
            OFF_CANVAS,
            f"This place on the canvas is off its edges: rows go from 1 to {CANVAS_ROWS} and "
            f"places along a row from 1 to {CANVAS_POSITIONS}.",
            ITEM,
            placement.id,
        )
        for placement in record.placements
        if not (1 <= placement.row <= CANVAS_ROWS and 1 <= placement.position <= CANVAS_POSITIONS)
    ]
