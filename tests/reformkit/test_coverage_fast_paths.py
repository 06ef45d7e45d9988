"""Coverage's fast paths give what the plain walk gives: evidence found through the items
indexed by type, answers described once per part, text judged once per value."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from hypothesis import HealthCheck, given, settings

import resources
from reformkit.catalogue.entry import Entry
from reformkit.catalogue.seed import load_seed
from reformkit.document import coverage as coverage_module
from reformkit.document.coverage import Answer, CoverageRow, _answer, _unique, coverage
from reformkit.document.evidence import Found, is_real, items_by_type, shown_by
from reformkit.document.interchange import loads
from reformkit.document.model import Document
from reformkit.document.spec import DocumentSpec, Evidence
from tests.documents import KINDS, documents

RECOMMENDATIONS = [e for e in load_seed().entries if e.kind == "recommendation"]


def _plain(document: Document, spec: DocumentSpec, entries: Iterable[Entry]) -> list[CoverageRow]:
    """Coverage worked out the plain way: every walk made afresh, every answer described."""

    def walk(document: Document, spec: DocumentSpec, evidence: Evidence, _: object) -> list[Found]:
        return shown_by(document, spec, evidence)

    class Plain:
        def __init__(self, spec: DocumentSpec):
            self.spec = spec

        def __call__(self, evidence: Iterable[Found]) -> tuple[Answer, ...]:
            return _unique(_answer(f, self.spec) for f in evidence)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(coverage_module, "shown_by", walk)
        patch.setattr(coverage_module, "_Answers", Plain)
        return coverage(document, spec, entries)


def _spec(document: Document) -> DocumentSpec:
    return KINDS.get(document.kind)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_coverage_equals_the_plain_walk(document: Document) -> None:
    spec = _spec(document)
    assert coverage(document, spec, RECOMMENDATIONS) == _plain(document, spec, RECOMMENDATIONS)


def test_the_samples_coverage_equals_the_plain_walk() -> None:
    for name in ("local-reform-plan.json", "respect-charter.json"):
        document = loads(resources.path("samples", name).read_text("utf-8"), KINDS)
        spec = _spec(document)
        fast = coverage(document, spec, RECOMMENDATIONS)
        assert any(row.answers for row in fast)
        assert fast == _plain(document, spec, RECOMMENDATIONS)


def test_evidence_by_type_equals_the_walk() -> None:
    document = loads(resources.path("samples", "local-reform-plan.json").read_text("utf-8"), KINDS)
    spec = _spec(document)
    by_type = items_by_type(document)
    declared = [*spec.evidence, *(e for element in spec.elements for e in element.evidence)]
    assert any(shown_by(document, spec, e) for e in declared if e.item_type)
    for evidence in declared:
        assert shown_by(document, spec, evidence, by_type) == shown_by(document, spec, evidence)


def test_text_is_judged_the_same_each_time() -> None:
    for value in ("New member", "  N/A ", "We meet monthly.", "", "Ours", "ours"):
        first = is_real(value, ["Ours"])
        assert is_real(value, ("Ours",)) == first == is_real(value, ["Ours"])
    assert not is_real("ours", ["Ours"]) and is_real("ours", [])
