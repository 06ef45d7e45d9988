"""Data that ships with ReformKit: the catalogue seed, the briefing text, templates, samples.

This package holds no logic beyond finding its own files, so that every other layer (and a
frozen PyInstaller bundle) can locate the data the same way.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent


def path(*parts: str) -> Path:
    """Return the path of a bundled resource, e.g. ``path("catalogue")``."""
    return ROOT.joinpath(*parts)
