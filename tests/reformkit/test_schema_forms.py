"""Import and the published JSON Schema agree: every form the importer reads, the schema
accepts, and a value both refuse is refused by both.

Each value is put in a real field of a minimal plan and fed through ``from_json`` and
``jsonschema`` against the committed schema (resources/schema/).
"""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

import resources
from reformkit.document.interchange import InterchangeError, from_json
from tests.documents import KINDS

SCHEMA = jsonschema.Draft202012Validator(
    json.loads(resources.path("schema", "reformkit-document-v1.schema.json").read_text("utf-8"))
)

# (section key, item type, the fields every such item needs, the field under test)
BUDGET = ("budget", "budget_line", {"service": "Care", "partner": "Council"}, "amount")
MISSION = (
    "missions",
    "mission",
    {"level": "Local mission", "title": "Fewer evictions"},
    "target_date",
)
ENGAGED = ("engagement", "engagement", {"date": "2026-05-01", "who": "Tenants"}, "how_many")
MEMBER = ("board", "member", {"role": "Mayor", "name": "A. Mayor"}, "chair")
ACTION = ("actions", "action", {"action": "Publish the plan"}, "status")
REQUEST = ("requests", "request", {"service": "Probation"}, "deliverer_kind")
ZONE = ("innovation_zone", "zone", {"area": "North Brackenford"}, "safeguards")

ACCEPTED = [
    (BUDGET, 48250000),
    (BUDGET, 1250.5),
    (BUDGET, "48250000"),
    (BUDGET, "1250000.00"),
    (BUDGET, "£12,500,000"),
    (BUDGET, "£ 1,250.50"),
    (BUDGET, " 1250.5 "),
    (MISSION, "2027-03-31"),
    (MISSION, "18 January 2027"),
    (MISSION, "18 Jan 2027"),
    (MISSION, "18 sept 2027"),
    (MISSION, "31/03/2027"),
    (MISSION, "31-03-2027"),
    (MISSION, "31.03.2027"),
    (ENGAGED, 240),
    (ENGAGED, "1,200"),
    (ENGAGED, "240"),
    (MEMBER, True),
    (MEMBER, "yes"),
    (MEMBER, "No"),
    (ACTION, "Under way"),
    (ACTION, "under way"),
    (ACTION, "Waiting for the Treasury's answer"),  # the user's own words
    (REQUEST, "An arm's-length body"),
    (REQUEST, "AN ARM'S-LENGTH BODY"),
    (ZONE, ["No statutory duty changes.", "The Board can end any freedom."]),
    (ZONE, "No statutory duty changes.\nThe Board can end any freedom."),
]
REFUSED = [
    (BUDGET, "twelve pounds"),
    (BUDGET, -5),
    (BUDGET, "12,50"),
    (MISSION, "2027/31/03"),
    (MISSION, "next spring"),
    (ENGAGED, "about 200"),
    (ENGAGED, -3),
    (MEMBER, "maybe"),
    (REQUEST, "A charity"),
    (ZONE, 42),
]


def _plan(case: tuple[str, str, dict[str, Any], str], value: Any) -> dict[str, Any]:
    section, item_type, needed, name = case
    return {
        "format": "reformkit-document",
        "format_version": 1,
        "kind": "plan",
        "meta": {"title": "Plan"},
        "sections": [
            {
                "key": section,
                "items": [{"type": item_type, "fields": {**needed, name: value}}],
            }
        ],
    }


@pytest.mark.parametrize(("case", "value"), ACCEPTED, ids=lambda v: repr(v)[:30])
def test_each_accepted_form_passes_import_and_the_schema(
    case: tuple[str, str, dict[str, Any], str], value: Any
) -> None:
    data = _plan(case, value)
    SCHEMA.validate(data)
    document = from_json(data, KINDS)
    assert document.sections[0].items[0].fields[case[3]] not in (None, "", [])


@pytest.mark.parametrize(("case", "value"), REFUSED, ids=lambda v: repr(v)[:30])
def test_each_refused_form_fails_both(
    case: tuple[str, str, dict[str, Any], str], value: Any
) -> None:
    data = _plan(case, value)
    with pytest.raises(jsonschema.ValidationError):
        SCHEMA.validate(data)
    with pytest.raises(InterchangeError):
        from_json(data, KINDS)


def test_the_briefing_examples_import_as_money_and_dates() -> None:
    """The three values the issue named: a number, pounds with commas, a date in words."""
    amount = from_json(_plan(BUDGET, "£12,500,000"), KINDS).sections[0].items[0]
    assert amount.fields["amount"] == "12500000.00"
    assert from_json(_plan(BUDGET, 48250000), KINDS).sections[0].items[0].fields["amount"] == (
        "48250000.00"
    )
    day = from_json(_plan(MISSION, "18 January 2027"), KINDS).sections[0].items[0]
    assert day.fields["target_date"] == "2027-01-18"
