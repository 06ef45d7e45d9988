"""The HTML the detail pane shows for one catalogue entry. No Qt here, so it is easy to test.

Every piece of text that comes from the catalogue (and so possibly from a user) goes through
``html.escape``. Links use the ``entry:`` scheme; the detail pane turns a click on one into a
jump to that entry and never opens anything outside the app.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from html import escape

from reformkit.catalogue.entry import USER, Entry
from reformkit.catalogue.kinds import KINDS

LINK_SCHEME = "entry"

NATIONAL_CONTEXT = "national government (shown for context)"
NO_ADDRESSEE = "no one named in its words"
SUGGESTION_MARK = "a ReformKit suggestion, not from the briefing"

STYLE = """
<style>
  h1 { font-size: x-large; margin-bottom: 2px; }
  .id { color: #555555; font-weight: normal; }
  .kind { color: #555555; margin-top: 0; }
  blockquote.quote { margin: 10px 24px 10px 16px; font-size: large; }
  p.quote { margin: 10px 0 10px 0; }
  .label { font-weight: bold; }
  .credit { color: #555555; font-size: small; }
  a { color: #1a4f9c; }
</style>
"""


@dataclass(frozen=True)
class EntryContext:
    """An entry with what the detail pane shows around it."""

    entry: Entry
    parent: Entry | None = None
    children: Sequence[Entry] = ()
    related: Sequence[Entry] = ()  # entries it names, and entries that name it
    credit: str = ""
    missing_related: Sequence[str] = field(default_factory=tuple)  # ids no longer there
    # The documents expected to answer it, in words ("a Local Reform Plan"), for a
    # recommendation; empty for one addressed to national government alone.
    documents: Sequence[str] = ()


def kind_label(kind: str) -> str:
    known = KINDS.get(kind)
    return known.label if known else kind.capitalize()


def answered_by(context: EntryContext) -> str:
    """Which local document is expected to answer a recommendation, in plain words."""
    if not context.documents:
        return NATIONAL_CONTEXT
    return " and ".join(context.documents)


def link(entry: Entry) -> str:
    return f'<a href="{LINK_SCHEME}:{escape(entry.id)}">{escape(entry.id)}</a>'


def link_line(entry: Entry) -> str:
    return f"{link(entry)}&nbsp;&nbsp;{escape(entry.title)}"


def render_entry(context: EntryContext) -> str:
    """The whole detail page for one entry."""
    entry = context.entry
    parts = [STYLE, _heading(entry)]
    if context.parent is not None:
        part_of = f"Part of {kind_label(context.parent.kind).lower()}"
        parts.append(_row(part_of, link_line(context.parent)))
    parts.append(_body(entry))
    parts.append(_caveat(entry))
    parts.append(_our_wording(entry))
    if entry.kind == "recommendation":
        addressed = ", ".join(entry.addressed_to) or NO_ADDRESSEE
        parts.append(_row("Addressed to", escape(addressed)))
        if entry.affects:
            parts.append(_row("Affects", escape(", ".join(entry.affects))))
    if entry.kind == "recommendation":
        parts.append(_row("Answered by", escape(answered_by(context))))
    if context.children:
        parts.append(_list(_children_label(context.children), context.children))
    if context.related or context.missing_related:
        parts.append(_related(context))
    parts.append(_source(entry))
    if entry.from_briefing and context.credit:
        parts.append(f'<p class="credit">{escape(context.credit)}</p>')
    return "\n".join(part for part in parts if part)


def render_group(title: str, summary: str, members: Sequence[Entry] = ()) -> str:
    """The page for a group heading in the tree (such as "Duties")."""
    parts = [STYLE, f"<h1>{escape(title)}</h1>", f"<p>{escape(summary)}</p>"]
    if members:
        parts.append(_list("In this group", members))
    return "\n".join(parts)


def render_message(title: str, text: str) -> str:
    """A plain page: the welcome text, or a note when nothing is chosen."""
    paragraphs = "".join(f"<p>{escape(line)}</p>" for line in text.split("\n") if line)
    return f"{STYLE}<h1>{escape(title)}</h1>{paragraphs}"


def _heading(entry: Entry) -> str:
    return (
        f'<h1><span class="id">{escape(entry.id)}</span>&nbsp;&nbsp;{escape(entry.title)}</h1>'
        f'<p class="kind">{escape(_kind_line(entry))}</p>'
    )


def _kind_line(entry: Entry) -> str:
    label = kind_label(entry.kind)
    if entry.origin == USER:
        return f"{label} · your own"
    if entry.is_suggestion:
        return f"{label} · {SUGGESTION_MARK}"
    page = f", page {entry.page}" if entry.page else ""
    if entry.kind == "principle" and (entry.from_text or entry.to_text):
        return f"{label} · Table 1 of the briefing{page}"
    return f"{label} · from the briefing{page}"


def _body(entry: Entry) -> str:
    if entry.from_text or entry.to_text:
        rows = [("Theme", entry.theme), ("From", entry.from_text), ("To", entry.to_text)]
        return "".join(_row(label, escape(value)) for label, value in rows if value)
    text = entry.quote or entry.text
    if not text:
        return ""
    paragraphs = [p for p in text.split("\n") if p.strip()]
    if entry.quote:
        inner = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        return f'<blockquote class="quote">{inner}</blockquote>'
    return "".join(f'<p class="quote">{escape(p)}</p>' for p in paragraphs)


def _caveat(entry: Entry) -> str:
    """The briefing's own hedge, such as "subject to further investigation", with its page."""
    if not entry.caveat:
        return ""
    page = f" (page {entry.page})" if entry.page else ""
    return _row("Caveat", f"the briefing proposes this “{escape(entry.caveat)}”{page}")


def _our_wording(entry: Entry) -> str:
    """ReformKit's plain-English wording of a briefing entry, marked as ours, not quoted."""
    if not entry.from_briefing or entry.wording == entry.body:
        return ""
    return _row("ReformKit's suggested wording (not the briefing's)", escape(entry.wording))


def _row(label: str, value_html: str) -> str:
    return f'<p><span class="label">{escape(label)}:</span> {value_html}</p>'


def _list(label: str, entries: Sequence[Entry]) -> str:
    items = "".join(f"<li>{link_line(e)}</li>" for e in entries)
    return f'<p class="label">{escape(label)}</p><ul>{items}</ul>'


def _children_label(children: Sequence[Entry]) -> str:
    kinds = {child.kind for child in children}
    if len(kinds) == 1:
        only = KINDS.get(next(iter(kinds)))
        if only is not None:
            return only.plural if len(children) > 1 else only.label
    return "Contains"


def _related(context: EntryContext) -> str:
    items = [f"<li>{link_line(e)}</li>" for e in context.related]
    items += [f"<li>{escape(i)} (no longer in the catalogue)</li>" for i in context.missing_related]
    return f'<p class="label">Related</p><ul>{"".join(items)}</ul>'


def _source(entry: Entry) -> str:
    if not entry.source:
        return ""
    source = entry.source
    if entry.page and f"page {entry.page}" not in source:
        source = f"{source}, page {entry.page}"
    return _row("Source", escape(source))
