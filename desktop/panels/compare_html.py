"""What changed between two versions, as a page of two columns: the older on the left, the
newer on the right, grouped by section. No Qt here.

Every change says what it is in words ("Added", "Removed", "Changed", "Moved") and with a
symbol, and a word diff marks removed words with a minus and a line through them, added
words with a plus and a line under them: colour only repeats what the marks say.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from reformkit.document.versions import Change, ChangeKind, FieldChange

ADDED, REMOVED, CHANGED, MOVED = (
    ChangeKind.ADDED,
    ChangeKind.REMOVED,
    ChangeKind.CHANGED,
    ChangeKind.MOVED,
)

KIND_WORDS = {ADDED: "＋ Added", REMOVED: "− Removed", CHANGED: "✎ Changed", MOVED: "↷ Moved"}

STYLE = """
body { font-size: 10.5pt; color: #1b1b1b; background-color: #ffffff; }
table.compare { border-collapse: collapse; }
table.compare td, table.compare th { border: 1px solid #c5ccd6; padding: 6px;
  vertical-align: top; }
th.side { background-color: #e6ecf3; text-align: left; font-size: 11pt; }
td.section { background-color: #f3f5f8; font-weight: bold; font-size: 11pt; color: #1d3557; }
.added { background-color: #dcf2e3; color: #14532d; }
.removed { background-color: #fde2e2; color: #8a1111; }
.moved { background-color: #e3ebf8; color: #1e3a6e; }
.kind { font-weight: bold; }
.field { color: #3d4a5c; font-style: italic; }
.del { color: #8a1111; background-color: #fde2e2; text-decoration: line-through; }
.ins { color: #14532d; background-color: #dcf2e3; text-decoration: underline; }
.none { color: #5c6670; }
"""

LEGEND = "Removed words: −<s>struck through</s> (left). Added words: +<u>underlined</u> (right)."


def count_line(changes: Sequence[Change]) -> str:
    """``2 added · 1 removed · 3 changed · 1 moved``, or that nothing changed."""
    counts = {kind: sum(1 for c in changes if c.kind == kind) for kind in KIND_WORDS}
    parts = [f"{n} {kind}" for kind, n in counts.items() if n]
    return " · ".join(parts) if parts else "No differences: the two versions say the same."


def grouped(changes: Sequence[Change], order: Sequence[str] = ()) -> dict[str, list[Change]]:
    """Changes by the section they are in: sections named in ``order`` first, in that order
    (the document's own), then any others in the order they first appear."""
    groups: dict[str, list[Change]] = {where: [] for where in order}
    for change in changes:
        groups.setdefault(change.where, []).append(change)
    return {where: items for where, items in groups.items() if items}


def compare_html(
    changes: Sequence[Change], older: str, newer: str, order: Sequence[str] = ()
) -> str:
    rows = [
        f'<tr><th class="side" width="50%">Older: {escape(older)}</th>'
        f'<th class="side" width="50%">Newer: {escape(newer)}</th></tr>'
    ]
    if not changes:
        rows.append('<tr><td colspan="2" class="none">No differences.</td></tr>')
    for where, items in grouped(changes, order).items():
        rows.append(f'<tr><td colspan="2" class="section">{escape(where)}</td></tr>')
        for change in items:
            rows.extend(_rows(change))
    return (
        f"<html><head><style>{STYLE}</style></head><body>"
        '<table class="compare" width="100%" cellspacing="0" cellpadding="6">'
        + "".join(rows)
        + "</table></body></html>"
    )


def _rows(change: Change) -> list[str]:
    label = escape(change.label)
    kind = f'<span class="kind">{KIND_WORDS.get(change.kind, change.kind)}:</span> '
    nothing = '<span class="none">—</span>'
    if change.kind == ADDED:
        return [f'<tr><td>{nothing}</td><td class="added">{kind}{label}</td></tr>']
    if change.kind == REMOVED:
        return [f'<tr><td class="removed">{kind}{label}</td><td>{nothing}</td></tr>']
    if change.kind == MOVED:
        return [
            f'<tr><td class="moved">{kind}{label}</td><td class="moved">{kind}{label}</td></tr>'
        ]
    rows = [f'<tr><td colspan="2">{kind}{label}</td></tr>']
    rows.extend(_field_row(field) for field in change.fields)
    return rows


def _field_row(field: FieldChange) -> str:
    old, new = [], []
    for op, text in field.word_diff():
        if op == "=":
            old.append(_text(text))
            new.append(_text(text))
        elif op == "-":
            old.append(_marked(text, "del", "−", "s"))
        else:
            new.append(_marked(text, "ins", "+", "u"))
    name = f'<span class="field">{escape(field.label)}:</span> '
    left = "".join(old) or '<span class="none">(empty)</span>'
    right = "".join(new) or '<span class="none">(empty)</span>'
    return f"<tr><td>{name}{left}</td><td>{name}{right}</td></tr>"


def _marked(text: str, css: str, sign: str, tag: str) -> str:
    """A removed or added run: its sign, then the words struck through or underlined. The
    spaces around the words stay plain."""
    if not text.strip():
        return _text(text)
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    core = _text(text.strip())
    return f'{_text(lead)}<span class="{css}">{sign}<{tag}>{core}</{tag}></span>{_text(trail)}'


def _text(text: str) -> str:
    return escape(text).replace("\n", "<br>")
