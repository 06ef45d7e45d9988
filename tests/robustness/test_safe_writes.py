"""The one write path: what exports, imports, packages and Save As refuse to write over.

Every hostile target is built here: the open document, another ReformKit document, a FIFO,
a device node, symbolic links, a read-only folder, a document with a stale ``-wal``, one held
open by another process. Each refusal is a sentence with exit code 2, and the target (and the
source) stay byte for byte as they were.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.launcher import document_kinds
from reformkit import safe_files
from reformkit.cli import main
from reformkit.document.errors import ProjectError
from reformkit.document.project import Project
from tests.robustness.conftest import KINDS

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file types and modes")
ROOT = Path(__file__).resolve().parents[2]


def cli(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str]:
    """Run the command line in this process, with a guard against a hang (a FIFO)."""
    signal.alarm(60)
    try:
        code = main([str(arg) for arg in args], load_kinds=document_kinds)
    finally:
        signal.alarm(0)
    _, err = capsys.readouterr()
    return code, err


def refused(code: int, err: str) -> bool:
    return code == 2 and err.startswith("reformkit: ") and "Traceback" not in err


def listing(folder: Path) -> dict[str, bytes]:
    """Every regular file in ``folder`` with its bytes, but for SQLite's shared memory
    (``-shm``: any reader writes in it; it holds no content)."""
    return {
        p.name: p.read_bytes()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.endswith("-shm")
    }


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


# Exports.
def test_export_over_the_open_document_is_refused(
    sample_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = sample_file.read_bytes()
    code, err = cli(capsys, "export", sample_file, "-o", sample_file, "--format", "md")
    assert refused(code, err) and "working from" in err
    assert sample_file.read_bytes() == before
    link = sample_file.with_name("link.md")
    link.symlink_to(sample_file)
    code, err = cli(capsys, "export", sample_file, "-o", link, "--format", "md")
    assert refused(code, err) and sample_file.read_bytes() == before and link.is_symlink()


def test_export_over_another_document_is_refused(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.reformkit"
    shutil.copy(sample_file, other)
    disguised = tmp_path / "report.md"  # a ReformKit document under another name
    shutil.copy(sample_file, disguised)
    for target in (other, disguised):
        before = target.read_bytes()
        code, err = cli(capsys, "export", sample_file, "-o", target, "--format", "md")
        assert refused(code, err) and "is a ReformKit document" in err
        assert target.read_bytes() == before


def test_export_onto_a_fifo_is_refused_without_hanging(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = tmp_path / "pipe.md"
    os.mkfifo(fifo)
    code, err = cli(capsys, "export", sample_file, "-o", fifo)
    assert refused(code, err) and "pipe" in err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def device_nodes(tmp_path: Path) -> list[Path]:
    """A device node to write at: one made here (as root), else /dev/null."""
    if os.geteuid() == 0:
        made = tmp_path / "fake-full.md"
        os.mknod(made, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # the same device as /dev/full
        return [made]
    return [Path("/dev/null")]


def test_export_onto_a_device_is_refused_and_the_device_stays(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for device in device_nodes(tmp_path):
        before = os.stat(device)
        code, err = cli(capsys, "export", sample_file, "-o", device, "--format", "md")
        assert refused(code, err) and "device" in err
        after = os.stat(device)
        assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev
        assert after.st_ino == before.st_ino


def test_export_onto_a_folder_is_refused(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out.md"
    folder.mkdir()
    code, err = cli(capsys, "export", sample_file, "-o", folder)
    assert refused(code, err) and "folder" in err and folder.is_dir()


def test_export_through_a_symlink_replaces_what_it_points_at(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    real = tmp_path / "real.md"
    real.write_text("old\n")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    code, err = cli(capsys, "export", sample_file, "-o", link)
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert "Respect Charter" in real.read_text("utf-8")
    # A link to a FIFO, or to nothing, is refused.
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    to_fifo = tmp_path / "to-fifo.md"
    to_fifo.symlink_to(fifo)
    dangling = tmp_path / "dangling.md"
    dangling.symlink_to(tmp_path / "missing.md")
    for bad in (to_fifo, dangling):
        code, err = cli(capsys, "export", sample_file, "-o", bad)
        assert refused(code, err) and bad.is_symlink()
    assert not (tmp_path / "missing.md").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_export_into_a_read_only_folder(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    (folder / "old.md").write_text("old\n")
    folder.chmod(0o555)
    try:
        code, err = cli(capsys, "export", sample_file, "-o", folder / "old.md")
    finally:
        folder.chmod(0o755)
    assert refused(code, err) and "permission" in err
    assert listing(folder) == {"old.md": b"old\n"}


def test_read_only_folder_message_whoever_runs_it(
    sample_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def denied(_: Path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(safe_files, "_create_exclusive", denied)
    target = tmp_path / "out.md"
    target.write_text("old\n")
    for command in (
        ("export", sample_file, "-o", target),
        ("package", sample_file, "--part", "rights", "-o", tmp_path / "p.reformkit"),
    ):
        code, err = cli(capsys, *command)
        assert refused(code, err) and "permission" in err and "\n" not in err.strip()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md", "source"]
    assert target.read_text() == "old\n"


# Modes.
def test_modes_new_files_follow_the_umask_and_replaced_ones_keep_theirs(
    sample_file: Path, tmp_path: Path, umask_022: None, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "new.md"
    assert cli(capsys, "export", sample_file, "-o", new)[0] == 0
    assert stat.S_IMODE(os.stat(new).st_mode) == 0o644
    kept = tmp_path / "kept.docx"
    kept.write_bytes(b"old")
    kept.chmod(0o640)
    assert cli(capsys, "export", sample_file, "-o", kept)[0] == 0
    assert stat.S_IMODE(os.stat(kept).st_mode) == 0o640 and kept.read_bytes() != b"old"
    json_file = tmp_path / "doc.json"
    with Project.open(sample_file, KINDS, read_only=True) as project:
        from reformkit.document.interchange import dumps

        json_file.write_text(dumps(project.document), "utf-8")
    imported = tmp_path / "imported.reformkit"
    assert cli(capsys, "import", json_file, "-o", imported)[0] == 0
    assert stat.S_IMODE(os.stat(imported).st_mode) == 0o644


# Packages.
def test_package_over_an_existing_file_needs_force(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.reformkit"
    notes.write_bytes(b"my notes, not a document")
    plan = tmp_path / "plan.reformkit"
    shutil.copy(sample_file, plan)
    source = sample_file.read_bytes()
    for target in (notes, plan):
        before = target.read_bytes()
        code, err = cli(capsys, "package", sample_file, "--part", "rights", "-o", target)
        assert refused(code, err) and "--force" in err and target.read_bytes() == before
        code, err = cli(capsys, "package", sample_file, "--part", "rights", "-o", target, "--force")
        assert code == 0, err
        with Project.open(target, KINDS, read_only=True) as package:
            assert [s.key for s in package.document.sections] == ["rights"]
    assert sample_file.read_bytes() == source
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_save_as_over_a_document_needs_force(sample_file: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.reformkit"
    shutil.copy(sample_file, other)
    before = other.read_bytes()
    with Project.open(sample_file, KINDS) as project:
        with pytest.raises(ProjectError, match="already exists"):
            project.save_as(other)
        assert other.read_bytes() == before
        project.save_as(other, force=True)
        expected = project.document
    with Project.open(other, KINDS, read_only=True) as copy:
        assert copy.document == expected


# Replacing a document that has a -wal beside it.
def stale_wal(document: Path) -> None:
    """Leave ``document`` as a crash would: a committed edit still in its ``-wal``."""
    import sqlite3

    connection = sqlite3.connect(document, isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("update meta set value = 'Edited before the crash' where key = 'title'")
    shutil.copy(f"{document}-wal", f"{document}.saved-wal")
    connection.close()  # checkpoints and removes the log
    os.replace(f"{document}.saved-wal", f"{document}-wal")


def json_of(document: Path, title: str, folder: Path) -> Path:
    from reformkit.document.interchange import dumps

    with Project.open(document, KINDS, read_only=True) as project:
        project.document.meta.title = title
        text = dumps(project.document)
    target = folder / f"{title}.json"
    target.write_text(text, "utf-8")
    return target


def test_import_force_over_a_document_with_a_stale_wal(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "p.reformkit"
    make_plan = json_of(sample_file, "Replacement", tmp_path)
    shutil.copy(sample_file, target)
    stale_wal(target)
    assert Path(f"{target}-wal").exists()
    code, err = cli(capsys, "import", make_plan, "-o", target, "--force")
    assert code == 0, err
    import sqlite3

    check = sqlite3.connect(target)
    assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    check.close()
    with Project.open(target, KINDS, read_only=True) as project:
        assert project.document.meta.title == "Replacement"
    assert not Path(f"{target}-wal").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


HOLD = """
import sqlite3, sys
from pathlib import Path
sys.path[:0] = [{root!r}]
mode = sys.argv[2]
if mode == "reformkit":
    from desktop.launcher import document_kinds
    from reformkit.document.project import Project
    project = Project.open(Path(sys.argv[1]), document_kinds())
    project.set_meta(title="Still being edited")
else:
    connection = sqlite3.connect(sys.argv[1], isolation_level=None)
    connection.execute("PRAGMA journal_mode = WAL")
    connection.execute("update meta set value = 'Another program' where key = 'title'")
print("ready", flush=True)
sys.stdin.readline()
"""


@pytest.mark.parametrize("holder", ["reformkit", "sqlite"])
def test_import_force_refused_while_another_process_has_it_open(
    holder: str, sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "p.reformkit"
    shutil.copy(sample_file, target)
    replacement = json_of(sample_file, "Replacement", tmp_path)
    child = subprocess.Popen(
        [sys.executable, "-c", HOLD.format(root=str(ROOT)), str(target), holder],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        before = listing(tmp_path)
        code, err = cli(capsys, "import", replacement, "-o", target, "--force")
        assert refused(code, err) and "open" in err, err
        assert listing(tmp_path) == before
        code, err = cli(capsys, "package", sample_file, "--part", "rights", "-o", target, "--force")
        assert refused(code, err) and listing(tmp_path) == before
    finally:
        assert child.stdin is not None
        child.stdin.write("\n")
        child.stdin.flush()
        child.wait(timeout=30)
    with Project.open(target, KINDS, read_only=True) as project:
        assert project.document.meta.title in ("Still being edited", "Another program")


# Temporary files left by a kill.
def dead_pid() -> int:
    finished = subprocess.Popen(["true"])
    finished.wait()
    return finished.pid


def test_stale_temporary_files_are_removed_by_the_next_write(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    old = time.time() - 600
    stale = [
        folder / f".reformkit-tmp-{dead_pid()}-0a1b2c.md",
        folder / f".reformkit-tmp-{dead_pid()}-0a1b2d.reformkit-wal",
        folder / ".importing-k2j3h4",  # a folder a killed import of an older ReformKit left
    ]
    fresh = folder / f".reformkit-tmp-{dead_pid()}-0a1b2e.md"  # may be another computer's
    alive = folder / f".reformkit-tmp-{os.getpid()}-0a1b2f.md"  # still being written
    stale[2].mkdir()
    (stale[2] / "half.reformkit").write_bytes(b"x")
    for path in (*stale[:2], fresh, alive):
        path.write_bytes(b"half")
    for path in (*stale, alive, stale[2] / "half.reformkit"):
        os.utime(path, (old, old))
    assert cli(capsys, "export", sample_file, "-o", folder / "charter.md")[0] == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        ["charter.md", fresh.name, alive.name]
    )


KILLED_WRITER = """
import sys, time
from pathlib import Path
sys.path[:0] = [{root!r}]
from reformkit import safe_files
with safe_files.replacing(Path(sys.argv[1])) as temporary:
    temporary.write_bytes(b"half of it")
    print("writing", flush=True)
    time.sleep(60)
"""


def test_a_killed_write_leaves_the_target_and_its_temp_is_cleaned_next_time(
    sample_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.md"
    target.write_bytes(b"the old export")
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER.format(root=str(ROOT)), str(target)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "writing"
    child.kill()
    child.wait()
    assert target.read_bytes() == b"the old export"
    (left,) = [p for p in tmp_path.iterdir() if p.name.startswith(safe_files.TEMP_PREFIX)]
    old = time.time() - safe_files.STALE_AFTER - 60  # a few minutes later
    os.utime(left, (old, old))
    assert cli(capsys, "export", sample_file, "-o", target)[0] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.md", "source"]


def test_the_library_is_never_a_fifo_a_device_or_a_document(
    sample_file: Path, tmp_path: Path
) -> None:
    from reformkit.catalogue.store import Catalogue
    from reformkit.errors import LibraryError

    fifo = tmp_path / "library.sqlite"
    os.mkfifo(fifo)
    signal.alarm(60)
    try:
        for bad in (fifo, tmp_path, sample_file):
            before = sample_file.read_bytes()
            with pytest.raises(LibraryError):
                Catalogue.open(bad)
            assert sample_file.read_bytes() == before
    finally:
        signal.alarm(0)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
