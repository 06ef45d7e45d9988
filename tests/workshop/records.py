"""Workshop records for the domain tests: kinds, a fresh workshop file, and a charter."""

from __future__ import annotations

from pathlib import Path

from charter import CHARTER
from plans import PLAN
from reformkit.document.project import Project
from reformkit.document.spec import DocumentKinds
from workshop.kind import WORKSHOP
from workshop.operations import add_activity, ensure_record
from workshop.parts import Method
from workshop.record import Activity, read_record

KINDS = DocumentKinds([CHARTER, PLAN, WORKSHOP])


def workshop_file(folder: Path, name: str = "w.reform") -> Project:
    """A new workshop record, with its session titled Hexham on 3 March 2027."""
    project = Project.create(folder / name, KINDS.get("workshop"), "Hexham")
    ensure_record(project, "Hexham", "2027-03-03", "Hexham Community Centre")
    return project


def charter_file(folder: Path) -> Project:
    return Project.create(folder / "c.reform", KINDS.get("charter"), "Our charter")


def activity(project: Project, method: Method = Method.IDEAS, **kw: object) -> Activity:
    item = add_activity(project, kw.pop("title", method.value), method, "What matters?", **kw)  # type: ignore[arg-type]
    return read_record(project.document).activity(item.id)
