"""A Respect Charter's own checks: whom it is for, when it is reviewed, candour, sign-off,
each right paired with the duty accepted in return (the earned-liberation bargain, p.11), and
each experiment asked the Liberated Method's two rules (p.11).

``CHARTER`` runs :func:`check_charter` from
:func:`reformkit.document.checks.check_document`.
"""

from __future__ import annotations

from datetime import date

from reformkit.document.checks import ERROR, ITEM, Problem, cite, where
from reformkit.document.liberated_method import (
    rules_problems,
)
from reformkit.document.model import Document, Item
from reformkit.document.spec import DocumentSpec
from reformkit.layout.formatting import long_date

CANDOUR_ENTRY = "D1"  # the catalogue's duty of candour

CHARTER_NO_SCOPE = "charter-no-scope"
CHARTER_NO_REVIEW = "charter-no-review"
CHARTER_REVIEW_PAST = "charter-review-past"
CHARTER_NO_CANDOUR = "charter-no-candour"
CHARTER_NO_SIGNATURES = "charter-no-signatures"
RIGHT_NO_DUTY = "right-no-duty"
RIGHT_BAD_DUTY = "right-bad-duty"

BARGAIN_QUOTE = (
    "\"There is an essential bargain at the heart of 'liberated public services': "
    "professionals gain more flexibility and autonomy, but this comes with greater "
    'responsibilities."'
)


def check_charter(
    document: Document, spec: DocumentSpec, today: date | None = None
) -> list[Problem]:
    """Every charter problem, in the order of the charter's parts."""
    today = today or date.today()
    problems = []
    if not any(str(i.fields.get("team") or "").strip() for i in _items(document, "scope")):
        kind, part_id = where(document, "scope")
        problems.append(
            Problem(
                CHARTER_NO_SCOPE,
                "Say which team this charter is for, which service it sits in and who it covers.",
                kind,
                part_id,
            )
        )
    if not any(_is_candour(duty) for duty in _items(document, "duty")):
        kind, part_id = where(document, "duties")
        problems.append(
            Problem(
                CHARTER_NO_CANDOUR,
                'The charter has no duty of candour. The briefing asks for "the new rights '
                "and duties expected of public service workers, including proposals for a "
                f"'duty of candour'\". Add it from the catalogue (D1). {cite(20)}",
                kind,
                part_id,
                page=20,
            )
        )
    problems += check_ledger(document)
    problems += [p for e in _items(document, "experiment") for p in rules_problems(e, "experiment")]
    reviews = [i for i in _items(document, "review") if i.fields.get("review_date")]
    if not reviews:
        kind, part_id = where(document, "review")
        problems.append(
            Problem(
                CHARTER_NO_REVIEW,
                "Set a date to review the charter, usually within a year, and say how the "
                "team will review it.",
                kind,
                part_id,
            )
        )
    for review in reviews:
        day = str(review.fields["review_date"])
        if _before(day, today):
            problems.append(
                Problem(
                    CHARTER_REVIEW_PAST,
                    f"The review date, {long_date(day)}, has passed. Review the charter "
                    "with the team and set the next date.",
                    ITEM,
                    review.id,
                    ERROR,
                )
            )
    if not _items(document, "signatory"):
        kind, part_id = where(document, "review")
        problems.append(
            Problem(
                CHARTER_NO_SIGNATURES,
                "Nobody has signed the charter yet. Add the team manager and a staff "
                "representative once the team has agreed it.",
                kind,
                part_id,
            )
        )
    return problems


def check_ledger(document: Document) -> list[Problem]:
    """Each right paired with the duty staff accept in return for it (p.11)."""
    duties = {item.id for item in _items(document, "duty")}
    problems = []
    for right in _items(document, "right"):
        duty = str(right.fields.get("duty") or "")
        if duty and duty not in duties:
            problems.append(
                Problem(
                    RIGHT_BAD_DUTY,
                    "This right is paired with a duty that is no longer in the charter. "
                    "Choose the duty accepted in return for it.",
                    ITEM,
                    right.id,
                    ERROR,
                )
            )
        elif not duty:
            problems.append(
                Problem(
                    RIGHT_NO_DUTY,
                    "Choose the duty staff accept in return for this right. The briefing calls "
                    f"it an earned liberation: {BARGAIN_QUOTE} {cite(11)}",
                    ITEM,
                    right.id,
                    page=11,
                )
            )
    return problems


def _items(document: Document, item_type: str) -> list[Item]:
    return [item for _, item in document.items() if item.type == item_type]


def _is_candour(duty: Item) -> bool:
    if duty.source is not None and duty.source.entry_id == CANDOUR_ENTRY:
        return True
    title = str(duty.fields.get("title") or "").casefold()
    return "candour" in title or "candor" in title


def _before(day: str, today: date) -> bool:
    try:
        return date.fromisoformat(day[:10]) < today
    except ValueError:
        return False
