"""The JSON format: round trips, the committed schema, and every error listed by path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import given, settings

import resources
from reformkit.document.interchange import InterchangeError, dumps, from_json, loads, to_json
from reformkit.document.json_schema import schema
from reformkit.document.model import Document
from tests.documents import KINDS, documents

SCHEMA_FILE = resources.path("schema", "reformkit-document-v1.schema.json")
SAMPLES = sorted(resources.path("samples").glob("*.json"))


@settings(max_examples=120, deadline=None)
@given(document=documents())
def test_import_of_dump_gives_back_the_document(document: Document) -> None:
    assert loads(dumps(document), KINDS) == document


@settings(max_examples=60, deadline=None)
@given(document=documents())
def test_every_dump_meets_the_schema(document: Document) -> None:
    jsonschema.validate(to_json(document), json.loads(SCHEMA_FILE.read_text("utf-8")))


def test_committed_schema_matches_the_code() -> None:
    committed = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert committed == schema(KINDS), "run: reformkit schema > " + str(SCHEMA_FILE)
    jsonschema.Draft202012Validator.check_schema(committed)


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_samples_meet_the_schema_and_import(sample: Path) -> None:
    data = json.loads(sample.read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(SCHEMA_FILE.read_text("utf-8")))
    document = from_json(data, KINDS)
    assert to_json(document) == data


def _base() -> dict[str, Any]:
    return {
        "format": "reformkit-document",
        "format_version": 1,
        "kind": "plan",
        "meta": {"title": "Plan"},
        "sections": [
            {
                "id": "s1",
                "key": "budget",
                "title": "Budget",
                "tags": ["R14"],
                "items": [
                    {
                        "id": "i1",
                        "type": "budget_line",
                        "fields": {"service": "Housing", "partner": "Council", "amount": "100.00"},
                    }
                ],
            }
        ],
    }


def test_a_minimal_document_imports() -> None:
    document = from_json(_base(), KINDS)
    assert document.sections[0].items[0].fields["amount"] == "100.00"


def _break(data: dict[str, Any]) -> None:
    data["format_version"] = 7
    data["meta"]["title"] = "  "
    data["meta"]["colour"] = "blue"
    section = data["sections"][0]
    section["tags"] = ["R14", "R99"]
    line = section["items"][0]
    line["fields"]["amount"] = "-20"
    line["fields"]["when"] = "today"
    data["sections"].append({"id": "s1", "key": "moon", "title": "Moon"})
    data["sections"].append(
        {
            "id": "s3",
            "key": "missions",
            "items": [
                {
                    "id": "i1",
                    "type": "mission",
                    "fields": {
                        "level": "Local mission",
                        "title": "Jobs",
                        "target_date": "next year",
                    },
                },
                {"id": "i4", "type": "budget_line", "fields": {}},
            ],
        }
    )


def test_every_problem_is_listed_with_its_path() -> None:
    data = _base()
    _break(data)
    with pytest.raises(InterchangeError) as caught:
        from_json(data, KINDS)
    paths = [path for path, _ in caught.value.problems]
    assert paths == [
        "$.format_version",
        "$.meta.colour",
        "$.meta.title",
        "$.sections[0].tags",
        "$.sections[0].items[0].fields.when",
        "$.sections[0].items[0].fields.amount",
        "$.sections[1].key",
        "$.sections[2].items[0].fields.target_date",
        "$.sections[2].items[0].id",
        "$.sections[2].items[1].type",
    ]
    message = str(caught.value)
    assert "10 problems; nothing was written" in message and "cannot be negative" in message
    assert "install a newer ReformKit" in message and "year-month-day" in message


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "must be a JSON object"),
        (
            '{"format": "reformkit-document", "format_version": 1, "kind": "poem", '
            '"meta": {"title": "x"}, "sections": []}',
            "knows: charter, plan",
        ),
        (
            '{"format": "other", "format_version": 1, "kind": "plan", "meta": {"title": "x"}, '
            '"sections": {}}',
            "must be a list of sections",
        ),
    ],
)
def test_broken_json_is_explained(text: str, words: str) -> None:
    with pytest.raises(InterchangeError, match=words):
        loads(text, KINDS)


def test_a_reference_must_name_an_item_of_the_right_type() -> None:
    data = _base()
    data["sections"].append(
        {
            "key": "missions",
            "items": [
                {"id": "m1", "type": "mission", "fields": {"level": "Metro mission", "title": "A"}},
                {
                    "id": "m2",
                    "type": "mission",
                    "fields": {"level": "Local mission", "title": "B", "parent": "m1"},
                },
                {
                    "id": "m3",
                    "type": "mission",
                    "fields": {"level": "Local mission", "title": "C", "parent": "i1"},
                },
                {
                    "id": "m4",
                    "type": "mission",
                    "fields": {"level": "Local mission", "title": "D", "parent": "gone"},
                },
            ],
        }
    )
    with pytest.raises(InterchangeError) as caught:
        from_json(data, KINDS)
    assert [path for path, _ in caught.value.problems] == [
        "$.sections[1].items[2].fields.parent",
        "$.sections[1].items[3].fields.parent",
    ]
    assert "not the id of another mission" in str(caught.value)
