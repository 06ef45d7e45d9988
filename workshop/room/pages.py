"""The phone pages, as HTML built from escaped values (MarkupSafe): no template engine.

Every value that came from a person or the document goes through ``Markup.format``, which
escapes it. Pages are plain forms that work without JavaScript; the one script
(static/refresh.js) only reloads a results or waiting page now and then. No inline script or
style: the Content-Security-Policy forbids both.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup

from workshop.parts import Method
from workshop.room.state import ActivityView, RoomState


def position_words(from_words: str, to_words: str) -> tuple[str, ...]:
    """The five places along a row, in words: its two ends, leaning each way, in between."""
    return (
        from_words,
        f"Leaning to “{from_words}”",
        "In between",
        f"Leaning to “{to_words}”",
        to_words,
    )


NO_GROUP = "I would rather not say"


def page(title: str, body: Markup, *, refresh: bool = False) -> str:
    """A whole page: large type, one column, the room's own style sheet and nothing else."""
    script = Markup('<script src="/static/refresh.js" defer></script>') if refresh else ""
    marker = Markup(' data-refresh="5"') if refresh else ""
    return str(
        Markup(
            '<!doctype html>\n<html lang="en-GB"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<title>{title}</title><link rel="stylesheet" href="/static/room.css">{script}'
            "</head><body{marker}><main>{body}</main></body></html>\n"
        ).format(title=title, script=script, marker=marker, body=body)
    )


def join_page(message: str = "") -> str:
    note = Markup('<p class="problem" role="alert">{}</p>').format(message) if message else ""
    return page(
        "Join the workshop",
        Markup(
            "<h1>Join the workshop</h1>{note}"
            "<p>Type the code shown on the screen at the front of the room.</p>"
            '<form method="post" action="/join">'
            '<label for="code">Code</label>'
            '<input id="code" name="code" autocomplete="off" autocapitalize="characters" '
            'spellcheck="false" maxlength="12" required>'
            '<button type="submit">Join</button></form>'
        ).format(note=note),
    )


def message_page(title: str, text: str, link: tuple[str, str] | None = None) -> str:
    more = Markup('<p><a href="{}">{}</a></p>').format(*link) if link else ""
    return page(title, Markup("<h1>{}</h1><p>{}</p>{}").format(title, text, more))


def waiting_page(state: RoomState) -> str:
    heading = state.session_title or "The workshop"
    return page(
        heading,
        Markup(
            "<h1>{}</h1><p>Please wait for the next activity.</p>"
            "<p>This page shows it when the facilitator opens it.</p>"
            '<p><a href="/now">Check again</a></p><p><a href="/results">See the results</a></p>'
        ).format(heading),
        refresh=True,
    )


def _hidden(csrf: str, activity: ActivityView) -> Markup:
    return Markup(
        '<input type="hidden" name="csrf" value="{}">'
        '<input type="hidden" name="activity" value="{}">'
    ).format(csrf, activity.id)


def _group_choice(groups: Iterable[str], chosen: str = "") -> Markup:
    options = Markup("").join(
        Markup('<option value="{0}"{1}>{0}</option>').format(
            group, Markup(" selected") if group == chosen else ""
        )
        for group in groups
    )
    return Markup(
        '<label for="group">Which group are you in?</label>'
        '<select id="group" name="group"><option value="">{}</option>{}</select>'
    ).format(NO_GROUP, options)


def _problem(error: str) -> Markup:
    return Markup('<p class="problem" role="alert">{}</p>').format(error) if error else Markup("")


def activity_page(
    state: RoomState, csrf: str, *, error: str = "", text: str = "", group: str = ""
) -> str:
    """The page for the current activity: ideas, the canvas, or a vote."""
    activity = state.activity
    assert activity is not None
    head = Markup('<h1>{}</h1><p class="prompt">{}</p>{}').format(
        activity.title, activity.prompt, _problem(error)
    )
    if activity.method == Method.CANVAS:
        form = _canvas_form(state, activity, csrf, group)
    elif activity.method == Method.VOTE:
        form = _vote_form(activity, csrf)
    else:
        form = _ideas_form(state, activity, csrf, text, group)
    return page(
        activity.title,
        head + form + Markup('<p><a href="/results">See what the room said</a></p>'),
    )


def _ideas_form(
    state: RoomState, activity: ActivityView, csrf: str, text: str, group: str
) -> Markup:
    return Markup(
        '<form method="post" action="/send/idea">{hidden}'
        '<label for="text">Your idea</label>'
        '<textarea id="text" name="text" rows="5" maxlength="500" required>{text}</textarea>'
        "{groups}"
        '<button type="submit">Send</button></form>'
    ).format(hidden=_hidden(csrf, activity), text=text, groups=_group_choice(state.groups, group))


def _canvas_form(state: RoomState, activity: ActivityView, csrf: str, group: str) -> Markup:
    rows = Markup("")
    for row in activity.rows:
        words = position_words(row.from_words, row.to_words)
        choices = Markup("").join(
            Markup(
                '<label class="choice"><input type="radio" name="row{0}" value="{1}"> {2}</label>'
            ).format(row.number, position, words[position - 1])
            for position in range(1, 6)
        )
        rows += Markup(
            "<fieldset><legend>{theme}</legend>"
            '<p class="ends">From “{start}” to “{end}”</p>{choices}'
            '<label for="why{n}">Why? (you can leave this empty)</label>'
            '<textarea id="why{n}" name="why{n}" rows="2" maxlength="500"></textarea>'
            "</fieldset>"
        ).format(
            theme=row.theme, start=row.from_words, end=row.to_words, choices=choices, n=row.number
        )
    return Markup(
        '<form method="post" action="/send/place">{hidden}'
        "<p>For each row, choose where your service is today. Skip any you are not sure of.</p>"
        "{groups}{rows}"
        '<button type="submit">Send my places</button></form>'
    ).format(hidden=_hidden(csrf, activity), groups=_group_choice(state.groups, group), rows=rows)


def _vote_form(activity: ActivityView, csrf: str) -> Markup:
    options = Markup("").join(
        Markup(
            '<label class="vote" for="opt{0}">{1}</label>'
            '<input id="opt{0}" name="opt{0}" type="number" inputmode="numeric" '
            'min="0" max="{2}" value="0">'
        ).format(index, option, activity.dots)
        for index, option in enumerate(activity.options)
    )
    dots = "1 dot" if activity.dots == 1 else f"{activity.dots} dots"
    return Markup(
        '<form method="post" action="/send/vote">{hidden}'
        "<p>You have {dots}. Put them on the options you like most. "
        "You can put more than one on an option.</p>{options}"
        '<button type="submit">Send my votes</button></form>'
    ).format(hidden=_hidden(csrf, activity), dots=dots, options=options)


def thanks_page(what: str) -> str:
    return page(
        "Thank you",
        Markup(
            "<h1>Thank you</h1><p>{}</p>"
            '<p><a href="/now">Send more</a></p><p><a href="/results">See the results</a></p>'
        ).format(what),
    )


def results_page(state: RoomState) -> str:
    activity = state.activity
    if activity is None:
        body = Markup("<h1>Results</h1><p>Nothing to show yet.</p>")
    elif activity.method == Method.VOTE:
        body = _vote_results(state, activity)
    elif activity.method == Method.CANVAS:
        body = _canvas_results(state, activity)
    else:
        body = _idea_results(state, activity)
    return page("Results", body + Markup('<p><a href="/now">Back</a></p>'), refresh=True)


def _bar(label: Markup | str, value: int, most: int, words: str) -> Markup:
    return Markup(
        '<div class="bar"><span class="label">{0}</span>'
        '<meter min="0" max="{2}" value="{1}">{3}</meter><span class="count">{3}</span></div>'
    ).format(label, value, max(most, 1), words)


def _vote_results(state: RoomState, activity: ActivityView) -> Markup:
    most = max((dots for _, dots in state.tally), default=0)
    bars = Markup("").join(
        _bar(option, dots, most, "1 dot" if dots == 1 else f"{dots} dots")
        for option, dots in state.tally
    )
    return Markup("<h1>{}</h1><p>Dots so far.</p>{}").format(activity.title, bars)


def _canvas_results(state: RoomState, activity: ActivityView) -> Markup:
    counts = dict(state.canvas_counts)
    rows = Markup("")
    for row in activity.rows:
        at = counts.get(row.number, (0, 0, 0, 0, 0))
        words = position_words(row.from_words, row.to_words)
        bars = Markup("").join(
            _bar(words[i], at[i], max(at), str(at[i])) for i in range(min(5, len(at)))
        )
        rows += Markup("<section><h2>{}</h2>{}</section>").format(row.theme, bars)
    return Markup("<h1>{}</h1><p>Where people placed their service today.</p>{}").format(
        activity.title, rows
    )


def _idea_results(state: RoomState, activity: ActivityView) -> Markup:
    if not state.contributions:
        return Markup("<h1>{}</h1><p>No ideas yet.</p>").format(activity.title)
    items = Markup("").join(
        Markup("<li>{}{}</li>").format(
            text, Markup(' <span class="group">({})</span>').format(group) if group else ""
        )
        for text, group in state.contributions
    )
    return Markup('<h1>{}</h1><ul class="ideas">{}</ul>').format(activity.title, items)
