"""The charter builder's seven steps, as data: what each is called, says and edits.

Each step edits one section of the charter. The explanations are written for a manager who
has never seen the briefing: short sentences, no jargon. What they say is the briefing's is
quoted exactly, in “double quotes”, with its page; everything else is plainly ReformKit's
suggestion (tests/reformkit/test_catalogue_origin.py checks this). The desktop builds the
pages.
"""

from reformkit.document.guide import (
    ChecksBlock,
    ClauseBlock,
    Filled,
    FromMeta,
    Guide,
    GuidedStep,
    Preset,
    Prompts,
    RecordBlock,
    TableBlock,
    Today,
)

# A clause of the user's own starts with no words but "New right" in what must be filled
# (the builder's words to be replaced, shown as a hint and ignored by coverage): what to
# write is said by the step's explanation and the field's help, never stored as text.


def _clauses(section: str, item_type: str, edit: str = "title") -> ClauseBlock:
    return ClauseBlock(section, item_type, own_edit=edit, text_field="text")


GUIDE = Guide(
    state_key="charter-wizard-step",
    noun="charter",
    steps=(
        GuidedStep(
            "Purpose and scope",
            "Say who this charter is for: your team, the service it belongs to, and who it "
            "covers. Add a line or two on why your team wants a charter. Everything you type "
            "is kept as you go, so you can stop at any time and carry on later.",
            (
                RecordBlock(
                    "scope",
                    "scope",
                    "Start the purpose and scope",
                    defaults={"team": "Our team", "service": FromMeta("organisation")},
                    auto_start=True,
                    removable=False,
                ),
            ),
            done=Filled("scope", "scope", all_of=("team",), any_of=("covers", "purpose")),
        ),
        GuidedStep(
            "Principles",
            "Principles are the ideas your team agrees to work by. The briefing's Table 1 "
            "sets out six principles of “liberated public services” (p.11), beside the "
            "Liberated Method's two rules. It also proposes, “subject to further "
            "investigation”, a “principle to collaborate” and a “principle to co-produce” "
            "(p.20). Use the ones that fit, then reword them for your team.",
            (
                _clauses("principles", "principle"),
                ClauseBlock(
                    "principles",
                    "experiment",
                    label="What your team will try",
                    own_label="Add something the team will try",
                    own_edit="title",
                    text_field="text",
                    offers=False,
                ),
            ),
        ),
        GuidedStep(
            "Rights",
            "Rights are what every member of staff can expect. The briefing says a Respect "
            "Charter “would enshrine the autonomy of public sector workers” while “protecting "
            "professional freedoms” (p.20). Other rights offered here, such as time to learn "
            "or fair pay, are ReformKit's suggestions, not the briefing's. Add your own if "
            "something is missing.",
            (_clauses("rights", "right", edit="text"),),
        ),
        GuidedStep(
            "Duties",
            "Duties are what staff accept in return for their rights: the briefing's "
            "“essential bargain” (p.11). Its one duty is a “duty of candour” (p.20), which "
            "it does not define: the wording offered is ReformKit's suggestion, not the "
            "briefing's. The Liberated Method's two rules, “stay legal” and “do no harm” "
            "(p.11), fit here too.",
            (_clauses("duties", "duty"),),
        ),
        GuidedStep(
            "What managers commit to",
            "What will managers do so that staff can really use their rights? Write each "
            "commitment as a promise, and say who is responsible and by when. The rights you "
            "chose are listed as prompts.",
            (
                ClauseBlock(
                    "commitments",
                    "commitment",
                    own_edit="text",
                    text_field="text",
                    offers=False,
                    prompts=Prompts(
                        "right",
                        heading="Prompts from the rights you chose",
                        empty_text="You have not chosen any rights yet (step 3). You can "
                        "still write commitments of your own.",
                        button_label="Write a commitment for this",
                        copy={"title": "title"},
                        edit_field="text",
                        shown_field="text",
                    ),
                ),
            ),
        ),
        GuidedStep(
            "How you will know it works",
            "Choose a few figures you can track to see whether the charter is making a "
            "difference. ReformKit suggests vacancies, spending on agency staff or the staff "
            "survey. For each one, say where you are now and where you want to be.",
            (
                TableBlock(
                    "measures",
                    "measure",
                    "measure",
                    presets=(
                        Preset(
                            "Vacancies",
                            {"measure": "Vacancy rate", "frequency": "Quarterly"},
                            "baseline",
                        ),
                        Preset(
                            "Agency spend",
                            {"measure": "Spending on agency staff", "frequency": "Quarterly"},
                            "baseline",
                        ),
                        Preset(
                            "Staff survey",
                            {
                                "measure": "Staff who feel trusted to use their judgement "
                                "(staff survey)",
                                "frequency": "Yearly",
                            },
                            "baseline",
                        ),
                    ),
                ),
            ),
        ),
        GuidedStep(
            "Review and sign-off",
            "Pick a date to look at the charter again together; most teams do this once a "
            "year. Then record who agreed it. When you finish, the whole charter opens so you "
            "can read it through and export it.",
            (
                RecordBlock(
                    "review",
                    "review",
                    "Set a review date",
                    label="When you will review it",
                    defaults={"review_date": Today(365)},
                    auto_start=True,
                    removable=False,
                ),
                TableBlock(
                    "review",
                    "signatory",
                    "signature",
                    label="Who agreed it",
                    defaults={"signed_on": Today()},
                ),
                ChecksBlock(
                    all_done="Nothing: every step has something in it. Press Finish to read "
                    "the whole charter.",
                    problems=False,
                ),
            ),
            done="all",
        ),
    ),
)
