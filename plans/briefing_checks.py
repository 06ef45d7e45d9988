"""A Local Reform Plan's checks that stand on the briefing's own words, each citing its page.

The Board against the members listed "at a minimum" and its chair (p.13); engagement with the
three groups the briefing names (p.13); minimum standards kept to an absolute minimum, each
with its inspectorate (p.16); local missions co-created (p.16); right-to-request services now
delivered by a department or arm's-length body (p.13); an Innovation Zone's typed freedoms and
evaluation (p.21); and the Liberated Method's two rules asked of every freedom (p.11).
"""

from __future__ import annotations

from plans.evidence import ELEMENTS
from plans.parts import ENGAGEMENT_GROUPS
from reformkit.document.checks import ITEM, Problem, cite, where
from reformkit.document.evidence import shown_by
from reformkit.document.liberated_method import (
    rules_problems,
)
from reformkit.document.model import Document, Item
from reformkit.document.spec import DocumentSpec

BOARD_MINIMUM = "board-minimum-members"
BOARD_MAYOR_NOT_CHAIR = "board-mayor-not-chair"
ENGAGEMENT_GROUPS_MISSING = "engagement-groups-missing"
STANDARDS_TOO_MANY = "standards-too-many"
STANDARD_NO_INSPECTORATE = "standard-no-inspectorate"
MISSION_NO_CO_CREATORS = "mission-no-co-creators"
REQUEST_NOT_CENTRAL = "request-not-central"
ZONE_NO_EVALUATION = "zone-no-evaluation"
ZONE_FREEDOMS_UNTYPED = "zone-freedoms-untyped"

# "But it is essential that these standards are kept to an absolute minimum" (p.16): past
# this many, the plan is asked whether each is needed. The briefing gives no number.
MOST_STANDARDS = 10
LOCAL_MISSION = "Local mission"
CENTRAL = ("A government department", "An arm's-length body")
# Words in "Who took part" that name a group when its "Group reached" is empty.
GROUP_WORDS = {
    "Families and households": ("famil", "household", "parent", "resident", "citizen"),
    "Civil society": ("civil society", "voluntary", "charit", "community group", "vcse"),
    "Public servants": ("public servant", "staff", "frontline", "worker", "officer"),
}
BOARD_QUOTE = (
    "'This could include, at a minimum: relevant Local Authority leaders; NHS Integrated Care "
    "Board (ICB) chairs; Multi-Academy Trust chief executives; Police and Crime Commissioners "
    "(PCCs); Department for Work and Pensions (DWP) representatives; the voluntary and "
    "community sector representatives; university leaders; prisons and probation; and "
    "relevant business representatives.'"
)
MAYOR_QUOTE = (
    "'Combined Authority Mayors, where they exist, would chair Public Service Reform Boards.'"
)
ENGAGEMENT_QUOTE = (
    "'Local Reform Plans should be informed by deep engagement and co-design with families "
    "and households engaging with public services, civil society and public servants.'"
)


def check_briefing(document: Document, spec: DocumentSpec) -> list[Problem]:
    """Every briefing-grounded problem, in the order of the plan's parts."""
    return (
        check_board_members(document, spec)
        + check_mayor_chairs(document)
        + check_co_creation(document)
        + check_standards(document)
        + check_engagement(document)
        + check_requests(document)
        + check_zone(document)
    )


def check_board_members(document: Document, spec: DocumentSpec) -> list[Problem]:
    """The Board against the members the briefing lists "at a minimum" (p.13), found as
    coverage finds them (plans/evidence.py)."""
    if not _items(document, "member"):
        return []  # an empty Board is the chair check's and coverage's to report
    listed = [e for e in ELEMENTS if e.recommendation == "R3" and e.evidence[0].words]
    missing = [e.name for e in listed if not any(shown_by(document, spec, ev) for ev in e.evidence)]
    if not missing:
        return []
    kind, part_id = where(document, "board")
    return [
        Problem(
            BOARD_MINIMUM,
            f"The Board has {len(listed) - len(missing)} of the {len(listed)} members the "
            f"briefing lists: {BOARD_QUOTE} Not yet on the Board: {'; '.join(missing)}. Add "
            f"them, or say in the part why they are not. {cite(13)}",
            kind,
            part_id,
            page=13,
        )
    ]


def check_mayor_chairs(document: Document) -> list[Problem]:
    """Where the Board has a Mayor, the Mayor chairs it (p.13)."""
    members = _items(document, "member")
    mayors = [m for m in members if "mayor" in str(m.fields.get("role") or "").casefold()]
    chairs = [m for m in members if m.fields.get("chair")]
    if not mayors or not chairs or any(m.fields.get("chair") for m in mayors):
        return []
    kind, part_id = where(document, "board")
    return [
        Problem(
            BOARD_MAYOR_NOT_CHAIR,
            f"{_name(mayors[0])} is the Mayor, but {_name(chairs[0])} is marked as chair. "
            f"The briefing says {MAYOR_QUOTE} Mark the Mayor as chair, or say in the part "
            f"why the Board is chaired otherwise. {cite(13)}",
            kind,
            part_id,
            page=13,
        )
    ]


def check_co_creation(document: Document) -> list[Problem]:
    """Each local mission records who co-created it (recommendation 10, p.16)."""
    return [
        Problem(
            MISSION_NO_CO_CREATORS,
            "Say who co-created this local mission. Recommendation 10 asks for 'a co-creation "
            "process with constituent local authorities and wider bodies, including the NHS, "
            f"schools, police forces and citizens'. {cite(16)}",
            ITEM,
            mission.id,
            page=16,
        )
        for mission in _items(document, "mission")
        if mission.fields.get("level") == LOCAL_MISSION
        and not any(str(v).strip() for v in mission.fields.get("co_created_with") or [])
    ]


def check_standards(document: Document) -> list[Problem]:
    """Few minimum standards (p.16), each with the inspectorate that uses it (R11, p.16)."""
    standards = _items(document, "standard")
    problems = []
    if len(standards) > MOST_STANDARDS:
        kind, part_id = where(document, "standards")
        problems.append(
            Problem(
                STANDARDS_TOO_MANY,
                f"This plan sets {len(standards)} minimum standards. The briefing says 'it is "
                "essential that these standards are kept to an absolute minimum' and that "
                "mission-based metrics assess performance instead. Keep only the floors no "
                f"service may fall below; move the rest to missions. {cite(16)}",
                kind,
                part_id,
                page=16,
            )
        )
    problems += [
        Problem(
            STANDARD_NO_INSPECTORATE,
            "Name the inspectorate that uses this standard. Recommendation 11 has minimum "
            "service standards 'used by inspectorates to assess and to identify problems "
            f"where they exist'. {cite(16)}",
            ITEM,
            standard.id,
            page=16,
        )
        for standard in standards
        if not str(standard.fields.get("inspectorate") or "").strip()
    ]
    return problems


def check_engagement(document: Document) -> list[Problem]:
    """Engagement reaches the three groups the briefing names (p.13)."""
    reached = {group for item in _items(document, "engagement") for group in _groups(item)}
    missing = [g for g in ENGAGEMENT_GROUPS if g not in reached]
    if not missing:
        return []
    kind, part_id = where(document, "engagement")
    return [
        Problem(
            ENGAGEMENT_GROUPS_MISSING,
            f"The engagement recorded has not reached: {'; '.join(m.lower() for m in missing)}. "
            f"The briefing says {ENGAGEMENT_QUOTE} Record each engagement with the group it "
            f"reached. {cite(13)}",
            kind,
            part_id,
            page=13,
        )
    ]


def _groups(item: Item) -> set[str]:
    group = str(item.fields.get("group") or "").strip()
    if group:
        return {g for g in ENGAGEMENT_GROUPS if g.casefold() == group.casefold()}
    who = str(item.fields.get("who") or "").casefold()
    return {g for g, words in GROUP_WORDS.items() if any(w in who for w in words)}


def check_requests(document: Document) -> list[Problem]:
    """Each request names a service now delivered by a department or arm's-length body."""
    problems = []
    for request in _items(document, "request"):
        deliverer = str(request.fields.get("current_deliverer") or "").strip()
        deliverer_kind = str(request.fields.get("deliverer_kind") or "")
        if deliverer and deliverer_kind in CENTRAL:
            continue
        if not deliverer:
            ask = "Name who commissions or delivers this service now"
        elif not deliverer_kind:
            ask = f"Say whether {deliverer} is a government department or an arm's-length body"
        else:
            ask = f"{deliverer} is neither a government department nor an arm's-length body"
        problems.append(
            Problem(
                REQUEST_NOT_CENTRAL,
                f"{ask}. Recommendation 5 gives Combined Authorities the 'right to request' "
                "public services 'that are currently delivered by central government "
                f"departments and arm's-length bodies'. {cite(13)}",
                ITEM,
                request.id,
                page=13,
            )
        )
    return problems


def check_zone(document: Document) -> list[Problem]:
    """An Innovation Zone with typed freedoms, each passing the two rules, and an evaluation."""
    zones = _items(document, "zone")
    freedoms = _items(document, "zone_freedom")
    problems = []
    for zone in zones:
        if not str(zone.fields.get("evaluation") or "").strip():
            problems.append(
                Problem(
                    ZONE_NO_EVALUATION,
                    "Say how the Innovation Zone will be evaluated, and by whom. The briefing "
                    "says 'Progress and outcomes will need to be closely monitored, tracked "
                    f"and evaluated'. {cite(21)}",
                    ITEM,
                    zone.id,
                    page=21,
                )
            )
        if not freedoms:
            problems.append(
                Problem(
                    ZONE_FREEDOMS_UNTYPED,
                    "Add each freedom the zone seeks as a Freedom sought item, saying whether it "
                    "is regulatory, legal or administrative: the briefing's zones are "
                    "'afforded significant new regulatory, legal and administrative "
                    f"freedoms'. {cite(21)}",
                    ITEM,
                    zone.id,
                    page=21,
                )
            )
    for freedom in freedoms:
        if not freedom.fields.get("kind"):
            problems.append(
                Problem(
                    ZONE_FREEDOMS_UNTYPED,
                    "Say whether this freedom is regulatory, legal or administrative: the "
                    "briefing's zones are 'afforded significant new regulatory, legal and "
                    f"administrative freedoms'. {cite(21)}",
                    ITEM,
                    freedom.id,
                    page=21,
                )
            )
        problems += rules_problems(freedom, "freedom")
    return problems


def _items(document: Document, item_type: str) -> list[Item]:
    return [item for _, item in document.items() if item.type == item_type]


def _name(member: Item) -> str:
    return str(member.fields.get("name") or member.fields.get("role") or "A member")
