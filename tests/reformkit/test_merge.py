"""Merging a partner's returned package: what it takes, what conflicts, and what it refuses."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop.launcher import document_kinds
from plans import PLAN
from reformkit.cli import main as cli_main
from reformkit.document.interchange import to_json
from reformkit.document.merge import (
    MergeError,
    apply_merge,
    merge_records,
    plan_merge,
)
from reformkit.document.model import Item, Section
from reformkit.document.packages import PackageError, make_package
from reformkit.document.project import Project
from tests.documents import KINDS


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    """A plan with a budget of three lines, and a package of its budget for the Council."""
    main = tmp_path / "plan.reformkit"
    with Project.create(main, PLAN, "Severn Vale plan") as project:
        budget = part(project, "budget")
        for service, amount in (("Adult care", "1000"), ("Probation", "250"), ("Housing", "75")):
            project.add_item(
                budget.id,
                "budget_line",
                {"service": service, "partner": "Council", "amount": amount},
                author="Jo",
            )
        package = make_package(project, ["budget"], tmp_path / "budget.reformkit", "Council")
    return main, package


def part(project: Project, key: str) -> Section:
    return next(s for s in project.document.sections if s.key == key)


def line(project: Project, service: str) -> Item:
    return next(i for _, i in project.document.items() if i.fields.get("service") == service)


def services(project: Project) -> list[str]:
    budget = next(s for s in project.document.sections if s.key == "budget")
    return [i.fields["service"] for i in budget.items]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_partner_edits_are_taken(files: tuple[Path, Path]) -> None:
    main, package = files
    with Project.open(package, KINDS) as theirs:
        budget = part(theirs, "budget")
        theirs.update_item(line(theirs, "Adult care").id, {"amount": "1200", "note": "agreed"})
        theirs.remove_item(line(theirs, "Probation").id)
        theirs.move_item(line(theirs, "Housing").id, budget.id, 0)
        theirs.add_item(
            budget.id,
            "budget_line",
            {"service": "Youth work", "partner": "Council", "amount": "40"},
            author="Sam",
        )
        theirs.update_section(budget.id, intro="Agreed with the Council.")
    with Project.open(main, KINDS) as ours:
        plan = plan_merge(ours, package, KINDS)
        assert not plan.conflicts and not plan.already_merged
        kinds = sorted((c.kind, c.label) for c in plan.changes)
        assert kinds == [
            ("added", "Budget line: Youth work"),
            ("changed", "Budget line: Adult care"),
            ("changed", "Part 'Total Place+ budget'"),
            ("moved", "Budget line: Housing"),
            ("removed", "Budget line: Probation"),
        ]
        [part_plan] = plan.parts
        assert part_plan.title == "Total Place+ budget" and len(part_plan.changes) == 5
        added = next(c for c in plan.changes if c.kind == "added")
        assert added.by == "Council (written by Sam)"
        changed = next(c for c in plan.changes if c.label == "Budget line: Adult care")
        assert {(f.label, f.old, f.new) for f in changed.fields} == {
            ("Amount (£)", "1000.00", "1200.00"),
            ("Note", "", "agreed"),
        }
        assert services(ours) == ["Adult care", "Probation", "Housing"]  # planning changes nothing
        result = apply_merge(ours, plan)
        assert result.applied == plan.changes and not result.kept_ours
        assert services(ours) == ["Housing", "Adult care", "Youth work"]
        assert line(ours, "Adult care").fields["amount"] == "1200.00"
        assert line(ours, "Youth work").author == "Sam"
        assert part(ours, "budget").intro == "Agreed with the Council."
        merged = to_json(ours.document)
    with Project.open(main, KINDS) as again:  # written to the file, not only in memory
        assert to_json(again.document)["sections"] == merged["sections"]
        assert list(merge_records(again)) == [plan.info.package_id]


def test_merging_the_same_package_twice_changes_nothing(files: tuple[Path, Path]) -> None:
    main, package = files
    with Project.open(package, KINDS) as theirs:
        theirs.update_item(line(theirs, "Housing").id, {"amount": "80"})
    with Project.open(main, KINDS) as ours:
        apply_merge(ours, plan_merge(ours, package, KINDS))
        before = to_json(ours.document)
        second = plan_merge(ours, package, KINDS)
        assert second.is_empty and second.already_merged
        result = apply_merge(ours, second)
        assert result.already_merged and not result.applied
        assert to_json(ours.document) == before


def test_an_unchanged_package_is_an_empty_plan(files: tuple[Path, Path]) -> None:
    main, package = files
    with Project.open(main, KINDS) as ours:
        ours.update_item(line(ours, "Housing").id, {"amount": "90"})
        plan = plan_merge(ours, package, KINDS)
        assert plan.is_empty
        apply_merge(ours, plan)
        assert line(ours, "Housing").fields["amount"] == "90.00"


def test_a_later_copy_of_the_same_package_merges_only_what_is_new(
    files: tuple[Path, Path],
) -> None:
    main, package = files
    with Project.open(package, KINDS) as theirs:
        theirs.update_item(line(theirs, "Housing").id, {"amount": "80"})
    with Project.open(main, KINDS) as ours:
        apply_merge(ours, plan_merge(ours, package, KINDS))
        ours.update_item(line(ours, "Housing").id, {"amount": "85"})  # settled here afterwards
    with Project.open(package, KINDS) as theirs:
        theirs.update_item(line(theirs, "Probation").id, {"note": "from April"})
    with Project.open(main, KINDS) as ours:
        plan = plan_merge(ours, package, KINDS)
        assert not plan.conflicts and not plan.already_merged
        assert [c.label for c in plan.changes] == ["Budget line: Probation"]
        assert "earlier copy" in plan.notes[0]
        apply_merge(ours, plan)
        assert line(ours, "Housing").fields["amount"] == "85.00"
        assert line(ours, "Probation").fields["note"] == "from April"


@pytest.fixture
def clash(files: tuple[Path, Path]) -> tuple[Path, Path]:
    """Both sides changed the Adult care amount; the Council also tidied its note."""
    main, package = files
    with Project.open(package, KINDS) as theirs:
        theirs.update_item(
            line(theirs, "Adult care").id,
            {"amount": "1200", "note": "Council pays the uplift in full"},
        )
    with Project.open(main, KINDS) as ours:
        ours.update_item(
            line(ours, "Adult care").id, {"amount": "1100", "note": "Council pays the uplift"}
        )
        ours.update_item(line(ours, "Housing").id, {"note": "ours only"})
    return main, package


def test_a_conflict_lists_both_versions_with_word_diffs(clash: tuple[Path, Path]) -> None:
    main, package = clash
    with Project.open(main, KINDS) as ours:
        plan = plan_merge(ours, package, KINDS)
    assert not plan.changes
    [conflict] = plan.conflicts
    assert conflict.kind == "changed" and conflict.what == "item"
    assert conflict.id == line(ours, "Adult care").id
    assert conflict.description == (
        "Total Place+ budget › Budget line: Adult care: changed here and in the package"
    )
    assert conflict.base == {"amount": "1000.00", "note": ""}
    assert conflict.ours == {"amount": "1100.00", "note": "Council pays the uplift"}
    assert conflict.theirs == {"amount": "1200.00", "note": "Council pays the uplift in full"}
    note = next(v for v in conflict.values if v.key == "note")
    assert note.is_text and note.label == "Note"
    assert note.theirs_diff() == [("+", "Council pays the uplift in full")]
    assert ("+", "Council pays the uplift") in note.ours_diff()


def test_apply_refuses_an_unresolved_conflict_and_changes_nothing(
    clash: tuple[Path, Path],
) -> None:
    main, package = clash
    with Project.open(main, KINDS) as ours:
        plan = plan_merge(ours, package, KINDS)
        before = to_json(ours.document)
        with pytest.raises(MergeError, match="1 conflict still needs a choice"):
            apply_merge(ours, plan)
        with pytest.raises(MergeError, match="no conflict"):
            apply_merge(ours, plan, {"nonsense": "ours"})
        assert to_json(ours.document) == before and not merge_records(ours)


@pytest.mark.parametrize(
    ("choice", "amount", "note"),
    [
        ("ours", "1100.00", "Council pays the uplift"),
        ("theirs", "1200.00", "Council pays the uplift in full"),
        ({"amount": "1150", "note": "Split the difference"}, "1150.00", "Split the difference"),
        ({"note": "Only the note"}, "1100.00", "Only the note"),
    ],
)
def test_a_conflict_resolved_each_way(
    clash: tuple[Path, Path], choice: object, amount: str, note: str
) -> None:
    main, package = clash
    with Project.open(main, KINDS) as ours:
        plan = plan_merge(ours, package, KINDS)
        conflict_id = plan.conflicts[0].id
        result = apply_merge(ours, plan, {conflict_id: choice})  # type: ignore[dict-item]
        assert not result.kept_ours
        assert result.resolved[conflict_id] in ("ours", "theirs", "combined")
        adult = line(ours, "Adult care")
        assert (adult.fields["amount"], adult.fields["note"]) == (amount, note)
        assert line(ours, "Housing").fields["note"] == "ours only"
        assert plan_merge(ours, package, KINDS).is_empty


def test_a_combined_value_is_checked_like_any_edit(clash: tuple[Path, Path]) -> None:
    main, package = clash
    with Project.open(main, KINDS) as ours:
        plan = plan_merge(ours, package, KINDS)
        before = to_json(ours.document)
        with pytest.raises(MergeError, match="Amount"):
            apply_merge(ours, plan, {plan.conflicts[0].id: {"amount": "lots"}})
        assert to_json(ours.document) == before


def test_keep_ours_for_unresolved_lists_them(clash: tuple[Path, Path]) -> None:
    main, package = clash
    with Project.open(main, KINDS) as ours:
        plan = plan_merge(ours, package, KINDS)
        result = apply_merge(ours, plan, keep_ours_for_unresolved=True)
        assert [c.id for c in result.kept_ours] == [plan.conflicts[0].id]
        assert line(ours, "Adult care").fields["amount"] == "1100.00"


def test_unsettled_conflicts_come_up_again_until_settled(clash: tuple[Path, Path]) -> None:
    main, package = clash
    with Project.open(main, KINDS) as ours:
        first = plan_merge(ours, package, KINDS)
        apply_merge(ours, first, keep_ours_for_unresolved=True)
        kept = to_json(ours.document)
        second = plan_merge(ours, package, KINDS)
        assert not second.already_merged and not second.changes
        assert [c.id for c in second.conflicts] == [c.id for c in first.conflicts]
        assert "listed again" in second.notes[0]
        apply_merge(ours, second, keep_ours_for_unresolved=True)
        assert to_json(ours.document)["sections"] == kept["sections"]
        third = plan_merge(ours, package, KINDS)
        apply_merge(ours, third, {third.conflicts[0].id: "theirs"})
        assert line(ours, "Adult care").fields["amount"] == "1200.00"
        assert plan_merge(ours, package, KINDS).already_merged


def test_removed_on_one_side_and_changed_on_the_other_is_a_conflict(
    files: tuple[Path, Path],
) -> None:
    main, package = files
    with Project.open(package, KINDS) as theirs:
        theirs.remove_item(line(theirs, "Adult care").id)
        theirs.update_item(line(theirs, "Housing").id, {"amount": "99"})
    with Project.open(main, KINDS) as ours:
        adult, housing = line(ours, "Adult care"), line(ours, "Housing")
        ours.update_item(adult.id, {"note": "keep this"})
        ours.remove_item(housing.id)
        plan = plan_merge(ours, package, KINDS)
        kinds = {c.id: c.kind for c in plan.conflicts}
        assert kinds == {adult.id: "removed-there", housing.id: "removed-here"}
        assert plan.conflict(housing.id).ours is None
        assert plan.conflict(adult.id).theirs is None
        apply_merge(ours, plan, {adult.id: "theirs", housing.id: "theirs"})
        assert services(ours) == ["Probation", "Housing"]  # restored where it was
        assert line(ours, "Housing").fields["amount"] == "99.00"
        assert line(ours, "Housing").id == housing.id


def test_removed_and_changed_kept_ours(files: tuple[Path, Path]) -> None:
    main, package = files
    with Project.open(package, KINDS) as theirs:
        theirs.remove_item(line(theirs, "Adult care").id)
        theirs.update_item(line(theirs, "Housing").id, {"amount": "99"})
    with Project.open(main, KINDS) as ours:
        ours.update_item(line(ours, "Adult care").id, {"note": "keep this"})
        ours.remove_item(line(ours, "Housing").id)
        plan = plan_merge(ours, package, KINDS)
        apply_merge(ours, plan, {c.id: "ours" for c in plan.conflicts})
        assert services(ours) == ["Adult care", "Probation"]


def test_items_added_on_both_sides_are_both_kept(files: tuple[Path, Path]) -> None:
    main, package = files
    new = {"service": "Youth work", "partner": "Council", "amount": "40"}
    with Project.open(package, KINDS) as theirs:
        theirs.add_item(part(theirs, "budget").id, "budget_line", new)
    with Project.open(main, KINDS) as ours:
        ours.add_item(part(ours, "budget").id, "budget_line", new)
        plan = plan_merge(ours, package, KINDS)
        assert not plan.conflicts
        apply_merge(ours, plan)
        assert services(ours).count("Youth work") == 2


def test_moved_differently_on_both_sides_is_a_conflict(files: tuple[Path, Path]) -> None:
    main, package = files
    with Project.open(package, KINDS) as theirs:
        theirs.move_item(line(theirs, "Housing").id, part(theirs, "budget").id, 0)
    with Project.open(main, KINDS) as ours:
        budget = part(ours, "budget").id
        ours.move_item(line(ours, "Housing").id, budget, 1)
        plan = plan_merge(ours, package, KINDS)
        [conflict] = plan.conflicts
        assert conflict.kind == "moved" and conflict.ours and conflict.theirs
        assert conflict.theirs["position"] == "first in 'Total Place+ budget'"
        apply_merge(ours, plan, {conflict.id: "theirs"})
        assert services(ours) == ["Housing", "Adult care", "Probation"]


def test_moved_alike_on_both_sides_is_nothing_to_do(files: tuple[Path, Path]) -> None:
    main, package = files
    for path in files:
        with Project.open(path, KINDS) as project:
            budget = part(project, "budget").id
            project.move_item(line(project, "Housing").id, budget, 0)
    with Project.open(main, KINDS) as ours:
        assert plan_merge(ours, package, KINDS).is_empty


def test_part_fields_conflict(files: tuple[Path, Path]) -> None:
    main, package = files
    for path, words in zip(files, ("Ours.", "Theirs."), strict=True):
        with Project.open(path, KINDS) as project:
            project.update_section(part(project, "budget").id, intro=words)
    with Project.open(main, KINDS) as ours:
        plan = plan_merge(ours, package, KINDS)
        [conflict] = plan.conflicts
        assert conflict.what == "part" and conflict.ours == {"intro": "Ours."}
        apply_merge(ours, plan, {conflict.id: {"intro": "Ours and theirs."}})
        assert part(ours, "budget").intro == "Ours and theirs."


def test_a_part_removed_here_but_changed_there(files: tuple[Path, Path]) -> None:
    main, package = files
    with Project.open(package, KINDS) as theirs:
        theirs.update_item(line(theirs, "Housing").id, {"amount": "99"})
    with Project.open(main, KINDS) as ours:
        budget_id = part(ours, "budget").id
        ours.remove_section(budget_id)
        plan = plan_merge(ours, package, KINDS)
        [conflict] = plan.conflicts
        assert (conflict.what, conflict.kind) == ("part", "removed-here")
        with pytest.raises(MergeError, match="choose ours or theirs"):
            plan_merge_choice = {conflict.id: {"title": "x"}}
            apply_merge(ours, plan, plan_merge_choice)
        apply_merge(ours, plan, {conflict.id: "theirs"})
        assert services(ours) == ["Adult care", "Probation", "Housing"]
        assert line(ours, "Housing").fields["amount"] == "99.00"


def test_the_plan_goes_stale_when_the_document_changes(files: tuple[Path, Path]) -> None:
    main, package = files
    with Project.open(main, KINDS) as ours:
        plan = plan_merge(ours, package, KINDS)
        ours.update_item(line(ours, "Housing").id, {"amount": "1"})
        with pytest.raises(MergeError, match="changed after the merge was planned"):
            apply_merge(ours, plan)


def test_a_package_from_another_document_is_refused_untouched(
    files: tuple[Path, Path], tmp_path: Path
) -> None:
    _, package = files
    other = tmp_path / "other.reformkit"
    Project.create(other, PLAN, "Another plan").close()
    before = digest(package)
    with Project.open(other, KINDS) as ours:
        document = to_json(ours.document)
        with pytest.raises(PackageError) as error:
            plan_merge(ours, package, KINDS)
        assert to_json(ours.document) == document and not merge_records(ours)
    assert "was made from 'Severn Vale plan', not from 'Another plan'" in str(error.value)
    assert digest(package) == before
    with Project.open(other, KINDS, read_only=True) as reopened:
        assert to_json(reopened.document) == document


def test_a_package_of_another_kind_is_refused(files: tuple[Path, Path], tmp_path: Path) -> None:
    from charter import CHARTER

    _, package = files
    charter = tmp_path / "charter.reformkit"
    Project.create(charter, CHARTER, "Team charter").close()
    with Project.open(charter, KINDS) as ours, pytest.raises(PackageError, match="Local Reform"):
        plan_merge(ours, package, KINDS)


def test_not_a_package_is_refused(files: tuple[Path, Path], tmp_path: Path) -> None:
    main, _ = files
    junk = tmp_path / "junk.reformkit"
    junk.write_text("not a database", encoding="utf-8")
    with Project.open(main, KINDS) as ours:
        with pytest.raises(PackageError, match="not a package"):
            plan_merge(ours, main, KINDS)
        with pytest.raises(Exception, match="not a ReformKit document"):
            plan_merge(ours, junk, KINDS)


# The command line.
def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli_main(list(args), load_kinds=document_kinds)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_package_then_merge(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]
) -> None:
    main, _ = files
    package = main.with_name("missions.reformkit")
    code, out, _ = cli(
        capsys,
        "package",
        str(main),
        "--part",
        "budget",
        "--part",
        "missions",
        "-o",
        str(package),
        "--partner",
        "NHS ICB",
    )
    assert code == 0
    assert "for NHS ICB with 'Missions', 'Total Place+ budget'" in out
    assert f"reformkit merge {main} {package}" in out
    with Project.open(package, KINDS) as theirs:
        theirs.add_item(
            part(theirs, "missions").id,
            "mission",
            {"level": "Local mission", "title": "Fewer falls"},
            author="Dr Patel",
        )
        theirs.update_item(line(theirs, "Housing").id, {"amount": "80"})
    code, out, _ = cli(capsys, "merge", str(main), str(package), "--dry-run")
    assert code == 0
    assert "Package missions.reformkit from NHS ICB" in out
    assert "ADDED    Mission: Fewer falls (by NHS ICB (written by Dr Patel))" in out
    assert "CHANGED  Budget line: Housing (by NHS ICB (written by Jo))" in out
    assert "Amount (£): [-75.00-]{+80.00+}" in out
    assert "Dry run: nothing was changed." in out
    with Project.open(main, KINDS) as ours:
        assert line(ours, "Housing").fields["amount"] == "75.00"
    code, out, _ = cli(capsys, "merge", str(main), str(package))
    assert code == 0 and "Merged 2 changes" in out
    code, out, _ = cli(capsys, "merge", str(main), str(package))
    assert code == 0 and "Already merged" in out


def test_cli_merge_with_conflicts_exits_1(
    capsys: pytest.CaptureFixture[str], clash: tuple[Path, Path]
) -> None:
    main, package = clash
    code, out, _ = cli(capsys, "merge", str(main), str(package), "--dry-run")
    assert code == 1
    assert "1 conflict (this document's version is kept):" in out
    assert "here:    {+Council pays the uplift+}" in out
    code, out, _ = cli(capsys, "merge", str(main), str(package))
    assert code == 1
    assert "1 conflict kept this document's version" in out
    assert "resolve them in the app: File › Merge a returned package" in out
    code, out, _ = cli(capsys, "merge", str(main), str(package))
    assert code == 1 and "Merged 0 changes" in out and "listed again" in out
    with Project.open(main, KINDS) as ours:
        assert line(ours, "Adult care").fields["amount"] == "1100.00"


def test_cli_errors(capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]) -> None:
    main, package = files
    code, _, err = cli(capsys, "package", str(main), "--part", "nope", "-o", "x.reformkit")
    assert code == 2 and "'nope' is not a part" in err
    code, _, err = cli(capsys, "merge", str(main), str(main))
    assert code == 2 and "not a package" in err
    code, _, err = cli(capsys, "merge", str(package), str(package))
    assert code == 2 and "was made from 'Severn Vale plan'" in err


def test_a_merge_that_fails_half_way_changes_nothing(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    main, package = files
    with Project.open(package, KINDS) as theirs:
        theirs.update_item(line(theirs, "Adult care").id, {"amount": "1200"})
        theirs.remove_item(line(theirs, "Probation").id)
    import reformkit.document.merge as merge_module

    real_bring_to = merge_module.bring_to

    def fail_after_editing(project: Project, target: object) -> None:
        real_bring_to(project, target)  # type: ignore[arg-type]
        raise OSError("the drive went away")

    monkeypatch.setattr(merge_module, "bring_to", fail_after_editing)
    with Project.open(main, KINDS) as ours:
        before = to_json(ours.document)
        heard: list[str] = []
        ours.subscribe(lambda change, _id: heard.append(change))
        with pytest.raises(OSError):
            apply_merge(ours, plan_merge(ours, package, KINDS))
        assert to_json(ours.document) == before and heard == []
        assert merge_records(ours) == {}
    with Project.open(main, KINDS) as again:
        assert to_json(again.document) == before


def test_a_merge_is_one_change_for_listeners(files: tuple[Path, Path]) -> None:
    main, package = files
    with Project.open(package, KINDS) as theirs:
        theirs.update_item(line(theirs, "Adult care").id, {"amount": "1200"})
        theirs.remove_item(line(theirs, "Probation").id)
    with Project.open(main, KINDS) as ours:
        heard: list[str] = []
        ours.subscribe(lambda change, _id: heard.append(change))
        apply_merge(ours, plan_merge(ours, package, KINDS))
        assert heard == ["merged"]


def test_cli_merge_keeps_a_snapshot_first_only_when_it_changes_something(
    capsys: pytest.CaptureFixture[str], clash: tuple[Path, Path]
) -> None:
    from datetime import date

    from reformkit.dates import long_date
    from reformkit.document.versions import list_snapshots, load_version

    main, package = clash
    with Project.open(package, KINDS) as theirs:
        theirs.update_item(line(theirs, "Probation").id, {"amount": "300"})
    with Project.open(main, KINDS, read_only=True) as ours:
        before = to_json(ours.document)["sections"]
    code, out, _ = cli(capsys, "merge", str(main), str(package), "--dry-run")
    assert code == 1
    with Project.open(main, KINDS, read_only=True) as ours:
        assert list_snapshots(ours) == []
    code, out, _ = cli(capsys, "merge", str(main), str(package))
    name = f"Before merging Council's package, {long_date(date.today())}"
    assert code == 1 and f"kept as the snapshot '{name}'" in out
    with Project.open(main, KINDS, read_only=True) as ours:
        assert [s.name for s in list_snapshots(ours)] == [name]
        assert to_json(load_version(ours, name, KINDS))["sections"] == before
        assert line(ours, "Probation").fields["amount"] == "300.00"
    # Again: only the unsettled conflict comes back, the CLI keeps ours, nothing changes,
    # so no second snapshot.
    code, out, _ = cli(capsys, "merge", str(main), str(package))
    assert code == 1 and "Merged 0 changes" in out and "snapshot" not in out
    with Project.open(main, KINDS, read_only=True) as ours:
        assert len(list_snapshots(ours)) == 1
