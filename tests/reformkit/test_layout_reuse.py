"""A layout that re-uses unchanged sections' blocks equals one made afresh, after any edit."""

from __future__ import annotations

import copy

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import resources
from reformkit.catalogue.seed import load_seed
from reformkit.document.fields import REFERENCE
from reformkit.document.interchange import loads
from reformkit.document.model import Document
from reformkit.layout.engine import lay_out
from reformkit.layout.reuse import SectionReuse
from reformkit.layout.tags import BESIDE, PART
from tests.documents import KINDS, documents

SEED = load_seed()
RECOMMENDATIONS = [e for e in SEED.entries if e.kind == "recommendation"]


def _plan() -> Document:
    text = resources.path("samples", "local-reform-plan.json").read_text("utf-8")
    return loads(text, KINDS)


def _both(document: Document, reuse: SectionReuse, tags: str = BESIDE) -> None:
    spec = KINDS.get(document.kind)
    fresh = lay_out(document, spec, RECOMMENDATIONS, SEED.credit, tags)  # type: ignore[arg-type]
    again = lay_out(document, spec, RECOMMENDATIONS, SEED.credit, tags, reuse=reuse)  # type: ignore[arg-type]
    assert again == fresh


def test_an_unchanged_section_is_handed_back_as_it_was() -> None:
    document, reuse = _plan(), SectionReuse()
    _both(document, reuse)
    assert reuse.reused == 0
    _both(document, reuse)
    assert reuse.reused == len(document.sections)
    item = next(i for i in document.sections[2].items if "text" in i.fields)
    item.fields = {**item.fields, "text": "Changed by replacing the fields."}
    _both(document, reuse)
    assert reuse.reused == len(document.sections) - 1


@pytest.mark.parametrize(
    "edit",
    [
        lambda d: d.sections[1].items[0].fields.__setitem__("text", "Changed in place."),
        lambda d: d.sections[1].items[0].tags.append("R7"),
        lambda d: d.sections[1].tags.append("R9"),
        lambda d: setattr(d.sections[1], "title", "A new title"),
        lambda d: setattr(d.sections[1], "intro", "A new introduction."),
        lambda d: setattr(d.sections[1], "owner", "The Board"),
        lambda d: setattr(d.sections[1].items[0], "needs_review", True),
        lambda d: d.sections[1].items.reverse(),
        lambda d: d.sections.insert(0, copy.deepcopy(d.sections[3])),
        lambda d: d.sections.pop(0),
    ],
)
def test_every_kind_of_edit_is_seen(edit: object) -> None:
    document, reuse = _plan(), SectionReuse()
    _both(document, reuse)
    edit(document)  # type: ignore[operator]
    _both(document, reuse)


def test_a_renamed_mission_shows_where_another_section_names_it() -> None:
    document, reuse = _plan(), SectionReuse()
    spec = KINDS.get(document.kind)
    referring = [
        (section, item, field.name)
        for section in document.sections
        for item in section.items
        for field in spec.section_type(section.key).item_type(item.type).fields
        if field.type == REFERENCE and item.fields.get(field.name)
    ]
    elsewhere = [
        document.find_item(str(item.fields[name]))
        for section, item, name in referring
        if document.find_item(str(item.fields[name]))[0] is not section
    ]
    assert elsewhere, "the sample plan names a mission from another section"
    target = elsewhere[0][1]
    _both(document, reuse)
    target.fields = {**target.fields, "title": "A renamed mission"}
    _both(document, reuse)


def test_another_placement_of_tags_is_laid_out_afresh() -> None:
    document, reuse = _plan(), SectionReuse()
    _both(document, reuse, BESIDE)
    _both(document, reuse, PART)
    assert reuse.reused == 0


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), documents(), st.sampled_from([BESIDE, PART]))
def test_any_document_after_any_other(first: Document, second: Document, tags: str) -> None:
    reuse = SectionReuse()
    _both(first, reuse, tags)
    _both(second, reuse, tags)
    _both(second, reuse, tags)
