"""The workshop's screen plug-in: "Workshop › Run a workshop…" in every document window.

Run from a charter or plan, it first adds a workshop record to the document (asking the
workshop's title, date and place); a workshop record of its own opens the window at once.
"""

from __future__ import annotations

from desktop.screens import Screen, ScreenContext
from reformkit.errors import ReformKitError
from workshop.operations import ensure_record
from workshop.record import has_record

ASK = "Run a workshop"


def ask_and_add_record(context: ScreenContext) -> bool:
    """Ask the workshop's title, date and place, and add its record; False if cancelled."""
    prompts = context.session.prompts
    project = context.project
    parent = context.window
    title = prompts.text(
        parent, ASK, "What is the workshop called? For example: Hexham workshop.", ""
    )
    if title is None:
        return False
    date = prompts.text(
        parent, ASK, "When is it? For example: 3 March 2027. (You can leave this empty.)", ""
    )
    place = prompts.text(parent, ASK, "Where is it? (You can leave this empty.)", "")
    try:
        ensure_record(project, title=title, date=date or "", place=place or "")
    except ReformKitError as error:
        prompts.error(parent, "The workshop could not be added", str(error))
        return False
    return True


def open_workshop(context: ScreenContext) -> object:
    """Show the document's workshop window, adding the record first if it has none."""
    from desktop.workshop.window import WorkshopWindow

    existing = context.window.findChild(WorkshopWindow)
    if isinstance(existing, WorkshopWindow) and existing.isVisible():
        existing.raise_()
        existing.activateWindow()
        return existing
    project = context.project
    if project.read_only:
        context.session.prompts.info(
            context.window, ASK, "This document is open read-only, so a workshop cannot run."
        )
        return None
    if not has_record(project.document):
        if not ask_and_add_record(context):
            return None
    else:
        try:
            ensure_record(project)  # a record missing some parts gets them
        except ReformKitError as error:
            context.session.prompts.error(context.window, ASK, str(error))
            return None
    window = WorkshopWindow(context)
    window.show()
    window.raise_()
    window.activateWindow()
    return window


SCREEN = Screen(
    name="workshop",
    menu_title="&Workshop",
    action_label="Run a &workshop…",
    shortcut="Ctrl+Shift+W",
    open=open_workshop,
    own_kind="workshop",
    status_tip="Capture what people say, group it, vote, and let the room join from phones.",
)
