"""Faults while writing: a read-only folder, a full disk, a target open elsewhere.

Each export (docx, md, html) and each Save As must fail with a plain message, leave the file
it would have replaced byte for byte as it was, and leave no temporary file behind.

How the faults are made:
* read-only folder: a tmpfs remounted read-only (real EROFS; skipped where mount is not
  allowed), and always also by making the temporary file's creation raise EROFS;
* full disk: a 64 KiB tmpfs filled almost to the brim (real ENOSPC; skipped where mount is
  not allowed), and always also by making the final ``os.fsync`` raise ENOSPC (exports) or
  the copy's ``max_page_count`` too small (Save As); for edits, ``PRAGMA max_page_count`` on
  the project's own connection, and a project living on a tiny tmpfs;
* target open elsewhere (Windows locks an open file): ``os.replace`` raises PermissionError.
"""

from __future__ import annotations

import errno
import gc
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.launcher import main
from reformkit import safe_files
from reformkit.catalogue.store import Catalogue
from reformkit.document import project as project_module
from reformkit.document.errors import ProjectError
from reformkit.document.interchange import dumps
from reformkit.document.project import Project
from reformkit.errors import ReformKitError
from reformkit.export.run import export_document
from reformkit.export.safe_write import ExportError
from tests.robustness.conftest import KINDS, Mounter

FORMATS = ("docx", "md", "html")
TARGETS = (*FORMATS, "save-as")
OLD = b"an earlier export that must survive\n"


@pytest.fixture(scope="module")
def store() -> Iterator[Catalogue]:
    catalogue = Catalogue.open(None)
    yield catalogue
    catalogue.close()


def write(kind: str, source: Path, folder: Path, store: Catalogue) -> Path:
    """Export ``source`` into ``folder`` (or Save As there); return the target."""
    name = "copy.reformkit" if kind == "save-as" else f"charter.{kind}"
    target = folder / name
    with Project.open(source, KINDS, read_only=kind != "save-as") as project:
        if kind == "save-as":
            project.save_as(target, force=True)
        else:
            export_document(
                project.document,
                project.spec,
                store.entries("recommendation"),
                store.seed.credit,
                kind,
                target,
            )
    return target


def expect_clean_failure(
    kind: str, source: Path, folder: Path, store: Catalogue, words: tuple[str, ...]
) -> ReformKitError:
    """The write fails with a plain message; the old target and the source are intact."""
    name = "copy.reformkit" if kind == "save-as" else f"charter.{kind}"
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    with Project.open(source, KINDS, read_only=True) as project:
        content = dumps(project.document)
    error_type = ProjectError if kind == "save-as" else ExportError
    with pytest.raises(error_type) as caught:
        write(kind, source, folder, store)
    message = str(caught.value)
    assert "Traceback" not in message and "\n" not in message
    assert any(word in message for word in words), message
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before  # nothing left over
    assert (folder / name).read_bytes() == OLD
    with Project.open(source, KINDS, read_only=True) as project:
        assert dumps(project.document) == content
    return caught.value


def old_targets() -> dict[str, bytes]:
    return {name: OLD for name in ("charter.docx", "charter.md", "charter.html", "copy.reformkit")}


def fill(folder: Path, leave: int) -> None:
    """Fill ``folder``'s filesystem until fewer than ``leave`` bytes are free."""
    with (folder / "filler").open("wb") as filler:
        while True:
            free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
            if free <= leave:
                break
            try:
                filler.write(b"\0" * min(4096, free - leave))
                filler.flush()
            except OSError:
                break


# Read-only folder.
@pytest.mark.parametrize("kind", TARGETS)
def test_read_only_folder_real_mount(
    kind: str, sample_file: Path, store: Catalogue, tmpfs: Mounter
) -> None:
    folder = tmpfs(files=old_targets(), read_only=True)
    expect_clean_failure(kind, sample_file, folder, store, ("Read-only file system",))


@pytest.mark.parametrize("kind", TARGETS)
def test_read_only_folder_simulated(
    kind: str,
    sample_file: Path,
    store: Catalogue,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    for name, data in old_targets().items():
        (folder / name).write_bytes(data)

    def refuse(*_: Any, **__: Any) -> Any:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(safe_files, "_create_exclusive", refuse)
    error = expect_clean_failure(kind, sample_file, folder, store, ("Read-only file system",))
    if kind != "save-as":
        assert "choose another folder" in str(error)


# Full disk.
@pytest.mark.parametrize("kind", TARGETS)
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_full_disk_real_mount(
    kind: str, sample_file: Path, store: Catalogue, tmpfs: Mounter
) -> None:
    folder = tmpfs(size="64k", files=old_targets())
    fill(folder, leave=2048)
    error = expect_clean_failure(
        kind, sample_file, folder, store, ("No space left on device", "disk is full")
    )
    assert "disk is full" in str(error)
    # python-docx leaves its zip unclosed when a save fails; collect it here, where its
    # "Exception ignored in ZipFile.__del__" is expected (reported, not the user's problem).
    gc.collect()


@pytest.mark.parametrize("kind", TARGETS)
def test_full_disk_simulated(
    kind: str,
    sample_file: Path,
    store: Catalogue,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    for name, data in old_targets().items():
        (folder / name).write_bytes(data)

    def no_space(_: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    real_connect = sqlite3.connect

    def tiny_copy(*args: Any, **kwargs: Any) -> sqlite3.Connection:
        connection = real_connect(*args, **kwargs)
        connection.execute("PRAGMA max_page_count = 2")
        return connection

    monkeypatch.setattr(safe_files.os, "fsync", no_space)
    monkeypatch.setattr(project_module.sqlite3, "connect", tiny_copy)
    expect_clean_failure(
        kind, sample_file, folder, store, ("No space left on device", "disk is full")
    )


# The target is open in another program (Windows refuses to replace it).
@pytest.mark.parametrize("kind", TARGETS)
def test_target_open_elsewhere(
    kind: str,
    sample_file: Path,
    store: Catalogue,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    for name, data in old_targets().items():
        (folder / name).write_bytes(data)
    real_replace = os.replace

    def locked(source: Any, target: Any) -> None:
        if Path(target).parent == folder:
            raise PermissionError(
                errno.EACCES, "The process cannot access the file because it is being used"
            )
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", locked)
    name = "copy.reformkit" if kind == "save-as" else f"charter.{kind}"
    with (folder / name).open("rb"):  # held open, as Word holds a document
        error = expect_clean_failure(kind, sample_file, folder, store, ("being used",))
    if kind != "save-as":
        assert "close it" in str(error)


# The same faults through the command line: a sentence on stderr, exit code 2.
@pytest.mark.parametrize("fmt", FORMATS)
def test_cli_export_faults_give_a_sentence_and_status_2(
    fmt: str,
    sample_file: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / f"charter.{fmt}"
    target.write_bytes(OLD)
    faults = {
        "read-only": (safe_files, "_create_exclusive", OSError(errno.EROFS, "Read-only")),
        "full": (safe_files.os, "fsync", OSError(errno.ENOSPC, "No space left on device")),
        "open": (safe_files.os, "replace", PermissionError(errno.EACCES, "in use")),
    }
    for owner, name, error in faults.values():
        with monkeypatch.context() as patch:

            def fail(*_: Any, error: OSError = error, **__: Any) -> Any:
                raise error

            patch.setattr(owner, name, fail)
            code = main(["export", str(sample_file), "-o", str(target)])
        _, err = capsys.readouterr()
        assert code == 2, err
        assert err.startswith("reformkit: ReformKit could not save") and "Traceback" not in err
        assert target.read_bytes() == OLD
        assert sorted(p.name for p in folder.iterdir()) == [target.name]


# A full disk while editing: the edit is refused with a plain message, nothing half-written.
def _charter_on(folder: Path) -> Project:
    """A charter with a long paragraph, so that a snapshot of it needs room too."""
    from charter import CHARTER

    project = Project.create(folder / "team.reformkit", CHARTER, "Team charter")
    section = project.document.sections[1]
    project.add_item(section.id, "paragraph", {"text": "Kept before the disk filled. " * 1500})
    return project


def _assert_failed_edits_leave_file_as_memory(project: Project) -> None:
    """Every kind of edit on a full disk raises DiskFullError and changes nothing."""
    from reformkit.document.errors import DiskFullError
    from reformkit.document.versions import take_snapshot

    section = project.document.sections[1]
    big = "A paragraph that will not fit. " * 2000
    edits = [
        lambda: project.add_item(section.id, "paragraph", {"text": big}),
        lambda: project.set_meta(title=big),
        lambda: project.update_section(section.id, intro=big),
        lambda: project.add_section("principles", big),
        lambda: take_snapshot(project, big[:200]),
    ]
    for edit in edits:
        before = dumps(project.document)
        with pytest.raises(DiskFullError) as caught:
            edit()
        message = str(caught.value)
        assert message.startswith("The disk is full") and "team.reformkit" in message
        assert dumps(project.document) == before  # memory was put back as the file is


def test_edit_on_a_full_database_max_page_count(tmp_path: Path) -> None:
    project = _charter_on(tmp_path)
    kept = project.document.sections[1].items[0]
    connection = project._db.conn  # type: ignore[union-attr]
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")
    _assert_failed_edits_leave_file_as_memory(project)
    expected = dumps(project.document)
    project.close()  # closing on a full disk is not an error either
    check = sqlite3.connect(tmp_path / "team.reformkit")
    assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    check.close()
    with Project.open(tmp_path / "team.reformkit", KINDS) as again:
        assert dumps(again.document) == expected
        assert again.document.find_item(kept.id)[1].fields["text"].startswith("Kept")


def test_edit_on_a_real_full_disk(tmpfs: Mounter) -> None:
    folder = tmpfs(size="1m")
    project = _charter_on(folder)
    section = project.document.sections[1]
    fill(folder, leave=0)
    _assert_failed_edits_leave_file_as_memory(project)
    expected = dumps(project.document)
    project.close()
    (folder / "filler").unlink()  # room again: the file opens, exactly as it was
    check = sqlite3.connect(folder / "team.reformkit")
    assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    check.close()
    # close() could not clear the "open by" mark on a full disk, and this process is alive,
    # so the file still reads as open here: open it the way "Open anyway" does.
    with Project.open(folder / "team.reformkit", KINDS, ignore_lock=True) as again:
        assert dumps(again.document) == expected
        assert again.document.sections[1].id == section.id


def test_cli_snapshot_on_a_full_disk(tmpfs: Mounter, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmpfs(size="1m")
    _charter_on(folder).close()
    fill(folder, leave=0)
    before = (folder / "team.reformkit").read_bytes()
    code = main(["snapshot", str(folder / "team.reformkit"), "Before the Board " * 500])
    _, err = capsys.readouterr()
    assert code == 2 and "disk is full" in err and "Traceback" not in err, err
    assert (folder / "team.reformkit").read_bytes() == before
