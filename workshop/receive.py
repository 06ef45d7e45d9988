"""Phones' submissions, waiting in the file's inbox, made into workshop items.

The kernel's ``Project.drain_inbox`` hands the waiting rows to the kind's ``receive`` hook,
all at once: the record is read once per drain, not once per row.
Each row is held to the same rules as an entry typed on the laptop: an activity that
exists and takes that kind of answer, words to keep, a place on the canvas, a vote within
the dots each person has. A row that breaks them raises :class:`SubmissionError`, naming it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reformkit.document.fields import FieldError
from reformkit.document.inbox import InboxRow, Received
from reformkit.document.model import Document, Item
from reformkit.document.spec import ItemType
from workshop.errors import WorkshopError
from workshop.groups import match_group
from workshop.operations import vote_rows
from workshop.parts import (
    CANVAS_KEY,
    CANVAS_POSITIONS,
    CANVAS_ROWS,
    CONTRIBUTION,
    CONTRIBUTIONS_KEY,
    FROM_PHONE,
    PLACEMENT,
    VOTE,
    VOTES_KEY,
    Method,
)
from workshop.record import Activity, WorkshopRecord, read_for_answers

CHANNELS = ("contribution", "placement", "vote")


class SubmissionError(WorkshopError):
    """One inbox row that cannot become an item; ``row_id`` says which."""

    def __init__(self, row_id: str, message: str):
        super().__init__(message)
        self.row_id = row_id


class ReceiveRows:
    """The workshop's ``receive`` hook. Called, it is the plain contract: the rows' items, and
    :class:`SubmissionError` for the first row that breaks the rules. Its :meth:`each` is
    what a drain uses: the record is read once for all the waiting rows, however many, and
    a bad row is said, not raised, so the others still go in."""

    def __call__(self, document: Document, rows: Sequence[InboxRow]) -> list[tuple[str, Item]]:
        made: list[tuple[str, Item]] = []
        for received in self.each(document, rows):
            if received.refusal:
                raise SubmissionError(received.row.id, received.refusal)
            made += received.pairs
        return made

    def each(self, document: Document, rows: Sequence[InboxRow]) -> list[Received]:
        """What each row became, or why not; rows of other channels give nothing."""
        record = read_for_answers(document)
        earlier: list[Item] = []  # votes made from rows before, counted against the dots
        outcomes: list[Received] = []
        for row in rows:
            if row.channel not in CHANNELS:
                outcomes.append(Received(row))
                continue
            try:
                pairs = receive_row(record, row, earlier)
            except (WorkshopError, FieldError) as error:
                outcomes.append(Received(row, refusal=str(error)))
                continue
            earlier += [item for _, item in pairs if item.type == VOTE.name]
            outcomes.append(Received(row, pairs))
        return outcomes


receive = ReceiveRows()


def receive_row(
    record: WorkshopRecord, row: InboxRow, earlier: Sequence[Item] = ()
) -> list[tuple[str, Item]]:
    """The items one row becomes; ``earlier`` are items made from rows before it."""
    payload = row.payload
    activity = record.activity(_text(payload, "activity"))
    if row.channel == "contribution":
        return [(CONTRIBUTIONS_KEY, _contribution(activity, payload))]
    if row.channel == "placement":
        return [(CANVAS_KEY, _placement(activity, payload))]
    return [(VOTES_KEY, item) for item in _votes(record, activity, payload, earlier)]


def _text(payload: dict[str, Any], name: str) -> str:
    value = payload.get(name, "")
    if not isinstance(value, str):
        raise WorkshopError("The answer was not sent as text.")
    return value.strip()


def _group(payload: dict[str, Any]) -> str:
    group = _text(payload, "group")
    return match_group(group) or group


def _made(item_type: ItemType, fields: dict[str, Any]) -> Item:
    return Item(type=item_type.name, fields=item_type.clean(fields))


def _contribution(activity: Activity, payload: dict[str, Any]) -> Item:
    text = _text(payload, "text")
    if not text:
        raise WorkshopError("The answer has no words.")
    fields = {"activity": activity.id, "text": text, "group": _group(payload), "via": FROM_PHONE}
    return _made(CONTRIBUTION, fields)


def _whole(payload: dict[str, Any], name: str, low: int, high: int, what: str) -> int:
    value = payload.get(name)
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise WorkshopError(f"Choose {what} from {low} to {high}.")
    return value


def _placement(activity: Activity, payload: dict[str, Any]) -> Item:
    if activity.method is not Method.CANVAS:
        raise WorkshopError(f"“{activity.title}” does not ask where the service is today.")
    fields = {
        "activity": activity.id,
        "row": _whole(payload, "row", 1, CANVAS_ROWS, "a row"),
        "position": _whole(payload, "position", 1, CANVAS_POSITIONS, "a place along the row"),
        "why": _text(payload, "why"),
        "group": _group(payload),
        "via": FROM_PHONE,
    }
    return _made(PLACEMENT, fields)


def _votes(
    record: WorkshopRecord, activity: Activity, payload: dict[str, Any], earlier: Sequence[Item]
) -> list[Item]:
    """A vote row gives ``option`` and ``dots``, or ``allocation`` ({option: dots}); with
    what this voter gave before, it may not add up to more than the activity's dots."""
    voter = _text(payload, "voter")
    allocation = payload.get("allocation")
    if allocation is None:
        allocation = {_text(payload, "option"): _whole(payload, "dots", 1, activity.dots, "dots")}
    if not isinstance(allocation, dict) or not all(isinstance(k, str) for k in allocation):
        raise WorkshopError("The vote was not sent as choices and dots.")
    given = sum(v.dots for v in record.votes if v.activity_id == activity.id and v.voter == voter)
    given += sum(
        int(item.fields.get("dots") or 0)
        for item in earlier
        if item.type == VOTE.name
        and item.fields.get("activity") == activity.id
        and item.fields.get("voter") == voter
    )
    rows = vote_rows(activity, record.options_for(activity.id), voter, allocation, FROM_PHONE)
    if given + sum(int(fields["dots"]) for fields in rows) > activity.dots:
        raise WorkshopError(f"{voter} has already used their dots in “{activity.title}”.")
    return [_made(VOTE, fields) for fields in rows]
