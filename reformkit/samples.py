"""The sample charter and plan: complete, realistic documents for newcomers to open.

They ship as JSON in ``resources/samples``. Opening one makes a document file from it in the
user's documents folder (once; later it is simply opened again, with any changes kept).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import resources
from reformkit.document.interchange import loads
from reformkit.document.project import Project
from reformkit.document.spec import DocumentKinds


@dataclass(frozen=True)
class Sample:
    name: str
    label: str
    description: str

    @property
    def source(self) -> Path:
        return resources.path("samples", f"{self.name}.json")


SAMPLES = (
    Sample(
        "respect-charter",
        "Sample Respect Charter",
        "A children's social care team's charter: principles, rights, duties, what "
        "managers commit to, and how the team will know it works.",
    ),
    Sample(
        "local-reform-plan",
        "Sample Local Reform Plan",
        "A fictional Combined Authority's plan: its Board, missions, standards, a "
        "single-pot budget, co-design, requests, an Innovation Zone and actions.",
    ),
)


def sample_file(sample: Sample, folder: Path, kinds: DocumentKinds) -> Path:
    """The sample's document file in ``folder``, made from the bundled JSON if missing."""
    target = folder / "Samples" / f"{sample.label}.reformkit"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        document = loads(sample.source.read_text(encoding="utf-8"), kinds)
        Project.create_from(target, document, kinds.get(document.kind)).close()
    return target
