"""What a phone sent, checked and turned into inbox payloads, or refused with a plain reason.

Payload keys are the item fields (the shared design's inbox channels): a contribution's
``activity``, ``text``, ``group``; a placement's ``activity``, ``row``, ``position``, ``why``,
``group``; a vote's ``activity``, ``voter`` and ``allocation`` ({option: dots}), in one
payload so a phone's vote is taken whole or not at all.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from workshop.room.limits import Limits
from workshop.room.state import RoomState

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u2028\u2029]")


class RefusedError(ValueError):
    """A send that cannot be taken; the message says what to change, for the phone."""


def clean_text(value: object, limit: int, what: str) -> str:
    """Trimmed text with ordinary line breaks and no control characters, at most ``limit``."""
    text = _CONTROL.sub("", str(value or "").replace("\r\n", "\n").replace("\r", "\n")).strip()
    if len(text) > limit:
        raise RefusedError(f"{what} is {len(text)} characters long. Please keep it under {limit}.")
    return text


def _group(state: RoomState, form: Mapping[str, Any]) -> str:
    chosen = str(form.get("group", ""))
    return chosen if chosen in state.groups else ""


def idea_payloads(
    state: RoomState, form: Mapping[str, Any], limits: Limits
) -> list[dict[str, Any]]:
    assert state.activity is not None
    text = clean_text(form.get("text"), limits.text_chars, "Your idea")
    if not text:
        raise RefusedError("Please write your idea first.")
    return [{"activity": state.activity.id, "text": text, "group": _group(state, form)}]


def place_payloads(
    state: RoomState, form: Mapping[str, Any], limits: Limits
) -> list[dict[str, Any]]:
    assert state.activity is not None
    group = _group(state, form)
    payloads = []
    for row in state.activity.rows:
        chosen = str(form.get(f"row{row.number}", "")).strip()
        why = clean_text(form.get(f"why{row.number}"), limits.text_chars, "Your reason")
        if not chosen:
            continue
        if chosen not in ("1", "2", "3", "4", "5"):
            raise RefusedError("Please choose one of the five places on each row.")
        payloads.append(
            {
                "activity": state.activity.id,
                "row": row.number,
                "position": int(chosen),
                "why": why,
                "group": group,
            }
        )
    if not payloads:
        raise RefusedError("Please choose a place on at least one row.")
    return payloads


def vote_payloads(state: RoomState, form: Mapping[str, Any], voter: str) -> list[dict[str, Any]]:
    activity = state.activity
    assert activity is not None
    given: list[tuple[str, int]] = []
    for index, option in enumerate(activity.options):
        typed = str(form.get(f"opt{index}", "") or "0").strip()
        if not typed.isdigit() or len(typed) > 3:
            raise RefusedError("Please use whole numbers of dots, such as 0, 1 or 2.")
        if int(typed):
            given.append((option, int(typed)))
    total = sum(dots for _, dots in given)
    if total == 0:
        raise RefusedError("Please put at least one dot on an option.")
    if total > activity.dots:
        raise RefusedError(
            f"You gave {total} dots, but you have {activity.dots}. Please take some off."
        )
    return [{"activity": activity.id, "voter": voter, "allocation": dict(given)}]
