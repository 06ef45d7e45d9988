"""People's own words in a workshop record are quoted as said, not checked for plain English."""

from __future__ import annotations

from pathlib import Path

from reformkit.plain.check import pieces
from tests.workshop.records import workshop_file
from workshop.operations import add_activity, capture, place
from workshop.parts import Method


def test_what_people_said_is_not_checked_but_the_facilitators_words_are(
    tmp_path: Path,
) -> None:
    project = workshop_file(tmp_path)
    try:
        prompt = "What should be utilised to facilitate change?"
        ideas = add_activity(project, "Ideas", Method.IDEAS, prompt)
        capture(project, ideas.id, "Staff: it was decided by the panel that we were not heard")
        canvas = add_activity(project, "Where are we?", Method.CANVAS, "Place yourself.")
        place(project, canvas.id, 2, 3, why="Decisions are taken elsewhere")
        texts = [piece.text for piece in pieces(project.document, project.spec)]
    finally:
        project.close()
    assert "What should be utilised to facilitate change?" in texts
    assert not any("not heard" in text or "taken elsewhere" in text for text in texts)
    assert "Staff" not in texts
