"""The steps of the Local Reform Plan builder: what each is called, says and edits.

Each step edits one or more sections of the plan (found by their keys). The explanations
are written for a Board secretariat officer who may not have read the briefing: short
sentences, no jargon, and the reason the part is there.
"""

from __future__ import annotations

from dataclasses import dataclass

from reformkit.document.model import Document, Item, Section

STATE_KEY = "plan-wizard-step"
PARAGRAPHS, TABLE, TWO_LISTS, MISSIONS, SHIFT, BUDGET, REQUESTS, ZONE, CHECK = (
    "paragraphs",
    "table",
    "two-lists",
    "missions",
    "shift",
    "budget",
    "requests",
    "zone",
    "check",
)


@dataclass(frozen=True)
class PlanStep:
    number: int
    title: str
    explanation: str
    kind: str  # how the page is laid out: PARAGRAPHS, TABLE, BUDGET…
    section_keys: tuple[str, ...]  # the sections it edits, in order
    item_type: str = ""  # the main item type of its table, if it has one


PLAN_STEPS: tuple[PlanStep, ...] = (
    PlanStep(
        1,
        "Foreword and vision",
        "Say in a few short paragraphs why the Board is making this plan and what the place "
        "will be like when it works. Most forewords are signed by the Mayor, who chairs the "
        "Board. Everything you type is kept as you go, so you can stop at any time.",
        PARAGRAPHS,
        ("foreword",),
        "paragraph",
    ),
    PlanStep(
        2,
        "The Board",
        "List who sits on the Public Service Reform Board. The briefing suggests the Mayor, "
        "council leaders, the NHS, schools, police, the Jobcentre, probation, universities, "
        "business and the voluntary sector. Pick a role from the list or type your own, and "
        "tick the one member who chairs the Board.",
        TABLE,
        ("board",),
        "member",
    ),
    PlanStep(
        3,
        "The place: needs and assets",
        "Describe the area in two lists. Needs are the problems people face that services "
        "must answer. Assets are what the place already has to build on: people, groups, "
        "buildings and good services.",
        TWO_LISTS,
        ("place",),
        "place_note",
    ),
    PlanStep(
        4,
        "Missions cascade",
        "Missions go from the national mission metrics set by government, to the metro "
        "missions your Board will pursue, to local missions in each area. Give each one a "
        "metric, where you are now (baseline), a target, a date and an owner. Select a "
        "mission to add one under it.",
        MISSIONS,
        ("missions",),
        "mission",
    ),
    PlanStep(
        5,
        "Minimum service standards",
        "Standards are the floor no service may fall below, whatever else changes. Keep them "
        "few and clear. For each, say the service, the standard, how it is measured and who "
        "inspects it.",
        TABLE,
        ("standards",),
        "standard",
    ),
    PlanStep(
        6,
        "System shift and prevention",
        "Say how services will change as a whole: judged by outcomes, building on people's "
        "strengths and fitted around each person. Then say how partners and civil society "
        "will work together, and list what stands in the way of prevention and what helps.",
        SHIFT,
        ("system_shift", "collaboration", "prevention"),
        "prevention_factor",
    ),
    PlanStep(
        7,
        "Lived experience and co-design",
        "Record who you listened to while writing the plan, how many people, how you did it, "
        "and what changed because of what they said. The last column matters most: it shows "
        "that people were heard.",
        TABLE,
        ("engagement",),
        "engagement",
    ),
    PlanStep(
        8,
        "Right-to-request proposals",
        "The right to request lets the Board ask to run a service locally that is now run "
        "nationally. The briefing names employment support and probation as the first "
        "candidates. Start from those or add your own, and say why and how ready you are.",
        REQUESTS,
        ("requests",),
        "request",
    ),
    PlanStep(
        9,
        "Total Place+ budget",
        "The single pot brings partners' money together so it can follow the plan. Enter "
        "the pot's total, its period and the Accounting Officer who answers for it, then one "
        "line for each service and partner. The lines must add up to the total.",
        BUDGET,
        ("budget",),
        "budget_line",
    ),
    PlanStep(
        10,
        "Bids and social investment",
        "List bids for extra money, such as to the Service Experimentation and Innovation "
        "Fund (SEIF), and any social investment. Say who the funder is, how much, and what it "
        "pays for.",
        TABLE,
        ("investment",),
        "investment",
    ),
    PlanStep(
        11,
        "Workforce",
        "Say what the plan asks of the people who deliver services: adopting the Respect "
        "Charter, time and money for staff development, and forecasts of the staff you will "
        "need.",
        TABLE,
        ("workforce",),
        "workforce_commitment",
    ),
    PlanStep(
        12,
        "Accountability",
        "Say how residents and auditors will hold the Board to account: the Citizens' Panel, "
        "audit, and how the Board will learn from what works and what does not.",
        PARAGRAPHS,
        ("accountability",),
        "paragraph",
    ),
    PlanStep(
        13,
        "Innovation Zone",
        "An Innovation Zone is an area where services get new freedoms to try things, with "
        "safeguards. Name the area, list the freedoms you are asking for, say how people "
        "will be kept safe, and how you will know if it worked.",
        ZONE,
        ("innovation_zone",),
        "zone",
    ),
    PlanStep(
        14,
        "Action plan",
        "List who will do what, by when. Give every action one owner from the Board, a due "
        "date and a status, so the Board can check progress at each meeting.",
        TABLE,
        ("actions",),
        "action",
    ),
    PlanStep(
        15,
        "Check and finish",
        "Look over what is still missing before you finish. You can finish now and come "
        "back later: nothing is lost. When you finish, the whole plan opens so you can read "
        "it through and export it.",
        CHECK,
        (),
    ),
)


def sections_for(document: Document, step: PlanStep) -> list[Section]:
    """The sections a step edits that are in the document (the first of each key)."""
    found = []
    for key in step.section_keys:
        section = next((s for s in document.sections if s.key == key), None)
        if section is not None:
            found.append(section)
    return found


def items_of(document: Document, key: str, item_type: str) -> list[Item]:
    section = next((s for s in document.sections if s.key == key), None)
    return [i for i in section.items if i.type == item_type] if section else []


def is_done(document: Document, step: PlanStep) -> bool:
    """Whether a step has content worth a tick in the step list."""
    if step.kind == CHECK:
        return False
    if step.kind == BUDGET:
        return bool(items_of(document, "budget", "budget_pot")) and bool(
            items_of(document, "budget", "budget_line")
        )
    return any(section.items for section in sections_for(document, step))
