"""What a merge would take from a partner's package, as rich text for Qt labels. No Qt here.

The marks are those of the versions compare view: a change says what it is in words and with
a symbol; in a word diff removed words carry a minus and a line through them, added words a
plus and a line under them. Colour only repeats what the marks say. Styles are written inline
so that they hold in any label.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from desktop.panels.compare_html import ADDED, CHANGED, KIND_WORDS, MOVED, REMOVED
from reformkit.dates import long_date
from reformkit.document.merge import MergePlan, PartPlan
from reformkit.document.merge_values import Change, ConflictValue

DELETED = "color: #8a1111; background-color: #fde2e2;"
INSERTED = "color: #14532d; background-color: #dcf2e3;"
LINES = {DELETED: "line-through", INSERTED: "underline"}
SIGN_GAP = "&nbsp;"  # so the minus is not taken for part of the strike, nor wrapped off it
# Each kind word on its own light ground, so it reads in the dark appearance too.
KIND_STYLES = {
    ADDED: "color: #14532d; background-color: #dcf2e3;",
    REMOVED: "color: #8a1111; background-color: #fde2e2;",
    CHANGED: "color: #1d3557; background-color: #e6ecf3;",
    MOVED: "color: #1e3a6e; background-color: #e3ebf8;",
}
QUIET = "font-style: italic;"
LEGEND = (
    f'Removed words: <span style="{DELETED}">−{SIGN_GAP}<s>struck through</s></span>. '
    f'Added words: <span style="{INSERTED}">+{SIGN_GAP}<u>underlined</u></span>.'
)
ALREADY_MERGED = "Already merged: nothing new."


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def from_whom(partner: str) -> str:
    return partner or "the partner"


def diff_html(pairs: Sequence[tuple[str, str]], empty: str = "(empty)") -> str:
    """A word diff, ``[("=", "a "), ("-", "old"), ("+", "new")]``, with its marks."""
    out = []
    last = "="
    for op, text in pairs:
        if op == "+" and last == "-" and text[:1] != " ":
            out.append(" ")  # old and new side by side, not run together
        if op == "-":
            out.append(marked(text, DELETED, "−"))
        elif op == "+":
            out.append(marked(text, INSERTED, "+"))
        else:
            out.append(plain(text))
        last = op
    return "".join(out) or f'<span style="{QUIET}">{escape(empty)}</span>'


def marked(text: str, style: str, sign: str) -> str:
    """A removed or added run: its sign, then the words; the spaces around them stay plain."""
    if not text.strip():
        return plain(text)
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    core = plain(text.strip())
    line = LINES.get(style, "none")
    return (
        f'{plain(lead)}<span style="{style}">{sign}{SIGN_GAP}'
        f'<span style="text-decoration: {line};">{core}</span></span>{plain(trail)}'
    )


def plain(text: str) -> str:
    return escape(text).replace("\n", "<br>")


def change_html(change: Change) -> str:
    kind = KIND_WORDS.get(change.kind, change.kind)
    head = (
        f'<p style="margin: 4px 0 0 0;"><b style="{KIND_STYLES.get(change.kind, "")}">'
        f"&nbsp;{escape(kind)}&nbsp;</b>&nbsp; {escape(change.label)} "
        f'<span style="{QUIET}">— by {escape(change.by)}</span></p>'
    )
    rows = [
        f'<p style="margin: 0 0 0 24px;"><i>{escape(field.label)}:</i> '
        f"{diff_html(field.word_diff())}</p>"
        for field in change.fields
    ]
    return head + "".join(rows)


def part_html(part: PartPlan) -> str:
    """A part's changes, one to a line, with who made them and the changed words."""
    if not part.changes:
        return f'<p style="{QUIET}">Nothing taken without a choice: see the conflicts below.</p>'
    return "".join(change_html(change) for change in part.changes)


def part_counts(part: PartPlan) -> str:
    counts = {kind: sum(1 for c in part.changes if c.kind == kind) for kind in KIND_WORDS}
    words = [f"{n} {kind}" for kind, n in counts.items() if n]
    if part.conflicts:
        words.append(plural(len(part.conflicts), "conflict"))
    return " · ".join(words)


def value_html(value: ConflictValue, side: str) -> str:
    """One conflicting value on one side, with its diff against the version sent."""
    pairs = value.ours_diff() if side == "ours" else value.theirs_diff()
    return f"<i>{escape(value.label)}:</i> {diff_html(pairs)}"


def summary(plan: MergePlan, package_name: str) -> str:
    """Who the package is from, what it holds, and what merging it would do."""
    info = plan.info
    parts = ", ".join(f"‘{escape(p.title)}’" for p in info.parts)
    who = escape(from_whom(info.partner))
    sent = f" on {escape(long_date(info.created))}" if info.created else ""
    lines = [
        f"<b>{escape(package_name)}</b>, returned by <b>{who}</b>.",
        f"Parts of ‘{escape(info.main_title)}’ sent{sent}: {parts}.",
    ]
    if plan.already_merged:
        lines.append(
            f"<b>{ALREADY_MERGED}</b> It was merged on {escape(long_date(plan.already_merged))}."
        )
    elif plan.is_empty:
        lines.append("<b>Nothing new:</b> the package says what this plan already says.")
    else:
        lines.append(
            f"Merging takes {plural(len(plan.changes), 'change')} from {who}"
            + (
                f"; {plural(len(plan.conflicts), 'conflict')} "
                f"need{'s' if len(plan.conflicts) == 1 else ''} your choice."
                if plan.conflicts
                else "."
            )
        )
    return "<br>".join(lines)
