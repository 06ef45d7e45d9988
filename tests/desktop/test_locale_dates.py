"""An export made inside the app writes English month names whatever LC_TIME says.

A QApplication calls setlocale() from the desktop's settings, and ``%B`` then follows them:
on a German desktop the plan's "31 March 2035" would have come out as "31 März 2035".
"""

from __future__ import annotations

import locale
import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

import resources
from reformkit.catalogue.store import Catalogue
from reformkit.document.interchange import loads
from reformkit.export.run import export_document
from tests.documents import KINDS

OTHER_LOCALES = ("de_DE.UTF-8", "fr_FR.UTF-8", "es_ES.UTF-8", "it_IT.UTF-8", "nl_NL.UTF-8")


@pytest.fixture
def non_english_time(qapp: QApplication) -> Iterator[str]:
    """LC_TIME set to the first non-English locale installed, as a desktop session would."""
    saved = locale.setlocale(locale.LC_TIME)
    for name in OTHER_LOCALES:
        try:
            locale.setlocale(locale.LC_TIME, name)
        except locale.Error:
            continue
        try:
            yield name
        finally:
            locale.setlocale(locale.LC_TIME, saved)
        return
    reason = "No non-English locale is installed: apt-get install locales-all."
    if os.environ.get("REFORMKIT_REQUIRE_CONVERTERS"):
        pytest.fail(f"{reason} (.ci/run installs it; this check must run there.)")
    pytest.skip(reason)


def _export(catalogue: Catalogue, target: Path) -> str:
    source = resources.path("samples", "local-reform-plan.json").read_text(encoding="utf-8")
    document = loads(source, KINDS)
    export_document(
        document,
        KINDS.get(document.kind),
        catalogue.entries("recommendation"),
        catalogue.seed.credit,
        "md",
        target,
    )
    return target.read_text(encoding="utf-8")


def test_an_export_in_the_app_writes_english_months(
    non_english_time: str, catalogue: Catalogue, tmp_path: Path
) -> None:
    march = date(2035, 3, 31).strftime("%B")
    assert march != "March", f"{non_english_time} did not change the month names"

    text = _export(catalogue, tmp_path / "plan.md")

    assert "31 March 2035" in text  # a mission's target date
    assert "30 November 2026" in text  # the date it was last changed
    assert march not in text
