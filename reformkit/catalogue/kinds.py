"""The kinds of catalogue entry, with the words used for them in lists and menus.

Kinds say what a thing is in the briefing: a body (an organisation), a fund (money and how it
is pooled), an area (a place designated for something), a Board role (a seat on a Public
Service Reform Board, p.13) or an officer (a post with its own accountability).
"""

from __future__ import annotations

from typing import NamedTuple

from reformkit.errors import UnknownKindError


class Kind(NamedTuple):
    name: str
    label: str
    plural: str
    user_addable: bool = False


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind("theme", "Theme", "Themes"),
        Kind("challenge", "Challenge", "Challenges"),
        Kind("shift", "Policy shift", "Policy shifts"),
        Kind("recommendation", "Recommendation", "Recommendations"),
        Kind("principle", "Principle", "Principles", user_addable=True),
        Kind("idea", "Idea", "Ideas"),
        Kind("duty", "Duty", "Duties", user_addable=True),
        Kind("right", "Right", "Rights", user_addable=True),
        Kind("rule", "Rule", "Rules of the Liberated Method"),
        Kind("body", "Body", "Bodies"),
        Kind("fund", "Fund", "Funds and funding"),
        Kind("area", "Area", "Areas"),
        Kind("role", "Board role", "Board roles"),
        Kind("officer", "Officer", "Officers"),
        Kind("figure", "Figure", "Headline figures"),
        Kind("clause", "Clause", "Clauses", user_addable=True),
    )
}

ALIASES = {
    "recommendations": "recommendation",
    "rec": "recommendation",
    "duties": "duty",
    "policy-shift": "shift",
    "bodies": "body",
    "funds": "fund",
    "funding": "fund",
    "areas": "area",
    "board-role": "role",
    "officers": "officer",
}


def resolve_kind(text: str) -> str:
    """Return the canonical kind for ``text`` (any case, singular or plural)."""
    key = text.strip().lower().replace("_", "-").replace(" ", "-")
    key = ALIASES.get(key, key)
    if key not in KINDS and key.endswith("s") and key[:-1] in KINDS:
        key = key[:-1]
    if key not in KINDS:
        raise UnknownKindError(
            f"There is no kind called '{text}'. The kinds are: {', '.join(KINDS)}."
        )
    return key


def user_kinds() -> list[str]:
    return [k.name for k in KINDS.values() if k.user_addable]
