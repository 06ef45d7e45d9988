"""Sending parts to a partner: the package made names its parts and partner; the dialog says
where it went; a file is never replaced unasked; the banner for a package says how to send it
back."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QUrl
from pytestqt.qtbot import QtBot

from desktop.app import open_settings
from desktop.panels.package_dialog import (
    FOLDER_KEY,
    PackageBanner,
    PackageDialog,
    package_file_name,
)
from plans import PLAN
from reformkit.document.interchange import to_json
from reformkit.document.model import Section
from reformkit.document.packages import package_info
from reformkit.document.project import Project
from tests.documents import KINDS

TITLE = "Severn Vale plan"
PARTNER = "NHS Severn Vale ICB"


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    project = Project.create(tmp_path / "plan.reformkit", PLAN, TITLE)
    budget = section(project, "budget")
    project.add_item(
        budget.id, "budget_line", {"service": "Adult care", "partner": "Council", "amount": "1000"}
    )
    yield project
    project.close()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return open_settings(tmp_path / "config")


def section(project: Project, key: str) -> Section:
    return next(s for s in project.document.sections if s.key == key)


def make_dialog(qtbot: QtBot, project: Project, settings: QSettings) -> PackageDialog:
    dialog = PackageDialog(project, settings)
    qtbot.addWidget(dialog)
    dialog.asked = []  # type: ignore[attr-defined]
    dialog.opened = []  # type: ignore[attr-defined]

    def choose() -> Path | None:  # the native save dialog, answered by the test
        dialog.asked.append(dialog.destination)  # type: ignore[attr-defined]
        answer = getattr(dialog, "answer", None)
        if answer is not None:
            dialog.set_destination(answer)
        return dialog.destination if answer is not None else None

    dialog.choose_destination = choose  # type: ignore[method-assign]
    dialog.open_url = lambda url: dialog.opened.append(url) or True  # type: ignore[method-assign, attr-defined, func-returns-value]
    dialog.show()
    return dialog


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_making_a_package_names_its_parts_and_partner(
    qtbot: QtBot, project: Project, settings: QSettings, tmp_path: Path
) -> None:
    before = to_json(project.document)
    dialog = make_dialog(qtbot, project, settings)
    assert not dialog.make_button.isEnabled()  # nothing ticked yet
    missions, budget = section(project, "missions"), section(project, "budget")
    dialog.set_parts([budget.id, missions.id])
    dialog.partner_field.setText(PARTNER)
    assert dialog.make_button.isEnabled()
    expected = tmp_path / f"{TITLE} – Missions, Total Place+ budget for {PARTNER}.reformkit"
    assert dialog.destination == expected
    assert dialog.destination_field.text() == str(expected)
    made = dialog.make()
    assert made == expected and made.is_file()
    info = package_info(made)
    assert info is not None
    assert [p.title for p in info.parts] == ["Missions", "Total Place+ budget"]
    assert info.partner == PARTNER and info.main_title == TITLE
    message = dialog.message.text()
    assert message.startswith(f"Saved to {made}: send this file to {PARTNER}.")
    assert "File › Merge a returned package" in message
    assert dialog.folder_button.isVisible()
    assert not dialog.make_button.isEnabled()  # made; change something to make another
    dialog.folder_button.click()
    assert dialog.opened == [QUrl.fromLocalFile(str(tmp_path))]  # type: ignore[attr-defined]
    assert settings.value(FOLDER_KEY) == str(tmp_path)
    assert to_json(project.document) == before  # the plan itself is not changed
    assert dialog.asked == []  # type: ignore[attr-defined]


def test_the_last_folder_is_remembered(
    qtbot: QtBot, project: Project, settings: QSettings, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "outbox"
    elsewhere.mkdir()
    settings.setValue(FOLDER_KEY, str(elsewhere))
    dialog = make_dialog(qtbot, project, settings)
    dialog.set_parts([section(project, "budget").id])
    assert dialog.destination == elsewhere / f"{TITLE} – Total Place+ budget.reformkit"


def test_a_chosen_destination_is_kept_and_used(
    qtbot: QtBot, project: Project, settings: QSettings, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, project, settings)
    dialog.set_destination(tmp_path / "for the council")
    assert dialog.destination == tmp_path / "for the council.reformkit"
    dialog.set_parts([section(project, "budget").id])
    dialog.partner_field.setText("Council")
    assert dialog.destination == tmp_path / "for the council.reformkit"
    assert dialog.make() == tmp_path / "for the council.reformkit"


def test_an_existing_file_is_not_replaced_unasked(
    qtbot: QtBot, project: Project, settings: QSettings, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, project, settings)
    dialog.set_parts([section(project, "budget").id])
    assert dialog.destination is not None
    dialog.destination.write_text("someone else's file", encoding="utf-8")
    assert dialog.make() is None  # the save dialog was asked, and cancelled
    assert len(dialog.asked) == 1  # type: ignore[attr-defined]
    assert dialog.destination.read_text(encoding="utf-8") == "someone else's file"
    dialog.answer = tmp_path / "other.reformkit"  # type: ignore[attr-defined]
    assert dialog.make() == tmp_path / "other.reformkit"


def test_errors_are_plain_words(
    qtbot: QtBot, project: Project, settings: QSettings, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, project, settings)
    assert dialog.make() is None
    assert dialog.message.text() == "Tick at least one part to send."
    dialog.set_parts([section(project, "budget").id])
    dialog.set_destination(tmp_path / "missing" / "package.reformkit")
    assert dialog.make() is None
    assert dialog.message.text().startswith("The package was not made. The folder ")
    assert "does not exist" in dialog.message.text()
    dialog.set_destination(project.path)
    assert dialog.make() is None
    assert "that is the document itself" in dialog.message.text()
    assert not dialog.folder_button.isVisible()


def test_file_names_are_safe() -> None:
    assert package_file_name("Plan: 2026", ["A/B"], "ICB?") == "Plan - 2026 – A-B for ICB.reformkit"
    assert package_file_name("", [], "") == "Package.reformkit"
    assert len(package_file_name("x" * 300, ["y"], "z")) <= 130


def test_the_banner_of_a_package_says_how_to_send_it_back(
    qtbot: QtBot, project: Project, settings: QSettings, tmp_path: Path
) -> None:
    dialog = make_dialog(qtbot, project, settings)
    dialog.set_parts([section(project, "budget").id])
    dialog.partner_field.setText(PARTNER)
    made = dialog.make()
    assert made is not None
    with Project.open(made, KINDS) as package:
        info = package_info(package)
        assert info is not None
        banner = PackageBanner(info)
        qtbot.addWidget(banner)
        text = banner.text()
        assert info.banner() in text
        assert f"were sent for {PARTNER}" in text and "'Total Place+ budget'" in text
        assert "How to send it back" in text and TITLE in text
    assert package_info(project) is None  # the plan itself shows no banner
