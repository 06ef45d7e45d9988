"""What the phones see, as one frozen value the owner of the room publishes after each change.

The room's threads never read the project: the desktop (or the command line) builds a
:class:`RoomState` from the document on its own thread, after each drain of the inbox or
edit, and hands it over whole. A facilitator's hide or delete is gone from the next state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from workshop.errors import WorkshopError
from workshop.parts import GROUPS, Method

if TYPE_CHECKING:
    from reformkit.document.model import Document

SHOWN_CONTRIBUTIONS = 100  # the newest ones on a phone's results page


@dataclass(frozen=True)
class CanvasRowView:
    """One row of Table 1 as a phone shows it."""

    number: int
    theme: str
    from_words: str
    to_words: str


@dataclass(frozen=True)
class ActivityView:
    """The activity the room is on."""

    id: str
    title: str
    method: Method
    prompt: str
    dots: int = 3
    options: tuple[str, ...] = ()
    rows: tuple[CanvasRowView, ...] = ()


@dataclass(frozen=True)
class RoomState:
    """Everything the phone pages show, at one moment."""

    session_title: str = ""
    activity: ActivityView | None = None
    open_for_phones: bool = False
    groups: tuple[str, ...] = GROUPS
    tally: tuple[tuple[str, int], ...] = ()  # vote: option, dots, most first
    canvas_counts: tuple[tuple[int, tuple[int, ...]], ...] = ()  # row, counts at 1..5
    contributions: tuple[tuple[str, str], ...] = ()  # ideas: text, group; newest first
    people: int = field(default=0, compare=False)

    @property
    def accepting(self) -> bool:
        """Whether phones may send to the current activity now."""
        return self.activity is not None and self.open_for_phones


def build_state(
    document: Document, activity_id: str | None, open_for_phones: bool = True
) -> RoomState:
    """The room's view of ``document`` with ``activity_id`` current (or none)."""
    from workshop.canvas import TABLE_ONE
    from workshop.record import read_record

    record = read_record(document)
    try:
        activity = record.activity(activity_id) if activity_id else None
    except WorkshopError:  # removed since it was chosen: the phones wait
        activity = None
    if activity is None:
        return RoomState(session_title=record.title, people=record.people())
    rows = tuple(
        CanvasRowView(row.number, row.theme, row.from_words, row.to_words) for row in TABLE_ONE
    )
    view = ActivityView(
        id=activity.id,
        title=activity.title,
        method=Method(activity.method),
        prompt=activity.prompt,
        dots=activity.dots,
        options=record.options_for(activity.id),
        rows=rows if activity.method == Method.CANVAS else (),
    )
    shown = record.contributions_for(activity.id, include_hidden=False)
    return RoomState(
        session_title=record.title,
        activity=view,
        open_for_phones=open_for_phones,
        tally=tuple((option, dots) for option, dots in record.tally(activity.id)),
        canvas_counts=tuple(
            (row, tuple(at)) for row, at in sorted(record.canvas_counts(activity.id).items())
        ),
        contributions=tuple((c.text, c.group) for c in reversed(shown[-SHOWN_CONTRIBUTIONS:])),
        people=record.people(),
    )


def next_phone(document: Document) -> int:
    """The first phone number not yet among the record's voters ("Phone 7"), so that phones
    joining a new session never share a label with an earlier session's."""
    from workshop.record import read_record

    numbers = [0]
    for vote in read_record(document).votes:
        name, _, number = vote.voter.partition(" ")
        if name == "Phone" and number.isdigit():
            numbers.append(int(number))
    return max(numbers) + 1
