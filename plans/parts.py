"""The parts of a Local Reform Plan (recommendation 4), as DESIGN.md lists them.

A plan is written by a Public Service Reform Board: its members, the place, a cascade of
missions, minimum standards, a single-pot budget, co-design, requests for devolved services,
an Innovation Zone proposal and an action plan.
"""

from reformkit.document.fields import (
    CHOICE,
    DATE,
    FLAG,
    INTEGER,
    LONG_TEXT,
    MONEY,
    REFERENCE,
    TEXT,
    TEXT_LIST,
    Field,
)
from reformkit.document.spec import (
    CLAUSE,
    PARAGRAPH,
    RECORD,
    TABLE,
    ItemType,
    SectionType,
)

MISSION_LEVELS = ("National mission metric", "Metro mission", "Local mission")
ACTION_STATUSES = ("Not started", "Under way", "Done", "Stuck")
READINESS = ("Ready now", "Ready within a year", "Needs more work")
# The three groups a plan's engagement and co-design should reach (The Reform Dividend, p.13).
ENGAGEMENT_GROUPS = ("Families and households", "Civil society", "Public servants")
DELIVERER_KINDS = ("A government department", "An arm's-length body", "Someone else")
FREEDOM_KINDS = ("Regulatory", "Legal", "Administrative")
YES_NO = ("Yes", "No")

MEMBER = ItemType(
    "member",
    "Board member",
    (
        Field(
            "role",
            "Role on the Board",
            TEXT,
            required=True,
            help="For example: NHS Integrated Care Board chair.",
        ),
        Field("name", "Name", TEXT, required=True),
        Field("organisation", "Organisation"),
        Field("chair", "Chairs the Board", FLAG),
    ),
    "name",
    catalogue_kinds=("role",),
    catalogue_field="role",
    presentation=TABLE,
)
NEED_OR_ASSET = ItemType(
    "place_note",
    "Need or asset",
    (
        Field("kind", "Need or asset", CHOICE, required=True, choices=("Need", "Asset")),
        Field("title", "Title", TEXT, required=True),
        Field("text", "Detail", LONG_TEXT),
    ),
    "title",
    presentation=CLAUSE,
)
MISSION = ItemType(
    "mission",
    "Mission",
    (
        Field("level", "Level", CHOICE, required=True, choices=MISSION_LEVELS),
        Field("title", "Mission", TEXT, required=True),
        Field("parent", "Serves the mission", REFERENCE, refers_to="mission"),
        Field("metric", "Metric"),
        Field("baseline", "Baseline"),
        Field("target", "Target"),
        Field("target_date", "Target date", DATE),
        Field("owner", "Owner"),
        Field(
            "co_created_with",
            "Co-created with",
            TEXT_LIST,
            help="Who shaped a local mission: constituent councils, the NHS, schools, police "
            "forces, citizens (recommendation 10). One a line.",
        ),
    ),
    "title",
    presentation=TABLE,
)
STANDARD = ItemType(
    "standard",
    "Minimum service standard",
    (
        Field("service", "Service", TEXT, required=True),
        Field("standard", "Standard", LONG_TEXT, required=True),
        Field("measure", "How it is measured"),
        Field("inspectorate", "Inspectorate"),
    ),
    "service",
    presentation=TABLE,
)
PREVENTION = ItemType(
    "prevention_factor",
    "Barrier or enabler",
    (
        Field("kind", "Barrier or enabler", CHOICE, required=True, choices=("Barrier", "Enabler")),
        Field("title", "Title", TEXT, required=True),
        Field("text", "Detail", LONG_TEXT),
    ),
    "title",
    presentation=CLAUSE,
)
ENGAGEMENT = ItemType(
    "engagement",
    "Engagement",
    (
        Field("date", "Date", DATE, required=True),
        Field(
            "who",
            "Who took part",
            TEXT,
            required=True,
            help="Citizens, families, staff, the voluntary sector…",
        ),
        Field(
            "group",
            "Group reached",
            CHOICE,
            choices=ENGAGEMENT_GROUPS,
            free_text=True,
            help="One of the three groups the briefing names (p.13), “families and "
            "households engaging with public services, civil society and public servants”, "
            "or your own words.",
        ),
        Field("how_many", "How many people", INTEGER),
        Field("method", "How", TEXT, help="Workshop, survey, street stall, citizens' jury…"),
        Field("what_changed", "What changed as a result", LONG_TEXT),
    ),
    "who",
    presentation=TABLE,
)
REQUEST = ItemType(
    "request",
    "Right-to-request proposal",
    (
        Field("service", "Service", TEXT, required=True),
        Field("current_deliverer", "Who commissions or delivers it now"),
        Field(
            "deliverer_kind",
            "Which is",
            CHOICE,
            choices=DELIVERER_KINDS,
            help="The right to request covers services delivered by central government "
            "departments and arm's-length bodies (recommendation 5).",
        ),
        Field("case", "The case for it", LONG_TEXT),
        Field("readiness", "Readiness", CHOICE, choices=READINESS, free_text=True),
        Field("outcome", "Outcome sought", LONG_TEXT),
    ),
    "service",
    presentation=RECORD,
)
POT = ItemType(
    "budget_pot",
    "Single pot",
    (
        Field("total", "Single pot total (£)", MONEY, required=True),
        Field("period", "Period", TEXT, help="For example: 2026-27 to 2028-29."),
        Field(
            "accounting_officer",
            "Accounting Officer",
            TEXT,
            required=True,
            help="The Combined Authority Chief Executive (recommendation 15).",
        ),
    ),
    "period",
    catalogue_kinds=("officer",),
    catalogue_field="accounting_officer",
    presentation=RECORD,
)
BUDGET_LINE = ItemType(
    "budget_line",
    "Budget line",
    (
        Field("service", "Service", TEXT, required=True),
        Field("partner", "Partner", TEXT, required=True),
        Field("amount", "Amount (£)", MONEY, required=True),
        Field("mission", "Serves the mission", REFERENCE, refers_to="mission"),
        Field("note", "Note"),
    ),
    "service",
    presentation=TABLE,
)
INVESTMENT = ItemType(
    "investment",
    "Bid or investment",
    (
        Field("name", "Name", TEXT, required=True),
        Field("funder", "Funder", TEXT, help="For example: the SEIF, a social investor."),
        Field("amount", "Amount (£)", MONEY),
        Field("purpose", "What it pays for", LONG_TEXT),
    ),
    "name",
    presentation=TABLE,
)
WORKFORCE = ItemType(
    "workforce_commitment",
    "Workforce commitment",
    (Field("title", "Title", TEXT, required=True), Field("text", "Detail", LONG_TEXT)),
    "title",
    catalogue_kinds=("clause",),
    presentation=CLAUSE,
)
ZONE = ItemType(
    "zone",
    "Innovation Zone",
    (
        Field("area", "Area", TEXT, required=True),
        Field(
            "freedoms",
            "Freedoms sought",
            TEXT_LIST,
            help="One freedom a line. Add each as a 'Freedom sought' too, to say its kind "
            "and answer the Liberated Method's two rules.",
        ),
        Field("safeguards", "Safeguards", TEXT_LIST, help="One safeguard a line."),
        Field("evaluation", "How it will be evaluated", LONG_TEXT),
    ),
    "area",
    presentation=RECORD,
)
FREEDOM = ItemType(
    "zone_freedom",
    "Freedom sought",
    (
        Field("freedom", "Freedom", TEXT, required=True),
        Field("kind", "Kind of freedom", CHOICE, choices=FREEDOM_KINDS),
        Field("stays_legal", "Stays legal", CHOICE, choices=YES_NO),
        Field("does_no_harm", "Does no harm", CHOICE, choices=YES_NO),
    ),
    "freedom",
    presentation=TABLE,
)
ACTION = ItemType(
    "action",
    "Action",
    (
        Field("action", "Action", TEXT, required=True),
        Field("owner", "Owner", TEXT, help="A Board member."),
        Field("due", "Due", DATE),
        Field("status", "Status", CHOICE, choices=ACTION_STATUSES, free_text=True),
    ),
    "action",
    presentation=TABLE,
)


def _section(
    key: str, title: str, help_text: str, items: tuple[ItemType, ...], tags: tuple[str, ...]
) -> SectionType:
    return SectionType(key, title, help_text, (*items, PARAGRAPH), tags)


ANSWERS = ("R4",)

INTRODUCTION = (
    "This Local Reform Plan is the plan of {board}. "
    "It sets out the missions the Board will pursue, the standards it will hold to, how it "
    "will pool its budgets and how it has worked with residents. It answers recommendation "
    "4 of The Reform Dividend (Demos, 2024)."
)

SECTION_TYPES: tuple[SectionType, ...] = (
    _section(
        "foreword",
        "Foreword and vision",
        "Why this plan, and what the place will look like when it works.",
        (),
        ("R4",),
    ),
    _section(
        "board",
        "The Board and its members",
        "Who sits on the Public Service Reform Board. The briefing has it chaired by "
        "“Combined Authority Mayors, where they exist” (p.13) and, in recommendation 14, by "
        "“Combined Authority Leaders” (p.18).",
        (MEMBER,),
        ("R3",),
    ),
    _section(
        "place",
        "The place: needs and assets",
        "What the area needs, and what it already has to build on.",
        (NEED_OR_ASSET,),
        ("R4",),
    ),
    _section(
        "missions",
        "Missions",
        "National mission metrics, the metro missions that "
        "follow from them, and local missions, each with a metric, baseline, target, "
        "date and owner.",
        (MISSION,),
        ("R9", "R10"),
    ),
    _section(
        "standards",
        "Minimum service standards",
        "The floor no service may fall below, and who inspects it.",
        (STANDARD,),
        ("R11",),
    ),
    _section(
        "system_shift",
        "The whole-system shift",
        "How services will become outcomes-oriented, strengths-based and person-centred.",
        (),
        ("R4",),
    ),
    _section(
        "collaboration",
        "Working together",
        "Collaboration across the public sector and with civil society.",
        (),
        ("R3", "R4"),
    ),
    _section(
        "prevention",
        "Prevention",
        "What stands in the way of prevention, and what helps.",
        (PREVENTION,),
        ("R4",),
    ),
    _section(
        "engagement",
        "Lived experience and co-design",
        "Who was engaged, how, and what changed as a result.",
        (ENGAGEMENT,),
        ("R4", "R10"),
    ),
    _section(
        "requests",
        "Right-to-request proposals",
        "Services the Board asks to run locally. The briefing sees “a strong case to begin "
        "with the devolution of employment support” and a case for justice services, "
        "“particularly probation” (p.13).",
        (REQUEST,),
        ("R5",),
    ),
    _section(
        "budget",
        "Total Place+ budget",
        "The single pot, its lines by service and partner, and the Accounting Officer.",
        (POT, BUDGET_LINE),
        ("R14", "R15"),
    ),
    _section(
        "investment",
        "Bids and social investment",
        "Bids to the Service Experimentation and Innovation Fund, and social investment.",
        (INVESTMENT,),
        ("R17",),
    ),
    _section(
        "workforce",
        "Workforce",
        "Adopting the Respect Charter, investing in staff development, and workforce forecasts.",
        (WORKFORCE,),
        ("R18",),
    ),
    _section(
        "accountability",
        "Accountability",
        "The Citizens' Panel, audit and learning.",
        (),
        ("R13",),
    ),
    _section(
        "innovation_zone",
        "Innovation Zone proposal",
        "The area, the freedoms sought, the safeguards, and how it will be evaluated.",
        (ZONE, FREEDOM),
        ("R22",),
    ),
    _section("actions", "Action plan", "Who does what, by when.", (ACTION,), ("R4",)),
)
