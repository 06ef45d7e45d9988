"""A real browser in the room: the system's Chromium, driven by Selenium, on 127.0.0.1.

It joins with the code, sends an idea, votes and sees the result; without the code, or with
a wrong one, it is kept out. Skipped only where Chromium or its driver is not installed
(CI installs both: .ci/run).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from reformkit.document.project import Project
from reformkit.document.spec import DocumentKinds
from tests.workshop.browser import browser_paths, console_problems, phone_browser
from workshop import operations
from workshop.kind import WORKSHOP
from workshop.parts import Method
from workshop.record import read_record
from workshop.room.room import Room

pytestmark = [
    pytest.mark.slow,
    # Skipped on a developer's machine without them; never on CI, which installs them
    # (.ci/run), so a missing browser there fails instead of passing unseen.
    pytest.mark.skipif(
        browser_paths() is None and not os.environ.get("CI"),
        reason="Chromium and chromedriver not installed",
    ),
]

from selenium.common.exceptions import WebDriverException  # noqa: E402
from selenium.webdriver import Chrome  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.wait import WebDriverWait  # noqa: E402


@pytest.fixture
def project(tmp_path: Path) -> Iterator[Project]:
    spec = DocumentKinds([WORKSHOP]).get("workshop")
    with Project.create(tmp_path / "hall.reformkit", spec, "Hexham") as made:
        operations.ensure_record(made, "Hexham workshop")
        yield made


@pytest.fixture
def room(project: Project) -> Iterator[Room]:
    served = Room(project)
    served.start("127.0.0.1", 0)
    yield served
    served.stop()


@pytest.fixture
def browser() -> Iterator[Chrome]:
    driver = phone_browser()
    yield driver
    driver.quit()


def _send(browser: Chrome) -> None:
    """Press the page's button and wait for the next page."""
    _mark_page(browser)
    browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    _wait_for_new_page(browser)


def _follow(browser: Chrome, words: str) -> None:
    _mark_page(browser)
    browser.find_element(By.LINK_TEXT, words).click()
    _wait_for_new_page(browser)


def _mark_page(browser: Chrome) -> None:
    browser.execute_script("window.reformkitOldPage = true;")


def _wait_for_new_page(browser: Chrome) -> None:
    """Wait until the marked page has gone and the next one has loaded.

    Waiting for an element to go stale races with Chromium's navigation (it may answer
    "node does not belong to the document" instead), so a mark on the old page's window
    is looked for: the new page's window has none. Errors while the page changes are
    ignored and the question is asked again.
    """

    def next_page_loaded(driver: Chrome) -> bool:
        return bool(
            driver.execute_script(
                "return window.reformkitOldPage === undefined"
                " && document.readyState === 'complete';"
            )
        )

    WebDriverWait(browser, 10, ignored_exceptions=(WebDriverException,)).until(next_page_loaded)


def _join(browser: Chrome, room: Room, code: str) -> None:
    browser.get(f"{room.address()}/")
    browser.find_element(By.ID, "code").send_keys(code)
    _send(browser)


def test_a_browser_joins_sends_an_idea_votes_and_sees_the_result(
    project: Project, room: Room, browser: Chrome
) -> None:
    ideas = operations.add_activity(project, "Ideas", Method.IDEAS, "What would help most?")
    vote = operations.add_activity(
        project, "Vote", Method.VOTE, "Which first?", dots=3, options=("Buses", "Parks", "Food")
    )
    room.set_activity(ideas.id)
    _join(browser, room, room.join_code().lower())
    assert "What would help most?" in browser.page_source
    browser.find_element(By.ID, "text").send_keys("A café in the library <b>now</b>")
    browser.find_element(By.ID, "group").send_keys("Families")
    _send(browser)
    assert browser.find_element(By.TAG_NAME, "h1").text == "Thank you"
    assert room.drain() == 1
    said = read_record(project.document).contributions
    assert [(c.text, c.group) for c in said] == [("A café in the library <b>now</b>", "Families")]

    room.set_activity(vote.id)
    _follow(browser, "Send more")
    assert "You have 3 dots" in browser.page_source
    for name, dots in (("opt1", "2"), ("opt2", "1")):
        box = browser.find_element(By.NAME, name)
        box.clear()
        box.send_keys(dots)
    _send(browser)
    assert "Your votes are in." in browser.page_source
    assert room.drain() == 2
    _follow(browser, "See the results")
    meters = browser.find_elements(By.TAG_NAME, "meter")
    assert [m.get_attribute("value") for m in meters] == ["2", "1", "0"]
    labels = [e.text for e in browser.find_elements(By.CSS_SELECTOR, ".bar .label")]
    assert labels == ["Parks", "Food", "Buses"]
    scripts = browser.execute_script("return document.scripts.length")
    assert scripts == 1  # the refresh script loaded from the room under its policy
    assert console_problems(browser) == []


def test_a_browser_without_the_code_is_refused(
    project: Project, room: Room, browser: Chrome
) -> None:
    ideas = operations.add_activity(project, "Ideas", Method.IDEAS, "What would help most?")
    room.set_activity(ideas.id)
    browser.get(f"{room.address()}/now")
    assert "Join the workshop" in browser.title
    assert "What would help most?" not in browser.page_source
    wrong = "AAAAAA" if room.join_code() != "AAAAAA" else "CCCCCC"
    _join(browser, room, wrong)
    assert "That code did not work" in browser.page_source
    browser.get(f"{room.address()}/results")
    assert "Join the workshop" in browser.title
    assert browser.get_cookies() == []


def test_an_old_code_stops_working_when_the_room_gets_a_new_one(
    project: Project, room: Room, browser: Chrome
) -> None:
    ideas = operations.add_activity(project, "Ideas", Method.IDEAS, "What would help most?")
    room.set_activity(ideas.id)
    old = room.join_code()
    _join(browser, room, old)
    assert "What would help most?" in browser.page_source
    room.new_code()
    browser.get(f"{room.address()}/now")
    assert "Join the workshop" in browser.title
    _join(browser, room, old)
    assert "That code did not work" in browser.page_source
