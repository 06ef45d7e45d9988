"""The workshop builder's steps, as data: the session, who took part, and the activities.

Capture, grouping, the canvas and the vote happen live on the workshop screens; the guided
builder sets the day up beforehand. The prompts offered are ReformKit's own words; what is
said of the briefing quotes it, with its page (tests/workshop/test_kind.py checks this).
"""

from reformkit.document.guide import (
    ChecksBlock,
    Choices,
    Filled,
    Guide,
    GuidedStep,
    Preset,
    RecordBlock,
    TableBlock,
    Today,
)
from workshop.parts import (
    ACTIVITIES_KEY,
    DEFAULT_DOTS,
    GROUPS,
    METHODS,
    PEOPLE_KEY,
    SESSION_KEY,
    Method,
)

# The session's starting title: words the builder fills in that say nothing yet.
PLACEHOLDER_TITLE = "Our workshop"

ACTIVITY_PRESETS = (
    Preset(
        "Ideas",
        {
            "title": "Ideas",
            "method": Method.IDEAS.value,
            "prompt": "What would make the biggest difference to the people we serve?",
        },
        "prompt",
    ),
    Preset(
        "Where we are today",
        {
            "title": "Where we are today",
            "method": Method.CANVAS.value,
            "prompt": "Where is our service today on each row, and why?",
        },
        "prompt",
    ),
    Preset(
        "Dot vote",
        {
            "title": "Vote on the themes",
            "method": Method.VOTE.value,
            "prompt": "Which of these matter most? Share out your dots.",
            "dots": str(DEFAULT_DOTS),
        },
        "prompt",
    ),
)

GUIDE = Guide(
    state_key="workshop-wizard-step",
    noun="workshop record",
    steps=(
        GuidedStep(
            "The session",
            "Give the workshop a name, then say when and where it happens, who runs it, and "
            "what it is for. The name is how anything that comes out of the day will credit "
            "it, for example “From the Hexham workshop”.",
            (
                RecordBlock(
                    SESSION_KEY,
                    "session",
                    "Start the session",
                    defaults={"title": PLACEHOLDER_TITLE, "date": Today()},
                    auto_start=True,
                    removable=False,
                ),
            ),
            done=Filled(SESSION_KEY, "session", all_of=("title", "date", "place")),
        ),
        GuidedStep(
            "Who took part",
            "Count the people who came from each group. You can fill this in on the day. "
            "Names are optional: add them only if people agree.",
            (
                TableBlock(
                    PEOPLE_KEY,
                    "group_count",
                    "group",
                    suggestions={"group": Choices(GROUPS)},
                    presets=tuple(Preset(group, {"group": group}, "count") for group in GROUPS),
                ),
            ),
        ),
        GuidedStep(
            "Activities",
            "Plan what you will ask the room. Collect ideas, ask people where their service "
            "is today on the briefing's six principles of “liberated public services” (p.11), "
            "or hold a dot vote. Each activity needs "
            "a question. You can add more on the day.",
            (
                TableBlock(
                    ACTIVITIES_KEY,
                    "activity",
                    "activity",
                    defaults={"method": Method.IDEAS.value, "dots": str(DEFAULT_DOTS)},
                    suggestions={"method": Choices(METHODS)},
                    presets=ACTIVITY_PRESETS,
                ),
                ChecksBlock(
                    all_done="Nothing: the session, the people and the activities are set. "
                    "Press Finish to open the record.",
                ),
            ),
        ),
    ),
)
