"""The Respect Charter as a document kind: everything ReformKit knows about it, in one spec.

Registered in ``pyproject.toml`` under the ``reformkit.kinds`` entry points, which is the
only way the kernel and the desktop reach it.
"""

from collections.abc import Mapping

import resources
from charter.checks import check_charter
from charter.evidence import ELEMENTS, PLACEHOLDERS
from charter.ledger import ledger
from charter.parts import INTRODUCTION, R18, SECTION_TYPES
from charter.steps import GUIDE
from reformkit.document.model import Document
from reformkit.document.spec import DocumentSpec, KindWords, PromotionTarget, SampleDocument


def introduction_values(document: Document) -> Mapping[str, str]:
    """The team the charter is for (from its scope), else the organisation."""
    team = next(
        (str(i.fields.get("team") or "") for _, i in document.items() if i.type == "scope"), ""
    )
    return {"team": team or document.meta.organisation or "the team"}


# Where what people said in a workshop can become part of the charter: a clause of its own.
PROMOTION_TARGETS = (
    PromotionTarget("A principle", "principles", "principle", "text", "title"),
    PromotionTarget("A right of staff", "rights", "right", "text", "title"),
    PromotionTarget("A duty of staff", "duties", "duty", "text", "title"),
    PromotionTarget("A manager's commitment", "commitments", "commitment", "text", "title"),
)

CHARTER = DocumentSpec(
    kind="charter",
    label="Respect Charter",
    section_types=SECTION_TYPES,
    answers=R18,
    introduction=INTRODUCTION,
    introduction_values=introduction_values,
    checks=check_charter,
    extra_tables=ledger,
    guide=GUIDE,
    elements=ELEMENTS,
    placeholders=PLACEHOLDERS,
    # Every part is read by the team's staff, who work with the briefing's terms (the duty
    # of candour, the principle to co-produce): none is checked for its jargon.
    citizen_parts=(),
    csv_targets={"measures": "measure"},
    promotion_targets=PROMOTION_TARGETS,
    words=KindWords(
        new_label="New Respect Charter",
        description=(
            "For a team: the rights staff hold, the duties they accept in return, and what "
            "managers commit to. A guide takes you through it step by step."
        ),
        menu_label="New &charter…",
        article="a Respect Charter",
        all_clear=(
            "✓ Nothing to check: the charter says whom it is for, has a duty of candour, a "
            "review date and signatures, and answers every recommendation expected of it."
        ),
    ),
    sample=SampleDocument(
        "respect-charter",
        "Sample Respect Charter",
        "A children's social care team's charter: principles, rights, duties, what "
        "managers commit to, and how the team will know it works.",
        resources.path("samples", "respect-charter.json"),
    ),
)
