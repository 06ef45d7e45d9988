"""The seed quotes the briefing exactly, and a broken seed is caught before it ships."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

import resources
from reformkit.catalogue.seed import load_seed
from reformkit.errors import SeedError

BRIEFING = resources.path("briefing", "the-reform-dividend.txt").read_text(encoding="utf-8")
NATIONAL = {1, 2, 6, 7, 8, 12, 16, 17, 19, 20, 21}


def _plain(text: str) -> str:
    """The briefing's words without its Markdown/HTML emphasis or footnote marks."""
    text = re.sub(r"</?(i|p|b)>|\*+|\^\{[^}]*\}", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _briefing_recommendations() -> dict[int, str]:
    """Each recommendation as the briefing states it in its own section."""
    found: dict[int, str] = {}
    for match in re.finditer(r"^- \*\*Recommendation (\d+):\*\* (.+)$", BRIEFING, re.M):
        found.setdefault(int(match.group(1)), _plain(match.group(2)))
    return found


def test_every_recommendation_equals_the_briefing() -> None:
    expected = _briefing_recommendations()
    assert sorted(expected) == list(range(1, 23))
    seed = {e.number: e for e in load_seed().entries if e.kind == "recommendation"}
    assert sorted(seed) == list(range(1, 23))
    for number, text in expected.items():
        assert seed[number].quote == text, f"R{number} differs from the briefing"
        assert seed[number].id == f"R{number}"


def test_every_quote_is_verbatim() -> None:
    briefing = _plain(BRIEFING)
    for entry in load_seed().entries:
        for value in (entry.quote, entry.theme, entry.from_text, entry.to_text):
            if value:
                assert _plain(value) in briefing, f"{entry.id} does not quote the briefing"


def test_national_recommendations_are_expected_in_no_local_document() -> None:
    recommendations = [e for e in load_seed().entries if e.kind == "recommendation"]
    national = {e.number for e in recommendations if e.is_national_context}
    assert national == NATIONAL
    charter = {e.number for e in recommendations if "charter" in e.expected_in}
    assert charter == {18}


def test_structure_is_complete() -> None:
    entries = load_seed().entries
    by_kind: dict[str, list[str]] = {}
    for entry in entries:
        by_kind.setdefault(entry.kind, []).append(entry.id)
    assert len(by_kind["shift"]) == 7
    assert len(by_kind["theme"]) == 4
    # Table 1's six, and the Respect Charter's two principles (D2, D3); its one duty is D1.
    assert len(by_kind["principle"]) == 8 and {"D2", "D3"} <= set(by_kind["principle"])
    assert by_kind["duty"] == ["D1"]
    assert {"L1", "L2"} == set(by_kind["rule"])
    assert len(by_kind["role"]) >= 10
    titles = {e.title for e in entries}
    assert {"Office for Devolution", "Audit and Learning Commission", "Citizens' Panel"} <= titles
    briefing = [e for e in entries if e.from_briefing]
    assert all(e.page and e.source and e.licence == "CC BY-SA 3.0" for e in briefing)
    suggestions = [e for e in entries if e.is_suggestion]
    assert suggestions and all(not e.page and not e.licence for e in suggestions)


def test_every_recommendation_has_a_shift_or_testing_liberation() -> None:
    entries = {e.id: e for e in load_seed().entries}
    for number in range(1, 23):
        parent = entries[entries[f"R{number}"].parent or ""]
        assert parent.kind in {"shift", "challenge"}


@pytest.fixture
def seed_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "catalogue"
    shutil.copytree(resources.path("catalogue"), folder)
    return folder


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    file = folder / name
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "old", "new", "message"),
    [
        ("bodies.toml", 'id = "B2"', 'id = "B1"', "repeats ids"),
        ("bodies.toml", 'related = ["R7"]', 'related = ["R99"]', "unknown ids"),
        ("bodies.toml", 'kind = "body"', 'kind = "gadget"', "unknown kind"),
        ("bodies.toml", 'origin = "briefing"', 'origin = "folklore"', "must say its origin"),
        ("bodies.toml", "page = 13\n", "", "no quote or page"),
        (
            "workforce.toml",
            'kind = "right"\norigin = "suggestion"',
            'kind = "right"\norigin = "suggestion"\npage = 20',
            "may carry no quote",
        ),
        ("recommendations.toml", "number = 22", "number = 21", "recommendations 1 to 22"),
        ("source.toml", "[source]", "[sauce]", "[source]"),
        ("structure.toml", "[[entry]]", "[[entry]", "cannot be read"),
    ],
)
def test_broken_seed_is_refused(
    seed_copy: Path, name: str, old: str, new: str, message: str
) -> None:
    _edit(seed_copy, name, old, new)
    with pytest.raises(SeedError, match=re.escape(message)):
        load_seed(seed_copy)
