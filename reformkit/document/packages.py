"""Partner packages: some parts of a charter or plan, sent out to be written by a partner.

A package is an ordinary ``.reformkit`` file holding only the parts sent, so the partner opens
it in ReformKit like any document. It remembers, in its file, which document it came from,
who it is for, when it was made, and the parts exactly as they were sent (the *base*), so
that :mod:`reformkit.document.merge` can tell the partner's edits from ours when it returns.
"""

from __future__ import annotations

import copy
import hashlib
import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import reformkit
from reformkit.document import project_file as files
from reformkit.document.errors import ProjectError
from reformkit.document.fields import FieldError
from reformkit.document.interchange import to_json
from reformkit.document.model import (
    Document,
    Item,
    Meta,
    Section,
    Source,
    TagError,
    clean_tags,
    new_id,
    now,
)
from reformkit.document.project import Project
from reformkit.document.spec import DocumentSpec, DocumentSpecError
from reformkit.errors import ReformKitError

STATE_KEY = "package"  # Project.state key holding the package's description, as JSON
PACKAGE_FORMAT = "reformkit-package"
PACKAGE_VERSION = 1


class PackageError(ReformKitError):
    """A package that cannot be made, read or merged; the message says what to do."""


@dataclass(frozen=True)
class PartInfo:
    id: str
    key: str
    title: str


@dataclass(frozen=True)
class PackageInfo:
    """What a package file says about itself. ``base`` is the parts as sent, as JSON."""

    package_id: str
    main_id: str
    main_title: str
    kind: str
    parts: tuple[PartInfo, ...]
    partner: str
    created: str
    base: tuple[dict[str, Any], ...]
    app_version: str = ""

    @property
    def part_ids(self) -> tuple[str, ...]:
        return tuple(part.id for part in self.parts)

    def banner(self) -> str:
        """One sentence for the top of the window when a partner opens the package."""
        names = ", ".join(f"'{part.title}'" for part in self.parts)
        who = f" for {self.partner}" if self.partner else ""
        return (
            f"These parts of '{self.main_title}' were sent{who} on {self.created[:10]}: "
            f"{names}. Edit them here, then send this file back to be merged."
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "format": PACKAGE_FORMAT,
            "format_version": PACKAGE_VERSION,
            "package_id": self.package_id,
            "main_id": self.main_id,
            "main_title": self.main_title,
            "kind": self.kind,
            "parts": [{"id": p.id, "key": p.key, "title": p.title} for p in self.parts],
            "partner": self.partner,
            "created": self.created,
            "app_version": self.app_version,
            "base": list(self.base),
        }


def find_parts(document: Document, parts: Sequence[str]) -> list[Section]:
    """The sections named by id, key (``budget``) or title (any case), in document order."""
    if not parts:
        raise PackageError("Say which parts to send, for example --part budget.")
    chosen: set[str] = set()
    for wanted in parts:
        name = wanted.strip().casefold()
        by_id = [s for s in document.sections if s.id == wanted.strip()]
        matches = by_id or [
            s for s in document.sections if name in (s.key.casefold(), s.title.strip().casefold())
        ]
        if not matches:
            listing = "; ".join(f"{s.key} ({s.title})" for s in document.sections) or "none"
            raise PackageError(
                f"'{wanted}' is not a part of '{document.meta.title}'. "
                f"Name a part by its key or title. Its parts are: {listing}."
            )
        chosen.update(s.id for s in matches)
    return [s for s in document.sections if s.id in chosen]


def make_package(
    project: Project,
    parts: Sequence[str],
    target: Path,
    partner: str = "",
    *,
    force: bool = False,
) -> Path:
    """Write the chosen parts of ``project`` to ``target`` as a package for ``partner``.

    The file is built beside ``target`` and moved into place only once it is complete. An
    existing file at ``target`` is replaced only with ``force`` (a person asked for it), and
    never while it is open anywhere (:mod:`reformkit.document.file_install`).
    """
    target = Path(target)
    main = project.document
    if target.resolve() == project.path.resolve():
        raise PackageError("Choose a different name: that is the document itself.")
    sections = [copy.deepcopy(s) for s in find_parts(main, parts)]
    partner = partner.strip()
    package_id = new_id()
    titles = ", ".join(s.title for s in sections)
    document = Document(
        main.kind,
        Meta(
            title=f"{main.meta.title}: {titles}" + (f" (for {partner})" if partner else ""),
            organisation=main.meta.organisation,
            authors=[partner] if partner else list(main.meta.authors),
            language=main.meta.language,
            catalogue_version=main.meta.catalogue_version,
            app_version=reformkit.__version__,
            id=package_id,
        ),
        sections,
    )
    info = PackageInfo(
        package_id=package_id,
        main_id=main.meta.id,
        main_title=main.meta.title,
        kind=main.kind,
        parts=tuple(PartInfo(s.id, s.key, s.title) for s in sections),
        partner=partner,
        created=now(),
        base=tuple(sections_json(sections)),
        app_version=reformkit.__version__,
    )
    folder = target.resolve().parent
    if not folder.is_dir():
        raise PackageError(f"The folder {folder} does not exist. Choose another place to save.")
    Project.create_from(
        target,
        document,
        project.spec,
        force=force,
        state={STATE_KEY: json.dumps(info.to_json(), ensure_ascii=False)},
    ).close()
    return target


def package_info(source: Project | Path) -> PackageInfo | None:
    """What the package says about itself, or ``None`` for an ordinary document."""
    if isinstance(source, Project):
        text = source.state(STATE_KEY)
        name = source.path.name
    else:
        path = Path(source)
        name = path.name
        files.check_header(path)
        connection = files.read_only_connection(path)
        try:
            row = connection.execute(
                "select value from meta where key = ?", [f"state:{STATE_KEY}"]
            ).fetchone()
        except sqlite3.DatabaseError as error:
            raise ProjectError(
                f"{name} cannot be read ({error}). It has not been changed."
            ) from None
        finally:
            connection.close()
        text = str(row[0]) if row else ""
    if not text:
        return None
    return _info_from_json(text, name)


def _info_from_json(text: str, name: str) -> PackageInfo:
    damaged = PackageError(
        f"{name} says it is a package, but its description is damaged. "
        "Ask for the package to be made again."
    )
    try:
        data = json.loads(text)
        if data.get("format") != PACKAGE_FORMAT:
            raise damaged
        if int(data.get("format_version", 0)) > PACKAGE_VERSION:
            raise PackageError(
                f"{name} was made by a newer ReformKit. Install that version to merge it."
            )
        base = data["base"]
        if not isinstance(base, list) or not all(isinstance(s, dict) for s in base):
            raise damaged
        return PackageInfo(
            package_id=str(data["package_id"]),
            main_id=str(data["main_id"]),
            main_title=str(data["main_title"]),
            kind=str(data["kind"]),
            parts=tuple(
                PartInfo(str(p["id"]), str(p["key"]), str(p["title"])) for p in data["parts"]
            ),
            partner=str(data.get("partner", "")),
            created=str(data.get("created", "")),
            base=tuple(base),
            app_version=str(data.get("app_version", "")),
        )
    except (ValueError, KeyError, TypeError, AttributeError):
        raise damaged from None


def sections_json(sections: Sequence[Section]) -> list[dict[str, Any]]:
    """Sections in the JSON interchange form."""
    data: list[dict[str, Any]] = to_json(Document("", Meta(title="-"), list(sections)))["sections"]
    return data


def sections_from_json(data: Sequence[Any], spec: DocumentSpec, name: str) -> list[Section]:
    """Sections back from :func:`sections_json`, checked against ``spec``.

    References between items are not checked: a part sent alone may point at a mission in a
    part that stayed at home.
    """
    problems: list[str] = []
    sections = []
    try:
        for section_data in data:
            section = Section(
                id=str(section_data["id"]),
                key=str(section_data["key"]),
                title=str(section_data["title"]),
                intro=str(section_data.get("intro", "")),
                owner=str(section_data.get("owner", "")),
                tags=list(section_data.get("tags", [])),
            )
            for item_data in section_data.get("items", []):
                source = item_data.get("source")
                section.items.append(
                    Item(
                        id=str(item_data["id"]),
                        type=str(item_data["type"]),
                        fields=dict(item_data["fields"]),
                        tags=list(item_data.get("tags", [])),
                        needs_review=bool(item_data.get("needs_review", False)),
                        author=str(item_data.get("author", "")),
                        created=str(item_data.get("created", "")),
                        modified=str(item_data.get("modified", "")),
                        source=Source(str(source["entry_id"]), str(source.get("revision", "")))
                        if isinstance(source, dict)
                        else None,
                    )
                )
            sections.append(section)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise PackageError(
            f"{name}: the record of the parts as they were sent is damaged, so the partner's "
            "edits cannot be told from yours. Ask for the package to be made again."
        ) from None
    problems.extend(check_sections(sections, spec))
    if problems:
        raise PackageError(f"{name} cannot be merged: " + " ".join(problems[:10]))
    return sections


def check_sections(sections: Sequence[Section], spec: DocumentSpec) -> list[str]:
    """Every part, item, field and tag must be one the document's kind allows."""
    problems: list[str] = []
    seen: set[str] = set()
    for section in sections:
        try:
            section_type = spec.section_type(section.key)
            section.tags = clean_tags(section.tags)
        except (DocumentSpecError, TagError) as error:
            problems.append(f"Part '{section.title}': {error}")
            continue
        for item in section.items:
            if item.id in seen or section.id in seen:
                problems.append(f"Part '{section.title}' repeats the id {item.id}.")
            seen.add(item.id)
            try:
                item.fields = section_type.item_type(item.type).clean(item.fields)
                item.tags = clean_tags(item.tags)
            except (DocumentSpecError, FieldError, TagError) as error:
                problems.append(f"Part '{section.title}': {error}")
        seen.add(section.id)
    return problems


def content_hash(sections: Sequence[Section]) -> str:
    """A fingerprint of the parts' content: the same package returned twice hashes alike."""
    text = json.dumps(sections_json(sections), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
