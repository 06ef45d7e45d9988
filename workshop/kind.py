"""The workshop record as a document kind: a facilitator's record of a co-design session.

Registered in ``pyproject.toml`` under the ``reformkit.kinds`` entry points. It is
``attachable``: its parts may also sit in a charter or plan the workshop shaped, where its
checks, inbox rows and provenance lines work as they do in a record of its own.
"""

from __future__ import annotations

import resources
from reformkit.document.spec import DocumentSpec, KindWords, SampleDocument
from workshop.checks import check_workshop
from workshop.cli import add_commands
from workshop.layout import section_layout
from workshop.parts import ANSWERS, SECTION_TYPES
from workshop.provenance import item_notes
from workshop.receive import receive
from workshop.steps import GUIDE, PLACEHOLDER_TITLE

INTRODUCTION = (
    "This is the record of a co-design workshop: who took part, what each activity asked, "
    "what people said, placed and voted, and what became of it. It serves the briefing's "
    "“principle to co-produce” public services with citizens (The Reform Dividend, Demos, "
    "2024, p.20)."
)

WORKSHOP = DocumentSpec(
    kind="workshop",
    label="Workshop record",
    section_types=SECTION_TYPES,
    answers=ANSWERS,
    introduction=INTRODUCTION,
    checks=check_workshop,
    guide=GUIDE,
    placeholders=(PLACEHOLDER_TITLE,),
    # The record keeps people's own words, and the groups' names ("People with lived
    # experience") are the briefing's: neither is for the jargon check to reword.
    citizen_parts=(),
    attachable=True,
    receive=receive,
    item_notes=item_notes,
    section_layout=section_layout,
    commands=add_commands,
    words=KindWords(
        new_label="New workshop",
        description=(
            "For a facilitator: capture what people say, group it, vote, and let the room "
            "join from their phones. No internet needed."
        ),
        menu_label="New &workshop…",
        article="a workshop record",
        all_clear="✓ Nothing to check: the record says when and where the workshop was, who "
        "came, and what each activity asked.",
    ),
    sample=SampleDocument(
        "workshop",
        "Sample workshop record",
        "A fictional co-design workshop in Hexham: ideas from staff, citizens and families, "
        "grouped into themes, where the service is today on Table 1's six rows, and a "
        "dot vote on the themes.",
        resources.path("samples", "workshop.json"),
    ),
)
