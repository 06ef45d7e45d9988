"""The Team experiment log: a third kind of document, known to ReformKit only by its entry point.

It declares everything a kind declares (parts, checks, guided steps, CSV targets, sample,
start-screen words, expected recommendations, lay-out values) and nothing outside this
package names it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from reformkit.document.checks import ITEM, Problem, where
from reformkit.document.fields import DATE, LONG_TEXT, TEXT, Field
from reformkit.document.guide import (
    ChecksBlock,
    ClauseBlock,
    Filled,
    Guide,
    GuidedStep,
    RecordBlock,
    TableBlock,
)
from reformkit.document.model import Document
from reformkit.document.spec import (
    CLAUSE,
    PARAGRAPH,
    RECORD,
    TABLE,
    DocumentSpec,
    ItemType,
    KindWords,
    SampleDocument,
    SectionType,
)

TEAM = ItemType(
    "team",
    "Team",
    (
        Field("team", "Team", TEXT, required=True),
        Field("purpose", "What we want to learn", LONG_TEXT),
    ),
    "team",
    presentation=RECORD,
)
IDEA = ItemType(
    "idea",
    "Idea",
    (
        Field("title", "Title", TEXT, required=True),
        Field("text", "What it means for us", LONG_TEXT, required=True),
    ),
    "title",
    catalogue_kinds=("idea", "clause"),
    presentation=CLAUSE,
)
EXPERIMENT = ItemType(
    "experiment",
    "Experiment",
    (
        Field("experiment", "Experiment", TEXT, required=True),
        Field("owner", "Who runs it"),
        Field("start", "Starts", DATE),
    ),
    "experiment",
    presentation=TABLE,
)

NO_OWNER = "experiment-without-owner"


def check_log(document: Document, spec: DocumentSpec) -> list[Problem]:
    """Every experiment needs someone to run it."""
    return [
        Problem(
            NO_OWNER,
            f"Say who runs the experiment '{item.fields.get('experiment')}'.",
            ITEM,
            item.id,
        )
        for _section, item in document.items()
        if item.type == EXPERIMENT.name and not item.fields.get("owner")
    ]


def introduction_values(document: Document) -> Mapping[str, str]:
    team = next((str(i.fields.get("team")) for _, i in document.items() if i.type == "team"), "")
    return {"team": team or "our team"}


GUIDE = Guide(
    steps=(
        GuidedStep(
            "Your team",
            "Say which team keeps this log, and what it wants to learn.",
            (
                RecordBlock(
                    "team",
                    "team",
                    "Start",
                    defaults={"team": "Our team"},
                    auto_start=True,
                    removable=False,
                ),
            ),
            Filled("team", "team", all_of=("team",)),
        ),
        GuidedStep(
            "Ideas",
            "Pick ideas from the briefing that your experiments will test, or write your own.",
            (ClauseBlock("ideas", "idea", own_fields={"title": "Our idea"}, own_edit="title"),),
        ),
        GuidedStep(
            "Experiments",
            "List the small experiments you will run, and who runs each.",
            (
                TableBlock(
                    "experiments", "experiment", "experiment", defaults={"experiment": "New"}
                ),
            ),
        ),
        GuidedStep("Check and finish", "What is still missing.", (ChecksBlock(),), "never"),
    ),
    state_key="notebook-builder-step",
    noun="log",
)

NOTEBOOK = DocumentSpec(
    kind="notebook",
    label="Team experiment log",
    section_types=(
        SectionType("team", "Our team", "Who keeps this log.", (TEAM, PARAGRAPH), ("R18",)),
        SectionType("ideas", "Ideas we are testing", "Ideas to test.", (IDEA, PARAGRAPH)),
        SectionType(
            "experiments", "Experiments", "What we will try.", (EXPERIMENT, PARAGRAPH), ("R18",)
        ),
    ),
    answers=("R18",),
    introduction="This is the experiment log of {team}, kept for {organisation}.",
    introduction_values=introduction_values,
    checks=check_log,
    guide=GUIDE,
    csv_targets={"experiments": "experiment"},
    words=KindWords(
        new_label="New team experiment log",
        description="For a team trying small changes: what you test, who runs it, and when.",
        article="a team experiment log",
        all_clear="✓ Nothing to check: every experiment has someone to run it.",
        menu_label="New &experiment log…",
    ),
    sample=SampleDocument(
        "experiment-log",
        "Sample team experiment log",
        "A library team's log of three small experiments.",
        Path(__file__).with_name("sample.json"),
    ),
)

__all__ = ["NOTEBOOK", "NO_OWNER", "where"]
