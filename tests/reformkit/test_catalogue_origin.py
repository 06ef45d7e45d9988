"""Nothing is attributed to the briefing that it does not say.

Every catalogue entry marked "from the briefing" quotes it exactly, on the page it gives; every
ReformKit suggestion carries neither a quote nor a page; and every sentence of the builders
that says "the briefing" names something the briefing says, in its words, with its page.
"""

from __future__ import annotations

import ast
import re
import tomllib
from pathlib import Path

import pytest

import charter.parts
import charter.steps
import plans.parts
import plans.steps
import resources
from reformkit.catalogue.entry import BRIEFING, SUGGESTION, Entry
from reformkit.catalogue.seed import load_seed

BRIEFING_TEXT = resources.path("briefing", "the-reform-dividend.txt").read_text(encoding="utf-8")
ENTRIES = load_seed().entries
SECTIONS = tomllib.loads(resources.path("catalogue", "source.toml").read_text("utf-8"))["section"]
# Where each section of the contents list starts in the text (one heading is split in two).
_HEADINGS = {"Liberated public services: a new vision, rooted in local experimentation":
             "LIBERATED PUBLIC SERVICES"}  # fmt: skip


def plain(text: str) -> str:
    """Text without emphasis, footnote marks or typographic quotes, with one space between
    words: the only normalisation allowed when comparing a quote with the briefing."""
    text = re.sub(r"</?(i|p|b)>|\*+|\^\{[^}]*\}|[¹²³⁴]", "", text)
    text = text.replace("‘", "'").replace("’", "'").replace("“", '"').replace("”", '"')
    return re.sub(r"\s+", " ", text).strip()


def _pages() -> list[tuple[int, int, str]]:
    """Each section as (first page, last page, its text), in order."""
    starts = []
    for section in SECTIONS:
        heading = _HEADINGS.get(section["title"], section["title"].upper())
        found = re.search(rf"^{re.escape(heading)}$", BRIEFING_TEXT, re.M)
        assert found, f"section {section['title']} not found in the briefing"
        starts.append((found.start(), int(section["page"])))
    end = BRIEFING_TEXT.index("Licence to publish")
    spans = []
    for index, (start, page) in enumerate(starts):
        stop, last = (
            (starts[index + 1][0], starts[index + 1][1]) if index + 1 < len(starts) else (end, 999)
        )
        spans.append((page, last, plain(BRIEFING_TEXT[start:stop])))
    return spans


PAGES = _pages()


def _quoted(entry: Entry) -> list[str]:
    return [
        v for v in (entry.quote, entry.theme, entry.from_text, entry.to_text, entry.caveat) if v
    ]


def _on_page(text: str, page: int) -> bool:
    """Whether ``text`` is in the section of the briefing that holds ``page``."""
    return plain(text) in _section_of(page)[2]


def _section_of(page: int) -> tuple[int, int, str]:
    return next(span for span in reversed(PAGES) if span[0] <= page)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_every_entry_says_where_it_comes_from(entry: Entry) -> None:
    assert entry.origin in (BRIEFING, SUGGESTION)


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.from_briefing], ids=lambda e: e.id)
def test_briefing_entries_quote_it_exactly_on_their_page(entry: Entry) -> None:
    assert entry.page, f"{entry.id} is from the briefing but gives no page"
    assert _quoted(entry), f"{entry.id} is from the briefing but quotes nothing"
    first, _, body = _section_of(entry.page)
    for text in _quoted(entry):
        assert plain(text) in body, (
            f"{entry.id}: {text!r} is not in the briefing's section starting on page {first}"
        )


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.is_suggestion], ids=lambda e: e.id)
def test_suggestions_carry_no_page_and_no_quote(entry: Entry) -> None:
    assert entry.page is None and not _quoted(entry)
    assert entry.text and "briefing" not in entry.source.lower().replace(
        "not from the briefing", ""
    )


def test_the_caveat_goes_with_both_principles() -> None:
    by_id = {e.id: e for e in ENTRIES}
    for entry_id in ("D2", "D3"):
        principle = by_id[entry_id]
        assert (
            principle.kind == "principle" and principle.caveat == "subject to further investigation"
        )
        assert principle.caveat in principle.quote
    assert [e.id for e in ENTRIES if e.kind == "duty"] == ["D1"]


def test_the_briefing_does_not_define_candour() -> None:
    """Whatever ReformKit says candour means is its wording, never the quote."""
    candour = next(e for e in ENTRIES if e.id == "D1")
    assert candour.from_briefing and "'duty of candour'" in candour.quote
    assert "honest" not in candour.quote and "honest" in candour.wording
    assert candour.wording != candour.body  # so it is shown as ReformKit's wording


def test_words_the_briefing_never_uses_are_never_quoted() -> None:
    briefing = plain(BRIEFING_TEXT).lower()
    for word in ("workload", "voice", "safeguard"):
        assert word not in briefing
        for entry in ENTRIES:
            if entry.from_briefing:
                assert word not in " ".join(_quoted(entry)).lower(), entry.id


def test_kinds_are_what_the_briefing_describes() -> None:
    kinds = {e.title: e.kind for e in ENTRIES}
    assert kinds["Service Experimentation and Innovation Fund (SEIF)"] == "fund"
    assert kinds["Total Place+"] == "fund"
    assert kinds["Innovation Zones"] == "area"
    assert kinds["Citizens' Panel"] == "body"
    assert kinds["Combined Authority Chief Executive (Accounting Officer)"] == "officer"


def test_board_roles_are_the_minimum_list_and_the_two_chairs() -> None:
    """p.13's "at a minimum" list, the Mayor "where they exist" (p.13) and the Leader (R14)."""
    minimum = BRIEFING_TEXT.split("This could include, at a minimum: ")[1].split(". ")[0]
    roles = [e for e in ENTRIES if e.kind == "role"]
    chairs = {e.id for e in roles if "chair" in e.title.lower() and "ICB" not in e.quote}
    assert chairs == {"BR1", "BR12"}
    for role in roles:
        if role.id not in chairs:
            assert role.quote in minimum and role.page == 13, role.id
    assert not any("Accounting Officer" in role.title for role in roles)


# Who each recommendation's first words tell to act ("The government should…"); a passive
# ("should be trialled") names no one.
_SUBJECTS = {
    "The government": ("central government",),
    "The Unit": ("Public Service Reform Unit",),
    "Public Service Reform Boards": ("Public Service Reform Boards",),
    "Combined Authorities": ("Combined Authorities",),
}


@pytest.mark.parametrize(
    "entry", [e for e in ENTRIES if e.kind == "recommendation"], ids=lambda e: e.id
)
def test_addressees_follow_the_recommendations_own_words(entry: Entry) -> None:
    subject, rest = entry.quote.split(" should ", 1)
    expected = () if rest.startswith("be ") else _SUBJECTS[subject]
    assert entry.addressed_to == expected
    assert not set(entry.addressed_to) & set(entry.affects)


# The builders' words.
_SOURCES = [charter.steps, plans.steps, charter.parts, plans.parts]
_BRIEFING_WORDS = re.compile(r"\bthe briefing\b", re.I)


def _strings(module: object) -> list[str]:
    tree = ast.parse(Path(str(getattr(module, "__file__", ""))).read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def _sentences(module: object) -> list[str]:
    """Sentences of the module's strings that say something about the briefing."""
    sentences = [
        sentence
        for text in _strings(module)
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z“])", text)
    ]
    return [s for s in sentences if _BRIEFING_WORDS.search(s)]


@pytest.mark.parametrize("module", _SOURCES, ids=lambda m: m.__name__)
def test_every_builder_sentence_about_the_briefing_quotes_it_with_a_page(module: object) -> None:
    """A sentence attributing something to the briefing quotes it “in double quotes”,
    exactly, and gives the page (“p.20”) it is on. A sentence saying that something is not
    from the briefing (ReformKit's suggestions) is the only exception."""
    checked = 0
    for sentence in _sentences(module):
        if re.search(r"not (from |in )?the briefing", sentence):
            continue
        quotes = re.findall(r"“([^”]+)”", sentence)
        pages = [int(p) for p in re.findall(r"\bp\.(\d+)", sentence)]
        assert pages, f"No page for: {sentence}"
        assert quotes, f"Nothing quoted from the briefing in: {sentence}"
        for quote in quotes:
            assert any(_on_page(quote, page) for page in pages), (
                f"“{quote}” is not on page {pages} of the briefing: {sentence}"
            )
        checked += 1
    assert checked, "the builder says nothing of the briefing: is the scan still working?"


def test_the_builder_check_catches_words_put_in_the_briefings_mouth() -> None:
    """The check above fails on the old charter wording, so it can fail."""
    old = ("Rights are what every member of staff can expect. The briefing names a say over "
           "how they do their work, professional freedom, time and money to learn.")  # fmt: skip
    sentence = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", old) if _BRIEFING_WORDS.search(s)]
    assert sentence and not re.findall(r"“([^”]+)”", sentence[0])
    assert not _on_page("a say over how they do their work", 20)
    assert _on_page("protecting professional freedoms", 20)


def test_exported_clauses_credit_their_source_by_origin() -> None:
    from reformkit.catalogue.provenance import drawn_from

    assert drawn_from("D1") == "Adapted from the briefing, page 20"
    assert drawn_from("D2").endswith("which proposes it “subject to further investigation”")
    assert drawn_from("W4") == "A ReformKit suggestion, not from the briefing"
    assert "page" not in drawn_from("W4")
    assert not any(code in drawn_from(code) for code in ("D1", "D2", "W4", "BR11"))
    assert drawn_from("U-0123456789ab") == ""


def test_the_command_line_marks_suggestions_and_gives_the_briefings_pages() -> None:
    from reformkit.cli.catalogue_commands import describe

    entries = {e.id: e for e in ENTRIES}
    ours = describe(entries["W4"], None, "CREDIT")
    assert "A ReformKit suggestion, not from the briefing" in ours
    assert "page" not in ours and "CREDIT" not in ours
    r18 = describe(entries["R18"], None, "CREDIT")
    assert "Addressed to: central government\n" in r18
    assert "Affects: public service workers" in r18 and "page 20" in r18 and "CREDIT" in r18
    assert "'subject to further investigation'" in describe(entries["D3"], None, "CREDIT")
