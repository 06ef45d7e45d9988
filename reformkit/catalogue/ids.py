"""Reading catalogue ids the way people type them: ``R18``, ``r18`` and ``18`` are one entry."""

import re

_PLAIN_NUMBER = re.compile(r"^\s*#?(\d+)\s*$")


def normalise_id(text: str) -> str:
    """Return the canonical form of an id; a bare number means a recommendation."""
    match = _PLAIN_NUMBER.match(text)
    if match:
        return f"R{int(match.group(1))}"
    cleaned = text.strip()
    if cleaned.lower().startswith("u-"):
        return "U-" + cleaned[2:].lower()
    return cleaned.upper()
