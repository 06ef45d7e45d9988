"""The builders quote the briefing once: its words in one pair of quotation marks, never its
own quote marks inside ours (“'principle to collaborate'”), which read as a stutter.
test_catalogue_origin.py checks that what is quoted is the briefing's exact words."""

from __future__ import annotations

import re

import pytest

import charter.parts
import charter.steps
import plans.parts
import plans.steps
from tests.reformkit.test_catalogue_origin import _on_page, _strings

_SOURCES = [charter.steps, plans.steps, charter.parts, plans.parts]
_STUTTER = re.compile(r"“['‘]|['’]”")


@pytest.mark.parametrize("module", _SOURCES, ids=lambda m: m.__name__)
def test_no_quotation_marks_inside_a_quotation(module: object) -> None:
    for text in _strings(module):
        assert not _STUTTER.search(text), text


def test_the_check_finds_the_old_wording() -> None:
    old = "It also proposes a “'principle to collaborate'” and a “'principle to co-produce'”."
    assert len(_STUTTER.findall(old)) == 4


def test_the_principles_and_duties_still_quote_the_briefing_on_its_pages() -> None:
    steps = {step.title: step.explanation for step in charter.steps.GUIDE.steps}
    for quote, page in (
        ("liberated public services", 11),
        ("principle to collaborate", 20),
        ("principle to co-produce", 20),
    ):
        assert f"“{quote}”" in steps["Principles"] and _on_page(quote, page)
    for quote, page in (("duty of candour", 20), ("stay legal", 11), ("do no harm", 11)):
        assert f"“{quote}”" in steps["Duties"] and _on_page(quote, page)
