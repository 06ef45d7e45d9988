"""The Local Reform Plan as a document kind: everything ReformKit knows about it, in one spec.

Registered in ``pyproject.toml`` under the ``reformkit.kinds`` entry points, which is the
only way the kernel and the desktop reach it.
"""

import re
from collections.abc import Mapping
from datetime import date
from typing import Any

import resources
from plans.checks import check_plan
from plans.evidence import ELEMENTS, EVIDENCE, OPTIONAL, PLACEHOLDERS
from plans.parts import ANSWERS, ENGAGEMENT_GROUPS, INTRODUCTION, MISSION_LEVELS, SECTION_TYPES
from plans.steps import GUIDE
from reformkit.document.model import Document
from reformkit.document.spec import (
    DocumentSpec,
    EngagementSummary,
    KindWords,
    PromotionTarget,
    SampleDocument,
)


def introduction_values(document: Document) -> Mapping[str, str]:
    """The Board's name for the opening sentence, from the organisation the plan names."""
    organisation = document.meta.organisation.strip() or "the Combined Authority"
    return {"organisation": organisation, "board": board_name(organisation)}


def board_name(organisation: str) -> str:
    """``the Public Service Reform Board of Severn Vale Combined Authority``: never the
    Board twice, whether the organisation names the Board, its authority, or both."""
    pieces = [p.strip() for p in re.split(r"\s+[—–-]\s+|[,:]\s+", organisation) if p.strip()]
    boards = [p for p in pieces if re.search(r"\bboard\b", p, re.IGNORECASE)]
    others = [p for p in pieces if p not in boards]
    if boards and others:
        name = f"{boards[0]} of {others[0]}"
    elif boards:
        name = boards[0]
    else:
        owner = f"{organisation}'" if organisation.endswith("s") else f"{organisation}'s"
        name = f"{owner} Public Service Reform Board"
    return name if name.lower().startswith("the ") else f"the {name}"


# Where what people said in a workshop can become part of the plan.
PROMOTION_TARGETS = (
    PromotionTarget(
        "A local mission", "missions", "mission", "title", defaults=(("level", MISSION_LEVELS[2]),)
    ),
    PromotionTarget("An action", "actions", "action", "action"),
    PromotionTarget("Part of the whole-system shift", "system_shift", "paragraph", "text"),
    PromotionTarget("A new part of the plan", "custom", "paragraph", "text", new_section=True),
)

# The briefing's three groups (p.13) that a workshop's groups of people belong to. Partners
# may be any organisation, so they name none.
_GROUP_OF = {
    "staff": ENGAGEMENT_GROUPS[2],
    "citizens": ENGAGEMENT_GROUPS[0],
    "families": ENGAGEMENT_GROUPS[0],
    "people with lived experience": ENGAGEMENT_GROUPS[0],
}


def engagement_row(summary: EngagementSummary) -> tuple[str, str, dict[str, Any]]:
    """A workshop as a row of the plan's engagement log (section, item type, fields).

    "What changed as a result" lists what the session's words became, one a line. The
    group reached is filled when everyone who took part belongs to one of the briefing's
    three groups; otherwise the plan's check reads the groups from "Who took part". A
    session with no date is logged on the day it is promoted from.
    """
    named = {g.strip().casefold() for g in re.split(r",|\band\b", summary.who) if g.strip()}
    groups = {_GROUP_OF.get(name) for name in named}
    method = f"Workshop: {summary.title}" if summary.title.strip() else "Workshop"
    if summary.place.strip():
        method += f", {summary.place.strip()}"
    fields: dict[str, Any] = {
        "date": summary.date or date.today().isoformat(),
        "who": summary.who.strip() or "People who came to the workshop",
        "group": groups.pop() if len(groups) == 1 and None not in groups else "",
        "how_many": summary.how_many if summary.how_many > 0 else None,
        "method": method,
        "what_changed": "\n".join(line for line in summary.what_changed if line.strip()),
    }
    return "engagement", "engagement", fields


PLAN = DocumentSpec(
    kind="plan",
    label="Local Reform Plan",
    section_types=SECTION_TYPES,
    answers=ANSWERS,
    introduction=INTRODUCTION,
    introduction_values=introduction_values,
    checks=check_plan,
    guide=GUIDE,
    evidence=EVIDENCE,
    elements=ELEMENTS,
    optional=OPTIONAL,
    placeholders=PLACEHOLDERS,
    # Residents read these parts: the briefing's jargon is checked for there.
    citizen_parts=("foreword", "place", "engagement", "accountability"),
    csv_targets={
        "board": "member",
        "missions": "mission",
        "standards": "standard",
        "budget": "budget_line",
        "engagement": "engagement",
        "actions": "action",
    },
    promotion_targets=PROMOTION_TARGETS,
    engagement=engagement_row,
    words=KindWords(
        new_label="New Local Reform Plan",
        description=(
            "For a Public Service Reform Board: missions, standards, a single-pot budget, "
            "co-design, requests and an Innovation Zone."
        ),
        menu_label="New &plan…",
        article="a Local Reform Plan",
        all_clear=(
            "✓ Nothing to check: the budget adds up, every mission has a metric and an owner, "
            "every action has an owner and a due date, the Board has its chair, and every "
            "recommendation expected of a plan is answered."
        ),
    ),
    sample=SampleDocument(
        "local-reform-plan",
        "Sample Local Reform Plan",
        "A fictional Combined Authority's plan: its Board, missions, standards, a "
        "single-pot budget, co-design, requests, an Innovation Zone and actions.",
        resources.path("samples", "local-reform-plan.json"),
    ),
)
