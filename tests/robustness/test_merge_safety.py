"""Merges lose nothing: a failed record fails the merge, and a refused merge writes nothing.

* Full disk: SQLite's ``PRAGMA max_page_count`` caps the main file at the pages it has, so
  the merge's record (which carries a long unchanged note, so it needs new pages while the
  edit itself fits where it is) cannot be written. The whole merge must fail with a plain
  message, the document stay as it was, and a second merge still apply everything.
* Refusals: every merge ``reformkit merge`` refuses (and a dry run, and one already merged)
  leaves the main file and the package byte for byte as they were, with no ``-wal`` or
  ``-shm`` left beside them: both are read read-only, and opened for writing only to merge.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from charter import CHARTER
from plans import PLAN
from reformkit.cli import main as cli_main
from reformkit.document import merge as merge_module
from reformkit.document import project_file
from reformkit.document.errors import DiskFullError, ProjectError, ReadOnlyError
from reformkit.document.interchange import to_json
from reformkit.document.merge import MergeError, apply_merge, merge_records, plan_merge
from reformkit.document.merge_snapshot import merge_with_snapshot
from reformkit.document.packages import make_package
from reformkit.document.project import Project
from reformkit.document.versions import list_snapshots
from tests.robustness.conftest import KINDS

LONG_NOTE = "Agreed with the Council's finance team at the March board. " * 400  # ~24 KB


def budget_id(project: Project) -> str:
    return next(s.id for s in project.document.sections if s.key == "budget")


def line_id(project: Project, service: str) -> str:
    return next(i.id for _, i in project.document.items() if i.fields.get("service") == service)


@pytest.fixture
def returned(tmp_path: Path) -> tuple[Path, Path]:
    """A plan, and its budget sent to the Council and returned with two small edits."""
    main = tmp_path / "plan.reformkit"
    with Project.create(main, PLAN, "Severn Vale plan") as project:
        for service, amount, note in (
            ("Adult care", "1000", LONG_NOTE),
            ("Probation", "250", ""),
            ("Housing", "75", ""),
        ):
            project.add_item(
                budget_id(project),
                "budget_line",
                {"service": service, "partner": "Council", "amount": amount, "note": note},
            )
        package = make_package(project, ["budget"], tmp_path / "budget.reformkit", "Council")
    with Project.open(package, KINDS) as theirs:
        theirs.update_item(line_id(theirs, "Probation"), {"amount": "300"})
        theirs.update_item(line_id(theirs, "Housing"), {"amount": "80"})
    return main, package


def amounts(project: Project) -> dict[str, str]:
    return {i.fields["service"]: i.fields["amount"] for _, i in project.document.items()}


def cap_at_current_size(project: Project) -> None:
    """A full disk for this file: it may not grow by a single page."""
    connection = project._db.conn  # type: ignore[union-attr]
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    connection.execute(f"PRAGMA max_page_count = {pages}")


def record_writes(monkeypatch: pytest.MonkeyPatch) -> list[BaseException | None]:
    """Spy on the record's write: what each call raised (None if it succeeded)."""
    outcomes: list[BaseException | None] = []
    real = merge_module.write_record

    def spy(db: Any, record: Any) -> None:
        try:
            real(db, record)
        except BaseException as error:
            outcomes.append(error)
            raise
        outcomes.append(None)

    monkeypatch.setattr(merge_module, "write_record", spy)
    return outcomes


# A full disk.
def test_a_record_that_cannot_be_written_fails_the_whole_merge(
    returned: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    main, package = returned
    outcomes = record_writes(monkeypatch)
    heard: list[str] = []
    with Project.open(main, KINDS) as project:
        before = to_json(project.document)
        plan = plan_merge(project, package, KINDS)
        assert len(plan.changes) == 2
        project.subscribe(lambda change, _id: heard.append(change))
        cap_at_current_size(project)
        with pytest.raises(DiskFullError) as caught:
            apply_merge(project, plan)
        assert to_json(project.document) == before  # memory put back as the file is
    assert len(outcomes) == 1 and isinstance(outcomes[0], sqlite3.OperationalError)
    message = str(caught.value)
    assert message.startswith("The disk is full, so nothing was merged.") and "\n" not in message
    assert heard == []
    with Project.open(main, KINDS) as project:
        assert to_json(project.document)["sections"] == before["sections"]
        assert merge_records(project) == {}
        # Room again: the second merge applies everything, and a third is a no-op.
        again = plan_merge(project, package, KINDS)
        assert not again.already_merged and again.changes == plan.changes
        result = apply_merge(project, again)
        assert len(result.applied) == 2 and outcomes[-1] is None
        assert amounts(project) == {
            "Adult care": "1000.00",
            "Probation": "300.00",
            "Housing": "80.00",
        }
        assert plan_merge(project, package, KINDS).already_merged


def test_a_snapshot_and_merge_on_a_full_disk_leave_neither(
    returned: tuple[Path, Path],
) -> None:
    main, package = returned
    with Project.open(main, KINDS) as project:
        before = to_json(project.document)
        plan = plan_merge(project, package, KINDS)
        cap_at_current_size(project)
        with pytest.raises(DiskFullError, match="nothing was merged"):
            merge_with_snapshot(project, plan)
    with Project.open(main, KINDS) as project:
        assert to_json(project.document)["sections"] == before["sections"]
        assert list_snapshots(project) == [] and merge_records(project) == {}
        result, snapshot = merge_with_snapshot(project, plan_merge(project, package, KINDS))
        assert len(result.applied) == 2 and snapshot is not None
        assert [s.name for s in list_snapshots(project)] == [snapshot.name]


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli_main(list(args), load_kinds=lambda: KINDS)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_merge_on_a_full_disk_then_again(
    returned: tuple[Path, Path],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    main, package = returned
    real_open = project_file.open_for_writing

    def full(path: Path) -> Any:
        db = real_open(path)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages + 1}")  # room for the "open by" mark only
        return db

    with Project.open(main, KINDS, read_only=True) as project:
        before = to_json(project.document)
    monkeypatch.setattr(project_file, "open_for_writing", full)
    code, out, err = cli(capsys, "merge", str(main), str(package))
    assert code == 2 and "Merged" not in out
    assert err.startswith("reformkit: The disk is full, so nothing was merged.")
    assert "Traceback" not in err and "unexpected" not in err
    monkeypatch.undo()
    with Project.open(main, KINDS, read_only=True) as project:
        assert to_json(project.document)["sections"] == before["sections"]
        assert list_snapshots(project) == [] and merge_records(project) == {}
    code, out, _ = cli(capsys, "merge", str(main), str(package))
    assert code == 0 and "Merged 2 changes" in out and "snapshot 'Before merging" in out
    code, out, _ = cli(capsys, "merge", str(main), str(package))
    assert code == 0 and "Already merged" in out


# Refusals leave both files byte for byte as they were.
Files = tuple[Path, Path]


def _package_of(project: Project, part: str, package: Path) -> None:
    """Put a package of ``project``'s ``part`` where the returned package was."""
    made = make_package(project, [part], package.with_name("made.reformkit"))
    package.write_bytes(made.read_bytes())
    made.unlink()


def _other_documents_package(main: Path, package: Path) -> str:
    with Project.create(main.with_name("other.reformkit"), PLAN, "Another plan") as project:
        _package_of(project, "budget", package)
    return "was made from 'Another plan'"


def _another_kinds_package(main: Path, package: Path) -> str:
    with Project.create(main.with_name("charter.reformkit"), CHARTER, "Charter") as project:
        _package_of(project, project.document.sections[0].key, package)
    return "cannot be merged into"


def _set_description(package: Path, change: Callable[[dict[str, Any]], object]) -> None:
    with sqlite3.connect(package) as connection:
        (text,) = connection.execute(
            "select value from meta where key = 'state:package'"
        ).fetchone()
        data = json.loads(text)
        change(data)
        connection.execute(
            "update meta set value = ? where key = 'state:package'", [json.dumps(data)]
        )
    connection.close()


def _damaged_description(main: Path, package: Path) -> str:
    _set_description(package, lambda data: data.update(base=3))
    return "description is damaged"


def _newer_package_format(main: Path, package: Path) -> str:
    _set_description(package, lambda data: data.update(format_version=99))
    return "made by a newer ReformKit"


def _newer_schema(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute(
            "insert into _sqlite_migrations (migration_set, name, applied_at) "
            "values ('reformkit.project', 'm999_from_the_future', '2030-01-01')"
        )
    connection.close()


def _package_from_a_newer_reformkit(main: Path, package: Path) -> str:
    _newer_schema(package)
    return "newer version of ReformKit"


def _main_from_a_newer_reformkit(main: Path, package: Path) -> str:
    _newer_schema(main)
    return "newer version of ReformKit"


def _stray_parts(main: Path, package: Path) -> str:
    with Project.open(main, KINDS, read_only=True) as project:
        missions = next(s for s in project.document.sections if s.key == "missions")
    with sqlite3.connect(package) as connection:  # a part of the document that was not sent
        connection.execute(
            "insert into sections (id, key, position, title) values (?, 'missions', 5, ?)",
            [missions.id, missions.title],
        )
    connection.close()
    return "holds parts that were not sent in it"


def _not_a_package(main: Path, package: Path) -> str:
    package.write_bytes(main.read_bytes())
    return "not a package"


def _not_a_database(main: Path, package: Path) -> str:
    package.write_bytes(b"PK\x03\x04 a Word document, say")
    return "not a ReformKit document"


def _truncated_package(main: Path, package: Path) -> str:
    data = package.read_bytes()
    package.write_bytes(data[: len(data) // 3])
    return "cannot be read"


def _missing_package(main: Path, package: Path) -> str:
    package.unlink()
    return "There is no file"


def _a_bad_item_in_the_package(main: Path, package: Path) -> str:
    with sqlite3.connect(package) as connection:
        connection.execute("update items set type = 'spaceship' where rowid = 1")
    connection.close()
    return "spaceship"


HELD: list[Project] = []  # documents a test keeps open "in another window"


def _open_elsewhere(main: Path, package: Path) -> str:
    HELD.append(Project.open(main, KINDS))  # the writer role is taken: the merge must wait
    return "already open"


# Each refusal, and whether a dry run refuses it too (only writing needs the file to itself).
REFUSALS: dict[str, tuple[Callable[[Path, Path], str], bool]] = {
    "package for another document": (_other_documents_package, True),
    "package of another kind": (_another_kinds_package, True),
    "damaged package description": (_damaged_description, True),
    "newer package format": (_newer_package_format, True),
    "package from a newer ReformKit": (_package_from_a_newer_reformkit, True),
    "document from a newer ReformKit": (_main_from_a_newer_reformkit, True),
    "parts not sent in the package": (_stray_parts, True),
    "a document, not a package": (_not_a_package, True),
    "not a database": (_not_a_database, True),
    "truncated package": (_truncated_package, True),
    "missing package": (_missing_package, True),
    "an item the kind does not allow": (_a_bad_item_in_the_package, True),
    "document open elsewhere": (_open_elsewhere, False),
}


def snapshot_of_files(*paths: Path) -> dict[str, bytes | None]:
    """Every file in the folders of ``paths``, by name, with its bytes.

    While a document is held open, its ``-shm`` is shared memory that any reader updates
    (its read marks), so it is listed without its bytes.
    """
    folders = {p.parent for p in paths}
    return {
        str(f): None if HELD and f.name.endswith("-shm") else f.read_bytes()
        for folder in folders
        for f in sorted(folder.iterdir())
    }


@pytest.mark.parametrize(("make", "dry_run_too"), REFUSALS.values(), ids=list(REFUSALS))
def test_a_refused_merge_leaves_both_files_byte_identical(
    make: Callable[[Path, Path], str],
    dry_run_too: bool,
    returned: Files,
    capsys: pytest.CaptureFixture[str],
) -> None:
    main, package = returned
    try:
        words = make(main, package)
        before = snapshot_of_files(main, package)
        for args in ((), ("--dry-run",)) if dry_run_too else ((),):
            code, out, err = cli(capsys, "merge", str(main), str(package), *args)
            assert code == 2, (out, err)
            assert words in err and err.count("\n") == 1 and "unexpected" not in err, err
            assert "Merged" not in out
            assert snapshot_of_files(main, package) == before  # no byte, no -wal, -shm, lock
    finally:
        while HELD:
            HELD.pop().close()
    if dry_run_too:  # nothing was open: nothing may be left beside either file
        for path in (main, package):
            for suffix in ("-wal", "-shm", "-journal"):
                assert not path.with_name(path.name + suffix).exists()


def test_a_dry_run_and_an_already_merged_package_change_no_byte(
    returned: Files, capsys: pytest.CaptureFixture[str]
) -> None:
    main, package = returned
    before = snapshot_of_files(main, package)
    code, out, _ = cli(capsys, "merge", str(main), str(package), "--dry-run")
    assert code == 0 and "Dry run: nothing was changed." in out
    assert snapshot_of_files(main, package) == before
    code, out, _ = cli(capsys, "merge", str(main), str(package))
    assert code == 0 and "Merged 2 changes" in out
    merged = snapshot_of_files(main, package)
    assert merged[str(package)] == before[str(package)]  # the package is only ever read
    assert not main.with_name(main.name + "-wal").exists()
    code, out, _ = cli(capsys, "merge", str(main), str(package))
    assert code == 0 and "Already merged" in out
    assert snapshot_of_files(main, package) == merged


def test_a_refused_apply_writes_nothing_to_an_open_document(returned: Files) -> None:
    """In the app the document is open: a merge refused there (conflicts still to settle,
    a stale plan) must not write a page, to the file or to its log."""
    main, package = returned
    with Project.open(main, KINDS) as project:
        project.update_item(line_id(project, "Housing"), {"amount": "90"})  # a conflict
        plan = plan_merge(project, package, KINDS)
        assert len(plan.conflicts) == 1
        log = main.with_name(main.name + "-wal")
        files_before = (main.read_bytes(), log.read_bytes())
        with pytest.raises(MergeError, match="1 conflict still needs a choice"):
            apply_merge(project, plan)
        with pytest.raises(MergeError, match="no conflict"):
            apply_merge(project, plan, {"nonsense": "ours"})
        with pytest.raises(MergeError, match="changed after the merge was planned"):
            project.document.meta.title = "Renamed in memory only"
            apply_merge(project, plan)
        assert (main.read_bytes(), log.read_bytes()) == files_before


# UI state: best effort, and said so; anything that matters raises.
def test_ui_state_on_a_full_disk_is_logged_not_raised(
    returned: Files, caplog: pytest.LogCaptureFixture
) -> None:
    main, _ = returned
    with Project.open(main, KINDS) as project:
        cap_at_current_size(project)
        with caplog.at_level(logging.WARNING, logger="reformkit.document.project"):
            project.set_state("selected-part", "x" * 20_000)
        assert "Could not remember 'selected-part'" in caplog.text
        with pytest.raises(DiskFullError):
            project.write_state("package", "y" * 20_000)
        with pytest.raises(ProjectError), project.batch("merged"):  # inside a batch: it fails
            project.set_state("selected-part", "z" * 20_000)
    with Project.open(main, KINDS, read_only=True) as reader:
        reader.set_state("selected-part", "kept nowhere")  # read-only: skipped, by design
        with pytest.raises(ReadOnlyError):
            reader.write_state("package", "{}")
        assert reader.state("selected-part") == ""


def test_no_stray_files_after_all_this(returned: Files, capsys: pytest.CaptureFixture[str]) -> None:
    main, package = returned
    cli(capsys, "merge", str(main), str(package))
    leftovers = {p.name for p in main.parent.iterdir()} - {f".{main.name}.lock"}
    assert leftovers == {main.name, package.name}, leftovers
