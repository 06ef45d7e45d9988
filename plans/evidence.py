"""What in a Local Reform Plan answers a recommendation, beyond the user's own tags.

Field evidence: filled-in fields whose meaning answers a recommendation (R15 is answered when
the Accounting Officer is named). Elements: where the briefing lists what an answer holds, its
own words (p.13), and which items show each. Optional: the national trials a plan may answer.
"""

from reformkit.document.spec import Element, Evidence, Optional

EVIDENCE = (
    Evidence("R5", "request", ("service",), "a service the Board asks to run locally"),
    Evidence("R9", "mission", ("title",), "a metro mission", equals=(("level", "Metro mission"),)),
    Evidence("R10", "mission", ("title",), "a local mission", equals=(("level", "Local mission"),)),
    Evidence(
        "R11",
        "standard",
        ("service", "standard", "inspectorate"),
        "a minimum standard with its inspectorate",
    ),
    Evidence("R14", "budget_pot", ("total",), "a single pot with its total"),
    Evidence("R15", "budget_pot", ("accounting_officer",), "an Accounting Officer is named"),
    Evidence("R22", "zone", ("area",), "an Innovation Zone proposal for an area"),
)


def _member(name: str, quote: str, *words: str) -> Element:
    """One of the Board members the briefing lists "at a minimum" (p.13)."""
    return Element("R3", name, quote, 13, (Evidence("R3", "member", ("name",), name, words=words),))


def _part(name: str, quote: str, section: str, *items: Evidence) -> Element:
    """One of the contents of a Local Reform Plan (p.13): real text in its part, or an item."""
    return Element("R4", name, quote, 13, (Evidence("R4", "", (), name, section=section), *items))


ELEMENTS = (
    Element(
        "R3",
        "chaired by the Mayor",
        "Combined Authority Mayors, where they exist, would chair Public Service Reform Boards",
        13,
        (Evidence("R3", "member", ("name",), "chairs the Board", equals=(("chair", True),)),),
    ),
    _member(
        "Local Authority leaders",
        "relevant Local Authority leaders",
        "local authority",
        "council",
    ),
    _member(
        "NHS Integrated Care Board chairs",
        "NHS Integrated Care Board (ICB) chairs",
        "integrated care board",
        "icb",
    ),
    _member(
        "Multi-Academy Trust chief executives",
        "Multi-Academy Trust chief executives",
        "academy trust",
    ),
    _member(
        "Police and Crime Commissioners",
        "Police and Crime Commissioners (PCCs)",
        "police and crime commissioner",
        "pcc",
    ),
    _member(
        "DWP representatives",
        "Department for Work and Pensions (DWP) representatives",
        "work and pensions",
        "dwp",
        "jobcentre",
    ),
    _member(
        "voluntary and community sector representatives",
        "the voluntary and community sector representatives",
        "voluntary",
        "community sector",
        "vcse",
    ),
    _member("university leaders", "university leaders", "university"),
    _member("prisons and probation", "prisons and probation", "prison", "probation"),
    _member(
        "business representatives",
        "relevant business representatives",
        "business",
        "chamber of commerce",
    ),
    _part(
        "the whole-system shift",
        "shifting the whole system to a more outcomes-oriented, strengths-based and "
        "person-centred way of working",
        "system_shift",
    ),
    _part(
        "collaboration across the public sector and with civil society",
        "identifying opportunities for collaboration across the public sector and with civil "
        "society to create more holistic services",
        "collaboration",
    ),
    _part(
        "barriers and enablers to prevention",
        "identifying barriers and enablers to greater prevention",
        "prevention",
    ),
    Element(
        "R4",
        "lived experience in design and delivery",
        "considering how best to bring lived experience and user insight into the design as "
        "well as delivery of services",
        13,
        (
            Evidence(
                "R4",
                "engagement",
                ("what_changed",),
                "what changed after engagement",
                section="engagement",
            ),
            Evidence("R4", "paragraph", ("text",), "lived experience", section="engagement"),
        ),
    ),
    Element(
        "R4",
        "deep engagement and co-design",
        "deep engagement and co-design with families and households engaging with public "
        "services, civil society and public servants",
        13,
        (Evidence("R4", "engagement", ("date", "who"), "an engagement", section="engagement"),),
    ),
)

OPTIONAL = (
    Optional(
        "R13",
        "A national trial: a Citizens' Panel \"should be trialled in one Mayoral Combined "
        'Authority" (p.16).',
    ),
    Optional(
        "R22",
        'A national trial: "a select number of Innovation Zones", designated by the '
        "government (p.21).",
    ),
)

# What the plan's builder fills in before the user writes anything.
PLACEHOLDERS = ("Board member", "Our team")
