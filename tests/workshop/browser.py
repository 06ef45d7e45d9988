"""Headless Chromium from the system's packages, driven by Selenium, on the loopback only.

Selenium must never download a browser or a driver: the driver is the system's chromedriver,
the browser the system's chromium, and Selenium Manager is told to stay offline. The browser
resolves no name but 127.0.0.1 and does none of its background fetching.

Run as ``python -m tests.workshop.browser docs/workshop/phone.png`` to save a picture of the
phone page at 390 × 844 (a sample room with a few ideas in it).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from selenium.webdriver import Chrome

PHONE_SIZE = (390, 844)


def browser_paths() -> tuple[str, str] | None:
    """The system's Chromium and its driver, or ``None`` when either is missing."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (browser, driver) if browser and driver else None


def phone_browser(size: tuple[int, int] = PHONE_SIZE) -> Chrome:
    """A headless Chromium the size of a phone's screen. The caller quits it."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    found = browser_paths()
    if found is None:
        raise RuntimeError("Chromium or chromedriver is not installed.")
    browser, driver = found
    os.environ["SE_OFFLINE"] = "true"
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    for argument in (
        "--headless=new",
        "--no-sandbox",  # CI runs as root
        "--disable-dev-shm-usage",
        "--disable-gpu",
        f"--window-size={size[0]},{size[1]}",
        "--force-device-scale-factor=1",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-default-apps",
        "--disable-sync",
        "--disable-extensions",
        "--metrics-recording-only",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
        f"--user-data-dir={tempfile.mkdtemp(prefix='room-browser-')}",
    ):
        options.add_argument(argument)
    chrome = webdriver.Chrome(options=options, service=Service(executable_path=driver))
    chrome.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": size[0], "height": size[1], "deviceScaleFactor": 1, "mobile": True},
    )
    return chrome


def console_problems(browser: Chrome) -> list[str]:
    """What the browser's console said went wrong (a blocked script or style, a failed load)."""
    return [
        str(entry.get("message", ""))
        for entry in browser.get_log("browser")  # type: ignore[no-untyped-call]
        if entry.get("level") in ("SEVERE", "WARNING")
    ]


def save_phone_picture(target: Path) -> None:
    """Serve a sample room on 127.0.0.1, join it in a phone-sized browser, save the page."""
    from selenium.webdriver.common.by import By

    from reformkit.document.project import Project
    from reformkit.document.spec import DocumentKinds
    from workshop import operations
    from workshop.kind import WORKSHOP
    from workshop.parts import Method
    from workshop.room.room import Room

    with tempfile.TemporaryDirectory() as folder:
        spec = DocumentKinds([WORKSHOP]).get("workshop")
        with Project.create(Path(folder) / "hall.reformkit", spec, "Hexham") as project:
            operations.ensure_record(project, "Hexham workshop", "2027-03-03", "Queen's Hall")
            canvas = operations.add_activity(
                project,
                "Where we are today",
                Method.CANVAS,
                "Where is your service today, on each of the briefing's six rows?",
            )
            room = Room(project)
            room.start("127.0.0.1", 0)
            room.set_activity(canvas.id)
            browser = phone_browser()
            try:
                browser.get(f"{room.address()}/")
                browser.find_element(By.ID, "code").send_keys(room.join_code())
                browser.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
                browser.find_element(By.NAME, "row1")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(browser.get_screenshot_as_png())
            finally:
                browser.quit()
                room.stop()


if __name__ == "__main__":
    save_phone_picture(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/workshop/phone.png"))
