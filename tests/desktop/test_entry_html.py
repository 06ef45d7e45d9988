"""The detail pane's HTML, built without Qt."""

from __future__ import annotations

from desktop.entry_context import EntryLinks
from desktop.entry_html import NATIONAL_CONTEXT, answered_by, render_entry
from reformkit.catalogue.store import Catalogue
from tests.documents import KINDS


def test_recommendation_page_has_everything(catalogue: Catalogue) -> None:
    page = render_entry(EntryLinks(catalogue, KINDS.articles()).context(catalogue.get("R18")))
    assert "Publish a Respect Charter" in page
    assert "detailing the new rights and duties expected of public service workers" in page
    assert "Part of policy shift" in page and 'href="entry:S7"' in page
    assert "Addressed to:</span> central government<" in page
    assert "Affects:</span> public service workers" in page
    assert "Answered by:</span> a Respect Charter" in page
    assert 'href="entry:D1"' in page  # the duty of candour names R18, so R18 links back
    assert "page 20" in page
    assert catalogue.seed.credit.replace("'", "&#x27;") in page


def test_who_answers_each_recommendation(catalogue: Catalogue) -> None:
    links = EntryLinks(catalogue, KINDS.articles())
    assert answered_by(links.context(catalogue.get("R4"))) == "a Local Reform Plan"
    assert answered_by(links.context(catalogue.get("R18"))) == "a Respect Charter"
    assert answered_by(links.context(catalogue.get("R1"))) == NATIONAL_CONTEXT


def test_table_1_principle_shows_theme_from_and_to(catalogue: Catalogue) -> None:
    page = render_entry(EntryLinks(catalogue).context(catalogue.get("P1")))
    assert "Theme:</span> The world is..." in page
    assert "From:</span> Simple and linear" in page
    assert "To:</span> Complex and adaptive" in page
    assert "Table 1" in page


def test_shift_lists_its_recommendations(catalogue: Catalogue) -> None:
    page = render_entry(EntryLinks(catalogue).context(catalogue.get("S7")))
    assert "Recommendations" in page
    for rec in ("R18", "R19", "R20", "R21"):
        assert f'href="entry:{rec}"' in page


def test_user_text_is_escaped_and_has_no_demos_credit(catalogue: Catalogue) -> None:
    entry = catalogue.add("clause", "<script>alert(1)</script>", 'We <b>will</b> & "must"')
    page = render_entry(EntryLinks(catalogue).context(entry))
    assert "<script>" not in page and "<b>will</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "We &lt;b&gt;will&lt;/b&gt; &amp; &quot;must&quot;" in page
    assert catalogue.seed.credit not in page
    assert "your own" in page


def test_a_suggestion_is_marked_as_ours_with_no_page_and_no_demos_credit(
    catalogue: Catalogue,
) -> None:
    page = render_entry(EntryLinks(catalogue).context(catalogue.get("W4")))
    assert "Right · a ReformKit suggestion, not from the briefing" in page
    body = page.split("</style>")[1]
    assert "page " not in body and "<blockquote" not in body
    assert catalogue.seed.credit.replace("'", "&#x27;") not in page


def test_briefing_entry_shows_its_page_and_our_wording_apart(catalogue: Catalogue) -> None:
    page = render_entry(EntryLinks(catalogue).context(catalogue.get("D1")))
    assert "Duty · from the briefing, page 20" in page
    quote, rest = page.split("</blockquote>")
    assert "duty of candour" in quote and "honest" not in quote
    assert (
        "ReformKit&#x27;s suggested wording (not the briefing&#x27;s):</span> We are open" in rest
    )


def test_both_principles_carry_the_caveat(catalogue: Catalogue) -> None:
    for entry_id in ("D2", "D3"):
        page = render_entry(EntryLinks(catalogue).context(catalogue.get(entry_id)))
        assert "Principle · from the briefing, page 20" in page
        assert (
            "Caveat:</span> the briefing proposes this “subject to further investigation”" in page
        )


def test_a_recommendation_naming_no_one_says_so(catalogue: Catalogue) -> None:
    page = render_entry(EntryLinks(catalogue).context(catalogue.get("R13")))
    assert "Addressed to:</span> no one named in its words" in page
    assert "Affects:</span> one Mayoral Combined Authority" in page
