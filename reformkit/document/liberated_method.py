"""The Liberated Method's two rules, "stay legal" and "do no harm" (The Reform Dividend, p.11),
asked of anything a team or a Board proposes to try: a charter's experiment, a zone's freedom.

Both kinds ask the same two questions in the same words, so the check lives here once.
"""

from __future__ import annotations

from reformkit.document.checks import ERROR, ITEM, Problem, cite
from reformkit.document.model import Item

RULES_UNANSWERED = "liberated-rules-unanswered"
RULES_BROKEN = "liberated-rules-broken"
RULES_QUOTE = "two broad rules: 'stay legal' and 'do no harm'"


def rules_problems(item: Item, noun: str) -> list[Problem]:
    """The Liberated Method's two rules, asked of a freedom or an experiment (p.11)."""
    answers = (item.fields.get("stays_legal"), item.fields.get("does_no_harm"))
    if "No" in answers:
        broken = " and ".join(
            rule
            for rule, answer in zip(("stay legal", "do no harm"), answers, strict=True)
            if answer == "No"
        )
        return [
            Problem(
                RULES_BROKEN,
                f"This {noun} is marked as failing to {broken}. The Liberated Method frees "
                f"staff only within its {RULES_QUOTE}: change the {noun} or drop it. {cite(11)}",
                ITEM,
                item.id,
                ERROR,
                page=11,
            )
        ]
    if not all(answers):
        return [
            Problem(
                RULES_UNANSWERED,
                f"Answer the two questions for this {noun}: does it stay legal, and does it do "
                f"no harm? They are the Liberated Method's {RULES_QUOTE}. {cite(11)}",
                ITEM,
                item.id,
                page=11,
            )
        ]
    return []
