"""The layer rule is enforced: import-linter fails when Qt is imported outside desktop/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("resources", "reformkit", "charter", "plans", "workshop", "desktop")


def _lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    command = Path(sys.executable).with_name("lint-imports")
    env = {**os.environ, "PYTHONPATH": str(tree)}
    return subprocess.run(
        [str(command), "--no-cache"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for package in PACKAGES:
        shutil.copytree(
            ROOT / package, tmp_path / package, ignore=shutil.ignore_patterns("__pycache__")
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / "tests").mkdir()
    shutil.copy(ROOT / "tests" / "__init__.py", tmp_path / "tests")
    shutil.copytree(
        ROOT / "tests" / "contracts",
        tmp_path / "tests" / "contracts",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    return tmp_path


def test_contracts_hold_on_the_real_tree(tree: Path) -> None:
    result = _lint_imports(tree)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("package", ["reformkit", "charter", "plans", "workshop", "resources"])
def test_qt_outside_desktop_breaks_the_contract(tree: Path, package: str) -> None:
    (tree / package / "sneaky.py").write_text("from PySide6 import QtCore\n", encoding="utf-8")
    result = _lint_imports(tree)
    assert result.returncode != 0
    assert "BROKEN" in result.stdout and f"{package}.sneaky" in result.stdout


def test_kernel_importing_desktop_breaks_the_contract(tree: Path) -> None:
    (tree / "reformkit" / "sneaky.py").write_text("import desktop.launcher\n", encoding="utf-8")
    result = _lint_imports(tree)
    assert result.returncode != 0 and "BROKEN" in result.stdout


@pytest.mark.parametrize("package", ["reformkit", "desktop"])
@pytest.mark.parametrize("kind", ["charter", "plans", "workshop"])
def test_importing_a_kind_outside_the_registry_breaks_the_contract(
    tree: Path, package: str, kind: str
) -> None:
    (tree / package / "sneaky.py").write_text(f"import {kind}\n", encoding="utf-8")
    result = _lint_imports(tree)
    assert result.returncode != 0
    assert f"{package} is not allowed to import {kind}" in " ".join(result.stdout.split())


@pytest.mark.parametrize(
    "line", ["if spec.kind == 'plan':\n    pass\n", "KIND = 'Charter'\n", "x = {'plan': 1}\n"]
)
def test_a_kind_name_outside_its_package_breaks_the_contract(tree: Path, line: str) -> None:
    (tree / "reformkit" / "sneaky.py").write_text(f"spec = None\n{line}", encoding="utf-8")
    result = _lint_imports(tree)
    assert result.returncode != 0
    assert "reformkit.sneaky:2 names the kind" in result.stdout


def test_a_kind_package_may_name_itself(tree: Path) -> None:
    (tree / "plans" / "sneaky.py").write_text("KIND = 'plan'\n", encoding="utf-8")
    assert "plans.sneaky" not in _lint_imports(tree).stdout


def test_a_kinds_own_desktop_screens_may_import_it_and_name_it(tree: Path) -> None:
    (tree / "desktop" / "workshop" / "sneaky.py").write_text(
        "import workshop.record\nKIND = 'workshop'\n", encoding="utf-8"
    )
    result = _lint_imports(tree)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_kinds_desktop_screens_may_not_import_or_name_another_kind(tree: Path) -> None:
    (tree / "desktop" / "workshop" / "sneaky.py").write_text("import plans\n", encoding="utf-8")
    result = _lint_imports(tree)
    assert "desktop is not allowed to import plans" in " ".join(result.stdout.split())
    (tree / "desktop" / "workshop" / "sneaky.py").write_text("KIND = 'plan'\n", encoding="utf-8")
    result = _lint_imports(tree)
    assert result.returncode != 0
    assert "desktop.workshop.sneaky:1 names the kind" in result.stdout


def test_the_kinds_are_independent_of_each_other(tree: Path) -> None:
    (tree / "workshop" / "sneaky.py").write_text("import charter.parts\n", encoding="utf-8")
    result = _lint_imports(tree)
    assert result.returncode != 0 and "BROKEN" in result.stdout


def test_the_workshop_kind_in_the_kernel_breaks_the_contract(tree: Path) -> None:
    (tree / "reformkit" / "sneaky.py").write_text("KIND = 'workshop'\n", encoding="utf-8")
    result = _lint_imports(tree)
    assert result.returncode != 0 and "reformkit.sneaky:1 names the kind" in result.stdout
