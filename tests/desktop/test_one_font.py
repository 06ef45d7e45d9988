"""The single-font set-up that ``make test-one-font`` runs the desktop tests under really
leaves one font on the machine, so that run proves the tests do not depend on fonts."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ONE_FONT = Path(__file__).resolve().parents[1] / "fontconfig" / "one-font.conf"
LIBERATION_SANS = Path("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf")


@pytest.mark.skipif(
    shutil.which("fc-list") is None or not LIBERATION_SANS.exists(),
    reason="needs fc-list (package fontconfig) and Liberation Sans (package fonts-liberation)",
)
def test_the_one_font_configuration_selects_exactly_liberation_sans() -> None:
    env = {**os.environ, "FONTCONFIG_FILE": str(ONE_FONT)}
    listed = subprocess.run(
        ["fc-list", ":", "file"], capture_output=True, text=True, env=env, check=True, timeout=60
    ).stdout.split()
    assert listed == [f"{LIBERATION_SANS}:"]
