"""Opening a kind's sample: a complete, realistic document for newcomers.

Each kind ships its sample as JSON (``DocumentSpec.sample``). Opening one makes a document
file from it in the user's documents folder (once; later it is simply opened again, with any
changes kept).
"""

from __future__ import annotations

from pathlib import Path

from reformkit.document.interchange import loads
from reformkit.document.project import Project
from reformkit.document.spec import DocumentKinds, SampleDocument


def sample_file(sample: SampleDocument, folder: Path, kinds: DocumentKinds) -> Path:
    """The sample's document file in ``folder``, made from the bundled JSON if missing."""
    target = folder / "Samples" / f"{sample.label}.reformkit"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        document = loads(sample.source.read_text(encoding="utf-8"), kinds)
        Project.create_from(target, document, kinds.get(document.kind)).close()
    return target
