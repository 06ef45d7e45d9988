"""One catalogue entry: a recommendation, a principle, a duty, or a user's own clause.

Every entry says where it comes from (``origin``): the briefing itself (quoted exactly, with
its page), a ReformKit suggestion (our words, never given a page), or the user's own.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

BRIEFING = "briefing"  # quoted exactly from The Reform Dividend, with its page
SUGGESTION = "suggestion"  # ReformKit's own suggestion: no quote, no page
USER = "user"  # added by the user
SEED_ORIGINS = (BRIEFING, SUGGESTION)  # the origins the bundled seed may use
ORIGINS = (*SEED_ORIGINS, USER)

# Columns stored as JSON lists in SQLite.
LIST_FIELDS = ("addressed_to", "affects", "expected_in", "related")


@dataclass(frozen=True)
class Entry:
    """A catalogue entry. Entries from the briefing quote it exactly in ``quote``.

    ``addressed_to`` is whom a recommendation's own words address ("The government
    should…"); ``affects`` is whom it bears on. ``caveat`` is the briefing's own hedge on the
    entry (such as "subject to further investigation"), shown wherever the entry is.
    """

    id: str
    kind: str
    title: str
    quote: str = ""
    text: str = ""
    number: int | None = None
    parent: str | None = None
    page: int | None = None
    theme: str = ""
    from_text: str = ""
    to_text: str = ""
    addressed_to: tuple[str, ...] = ()
    affects: tuple[str, ...] = ()
    expected_in: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    source: str = ""
    licence: str = ""
    origin: str = BRIEFING
    caveat: str = ""
    created: str = ""
    modified: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def body(self) -> str:
        """The words to show and search: the quote, the user's text, or Table 1's row."""
        if self.quote or self.text:
            return self.quote or self.text
        if self.from_text or self.to_text:
            return f"{self.theme} from {self.from_text.lower()} to {self.to_text.lower()}"
        return ""

    @property
    def from_briefing(self) -> bool:
        """Whether the entry is the briefing's own (as opposed to ours or the user's)."""
        return self.origin == BRIEFING

    @property
    def is_suggestion(self) -> bool:
        return self.origin == SUGGESTION

    @property
    def wording(self) -> str:
        """Plain words to start a clause from: our suggested wording, else the entry's own."""
        suggested = self.extra.get("wording")
        return str(suggested) if suggested else self.body

    @property
    def is_national_context(self) -> bool:
        """A recommendation no local document is expected to answer."""
        return self.kind == "recommendation" and not self.expected_in

    @property
    def revision(self) -> str:
        """A short fingerprint of the wording, so documents can tell when an entry changed."""
        wording = json.dumps([self.title, self.body, list(self.related)], ensure_ascii=False)
        return hashlib.sha256(wording.encode("utf-8")).hexdigest()[:16]

    def to_row(self) -> dict[str, Any]:
        row = asdict(self)
        for name in LIST_FIELDS:
            row[name] = json.dumps(list(row[name]), ensure_ascii=False)
        row["extra"] = json.dumps(self.extra, ensure_ascii=False)
        row["body"] = self.body
        row["revision"] = self.revision
        return row

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Entry:
        values = {k: v for k, v in row.items() if k in cls.__dataclass_fields__}
        for name in LIST_FIELDS:
            values[name] = tuple(json.loads(values.get(name) or "[]"))
        values["extra"] = json.loads(values.get("extra") or "{}")
        for name in (
            "quote",
            "text",
            "theme",
            "from_text",
            "to_text",
            "source",
            "licence",
            "created",
            "modified",
            "caveat",
        ):
            values[name] = values.get(name) or ""
        return cls(**values)

    def to_json(self) -> dict[str, Any]:
        """A plain dictionary for ``--json`` output."""
        data = asdict(self)
        for name in LIST_FIELDS:
            data[name] = list(data[name])
        data["body"] = self.body
        data["national_context"] = self.is_national_context
        return {k: v for k, v in data.items() if v not in ("", None, [], {})}
