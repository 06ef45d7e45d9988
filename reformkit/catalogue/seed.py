"""Reading the catalogue seed: the briefing, structured as TOML files in ``resources/``.

The seed is checked as it is read (unique ids, known kinds, parents and links that exist, all
22 recommendations), so a broken edit to the data fails loudly in tests, never in a user's app.
Each entry names its ``origin``: "briefing" entries quote the briefing and give its page;
"suggestion" entries are ReformKit's own words and may carry neither a quote nor a page, so
nothing of ours is ever passed off as the briefing's.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import resources
from reformkit.catalogue.entry import BRIEFING, SEED_ORIGINS, SUGGESTION, Entry
from reformkit.catalogue.kinds import KINDS
from reformkit.errors import SeedError

RECOMMENDATION_COUNT = 22
_RENAMED = {"from": "from_text", "to": "to_text"}
_LISTS = ("addressed_to", "affects", "expected_in", "related")
#: How a ReformKit suggestion is credited: ours, and not the briefing's.
SUGGESTION_SOURCE = "A ReformKit suggestion, not from the briefing"


@dataclass(frozen=True)
class Seed:
    """The parsed seed: its entries, where they come from, and a fingerprint of the files."""

    entries: tuple[Entry, ...]
    source: dict[str, Any]
    version: str
    fingerprint: str

    @property
    def credit(self) -> str:
        return str(self.source["credit"])


def seed_folder() -> Path:
    return resources.path("catalogue")


def fingerprint(folder: Path | None = None) -> str:
    """A hash of the seed files: cheap to compute, changes whenever any seed text does."""
    digest = hashlib.sha256()
    for file in sorted((folder or seed_folder()).glob("*.toml")):
        digest.update(file.name.encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def load_seed(folder: Path | None = None) -> Seed:
    folder = folder or seed_folder()
    files = sorted(folder.glob("*.toml"))
    if not files:
        raise SeedError(f"The catalogue seed is missing from {folder}. Reinstall ReformKit.")
    source: dict[str, Any] = {}
    raw: list[tuple[str, dict[str, Any]]] = []
    for file in files:
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise SeedError(
                f"The catalogue seed file {file.name} cannot be read: {error}"
            ) from error
        source.update(data.get("source", {}))
        raw.extend((file.name, item) for item in data.get("entry", []))
    if "credit" not in source or "seed_version" not in source:
        raise SeedError("The catalogue seed has no [source] table with a credit and version.")
    entries = tuple(_entry(name, item, source) for name, item in raw)
    _check(entries)
    return Seed(entries, source, str(source["seed_version"]), fingerprint(folder))


def _entry(file_name: str, item: dict[str, Any], source: dict[str, Any]) -> Entry:
    values = {_RENAMED.get(key, key): value for key, value in item.items()}
    if "wording" in values:  # our plain-English starting wording, not the briefing's
        values["extra"] = {"wording": values.pop("wording")}
    for name in _LISTS:
        values[name] = tuple(values.get(name, ()))
    origin = values.get("origin")
    if origin not in SEED_ORIGINS:
        raise SeedError(
            f"{file_name}: entry {item.get('id', '?')} must say its origin "
            f"({' or '.join(SEED_ORIGINS)}), not {origin!r}."
        )
    page = values.get("page")
    if origin == SUGGESTION:
        values["source"] = SUGGESTION_SOURCE
    else:
        values["source"] = (
            f"{source.get('publisher', 'Demos')}, {source.get('title', '')} "
            f"({source.get('published', '')})" + (f", page {page}" if page else "")
        )
        values["licence"] = source.get("licence", "")
    try:
        return Entry(**values)
    except TypeError as error:
        raise SeedError(
            f"{file_name}: entry {item.get('id', '?')} is malformed: {error}"
        ) from error


def _check(entries: tuple[Entry, ...]) -> None:
    ids = [entry.id for entry in entries]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise SeedError(f"The catalogue seed repeats ids: {', '.join(duplicates)}.")
    known = set(ids)
    for entry in entries:
        if entry.kind not in KINDS:
            raise SeedError(f"Seed entry {entry.id} has an unknown kind '{entry.kind}'.")
        if entry.id.upper().startswith("U-") or entry.id != entry.id.upper():
            raise SeedError(f"Seed id {entry.id} must be upper case and not start with U-.")
        if not entry.body:
            raise SeedError(f"Seed entry {entry.id} has no text.")
        _check_origin(entry)
        missing = [ref for ref in (entry.parent, *entry.related) if ref and ref not in known]
        if missing:
            raise SeedError(f"Seed entry {entry.id} refers to unknown ids: {', '.join(missing)}.")
    numbers = sorted(e.number or 0 for e in entries if e.kind == "recommendation")
    if numbers != list(range(1, RECOMMENDATION_COUNT + 1)):
        raise SeedError("The catalogue seed must hold recommendations 1 to 22 exactly once.")


def _check_origin(entry: Entry) -> None:
    """The briefing's entries quote it and give its page; our suggestions do neither."""
    quoted = bool(entry.quote or entry.from_text or entry.to_text or entry.caveat)
    if entry.origin == BRIEFING and not (quoted and entry.page):
        raise SeedError(f"Seed entry {entry.id} is from the briefing but has no quote or page.")
    if entry.origin == SUGGESTION and (quoted or entry.page or entry.theme):
        raise SeedError(
            f"Seed entry {entry.id} is a ReformKit suggestion, so it may carry no quote, "
            "caveat or page from the briefing."
        )
