"""Opening a sample makes its document file once, then reuses it."""

from __future__ import annotations

from pathlib import Path

from reformkit.document.project import Project
from reformkit.samples import sample_file
from tests.documents import KINDS


def test_samples_become_document_files_once(tmp_path: Path) -> None:
    samples = KINDS.samples()
    assert [s.name for s in samples] == ["respect-charter", "local-reform-plan", "workshop"]
    for sample in samples:
        path = sample_file(sample, tmp_path, KINDS)
        with Project.open(path, KINDS) as project:
            assert project.document.sections and project.document.meta.title
            project.set_meta(title="Changed by me")
        again = sample_file(sample, tmp_path, KINDS)
        assert again == path
        with Project.open(again, KINDS) as project:
            assert project.document.meta.title == "Changed by me"
