"""The Local Reform Plan builder's fifteen steps, as data: what each is called, says and edits.

Each step edits one or more sections of the plan. The explanations are written for a Board
secretariat officer who may not have read the briefing: short sentences, no jargon, and the
reason the part is there. What they say is the briefing's is quoted exactly, in “double
quotes”, with its page (tests/reformkit/test_catalogue_origin.py checks this). Where the
briefing words a thing two ways (who chairs the Board), both are shown. The desktop builds
the pages.
"""

from reformkit.document.guide import (
    BudgetBlock,
    CascadeBlock,
    CatalogueTitles,
    ChecksBlock,
    Choices,
    Guide,
    GuidedStep,
    HeaderBlock,
    Offer,
    RecordBlock,
    Starter,
    TableBlock,
    TitlesOf,
    TwoListsBlock,
)

WHO_TOOK_PART = ("Residents", "Citizens", "Families", "Children and young people", "Carers",
                 "Staff", "Frontline staff", "Voluntary sector", "Businesses")  # fmt: skip
METHODS = ("Workshop", "Survey", "Interviews", "Focus group", "Street stall",
           "Citizens' jury", "Online consultation", "Peer research")  # fmt: skip
FUNDERS = ("Service Experimentation and Innovation Fund (SEIF)", "A social investor",
           "A charitable foundation", "Government department")  # fmt: skip
BOARD_NAMES = TitlesOf("member", "name")  # owners are picked from the Board (or typed)


def _paragraphs(section: str) -> tuple[HeaderBlock, TableBlock]:
    return (
        HeaderBlock(section, intro=False),
        TableBlock(section, "paragraph", "paragraph", defaults={"text": "New paragraph"}),
    )


def _table(section: str, table: TableBlock) -> tuple[HeaderBlock, TableBlock]:
    return (HeaderBlock(section), table)


GUIDE = Guide(
    state_key="plan-wizard-step",
    noun="plan",
    steps=(
        GuidedStep(
            "Foreword and vision",
            "Say in a few short paragraphs why the Board is making this plan and what the "
            "place will be like when it works. Forewords are often signed by whoever chairs "
            "the Board. Everything you type is kept as you go, so you can stop at any time.",
            _paragraphs("foreword"),
        ),
        GuidedStep(
            "The Board",
            "List who sits on the Public Service Reform Board. The roles offered are the "
            "briefing's “at a minimum” list and its chair (p.13). The briefing words the "
            "chair two ways: “Combined Authority Mayors, where they exist” (p.13) and "
            "“Combined Authority "
            "Leaders” (recommendation 14, p.18). Pick a role or type your own, and tick the "
            "one member who chairs the Board.",
            _table(
                "board",
                TableBlock(
                    "board",
                    "member",
                    "board member",
                    defaults={"role": "Board member", "name": "New member"},
                    suggestions={"role": CatalogueTitles("role", related="R3")},
                    exclusive="chair",
                    # The roles the briefing gives a Board (recommendation 3); the Mayor's
                    # role chairs it.
                    offer=Offer(
                        "role",
                        "Add a member for the role:",
                        title_field="role",
                        related="R3",
                        fields={"name": "New member"},
                        edit_field="name",
                        claims_exclusive="(chair)",
                    ),
                ),
            ),
        ),
        GuidedStep(
            "The place: needs and assets",
            "Describe the area in two lists. Needs are the problems people face that services "
            "must answer. Assets are what the place already has to build on: people, groups, "
            "buildings and good services.",
            (
                HeaderBlock("place"),
                TwoListsBlock("place", "place_note", "kind", ("Need", "Asset")),
            ),
        ),
        GuidedStep(
            "Missions cascade",
            "Missions go from the national mission metrics set by government, to the metro "
            "missions your Board will pursue, to local missions in each area. Give each one a "
            "metric, where you are now (baseline), a target, a date and an owner. Select a "
            "mission to add one under it.",
            (
                HeaderBlock("missions"),
                CascadeBlock(
                    "missions",
                    "mission",
                    "mission",
                    level_field="level",
                    parent_field="parent",
                    suggestions={"owner": BOARD_NAMES},
                ),
            ),
        ),
        GuidedStep(
            "Minimum service standards",
            "Standards are the floor no service may fall below, whatever else changes. Keep "
            "them few and clear. For each, say the service, the standard, how it is measured "
            "and who inspects it.",
            _table(
                "standards",
                TableBlock(
                    "standards",
                    "standard",
                    "standard",
                    defaults={"service": "New service", "standard": "New standard"},
                ),
            ),
        ),
        GuidedStep(
            "System shift and prevention",
            "Say how services will change as a whole: judged by outcomes, building on "
            "people's strengths and fitted around each person. Then say how partners and "
            "civil society will work together, and list what stands in the way of prevention "
            "and what helps.",
            (
                *_paragraphs("system_shift"),
                *_paragraphs("collaboration"),
                HeaderBlock("prevention", intro=False),
                TwoListsBlock("prevention", "prevention_factor", "kind", ("Barrier", "Enabler")),
            ),
        ),
        GuidedStep(
            "Lived experience and co-design",
            "Record who you listened to while writing the plan, how many people, how you did "
            "it, and what changed because of what they said. The last column matters most: "
            "it shows that people were heard.",
            _table(
                "engagement",
                TableBlock(
                    "engagement",
                    "engagement",
                    "engagement",
                    defaults={"who": "Residents"},
                    suggestions={"who": Choices(WHO_TOOK_PART), "method": Choices(METHODS)},
                ),
            ),
        ),
        GuidedStep(
            "Right-to-request proposals",
            "The right to request lets the Board ask to run a service locally that is now run "
            "nationally. The briefing sees “a strong case to begin with the devolution of "
            "employment support” and a case for justice services, “particularly probation” "
            "(p.13). Start from those or add your own, and say why and how ready you are.",
            _table(
                "requests",
                TableBlock(
                    "requests",
                    "request",
                    "request",
                    defaults={"service": "New request"},
                    # The briefing's first candidates for the right to request (I9, I10).
                    starters=(
                        Starter(
                            "I9",
                            "Employment support",
                            {
                                "service": "Employment support",
                                "current_deliverer": "Department for Work and Pensions "
                                "(Jobcentre Plus)",
                            },
                            wording_field="case",
                            edit_field="case",
                        ),
                        Starter(
                            "I10",
                            "Probation",
                            {
                                "service": "Probation",
                                "current_deliverer": "HM Prison and Probation Service "
                                "(Ministry of Justice)",
                            },
                            wording_field="case",
                            edit_field="case",
                        ),
                    ),
                ),
            ),
        ),
        GuidedStep(
            "Total Place+ budget",
            "The single pot brings partners' money together so it can follow the plan. Enter "
            "the pot's total, its period and the Accounting Officer who answers for it (the "
            "Combined Authority Chief Executive, in recommendation 15), then one line for "
            "each service and partner. The lines must add up to the total.",
            (
                HeaderBlock("budget"),
                BudgetBlock(
                    "budget",
                    total_type="budget_pot",
                    total_field="total",
                    line_type="budget_line",
                    amount_field="amount",
                    start_label="Set up the single pot",
                    noun="budget line",
                    total_heading="The single pot",
                    lines_heading="Lines by service and partner",
                    missing_total="Enter the single pot's total to check them.",
                    # Answered for by the Combined Authority Chief Executive until changed
                    # (recommendation 15).
                    defaults={
                        "total": "0",
                        "accounting_officer": "Combined Authority Chief Executive",
                    },
                    source="BR11",
                ),
            ),
            done="all",
        ),
        GuidedStep(
            "Bids and social investment",
            "List bids for extra money, such as to the Service Experimentation and Innovation "
            "Fund (SEIF), and any social investment. Say who the funder is, how much, and "
            "what it pays for.",
            _table(
                "investment",
                TableBlock(
                    "investment",
                    "investment",
                    "bid or investment",
                    defaults={"name": "New bid"},
                    suggestions={"funder": Choices(FUNDERS)},
                ),
            ),
        ),
        GuidedStep(
            "Workforce",
            "Say what the plan asks of the people who deliver services: adopting the Respect "
            "Charter, time and money for staff development, and forecasts of the staff you "
            "will need.",
            _table(
                "workforce",
                TableBlock(
                    "workforce",
                    "workforce_commitment",
                    "workforce commitment",
                    defaults={"title": "New commitment"},
                ),
            ),
        ),
        GuidedStep(
            "Accountability",
            "Say how residents and auditors will hold the Board to account: the Citizens' "
            "Panel, audit, and how the Board will learn from what works and what does not.",
            _paragraphs("accountability"),
        ),
        GuidedStep(
            "Innovation Zone",
            "In the briefing, government designates “a select number of Innovation Zones” in "
            "which services get “significant new regulatory, legal and administrative "
            "freedoms” (p.21). Name the area, list the freedoms you are asking for, say how "
            "people will be kept safe, and how you will know if it worked.",
            (
                HeaderBlock("innovation_zone"),
                RecordBlock(
                    "innovation_zone",
                    "zone",
                    "Start the Innovation Zone proposal",
                    defaults={"area": "New area"},
                    source="B8",  # the briefing's Innovation Zones
                ),
            ),
        ),
        GuidedStep(
            "Action plan",
            "List who will do what, by when. Give every action one owner from the Board, a "
            "due date and a status, so the Board can check progress at each meeting.",
            _table(
                "actions",
                TableBlock(
                    "actions",
                    "action",
                    "action",
                    defaults={"action": "New action", "status": "Not started"},
                    suggestions={"owner": BOARD_NAMES},
                ),
            ),
        ),
        GuidedStep(
            "Check and finish",
            "Look over what is still missing before you finish. You can finish now and come "
            "back later: nothing is lost. When you finish, the whole plan opens so you can "
            "read it through and export it.",
            (
                ChecksBlock(
                    all_clear="Nothing: the budget adds up, every mission and action has an "
                    "owner, and every recommendation a plan should answer is answered.",
                ),
            ),
            done="never",
        ),
    ),
)
