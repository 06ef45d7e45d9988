"""The process the crash harness kills: it opens a document and edits it until killed.

Run as ``python crash_child.py DOCUMENT JOURNAL SEED``. Before each edit it appends a
``begin`` line to the journal saying exactly what it is about to do; once the edit has
returned (so it is committed) it appends a ``done`` line and fsyncs the journal. The parent
replays the journal to know which edits must be in the file after the kill.
"""

from __future__ import annotations

import json
import os
import random
import sys
from pathlib import Path
from typing import Any

from charter import CHARTER
from plans import PLAN
from reformkit.document.project import Project
from reformkit.document.spec import DocumentKinds
from reformkit.document.versions import take_snapshot


class Journal:
    def __init__(self, path: str):
        self.fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)

    def write(self, record: dict[str, Any]) -> None:
        # One write() per line: a kill lands before or after it, never in the middle.
        os.write(self.fd, (json.dumps(record) + "\n").encode("utf-8"))
        os.fsync(self.fd)


def choose(project: Project, rng: random.Random, n: int, token: str) -> dict[str, Any]:
    """The next edit, picked at random from what the document holds now."""
    sections = project.document.sections
    paragraphs = [
        (section.id, item.id)
        for section in sections
        for item in section.items
        if item.type == "paragraph"
    ]
    roll = rng.random()
    section = rng.choice(sections)
    if not paragraphs or roll < 0.30:
        return {
            "op": "add",
            "section": section.id,
            "index": rng.randint(0, len(section.items)),
            "text": token,
        }
    _, item_id = rng.choice(paragraphs)
    if roll < 0.50:
        return {"op": "update", "item": item_id, "text": token}
    if roll < 0.62:
        return {
            "op": "move",
            "item": item_id,
            "section": section.id,
            "index": rng.randint(0, len(section.items)),
        }
    if roll < 0.72 and len(paragraphs) > 3:
        return {"op": "remove", "item": item_id}
    if roll < 0.80:
        return {"op": "title", "text": token}
    if roll < 0.90:
        return {"op": "intro", "section": section.id, "text": token}
    if roll < 0.96:
        return {"op": "move_section", "section": section.id, "index": rng.randrange(len(sections))}
    return {"op": "snapshot", "text": token}


def apply(project: Project, op: dict[str, Any]) -> str:
    """Make the edit through the kernel's public methods; return a new item's id."""
    kind = op["op"]
    if kind == "add":
        item = project.add_item(
            op["section"], "paragraph", {"text": op["text"]}, [], None, op["index"]
        )
        return item.id
    if kind == "update":
        project.update_item(op["item"], fields={"text": op["text"]})
    elif kind == "move":
        project.move_item(op["item"], op["section"], op["index"])
    elif kind == "remove":
        project.remove_item(op["item"])
    elif kind == "title":
        project.set_meta(title=op["text"])
    elif kind == "intro":
        project.update_section(op["section"], intro=op["text"])
    elif kind == "move_section":
        project.move_section(op["section"], op["index"])
    elif kind == "snapshot":
        take_snapshot(project, op["text"])
    else:
        raise AssertionError(kind)
    return ""


def main(document: str, journal_path: str, seed: int) -> None:
    rng = random.Random(seed)
    journal = Journal(journal_path)
    # Opening takes over the lock the previous, killed, child left in the file.
    project = Project.open(Path(document), DocumentKinds([CHARTER, PLAN]))
    journal.write({"ready": os.getpid()})
    n = 0
    while True:
        token = f"s{seed}-e{n}-{rng.getrandbits(32):08x}"
        op = choose(project, rng, n, token)
        journal.write({"begin": n, **op})
        new_id = apply(project, op)
        journal.write({"done": n, "id": new_id})
        n += 1


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
