"""Search over a big library: a broad query (a first letter) ranks the catalogue's own entries
and lists the user's newest first, and libraries from before the prefix index gain it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlite_utils import Database

from reformkit.catalogue import store
from reformkit.catalogue.entry import USER, Entry
from reformkit.catalogue.library_file import migrations
from reformkit.catalogue.store import BROAD, Catalogue


def _clauses(count: int) -> list[Entry]:
    return [
        Entry(
            id=f"U-{number:012x}",
            kind="clause",
            title=f"Clause {number} about services",
            text=f"We will support services number {number}.",
            related=("R18",),
            origin=USER,
        )
        for number in range(count)
    ]


@pytest.fixture
def big(tmp_path: Path) -> Catalogue:
    catalogue = Catalogue.open(tmp_path / "library.sqlite")
    catalogue.add_many(_clauses(BROAD + 40))
    return catalogue


def test_a_broad_query_ranks_the_catalogues_entries_then_the_users_newest(
    big: Catalogue, monkeypatch: pytest.MonkeyPatch
) -> None:
    hits = big.search("s", limit=200)
    monkeypatch.setattr(store, "BROAD", 10**9)  # every match ranked, as for a narrow query
    ranked = big.search("s", limit=10**6)
    ours = [h.entry.id for h in ranked if h.entry.origin != USER]
    theirs = sorted((h.entry.id for h in ranked if h.entry.origin == USER), reverse=True)
    assert len(theirs) > BROAD
    assert [h.entry.id for h in hits] == [*ours, *theirs][:200]
    assert ours and [h.entry.id for h in hits[: len(ours)]] == ours


def test_a_broad_query_keeps_its_kinds_and_limit(big: Catalogue) -> None:
    hits = big.search("s", limit=15, kinds=["clause"])
    assert len(hits) == 15 and {h.entry.kind for h in hits} == {"clause"}
    assert all(h.snippet for h in hits)


def test_a_narrow_query_ranks_every_match_together(big: Catalogue) -> None:
    """Under BROAD matches nothing changes: the user's entry ranks among the catalogue's."""
    mine = big.add("clause", "Huddles", "Daily huddles before each shift.", ["R18"])
    assert big.search("huddl")[0].entry.id == mine.id


def test_suggesting_tags_still_ranks_every_match(big: Catalogue) -> None:
    hits = big.search("we will support services", limit=5, match_any=True)
    assert len(hits) == 5  # one ranking of every match, user entries included


def test_a_library_from_before_the_prefix_index_gains_it(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    old = Database(library)
    migrations.apply(old, stop_before="m003_prefix_index")
    old.close()
    with Catalogue.open(library) as first:
        kept = first.add("clause", "Zebra crossings", "Safe routes to school.", ["R18"])
    with Catalogue.open(library) as upgraded:
        schema = upgraded._db.execute(
            "select sql from sqlite_master where name = 'entries_fts'"
        ).fetchone()[0]
        assert "prefix" in schema
        assert [h.entry.id for h in upgraded.search("z") if h.entry.origin == USER] == [kept.id]
        changed = upgraded.update(kept.id, title="Quagga crossings")
        assert [h.entry.id for h in upgraded.search("qu") if h.entry.origin == USER] == [changed.id]
        assert not upgraded.search("zebra")
        upgraded.remove(kept.id)
        assert not [h for h in upgraded.search("quagga") if h.entry.origin == USER]
