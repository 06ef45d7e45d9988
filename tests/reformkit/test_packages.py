"""Partner packages: some parts of a plan in a file of their own, which knows where it came from."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from charter import CHARTER
from plans import PLAN
from reformkit.document.errors import ProjectError
from reformkit.document.interchange import to_json
from reformkit.document.packages import (
    PackageError,
    find_parts,
    make_package,
    package_info,
)
from reformkit.document.project import Project
from tests.documents import KINDS


def make_plan(path: Path) -> Path:
    with Project.create(path, PLAN, "Severn Vale plan", "Severn Vale CA") as project:
        budget = next(s for s in project.document.sections if s.key == "budget")
        missions = next(s for s in project.document.sections if s.key == "missions")
        project.add_item(
            budget.id,
            "budget_line",
            {"service": "Adult care", "partner": "Council", "amount": "1000"},
            author="Jo",
        )
        project.add_item(
            budget.id,
            "budget_line",
            {"service": "Probation", "partner": "MoJ", "amount": "250"},
        )
        project.add_item(missions.id, "mission", {"level": "Metro mission", "title": "Healthy"})
    return path


def test_package_holds_only_the_parts_sent_and_opens_like_any_document(tmp_path: Path) -> None:
    main = make_plan(tmp_path / "plan.reformkit")
    target = tmp_path / "for council.reformkit"
    with Project.open(main, KINDS, read_only=True) as project:
        budget = next(s for s in project.document.sections if s.key == "budget")
        made = make_package(project, ["budget", "MISSIONS"], target, partner="Council")
        main_id, main_json = project.document.meta.id, to_json(project.document)
    assert made == target and target.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".packing")]
    with Project.open(target, KINDS) as package:
        keys = [s.key for s in package.document.sections]
        assert keys == ["missions", "budget"]  # in the document's order
        sent_budget = package.document.section(budget.id)
        assert [i.fields["service"] for i in sent_budget.items] == ["Adult care", "Probation"]
        assert package.document.meta.id != main_id
        assert package.document.meta.authors == ["Council"]
        info = package_info(package)
    assert info is not None and info == package_info(target)
    assert info.main_id == main_id and info.main_title == "Severn Vale plan"
    assert info.partner == "Council" and info.kind == "plan"
    assert [p.key for p in info.parts] == ["missions", "budget"]
    assert list(info.base) == [s for s in main_json["sections"] if s["key"] in keys]
    assert "Severn Vale plan" in info.banner() and "Council" in info.banner()
    with Project.open(main, KINDS, read_only=True) as project:
        assert to_json(project.document) == main_json  # making a package changes nothing


def test_parts_are_found_by_id_key_or_title(tmp_path: Path) -> None:
    with Project.open(make_plan(tmp_path / "plan.reformkit"), KINDS, read_only=True) as project:
        document = project.document
        budget = next(s for s in document.sections if s.key == "budget")
        assert find_parts(document, [budget.id]) == [budget]
        assert find_parts(document, ["budget"]) == [budget]
        assert find_parts(document, ["  total place+ BUDGET "]) == [budget]
        assert find_parts(document, ["budget", budget.id]) == [budget]


def test_unknown_part_lists_the_parts_and_writes_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.reformkit"
    with Project.open(make_plan(tmp_path / "plan.reformkit"), KINDS, read_only=True) as project:
        with pytest.raises(PackageError) as error:
            make_package(project, ["budget", "budgets"], target)
        with pytest.raises(PackageError, match="Say which parts"):
            make_package(project, [], target)
        with pytest.raises(PackageError, match="the document itself"):
            make_package(project, ["budget"], project.path)
    assert "'budgets' is not a part" in str(error.value)
    assert "budget (Total Place+ budget)" in str(error.value)
    assert "missions (Missions)" in str(error.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.reformkit"]


def test_an_ordinary_document_is_not_a_package(tmp_path: Path) -> None:
    path = tmp_path / "charter.reformkit"
    with Project.create(path, CHARTER, "Team charter") as project:
        assert package_info(project) is None
    assert package_info(path) is None


def test_a_damaged_package_description_is_refused(tmp_path: Path) -> None:
    main = make_plan(tmp_path / "plan.reformkit")
    target = tmp_path / "p.reformkit"
    with Project.open(main, KINDS, read_only=True) as project:
        make_package(project, ["budget"], target)
    with Project.open(target, KINDS) as package:
        package.set_state("package", json.dumps({"format": "reformkit-package", "base": 3}))
    with pytest.raises(PackageError, match="damaged"):
        package_info(target)


def test_replacing_an_old_package_file(tmp_path: Path) -> None:
    main = make_plan(tmp_path / "plan.reformkit")
    target = tmp_path / "p.reformkit"
    with Project.open(main, KINDS, read_only=True) as project:
        first = package_info(make_package(project, ["budget"], target))
        with pytest.raises(ProjectError, match="already exists"):
            make_package(project, ["missions"], target)  # not without force
        second = package_info(make_package(project, ["missions"], target, force=True))
    assert first is not None and second is not None
    assert first.package_id != second.package_id
    assert [p.key for p in second.parts] == ["missions"]
