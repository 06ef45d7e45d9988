"""The parts of a Respect Charter (recommendation 18, with 19 to 21), as DESIGN.md lists them.

A charter sets out a team's principles, the rights staff hold, the duties they accept in
return ("earned liberation"), what managers commit to, and how the team will know it works.
"""

from reformkit.document.fields import CHOICE, DATE, LONG_TEXT, REFERENCE, TEXT, Field
from reformkit.document.spec import (
    CLAUSE,
    PARAGRAPH,
    RECORD,
    TABLE,
    ItemType,
    SectionType,
)

CLAUSE_FIELDS = (
    Field("title", "Title", TEXT, required=True),
    Field("text", "What it means for us", LONG_TEXT, required=True),
)
# A right or a commitment is often one sentence: its title is optional, and lists name it
# by its words when it has none.
SENTENCE_FIELDS = (
    Field("title", "Title", TEXT, help="Optional: a short name. Without one, its words show."),
    CLAUSE_FIELDS[1],
)
YES_NO = ("Yes", "No")
# The Liberated Method's two rules (The Reform Dividend, p.11), asked of every experiment.
RULE_FIELDS = (
    Field("stays_legal", "Stays legal", CHOICE, choices=YES_NO),
    Field("does_no_harm", "Does no harm", CHOICE, choices=YES_NO),
)

SCOPE = ItemType(
    "scope",
    "Scope",
    (
        Field("team", "Team", TEXT, required=True, help="The team this charter is for."),
        Field("service", "Service", TEXT, help="The service or organisation it belongs to."),
        Field("covers", "Who it covers", LONG_TEXT, help="Staff groups, volunteers, agency staff."),
        Field("purpose", "Why we have a charter", LONG_TEXT),
        Field("applies_from", "Applies from", DATE, help="The day the charter takes effect."),
    ),
    title_field="team",
    presentation=RECORD,
)
PRINCIPLE = ItemType(
    "principle",
    "Principle",
    CLAUSE_FIELDS,
    "title",
    catalogue_kinds=("principle", "rule", "idea", "clause"),
    presentation=CLAUSE,
)
RIGHT = ItemType(
    "right",
    "Right",
    (
        *SENTENCE_FIELDS,
        Field(
            "duty",
            "In return for",
            REFERENCE,
            refers_to="duty",
            help="The duty staff accept in return for this right: the earned-liberation bargain.",
        ),
    ),
    "title",
    catalogue_kinds=("right", "clause"),
    presentation=CLAUSE,
)
DUTY = ItemType(
    "duty",
    "Duty",
    CLAUSE_FIELDS,
    "title",
    catalogue_kinds=("duty", "rule", "clause"),
    presentation=CLAUSE,
)
COMMITMENT = ItemType(
    "commitment",
    "Commitment",
    (*SENTENCE_FIELDS, Field("owner", "Who is responsible"), Field("due", "By when", DATE)),
    "title",
    catalogue_kinds=("clause",),
    presentation=CLAUSE,
)
MEASURE = ItemType(
    "measure",
    "Measure",
    (
        Field("measure", "Measure", TEXT, required=True, help="For example: vacancy rate."),
        Field("baseline", "Where we are now"),
        Field("target", "Where we want to be"),
        Field("target_date", "By when", DATE),
        Field("source", "Where the figure comes from"),
        Field(
            "frequency",
            "How often we look",
            "choice",
            choices=("Monthly", "Quarterly", "Every six months", "Yearly"),
        ),
    ),
    "measure",
    presentation=TABLE,
)
REVIEW = ItemType(
    "review",
    "Review",
    (
        Field("review_date", "Review date", DATE, required=True),
        Field("how", "How we will review it", LONG_TEXT),
    ),
    "review_date",
    presentation=RECORD,
)
SIGNATORY = ItemType(
    "signatory",
    "Signature",
    (
        Field("name", "Name", TEXT, help="Leave it empty until the person is known."),
        Field("role", "Role", TEXT, required=True, help="For example: team manager."),
        Field("signed_on", "Signed on", DATE),
    ),
    "name",
    presentation=TABLE,
)

EXPERIMENT = ItemType(
    "experiment",
    "Experiment",
    (
        Field("title", "What we will try", TEXT, required=True),
        Field("text", "Why, and how we will know", LONG_TEXT),
        *RULE_FIELDS,
    ),
    "title",
    presentation=CLAUSE,
)

R18 = ("R18",)

INTRODUCTION = (
    "This Respect Charter sets out what the people of {team} can expect, and what they "
    "commit to in return: more freedom over how they work, with more responsibility for "
    "what they achieve. It answers recommendation 18 of The Reform Dividend (Demos, 2024)."
)

SECTION_TYPES: tuple[SectionType, ...] = (
    SectionType(
        "scope",
        "Purpose and scope",
        "Say which team this charter is for, which service it sits in and who it covers.",
        (SCOPE, PARAGRAPH),
        R18,
    ),
    SectionType(
        "principles",
        "Our principles",
        "The principles your team adopts: the briefing's six principles of “liberated "
        "public services” (Table 1, p.11), the Liberated Method's two rules, and the "
        "charter principles it proposes “subject to further investigation” (p.20).",
        (PRINCIPLE, EXPERIMENT, PARAGRAPH),
        R18,
    ),
    SectionType(
        "rights",
        "Rights of staff",
        "What staff can expect. The briefing names “the autonomy of public sector workers” "
        "and “professional freedoms” (p.20); other rights here are ReformKit's suggestions.",
        (RIGHT, PARAGRAPH),
        R18,
    ),
    SectionType(
        "duties",
        "Duties of staff",
        "What staff accept in return for their rights: the briefing's “duty of candour” "
        "(p.20) and the Liberated Method's “stay legal” and “do no harm” (p.11).",
        (DUTY, PARAGRAPH),
        R18,
    ),
    SectionType(
        "commitments",
        "What managers commit to",
        "What managers will do so that staff can use their rights.",
        (COMMITMENT, PARAGRAPH),
        R18,
    ),
    SectionType(
        "measures",
        "How we will know it is working",
        "Measures such as vacancies, agency spend and the staff survey.",
        (MEASURE, PARAGRAPH),
        R18,
    ),
    SectionType(
        "review",
        "Review and sign-off",
        "When the charter will be reviewed, and who agreed it.",
        (REVIEW, SIGNATORY, PARAGRAPH),
        R18,
    ),
)
