"""The parts of a workshop record: the session, who took part, the activities, and what the
room said, placed and voted, as ordinary sections and items (the shared design, issue 15).

Being ordinary parts, a record is stored, undone, merged, checked and exported by the kernel
like any charter clause. The same section types may sit in a charter or plan (the kind is
``attachable``) when the facilitator runs a workshop from that document.
"""

from enum import StrEnum

from reformkit.document.fields import (
    CHOICE,
    DATE,
    FLAG,
    INTEGER,
    LONG_TEXT,
    REFERENCE,
    TEXT,
    TEXT_LIST,
    Field,
)
from reformkit.document.spec import RECORD, TABLE, ItemType, SectionType


class Method(StrEnum):
    """How an activity asks the room: ideas, the Table 1 canvas, or a dot vote."""

    IDEAS = "Ideas"
    CANVAS = "Where we are today"
    VOTE = "Dot vote"


GROUPS = ("Staff", "Citizens", "Families", "Partners", "People with lived experience")
METHODS = tuple(method.value for method in Method)
VIA = ("Typed in the room", "From a phone")
TYPED, FROM_PHONE = VIA

CANVAS_ROWS = 6  # Table 1's six "from … to" rows (The Reform Dividend, p.11)
CANVAS_POSITIONS = 5  # 1 is all "from", 5 is all "to"
DEFAULT_DOTS = 3

# The briefing's "principle to co-produce" public services with citizens (p.20) is part of
# recommendation 18, the Respect Charter: the one recommendation a workshop record serves.
# (The plan's "deep engagement and co-design", p.13, is an idea beside R4, not R4 itself.)
ANSWERS = ("R18",)

SESSION_KEY, PEOPLE_KEY, ACTIVITIES_KEY = "session", "people", "activities"
CONTRIBUTIONS_KEY, THEMES_KEY, CANVAS_KEY, VOTES_KEY = "contributions", "themes", "canvas", "votes"

_ACTIVITY_REF = Field(
    "activity", "Activity", REFERENCE, refers_to="activity", help="The activity it belongs to."
)
_VIA = Field("via", "How it came in", CHOICE, choices=VIA)
_GROUP_TEXT = Field(
    "group", "Group", TEXT, help="Who said it: staff, citizens, families…", quoted=True
)
_PROMOTED = Field(
    "promoted_to",
    "Became",
    TEXT_LIST,
    help="The parts of the document it became. ReformKit fills this in when you use it.",
)

SESSION = ItemType(
    "session",
    "Session",
    (
        Field("title", "Title", TEXT, required=True, help="For example: Hexham workshop."),
        Field("date", "Date", DATE),
        Field("place", "Place", TEXT, help="Where it happens: a hall, a library, a school."),
        Field("facilitator", "Facilitator", TEXT),
        Field("purpose", "What it is for", LONG_TEXT),
    ),
    "title",
    presentation=RECORD,
)
GROUP_COUNT = ItemType(
    "group_count",
    "Group",
    (
        Field("group", "Group", CHOICE, choices=GROUPS, free_text=True, quoted=True),
        Field("count", "How many", INTEGER),
        Field(
            "names", "Names", TEXT_LIST, help="Optional: only with people's agreement.", quoted=True
        ),
    ),
    "group",
    presentation=TABLE,
)
ACTIVITY = ItemType(
    "activity",
    "Activity",
    (
        Field("title", "Title", TEXT, required=True),
        Field("method", "How", CHOICE, choices=METHODS),
        Field("prompt", "The question", LONG_TEXT, required=True),
        Field(
            "dots",
            "Votes per person",
            INTEGER,
            help=f"For a dot vote: how many dots each person has (usually {DEFAULT_DOTS}).",
        ),
        Field("options", "What people vote for", TEXT_LIST, help="For a dot vote: one a line."),
    ),
    "title",
    presentation=TABLE,
)
CONTRIBUTION = ItemType(
    "contribution",
    "Contribution",
    (
        Field("activity", "Activity", REFERENCE, required=True, refers_to="activity"),
        Field("text", "What was said", LONG_TEXT, required=True, quoted=True),
        _GROUP_TEXT,
        Field("theme", "Theme", REFERENCE, refers_to="theme"),
        _VIA,
        Field("hidden", "Hidden", FLAG, help="Hidden from the screen and the record."),
        _PROMOTED,
    ),
    "text",
    presentation=TABLE,
)
THEME = ItemType(
    "theme",
    "Theme",
    (
        _ACTIVITY_REF,
        Field("name", "Name", TEXT, required=True),
        Field("summary", "Summary", LONG_TEXT),
        _PROMOTED,
    ),
    "name",
    presentation=TABLE,
)
PLACEMENT = ItemType(
    "placement",
    "Placement",
    (
        _ACTIVITY_REF,
        Field("row", "Row", INTEGER, help=f"Which of Table 1's rows, 1 to {CANVAS_ROWS}."),
        Field(
            "position",
            "Where we are",
            INTEGER,
            help=f"1 is all the 'from' side, {CANVAS_POSITIONS} is all the 'to' side.",
        ),
        Field("why", "Why", LONG_TEXT, quoted=True),
        _GROUP_TEXT,
        _VIA,
    ),
    "why",
    presentation=TABLE,
)
VOTE = ItemType(
    "vote",
    "Vote",
    (
        _ACTIVITY_REF,
        Field("option", "Voted for", TEXT),
        Field("dots", "Dots", INTEGER),
        Field("voter", "Voter", TEXT, help="An anonymous label, such as Phone 7."),
        _VIA,
    ),
    "option",
    presentation=TABLE,
)

SECTION_TYPES: tuple[SectionType, ...] = (
    SectionType(
        SESSION_KEY,
        "The session",
        "What the workshop is called, when and where it happens, who runs it, and why.",
        (SESSION,),
        ANSWERS,
    ),
    SectionType(
        PEOPLE_KEY,
        "Who took part",
        "How many people came from each group. Names are optional.",
        (GROUP_COUNT,),
        ANSWERS,
    ),
    SectionType(
        ACTIVITIES_KEY,
        "Activities",
        "Each activity's question: ideas, where we are today, or a dot vote.",
        (ACTIVITY,),
        ANSWERS,
    ),
    SectionType(
        CONTRIBUTIONS_KEY,
        "What people said",
        "What people said, one point at a time, with the group they spoke for.",
        (CONTRIBUTION,),
        ANSWERS,
    ),
    SectionType(THEMES_KEY, "Themes", "The themes the contributions fall into.", (THEME,), ANSWERS),
    SectionType(
        CANVAS_KEY,
        "Where we are today",
        "Where people placed their service, and why, on each row of Table 1: the briefing's "
        "six principles of “liberated public services” (p.11).",
        (PLACEMENT,),
        ANSWERS,
    ),
    SectionType(VOTES_KEY, "Votes", "How people shared out their dots.", (VOTE,), ANSWERS),
)
SECTION_KEYS = tuple(section_type.key for section_type in SECTION_TYPES)
