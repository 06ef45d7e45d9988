"""The seven steps of the charter builder: what each is called, says and edits.

Each step edits one section of the charter (found by its key). The explanations are written
for a manager who has never seen the briefing: short sentences, no jargon.
"""

from __future__ import annotations

from dataclasses import dataclass

from reformkit.document.model import Document, Item, Section

CLAUSES, SCOPE, MEASURES, REVIEW = "clauses", "scope", "measures", "review"
STATE_KEY = "charter-wizard-step"


@dataclass(frozen=True)
class Step:
    number: int  # 1 to 7
    section_key: str
    title: str
    explanation: str
    kind: str  # CLAUSES, SCOPE, MEASURES or REVIEW
    item_type: str  # the main item type this step adds


STEPS: tuple[Step, ...] = (
    Step(
        1,
        "scope",
        "Purpose and scope",
        "Say who this charter is for: your team, the service it belongs to, and who it "
        "covers. Add a line or two on why your team wants a charter. Everything you type is "
        "kept as you go, so you can stop at any time and carry on later.",
        SCOPE,
        "scope",
    ),
    Step(
        2,
        "principles",
        "Principles",
        "Principles are the ideas your team agrees to work by. A good start is the six "
        "principles in Table 1 of the briefing, the two rules of the Liberated Method, and "
        "'earned liberation': more freedom for staff, in return for more responsibility. "
        "Use the ones that fit, then reword them for your team.",
        CLAUSES,
        "principle",
    ),
    Step(
        3,
        "rights",
        "Rights",
        "Rights are what every member of staff can expect. The briefing names a say over how "
        "they do their work, professional freedom, time and money to learn, fair and stable "
        "pay, and a voice in how services change. Add your own if something is missing.",
        CLAUSES,
        "right",
    ),
    Step(
        4,
        "duties",
        "Duties",
        "Duties are what staff agree to in return for their rights. The briefing proposes "
        "a duty of candour (being open and honest, above all when things go wrong), working "
        "with other services, and shaping services with the people who use them. The "
        "Liberated Method adds two rules: stay legal and do no harm.",
        CLAUSES,
        "duty",
    ),
    Step(
        5,
        "commitments",
        "What managers commit to",
        "What will managers do so that staff can really use their rights? Write each "
        "commitment as a promise, and say who is responsible and by when. The rights you "
        "chose are listed as prompts.",
        CLAUSES,
        "commitment",
    ),
    Step(
        6,
        "measures",
        "How you will know it works",
        "Choose a few figures you can track to see whether the charter is making a "
        "difference, such as vacancies, spending on agency staff or the staff survey. For "
        "each one, say where you are now and where you want to be.",
        MEASURES,
        "measure",
    ),
    Step(
        7,
        "review",
        "Review and sign-off",
        "Pick a date to look at the charter again together; most teams do this once a year. "
        "Then record who agreed it. When you finish, the whole charter opens so you can read "
        "it through and export it.",
        REVIEW,
        "review",
    ),
)


def section_for(document: Document, step: Step) -> Section | None:
    """The section a step edits (the first with its key), or None if the user removed it."""
    return next((s for s in document.sections if s.key == step.section_key), None)


def items_of(document: Document, step: Step, item_type: str | None = None) -> list[Item]:
    section = section_for(document, step)
    if section is None:
        return []
    wanted = item_type or step.item_type
    return [item for item in section.items if item.type == wanted]


def is_done(document: Document, step: Step) -> bool:
    """Whether a step has content worth a tick in the step list."""
    section = section_for(document, step)
    if section is None:
        return False
    if step.kind == SCOPE:
        return any(
            item.fields.get("team") and (item.fields.get("covers") or item.fields.get("purpose"))
            for item in items_of(document, step)
        )
    if step.kind == REVIEW:
        return bool(items_of(document, step)) and bool(items_of(document, step, "signatory"))
    return bool(section.items)
