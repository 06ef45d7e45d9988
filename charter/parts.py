"""The parts of a Respect Charter (recommendation 18, with 19 to 21), as DESIGN.md lists them.

A charter sets out a team's principles, the rights staff hold, the duties they accept in
return ("earned liberation"), what managers commit to, and how the team will know it works.
"""

from reformkit.document.fields import DATE, LONG_TEXT, TEXT, Field
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

SCOPE = ItemType(
    "scope",
    "Scope",
    (
        Field("team", "Team", TEXT, required=True, help="The team this charter is for."),
        Field("service", "Service", TEXT, help="The service or organisation it belongs to."),
        Field("covers", "Who it covers", LONG_TEXT, help="Staff groups, volunteers, agency staff."),
        Field("purpose", "Why we have a charter", LONG_TEXT),
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
    CLAUSE_FIELDS,
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
    (*CLAUSE_FIELDS, Field("owner", "Who is responsible"), Field("due", "By when", DATE)),
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
        Field("name", "Name", TEXT, required=True),
        Field("role", "Role", TEXT, required=True),
        Field("signed_on", "Signed on", DATE),
    ),
    "name",
    presentation=TABLE,
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
        "The principles your team adopts. Table 1 of the briefing and the "
        "Liberated Method's two rules are a good start.",
        (PRINCIPLE, PARAGRAPH),
        R18,
    ),
    SectionType(
        "rights",
        "Rights of staff",
        "What staff can expect: discretion over methods, professional freedom, "
        "time and money to learn, fair and stable pay, a voice.",
        (RIGHT, PARAGRAPH),
        R18,
    ),
    SectionType(
        "duties",
        "Duties of staff",
        "What staff accept in return: candour, collaboration, co-production, "
        "staying legal and doing no harm.",
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
