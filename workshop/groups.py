"""Reading a group label at the start of a captured line: "Staff: we need more time".

A facilitator types as fast as people talk, one contribution a line, and may start a line
with who said it. The label is matched without regard to case against the groups a workshop
counts and their short forms; any other words before a colon stay part of the text, so
nothing typed is ever lost.
"""

from __future__ import annotations

from workshop.parts import GROUPS

# Each group's short forms, as a facilitator might type them.
SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "Staff": ("staff",),
    "Citizens": ("citizen", "citizens"),
    "Families": ("family", "families"),
    "Partners": ("partner", "partners"),
    "People with lived experience": ("lived experience", "people with lived experience"),
}
_LABELS = {
    " ".join(form.split()).casefold(): group
    for group in GROUPS
    for form in (group, *SHORT_FORMS.get(group, ()))
}


def match_group(label: str) -> str | None:
    """The group ``label`` names ("citizens", "Lived experience"), or None."""
    return _LABELS.get(" ".join(label.split()).casefold())


def parse_line(line: str, default_group: str = "") -> tuple[str, str]:
    """``"Staff: we need…"`` gives ``("Staff", "we need…")``.

    A line without a known group before its first colon keeps every word as its text
    (stripped of the spaces around it) and takes ``default_group``.
    """
    prefix, colon, rest = line.partition(":")
    group = match_group(prefix) if colon else None
    if group is not None:
        return group, rest.strip()
    return default_group, line.strip()
