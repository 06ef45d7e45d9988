"""One catalogue entry: a recommendation, a principle, a duty, or a user's own clause."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any

SEED = "seed"
USER = "user"

# Columns stored as JSON lists in SQLite.
LIST_FIELDS = ("addressed_to", "expected_in", "related")


@dataclass(frozen=True)
class Entry:
    """A catalogue entry. Seed entries quote the briefing exactly in ``quote``."""

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
    expected_in: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    source: str = ""
    licence: str = ""
    origin: str = SEED
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
