"""The catalogue store: lookups, search, the user's own entries, upgrades and bad files."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlite_utils import Database

import resources
from reformkit.catalogue.entry import USER
from reformkit.catalogue.library_file import migrations
from reformkit.catalogue.seed import load_seed
from reformkit.catalogue.store import Catalogue
from reformkit.errors import (
    InvalidEntryError,
    LibraryError,
    UnknownEntryError,
    UnknownKindError,
)


@pytest.mark.parametrize("typed", ["R18", "r18", "18", " 18 ", "#18"])
def test_ids_are_read_as_people_type_them(catalogue: Catalogue, typed: str) -> None:
    assert catalogue.get(typed).id == "R18"


def test_unknown_id_names_what_exists(catalogue: Catalogue) -> None:
    with pytest.raises(UnknownEntryError) as caught:
        catalogue.get("R23")
    message = str(caught.value)
    assert "R23" in message and "R1 to R22" in message and "\n" not in message


def test_unknown_kind_names_the_kinds(catalogue: Catalogue) -> None:
    with pytest.raises(UnknownKindError, match="recommendation, principle"):
        catalogue.entries("widget")


def test_kinds_accept_plurals(catalogue: Catalogue) -> None:
    assert len(catalogue.entries("Recommendations")) == 22
    assert [e.id for e in catalogue.entries("duties")] == ["D1"]
    assert [e.id for e in catalogue.entries("Funds")] == ["B6", "B9"]
    assert [e.id for e in catalogue.entries("areas")] == ["B8"]


def test_candour_ranks_recommendation_18_first(catalogue: Catalogue) -> None:
    hits = catalogue.search("candour")
    assert hits[0].entry.id == "R18"
    assert "D1" in [hit.entry.id for hit in hits]
    assert "[candour]" in hits[0].snippet_marked()


def test_search_matches_word_forms_and_prefixes(catalogue: Catalogue) -> None:
    assert catalogue.search("inspectorate")[0].entry.id == "R11"
    assert "R16" in [h.entry.id for h in catalogue.search("experim")]


def test_search_can_be_limited_to_a_kind(catalogue: Catalogue) -> None:
    hits = catalogue.search("citizens", kinds=["principle"])
    assert hits and {h.entry.kind for h in hits} == {"principle"}


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(max_size=60))
def test_any_typed_text_searches_without_error(catalogue: Catalogue, text: str) -> None:
    for hit in catalogue.search(text):
        assert hit.entry.id


def test_user_entries_can_be_added_changed_and_removed(catalogue: Catalogue) -> None:
    changes: list[tuple[str, str]] = []
    catalogue.subscribe(lambda change, entry_id: changes.append((change, entry_id)))
    entry = catalogue.add(
        "clause", "Team huddles", "We meet for ten minutes each morning.", ["r18"]
    )
    assert entry.origin == USER and entry.id.startswith("U-") and entry.related == ("R18",)
    assert catalogue.search("huddles")[0].entry.id == entry.id
    renamed = catalogue.update(entry.id, title="Morning huddles")
    assert catalogue.get(entry.id).title == "Morning huddles" == renamed.title
    catalogue.remove(entry.id)
    with pytest.raises(UnknownEntryError):
        catalogue.get(entry.id)
    assert [c for c, _ in changes] == ["added", "changed", "removed"]


def test_seed_entries_cannot_be_changed(catalogue: Catalogue) -> None:
    with pytest.raises(InvalidEntryError, match="quotes the briefing"):
        catalogue.update("R18", title="Something else")
    with pytest.raises(InvalidEntryError):
        catalogue.remove("D1")


@pytest.mark.parametrize(
    ("kind", "title", "text", "related", "error"),
    [
        ("recommendation", "R23", "More", [], InvalidEntryError),
        ("clause", "  ", "Text", [], InvalidEntryError),
        ("clause", "Title", "", [], InvalidEntryError),
        ("clause", "Title", "Text", ["R99"], UnknownEntryError),
        ("gizmo", "Title", "Text", [], UnknownKindError),
    ],
)
def test_bad_user_entries_are_refused(
    catalogue: Catalogue, kind: str, title: str, text: str, related: list[str], error: type
) -> None:
    with pytest.raises(error):
        catalogue.add(kind, title, text, related)
    assert catalogue.count(origin=USER) == 0


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(min_size=1).filter(lambda s: s.strip() == s and s.strip()))
def test_user_text_is_returned_unchanged(catalogue: Catalogue, text: str) -> None:
    entry = catalogue.add("clause", "Odd text", text)
    assert catalogue.get(entry.id).text == text


def _seed_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "seed"
    shutil.copytree(resources.path("catalogue"), folder)
    return folder


def test_seed_upgrade_keeps_user_entries(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    with Catalogue.open(library) as first:
        mine = [
            first.add("right", "Protected learning time", "Half a day a month.", ["R19"]),
            first.add("clause", "Candour", "We say when things go wrong.", ["R18"]),
        ]
    new_seed = _seed_copy(tmp_path)
    source = (new_seed / "source.toml").read_text(encoding="utf-8")
    (new_seed / "source.toml").write_text(
        source.replace('seed_version = "2024.12.1"', 'seed_version = "2099.1.1"'), "utf-8"
    )
    bodies = (new_seed / "bodies.toml").read_text(encoding="utf-8")
    (new_seed / "bodies.toml").write_text(
        bodies.replace('title = "University leader"', 'title = "Vice-chancellor"'), "utf-8"
    )
    with Catalogue.open(library, load_seed(new_seed)) as upgraded:
        assert upgraded.seed.version == "2099.1.1"
        for entry in mine:
            assert upgraded.get(entry.id) == entry
        assert upgraded.get("BR8").title == "Vice-chancellor"
        assert [h.entry.id for h in upgraded.search("vice chancellor")] == ["BR8"]
        assert upgraded.count(origin=USER) == 2
        assert upgraded.count() == len(load_seed().entries) + 2


def test_library_from_before_origins_is_rebuilt_and_keeps_user_rows(tmp_path: Path) -> None:
    """A library written before entries said "briefing" or "suggestion" (all were "seed")
    gains the new columns; its old seed rows are rebuilt from the seed, even when the seed's
    fingerprint is the one it recorded, and the user's rows come through untouched."""
    library = tmp_path / "library.sqlite"
    old = Database(library)
    migrations.apply(old, stop_before="m002_origin_affects_caveat")
    columns = set(old.table("entries").columns_dict)
    assert "affects" not in columns and "caveat" not in columns
    old_seed: dict[str, object] = {
        "id": "W4", "kind": "right", "title": "Fair and stable pay", "origin": "seed",
        "quote": "The government should consider mechanisms…", "page": 20,
    }  # fmt: skip
    mine: dict[str, object] = {
        "id": "U-abc123def456", "kind": "right", "title": "Learning time", "origin": USER,
        "text": "Half a day a month.", "body": "Half a day a month.", "related": '["R19"]',
        "addressed_to": "[]", "expected_in": "[]", "extra": "{}",
    }  # fmt: skip
    old.table("entries").insert_all([old_seed, mine])
    old.table("meta").insert({"key": "seed_fingerprint", "value": load_seed().fingerprint})
    old.close()
    with Catalogue.open(library) as upgraded:
        assert upgraded.count(origin="seed") == 0
        assert upgraded.count(origin=USER) == 1
        kept = upgraded.get("U-abc123def456")
        assert (kept.title, kept.text, kept.related) == ("Learning time", "Half a day a month.",
                                                       ("R19",))  # fmt: skip
        assert upgraded.get("W4").is_suggestion and upgraded.get("W4").page is None
        assert upgraded.get("R18").affects == ("public service workers",)
        assert upgraded.count() == len(load_seed().entries) + 1


def test_corrupt_library_is_moved_aside_and_replaced(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    garbage = b"this is not a database" * 100
    library.write_bytes(garbage)
    with Catalogue.open(library) as store:
        assert store.recovered_from is not None
        assert store.recovered_from.read_bytes() == garbage
        assert store.recovered_from.parent == tmp_path
        assert store.count("recommendation") == 22
    with Catalogue.open(library) as again:
        assert again.recovered_from is None


def test_truncated_library_is_moved_aside(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    with Catalogue.open(library) as store:
        store.add("clause", "Keep me", "Please")
    data = library.read_bytes()
    library.write_bytes(data[: len(data) // 3])
    with Catalogue.open(library) as store:
        assert store.recovered_from is not None
        assert store.recovered_from.read_bytes() == data[: len(data) // 3]


def test_library_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    Catalogue.open(library).close()
    with sqlite3.connect(library) as connection:
        connection.execute(
            "insert into _sqlite_migrations (migration_set, name, applied_at) "
            "values ('reformkit.library', 'm999_future', '2030-01-01')"
        )
    connection.close()
    before = library.read_bytes()
    with pytest.raises(LibraryError, match="newer version"):
        Catalogue.open(library)
    assert library.read_bytes() == before


def test_other_sqlite_file_is_not_used_as_a_library(tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite"
    with sqlite3.connect(library) as connection:
        connection.execute("create table accounts (name text)")
    connection.close()
    before = library.read_bytes()
    with Catalogue.open(library) as store:
        assert store.recovered_from is not None
        assert store.recovered_from.read_bytes() == before
