"""The JSON interchange format: a whole charter or plan as one JSON document.

Reading checks everything and reports every problem with its JSON path (``$.sections[2]…``),
so a file from another tool can be fixed in one pass; nothing is written until it is clean.
See ``docs/json-format.md`` and the schema in ``resources/schema/``.
"""

from __future__ import annotations

import json
import re
from typing import Any

from reformkit.document.fields import REFERENCE, FieldError
from reformkit.document.limits import (
    MAX_AUTHORS,
    MAX_COMMAS,
    MAX_DEPTH,
    MAX_ITEMS,
    MAX_JSON_BYTES,
    MAX_OBJECTS,
    MAX_SECTIONS,
    MAX_TEXT_CHARS,
    MEGABYTE,
    read_json_int,
)
from reformkit.document.model import Document, Item, Meta, Section, Source, TagError, clean_tags
from reformkit.document.spec import DocumentKinds, DocumentSpec, DocumentSpecError
from reformkit.errors import ReformKitError

FORMAT = "reformkit-document"
FORMAT_VERSION = 1
_META_TEXT = (
    "id",
    "title",
    "organisation",
    "language",
    "created",
    "modified",
    "catalogue_version",
    "app_version",
)


class InterchangeError(ReformKitError):
    """A JSON document that cannot be imported; ``problems`` lists (path, message) pairs."""

    def __init__(self, problems: list[tuple[str, str]]):
        self.problems = problems
        lines = [f"  {path}: {message}" for path, message in problems[:50]]
        more = f"\n  …and {len(problems) - 50} more." if len(problems) > 50 else ""
        super().__init__(
            f"The JSON document has {len(problems)} problem"
            f"{'s' if len(problems) != 1 else ''}; nothing was written.\n" + "\n".join(lines) + more
        )


def to_json(document: Document) -> dict[str, Any]:
    meta = document.meta
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "kind": document.kind,
        "meta": {**{key: getattr(meta, key) for key in _META_TEXT}, "authors": meta.authors},
        "sections": [_section_json(section) for section in document.sections],
    }


def dumps(document: Document) -> str:
    return json.dumps(to_json(document), ensure_ascii=False, indent=2) + "\n"


def loads(text: str, kinds: DocumentKinds) -> Document:
    """Read a JSON document, refusing one past the limits as soon as it is seen to be."""
    if len(text) > MAX_JSON_BYTES:
        raise InterchangeError(
            [
                (
                    "$",
                    f"the JSON is larger than {MAX_JSON_BYTES // MEGABYTE} MB, the most "
                    "ReformKit imports; check it is the right file",
                )
            ]
        )
    if text.count(",") > MAX_COMMAS:  # every value after the first in a list needs one
        raise InterchangeError(
            [
                (
                    "$",
                    f"the JSON holds more than {MAX_COMMAS:,} values, far more than any "
                    "document; check it is the right file",
                )
            ]
        )
    counter = ParseCounter()
    try:
        data = json.loads(text, object_pairs_hook=counter.object, parse_int=read_json_int)
    except _TooManyError as error:
        raise InterchangeError([("$", str(error))]) from None
    except json.JSONDecodeError as error:
        raise InterchangeError(
            [
                (
                    "$",
                    f"this is not valid JSON ({error.msg} at line {error.lineno}, "
                    f"column {error.colno})",
                )
            ]
        ) from None
    except RecursionError:
        raise InterchangeError(
            [("$", "the JSON is nested too deeply to read; a ReformKit document never is")]
        ) from None
    return from_json(data, kinds)


class _TooManyError(Exception):
    """Raised while parsing, to stop at once: the message names the limit."""


class ParseCounter:
    """Counts objects as :func:`json.loads` builds them, so a million items stop early.

    An object with a ``key`` is taken for a part and one with a ``type`` for an item; the
    exact counts, with paths, are checked again by :func:`from_json`.
    """

    def __init__(self) -> None:
        self.objects = self.sections = self.items = 0

    def object(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        value = dict(pairs)
        self.objects += 1
        if "key" in value:
            self.sections += 1
        elif "type" in value:
            self.items += 1
        if self.items > MAX_ITEMS:
            raise _TooManyError(_too_many("items", MAX_ITEMS))
        if self.sections > MAX_SECTIONS:
            raise _TooManyError(_too_many("parts", MAX_SECTIONS))
        if self.objects > MAX_OBJECTS:
            raise _TooManyError(
                f"the JSON holds more than {MAX_OBJECTS:,} objects, far more than a document "
                f"of {MAX_ITEMS:,} items; check it is the right file"
            )
        return value


def _too_many(what: str, limit: int) -> str:
    return (
        f"the document has more than {limit:,} {what}, the most ReformKit imports (a large "
        "plan has a few thousand); split it, or check it is the right file"
    )


def _section_json(section: Section) -> dict[str, Any]:
    return {
        "id": section.id,
        "key": section.key,
        "title": section.title,
        "intro": section.intro,
        "owner": section.owner,
        "tags": section.tags,
        "items": [_item_json(item) for item in section.items],
    }


def _item_json(item: Item) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": item.id,
        "type": item.type,
        "fields": item.fields,
        "tags": item.tags,
        "needs_review": item.needs_review,
        "author": item.author,
        "created": item.created,
        "modified": item.modified,
    }
    if item.source is not None:
        data["source"] = {"entry_id": item.source.entry_id, "revision": item.source.revision}
    return data


def from_json(data: Any, kinds: DocumentKinds) -> Document:
    """Build a document from parsed JSON, or raise :class:`InterchangeError` listing all
    problems."""
    over = _over_limits(data)
    if over:
        raise InterchangeError(over)
    broken = _broken_text(data)
    if broken:  # SQLite and UTF-8 cannot store a lone surrogate such as "\ud800"
        raise InterchangeError(
            [
                (path, "holds a broken character (a lone surrogate such as \\ud800)")
                for path in broken
            ]
        )
    reader = _Reader(kinds)
    document = reader.document(data)
    if reader.problems or document is None:
        raise InterchangeError(reader.problems)
    return document


def _over_limits(data: Any) -> list[tuple[str, str]]:
    """What goes past the limits in :mod:`reformkit.document.limits`, found without
    recursion and before anything is built: nesting, text length, parts, items, authors."""
    problems: list[tuple[str, str]] = []
    stack: list[tuple[str, Any, int]] = [("$", data, 0)]
    while stack and len(problems) < 50:
        path, value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return [
                (
                    path,
                    f"the JSON is nested too deeply (more than {MAX_DEPTH} levels; a "
                    "ReformKit document needs 7)",
                )
            ]
        if isinstance(value, str) and len(value) > MAX_TEXT_CHARS:
            problems.append(
                (
                    path,
                    f"is {len(value):,} characters long; ReformKit keeps up to "
                    f"{MAX_TEXT_CHARS:,} in one piece of text",
                )
            )
        elif isinstance(value, dict):
            for key, inner in value.items():
                if len(key) > _MAX_KEY_CHARS:
                    problems.append(
                        (
                            path,
                            f"has a name {len(key):,} characters long, which is "
                            "not part of the format",
                        )
                    )
                else:
                    stack.append((f"{path}.{key}", inner, depth + 1))
        elif isinstance(value, list):
            stack.extend((f"{path}[{n}]", inner, depth + 1) for n, inner in enumerate(value))
    if problems or not isinstance(data, dict):
        return problems
    sections = data.get("sections")
    if isinstance(sections, list):
        if len(sections) > MAX_SECTIONS:
            problems.append(("$.sections", _too_many("parts", MAX_SECTIONS)))
        items = sum(
            len(s["items"])
            for s in sections
            if isinstance(s, dict) and isinstance(s.get("items"), list)
        )
        if items > MAX_ITEMS:
            problems.append(("$.sections", _too_many("items", MAX_ITEMS)))
    meta = data.get("meta")
    authors = meta.get("authors") if isinstance(meta, dict) else None
    if isinstance(authors, list) and len(authors) > MAX_AUTHORS:
        problems.append(
            (
                "$.meta.authors",
                f"lists {len(authors):,} authors; ReformKit keeps up to {MAX_AUTHORS}",
            )
        )
    return problems


def _broken_text(data: Any) -> list[str]:
    """The JSON paths of text (or keys) holding an unpaired surrogate, found without recursion."""
    broken: list[str] = []
    stack: list[tuple[str, Any]] = [("$", data)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                broken.append(path)
        elif isinstance(value, dict):
            for key, inner in value.items():
                if _SURROGATE.search(key):
                    broken.append(path)
                stack.append((f"{path}.{key}", inner))
        elif isinstance(value, list):
            stack.extend((f"{path}[{n}]", inner) for n, inner in enumerate(value))
    return sorted(broken)


_MAX_KEY_CHARS = 100  # the longest name in the format is 17 characters
_SURROGATE = re.compile("[\ud800-\udfff]")


class _Reader:
    def __init__(self, kinds: DocumentKinds):
        self.kinds = kinds
        self.problems: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def problem(self, path: str, message: str) -> None:
        self.problems.append((path, message))

    def document(self, data: Any) -> Document | None:
        if not isinstance(data, dict):
            self.problem("$", "must be a JSON object")
            return None
        if data.get("format") != FORMAT:
            self.problem("$.format", f'must be "{FORMAT}"')
        version = data.get("format_version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            self.problem("$.format_version", "must be a whole number such as 1")
        elif version > FORMAT_VERSION:
            self.problem(
                "$.format_version",
                f"{version} is newer than this ReformKit reads "
                f"({FORMAT_VERSION}); install a newer ReformKit",
            )
        spec: DocumentSpec | None = None
        try:
            spec = self.kinds.get(str(data.get("kind", "")))
        except DocumentSpecError as error:
            self.problem("$.kind", str(error))
        self.known("$", data, {"format", "format_version", "kind", "meta", "sections"})
        meta = self.meta(data.get("meta"))
        sections_data = data.get("sections")
        if not isinstance(sections_data, list):
            self.problem("$.sections", "must be a list of sections")
            return None
        if spec is None or meta is None:
            return None
        sections = [self.section(f"$.sections[{n}]", s, spec) for n, s in enumerate(sections_data)]
        document = Document(spec.kind, meta, [s for s in sections if s is not None])
        self.references(document, spec)
        return document

    def references(self, document: Document, spec: DocumentSpec) -> None:
        """A reference (a mission's parent) must name an item of the right type."""
        types = {item.id: item.type for _, item in document.items()}
        for n, section in enumerate(document.sections):
            section_type = spec.section_type(section.key)
            for m, item in enumerate(section.items):
                for field in section_type.item_type(item.type).fields:
                    target = item.fields.get(field.name)
                    if field.type != REFERENCE or not target:
                        continue
                    if types.get(target) != field.refers_to or target == item.id:
                        self.problem(
                            f"$.sections[{n}].items[{m}].fields.{field.name}",
                            f"'{target}' is not the id of another {field.refers_to} "
                            "in this document",
                        )

    def meta(self, data: Any) -> Meta | None:
        if not isinstance(data, dict):
            self.problem("$.meta", "must be an object with at least a title")
            return None
        self.known("$.meta", data, {*_META_TEXT, "authors"})
        values: dict[str, Any] = {}
        for key in _META_TEXT:
            if key in data:
                values[key] = self.text(f"$.meta.{key}", data[key])
        if not str(values.get("title") or "").strip():
            self.problem("$.meta.title", "a document needs a title")
        authors = data.get("authors", [])
        if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
            self.problem("$.meta.authors", "must be a list of names")
            authors = []
        self.unique("$.meta.id", values.get("id"))
        return Meta(**values, authors=authors)

    def section(self, path: str, data: Any, spec: DocumentSpec) -> Section | None:
        if not isinstance(data, dict):
            self.problem(path, "must be an object")
            return None
        self.known(path, data, {"id", "key", "title", "intro", "owner", "tags", "items"})
        try:
            section_type = spec.section_type(str(data.get("key", "")))
        except DocumentSpecError as error:
            self.problem(f"{path}.key", str(error))
            return None
        section = Section(key=section_type.key, title=section_type.title)
        for name in ("id", "title", "intro", "owner"):
            if name in data:
                setattr(section, name, self.text(f"{path}.{name}", data[name]))
        if not section.title.strip():
            self.problem(f"{path}.title", "a section needs a title")
        self.unique(f"{path}.id", section.id)
        section.tags = self.tags(f"{path}.tags", data.get("tags", []))
        items = data.get("items", [])
        if not isinstance(items, list):
            self.problem(f"{path}.items", "must be a list")
            items = []
        for n, item_data in enumerate(items):
            item = self.item(f"{path}.items[{n}]", item_data, section_type)
            if item is not None:
                section.items.append(item)
        return section

    def item(self, path: str, data: Any, section_type: Any) -> Item | None:
        if not isinstance(data, dict):
            self.problem(path, "must be an object")
            return None
        self.known(
            path,
            data,
            {
                "id",
                "type",
                "fields",
                "tags",
                "source",
                "needs_review",
                "author",
                "created",
                "modified",
            },
        )
        try:
            kind = section_type.item_type(str(data.get("type", "")))
        except DocumentSpecError as error:
            self.problem(f"{path}.type", str(error))
            return None
        fields = data.get("fields", {})
        if not isinstance(fields, dict):
            self.problem(f"{path}.fields", "must be an object")
            fields = {}
        cleaned: dict[str, Any] = {}
        for name in sorted(set(fields) - set(kind.field_names)):
            self.problem(f"{path}.fields.{name}", f"a {kind.label} has no such field")
        for field in kind.fields:
            try:
                cleaned[field.name] = field.clean(fields.get(field.name))
            except FieldError as error:
                self.problem(f"{path}.fields.{field.name}", str(error))
        item = Item(
            type=kind.name, fields=cleaned, tags=self.tags(f"{path}.tags", data.get("tags", []))
        )
        for name in ("id", "author", "created", "modified"):
            if name in data:
                setattr(item, name, self.text(f"{path}.{name}", data[name]))
        self.unique(f"{path}.id", item.id)
        review = data.get("needs_review", False)
        if not isinstance(review, bool):
            self.problem(f"{path}.needs_review", "must be true or false")
        item.needs_review = review is True
        item.source = self.source(f"{path}.source", data.get("source"))
        return item

    def source(self, path: str, data: Any) -> Source | None:
        if data is None:
            return None
        if not isinstance(data, dict) or not isinstance(data.get("entry_id"), str):
            self.problem(path, "must be an object with an entry_id and a revision")
            return None
        return Source(data["entry_id"], self.text(f"{path}.revision", data.get("revision", "")))

    def tags(self, path: str, value: Any) -> list[str]:
        if not isinstance(value, list):
            self.problem(path, 'must be a list of recommendation ids such as ["R18"]')
            return []
        try:
            tags = clean_tags(value)
        except TagError as error:
            self.problem(path, str(error))
            return []
        if len(tags) != len(value):
            self.problem(path, "lists a recommendation more than once")
        return tags

    def text(self, path: str, value: Any) -> str:
        if not isinstance(value, str):
            self.problem(path, "must be text")
            return ""
        return value

    def unique(self, path: str, identifier: str | None) -> None:
        if identifier is None:
            return
        if not identifier.strip():
            self.problem(path, "an id cannot be empty")
        elif identifier in self.ids:
            self.problem(path, f"the id {identifier} is used more than once; ids must be unique")
        self.ids.add(identifier)

    def known(self, path: str, data: dict[str, Any], names: set[str]) -> None:
        for name in sorted(set(data) - names):
            self.problem(f"{path}.{name}", "is not part of the format")
