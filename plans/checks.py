"""A Local Reform Plan's own checks: a budget that adds up, missions that can be measured,
actions someone owns, a Board with one chair.

``PLAN`` runs :func:`check_plan` from :func:`reformkit.document.checks.check_document`.
Each problem points at the part to fix and says what to do, in plain words.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from plans.briefing_checks import check_briefing
from reformkit.document.checks import ERROR, ITEM, Problem, cite, where
from reformkit.document.model import Document, Item, Section
from reformkit.document.spec import DocumentSpec
from reformkit.layout.formatting import long_date, money

# The words plans/parts.py uses; tests/plans/test_plan_checks.py keeps them in step.
NATIONAL, METRO, LOCAL = "National mission metric", "Metro mission", "Local mission"
DONE = "Done"

BUDGET_MISMATCH = "budget-mismatch"
BUDGET_NO_POT = "budget-no-pot"
BUDGET_MANY_POTS = "budget-many-pots"
BUDGET_NO_ACCOUNTING_OFFICER = "budget-no-accounting-officer"
MISSION_NO_METRIC = "mission-no-metric"
MISSION_NO_OWNER = "mission-no-owner"
MISSION_NO_BASELINE = "mission-no-baseline"
MISSION_NO_TARGET = "mission-no-target"
MISSION_NO_DATE = "mission-no-date"
MISSION_NOT_LINKED = "mission-not-linked"
MISSION_BAD_PARENT = "mission-bad-parent"
ACTION_NO_OWNER = "action-no-owner"
ACTION_NO_DUE = "action-no-due"
ACTION_OWNER_NOT_MEMBER = "action-owner-not-member"
ACTION_OVERDUE = "action-overdue"
BOARD_NO_CHAIR = "board-no-chair"
BOARD_MANY_CHAIRS = "board-many-chairs"


def check_plan(document: Document, spec: DocumentSpec, today: date | None = None) -> list[Problem]:
    """Every plan problem, in the order of the plan's parts. ``today`` defaults to today."""
    today = today or date.today()
    return (
        check_board(document)
        + check_missions(document)
        + check_budget(document)
        + check_actions(document, today)
        + check_briefing(document, spec)
    )


def check_budget(document: Document) -> list[Problem]:
    """One single pot, with an Accounting Officer, that its lines add up to exactly."""
    pots = _items(document, "budget_pot")
    lines = _items(document, "budget_line")
    if not pots:
        kind, part_id = where(document, "budget")
        return [
            Problem(
                BUDGET_NO_POT,
                "The budget has no single pot. Add one with its total, its period and the "
                "Accounting Officer who answers for it.",
                kind,
                part_id,
            )
        ]
    problems = []
    for _, pot in pots:
        if not str(pot.fields.get("accounting_officer") or "").strip():
            problems.append(
                Problem(
                    BUDGET_NO_ACCOUNTING_OFFICER,
                    "Name the Accounting Officer for the single pot: usually the Combined "
                    "Authority's Chief Executive (recommendation 15).",
                    ITEM,
                    pot.id,
                )
            )
    for _, pot in pots[1:]:
        problems.append(
            Problem(
                BUDGET_MANY_POTS,
                f"This plan has {len(pots)} single pots, but a Total Place+ budget has one. "
                "Put their totals into one pot and remove this one.",
                ITEM,
                pot.id,
                ERROR,
            )
        )
    if len(pots) == 1:
        pot = pots[0][1]
        total = _amount(pot.fields.get("total"))
        in_lines = sum((_amount(line.fields.get("amount")) for _, line in lines), Decimal(0))
        if in_lines != total:
            gap = abs(total - in_lines)
            short = "short" if in_lines < total else "over"
            problems.append(
                Problem(
                    BUDGET_MISMATCH,
                    f"{money(in_lines)} in lines, {money(total)} in the pot: {money(gap)} "
                    f"{short}. Correct a line or the pot's total so that they match.",
                    ITEM,
                    pot.id,
                    ERROR,
                )
            )
    return problems


def check_missions(document: Document) -> list[Problem]:
    """Each mission measurable and owned, and linked to the level above it."""
    problems = []
    by_id = {item.id: item for _, item in document.items()}
    required = (
        (
            "metric",
            MISSION_NO_METRIC,
            "Give this mission a metric: what number will show progress?",
        ),
        (
            "baseline",
            MISSION_NO_BASELINE,
            "Give this mission a baseline: where is the metric now, and when was it measured?",
        ),
        ("target", MISSION_NO_TARGET, "Give this mission a target: what should the metric reach?"),
        (
            "target_date",
            MISSION_NO_DATE,
            "Give this mission a target date: by when should it reach its target?",
        ),
        (
            "owner",
            MISSION_NO_OWNER,
            "Name who owns this mission: the person or organisation that answers for it.",
        ),
    )
    for _, mission in _items(document, "mission"):
        for name, rule, message in required:
            if mission.fields.get("level") == NATIONAL and name != "metric":
                continue  # the government's metric: its baseline and target are not local
            if not str(mission.fields.get(name) or "").strip():
                problems.append(Problem(rule, message, ITEM, mission.id))
        problems += _mission_link(mission, by_id)
    return problems


def _mission_link(mission: Item, by_id: dict[str, Item]) -> list[Problem]:
    level = mission.fields.get("level")
    above = {LOCAL: METRO, METRO: NATIONAL}.get(str(level))
    parent_id = str(mission.fields.get("parent") or "").strip()
    if parent_id:
        parent = by_id.get(parent_id)
        if parent is None or parent.type != "mission" or parent is mission:
            what = "a part that is no longer in the plan" if parent is None else "not a mission"
            if parent is mission:
                what = "itself"
            return [
                Problem(
                    MISSION_BAD_PARENT,
                    f"This mission says it serves {what}. Choose the "
                    f"{(above or 'mission').lower()} it serves"
                    + (", or none." if above is None else "."),
                    ITEM,
                    mission.id,
                    ERROR,
                )
            ]
        if above is not None and parent.fields.get("level") != above:
            return [
                Problem(
                    MISSION_NOT_LINKED,
                    f"This {str(level).lower()} serves '{parent.fields.get('title')}', which "
                    f"is a {str(parent.fields.get('level')).lower()}. Link it to the "
                    f"{above.lower()} it serves instead.",
                    ITEM,
                    mission.id,
                )
            ]
        return []
    if above is None:
        return []
    return [
        Problem(
            MISSION_NOT_LINKED,
            f"Link this {str(level).lower()} to the {above.lower()} it serves, so the "
            "cascade from national to local is clear.",
            ITEM,
            mission.id,
        )
    ]


def check_actions(document: Document, today: date) -> list[Problem]:
    """Each action owned by a Board member, with a due date that has not quietly passed."""
    members = {_name(item.fields.get("name")) for _, item in _items(document, "member")}
    members.discard("")
    problems = []
    for _, action in _items(document, "action"):
        owner = str(action.fields.get("owner") or "").strip()
        if not owner:
            problems.append(
                Problem(
                    ACTION_NO_OWNER,
                    "Say who owns this action: a member of the Board.",
                    ITEM,
                    action.id,
                )
            )
        elif members and _name(owner) not in members:
            problems.append(
                Problem(
                    ACTION_OWNER_NOT_MEMBER,
                    f"'{owner}' is not a member of the Board. Give the action to a Board "
                    "member (they can hand the work on), or add them to the Board.",
                    ITEM,
                    action.id,
                )
            )
        due = str(action.fields.get("due") or "")
        if not due:
            problems.append(
                Problem(
                    ACTION_NO_DUE,
                    "Give this action a due date: by when will it be done?",
                    ITEM,
                    action.id,
                )
            )
        elif action.fields.get("status") != DONE and _before(due, today):
            problems.append(
                Problem(
                    ACTION_OVERDUE,
                    f"This action was due on {long_date(due)} and is not marked Done. "
                    "Mark it Done, or agree a new date.",
                    ITEM,
                    action.id,
                )
            )
    return problems


def check_board(document: Document) -> list[Problem]:
    """The Board has exactly one chair (the Mayor, in the briefing)."""
    chairs = [item for _, item in _items(document, "member") if item.fields.get("chair")]
    kind, part_id = where(document, "board")
    if not chairs:
        return [
            Problem(
                BOARD_NO_CHAIR,
                "Nobody chairs the Board. Mark the member who does as chair: 'Combined "
                "Authority Mayors, where they exist, would chair Public Service Reform "
                f"Boards'. {cite(13)}",
                kind,
                part_id,
                page=13,
            )
        ]
    if len(chairs) > 1:
        names = ", ".join(str(c.fields.get("name") or "?") for c in chairs)
        return [
            Problem(
                BOARD_MANY_CHAIRS,
                f"{len(chairs)} members are marked as chairing the Board ({names}). The "
                "Board has one chair: untick the others.",
                kind,
                part_id,
                ERROR,
            )
        ]
    return []


def _items(document: Document, item_type: str) -> list[tuple[Section, Item]]:
    return [(s, i) for s, i in document.items() if i.type == item_type]


def _amount(value: object) -> Decimal:
    try:
        return Decimal(str(value)) if value not in (None, "") else Decimal(0)
    except ArithmeticError:
        return Decimal(0)


def _name(value: object) -> str:
    return " ".join(str(value or "").split()).casefold()


def _before(day: str, today: date) -> bool:
    try:
        return date.fromisoformat(day[:10]) < today
    except ValueError:
        return False
