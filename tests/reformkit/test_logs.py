"""The log file: standard logging, rotated so it never grows without end."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from reformkit.logs import LOG_FILE, configure_logging, log_file, stop_logging
from reformkit.paths import AppPaths


@pytest.fixture(autouse=True)
def no_log_file_left() -> Iterator[None]:
    yield
    stop_logging()


def test_records_go_to_the_file_in_the_folder_given(tmp_path: Path) -> None:
    path = configure_logging(tmp_path / "logs")
    assert path == tmp_path / "logs" / LOG_FILE == log_file()
    logging.getLogger("reformkit.test").info("opened %s", "plan.reformkit")
    logging.getLogger("desktop.test").debug("too small to keep")
    stop_logging()
    text = path.read_text(encoding="utf-8")
    assert "INFO reformkit.test: opened plan.reformkit" in text
    assert "too small to keep" not in text
    assert log_file() is None


def test_the_file_rotates_and_keeps_a_few_backups(tmp_path: Path) -> None:
    path = configure_logging(tmp_path, max_bytes=2000, backups=3)
    assert path is not None
    logger = logging.getLogger("reformkit.test")
    for n in range(100):  # about 8,000 bytes: four files' worth, and more
        logger.warning("line %03d %s", n, "x" * 60)
    stop_logging()
    backups = sorted(p.name for p in tmp_path.iterdir())
    assert backups == [LOG_FILE, f"{LOG_FILE}.1", f"{LOG_FILE}.2", f"{LOG_FILE}.3"]
    assert all(p.stat().st_size <= 2000 for p in tmp_path.iterdir())
    assert "line 099" in path.read_text(encoding="utf-8")  # the newest is in the file itself
    oldest = (tmp_path / f"{LOG_FILE}.3").read_text(encoding="utf-8")
    assert "line 000" not in oldest  # the oldest lines were dropped


def test_configuring_again_replaces_the_file(tmp_path: Path) -> None:
    configure_logging(tmp_path / "first")
    second = configure_logging(tmp_path / "second")
    logging.getLogger("reformkit.test").warning("only here")
    stop_logging()
    assert second is not None and "only here" in second.read_text(encoding="utf-8")
    assert "only here" not in (tmp_path / "first" / LOG_FILE).read_text(encoding="utf-8")


def test_a_folder_that_cannot_be_written_means_no_file(tmp_path: Path) -> None:
    blocked = tmp_path / "a file, not a folder"
    blocked.write_text("", encoding="utf-8")
    assert configure_logging(blocked / "logs") is None
    assert log_file() is None
    logging.getLogger("reformkit.test").error("goes nowhere, and nothing breaks")


def test_the_log_folder_follows_reformkit_home(reformkit_home: Path) -> None:
    assert AppPaths.default().logs == reformkit_home / "logs"
