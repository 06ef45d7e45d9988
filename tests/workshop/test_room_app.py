"""The room's web app, called directly (no sockets): joining, sending, escaping, headers."""

from __future__ import annotations

import pytest

from tests.workshop.room_helpers import (
    CANVAS,
    IDEAS,
    VOTE,
    FakeInbox,
    client,
    form_token,
    get,
    joined,
    post,
    room,
    send_idea,
    state_for,
)
from workshop.room.app import COOKIE
from workshop.room.state import RoomState

SCRIPT = "<script>alert('x')</script>"


def test_the_join_link_with_the_code_lets_a_phone_in() -> None:
    app = room()
    phone = joined(app)
    page = get(phone, "/now")
    assert page.status_code == 200
    assert "What would make it better?" in page.get_data(as_text=True)


def test_without_the_code_a_phone_sees_only_the_join_form() -> None:
    app = room()
    phone = client(app)
    for path in ("/now", "/results", "/thanks"):
        response = get(phone, path)
        assert response.status_code == 303
        assert response.headers["Location"].endswith("/")
    page = get(phone, "/").get_data(as_text=True)
    assert "Type the code" in page
    assert "What would make it better?" not in page


def test_typing_the_code_in_the_form_lets_a_phone_in_in_any_case_and_spacing() -> None:
    app = room()
    phone = client(app)
    typed = " ".join(app.join_code.lower()[i : i + 3] for i in (0, 3))
    response = post(phone, "/join", {"code": typed})
    assert response.status_code == 303
    assert get(phone, "/now").status_code == 200


def test_a_wrong_code_is_refused_with_a_plain_reason() -> None:
    app = room()
    phone = client(app)
    response = get(phone, "/j/AAAAAA" if app.join_code != "AAAAAA" else "/j/CCCCCC")
    assert response.status_code == 403
    assert "did not work" in response.get_data(as_text=True)
    assert COOKIE not in response.headers.get("Set-Cookie", "")
    assert get(phone, "/now").status_code == 303


def test_an_old_code_and_its_cookie_stop_working_in_a_new_session() -> None:
    app = room()
    old_code = app.join_code
    phone = joined(app)
    new_code = app.new_session()
    assert new_code != old_code
    assert get(phone, "/now").status_code == 303  # the old cookie no longer counts
    assert get(client(app), f"/j/{old_code}").status_code == 403
    assert get(client(app), f"/j/{new_code}").status_code == 303


def test_the_cookie_is_a_session_cookie_hidden_from_scripts_and_other_sites() -> None:
    app = room()
    response = get(client(app), f"/j/{app.join_code}")
    cookie = response.headers["Set-Cookie"]
    assert cookie.startswith(f"{COOKIE}=")
    assert "HttpOnly" in cookie
    assert "SameSite=Strict" in cookie
    assert "Expires" not in cookie
    assert "Max-Age" not in cookie


def test_every_answer_carries_the_security_headers() -> None:
    app = room()
    phone = client(app)
    for response in (get(phone, "/"), get(phone, "/static/room.css"), get(phone, "/nowhere")):
        csp = response.headers["Content-Security-Policy"]
        assert "default-src 'self'" in csp
        assert "frame-ancestors 'none'" in csp
        assert "form-action 'self'" in csp
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Referrer-Policy"] == "no-referrer"
        assert response.headers["Cache-Control"] == "no-store"


def test_pages_have_no_inline_script_or_style() -> None:
    app = room()
    phone = joined(app)
    for activity in (IDEAS, VOTE, CANVAS, None):
        app.publish(state_for(activity))
        for path in ("/now", "/results"):
            page = get(phone, path).get_data(as_text=True)
            assert "<script>" not in page
            assert "style=" not in page
            assert "<style" not in page
            assert "http://" not in page and "https://" not in page  # nothing from elsewhere


def test_an_idea_goes_to_the_inbox_and_the_phone_is_thanked() -> None:
    inbox = FakeInbox()
    app = room(inbox)
    phone = joined(app)
    response = send_idea(app, phone, "  More benches\r\nby the door ", "Citizens")
    assert response.status_code == 303
    assert response.headers["Location"].endswith("/thanks?sent=idea")
    assert inbox.rows == [
        (
            "contribution",
            {"activity": "a1", "text": "More benches\nby the door", "group": "Citizens"},
        )
    ]
    assert "Thank you" in get(phone, response.headers["Location"]).get_data(as_text=True)


def test_a_group_not_offered_is_dropped() -> None:
    inbox = FakeInbox()
    app = room(inbox)
    send_idea(app, joined(app), "Hello", "Martians")
    assert inbox.rows[0][1]["group"] == ""


def test_a_send_without_the_form_token_is_refused() -> None:
    inbox = FakeInbox()
    app = room(inbox)
    phone = joined(app)
    response = post(phone, "/send/idea", {"activity": "a1", "text": "sneaky"})
    assert response.status_code == 403
    other = joined(app)  # another phone's token does not fit this phone's session
    token = form_token(get(other, "/now").get_data(as_text=True))
    response = post(phone, "/send/idea", {"csrf": token, "activity": "a1", "text": "sneaky"})
    assert response.status_code == 403
    assert inbox.rows == []


def test_a_send_to_a_closed_activity_is_refused() -> None:
    inbox = FakeInbox()
    app = room(inbox)
    phone = joined(app)
    token = form_token(get(phone, "/now").get_data(as_text=True))
    app.publish(RoomState(activity=IDEAS, open_for_phones=False))
    response = post(phone, "/send/idea", {"csrf": token, "activity": "a1", "text": "late"})
    assert response.status_code == 409
    assert inbox.rows == []
    assert "Please wait" in get(phone, "/now").get_data(as_text=True)


def test_a_long_idea_is_refused_and_kept_on_the_page_to_shorten() -> None:
    inbox = FakeInbox()
    app = room(inbox)
    response = send_idea(app, joined(app), "a" * 501)
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert "under 500" in page
    assert "a" * 501 in page
    assert inbox.rows == []


def test_an_oversize_body_is_refused_with_a_message() -> None:
    inbox = FakeInbox()
    app = room(inbox)
    phone = joined(app)
    token = form_token(get(phone, "/now").get_data(as_text=True))
    response = post(phone, "/send/idea", {"csrf": token, "activity": "a1", "text": "x" * 5000})
    assert response.status_code == 413
    assert "too much to send" in response.get_data(as_text=True)
    assert inbox.rows == []


def test_a_flood_from_one_phone_is_slowed_down() -> None:
    inbox = FakeInbox()
    app = room(inbox)
    phone = joined(app)
    statuses = [send_idea(app, phone, f"idea {n}").status_code for n in range(12)]
    assert statuses[0] == 303
    assert 429 in statuses
    assert len(inbox.rows) == statuses.count(303) < 12


def test_a_flood_of_requests_from_one_address_is_slowed_down() -> None:
    app = room()
    phone = client(app)
    statuses = [get(phone, "/").status_code for _ in range(80)]
    assert statuses[0] == 200
    assert statuses[-1] == 429


def test_guessing_codes_is_stopped_while_the_right_code_still_works_elsewhere() -> None:
    app = room()
    guesser = client(app)
    wrong = "AAAAAA" if app.join_code != "AAAAAA" else "CCCCCC"
    statuses = [get(guesser, f"/j/{wrong}").status_code for _ in range(12)]
    assert statuses[0] == 403
    assert statuses[-1] == 429
    # the right code from this address now waits too; from another address it works
    assert get(guesser, f"/j/{app.join_code}").status_code == 429
    other = client(app)
    response = get(other, f"/j/{app.join_code}", environ_base={"REMOTE_ADDR": "127.0.0.2"})
    assert response.status_code == 303


def test_a_script_in_an_idea_is_escaped_wherever_it_is_shown() -> None:
    inbox = FakeInbox()
    app = room(inbox)
    phone = joined(app)
    response = send_idea(app, phone, SCRIPT)
    assert response.status_code == 303
    assert inbox.rows[0][1]["text"] == SCRIPT  # stored as typed: escaping is for showing
    app.publish(state_for(IDEAS, contributions=((SCRIPT, SCRIPT),)))
    results = get(phone, "/results").get_data(as_text=True)
    assert SCRIPT not in results
    assert "&lt;script&gt;" in results
    # a refused idea is shown back in its box, escaped too
    page = send_idea(app, phone, SCRIPT + "x" * 500).get_data(as_text=True)
    assert SCRIPT not in page
    assert "&lt;script&gt;" in page


def test_a_script_in_the_document_is_escaped_on_every_page() -> None:
    app = room()
    phone = joined(app)
    hostile = CANVAS.__class__(
        id='a9"><script>',
        title=SCRIPT,
        method=VOTE.method,
        prompt=SCRIPT,
        dots=2,
        options=(SCRIPT,),
    )
    app.publish(
        RoomState(
            session_title=SCRIPT, activity=hostile, open_for_phones=True, tally=((SCRIPT, 2),)
        )
    )
    for path in ("/now", "/results"):
        page = get(phone, path).get_data(as_text=True)
        assert "<script>alert" not in page
        assert 'a9"><script>' not in page


def test_a_foreign_host_is_refused() -> None:
    app = room()
    phone = client(app)
    for base in ("http://evil.example:8765", "http://127.0.0.1:9999", "http://localhost:8765"):
        response = phone.get(
            f"/j/{app.join_code}", base_url=base, environ_base={"REMOTE_ADDR": "127.0.0.1"}
        )
        assert response.status_code == 400
        assert "Set-Cookie" not in response.headers


def test_a_phone_from_outside_the_local_network_is_refused() -> None:
    app = room()
    response = get(client(app), "/", environ_base={"REMOTE_ADDR": "8.8.8.8"})
    assert response.status_code == 403


def test_a_full_room_lets_no_more_phones_in() -> None:
    from workshop.room.app import RoomApp
    from workshop.room.limits import Limits

    app = RoomApp(FakeInbox(), Limits(participants=2))
    app.serve_at("127.0.0.1", 8765)
    joined(app)
    joined(app)
    response = get(client(app), f"/j/{app.join_code}")
    assert response.status_code == 503
    assert "full" in response.get_data(as_text=True)


def test_a_vote_is_one_payload_within_the_dots_once_per_phone() -> None:
    inbox = FakeInbox()
    app = room(inbox, VOTE)
    phone = joined(app)
    token = form_token(get(phone, "/now").get_data(as_text=True))
    too_many = {"csrf": token, "activity": "a2", "opt0": "2", "opt1": "2"}
    response = post(phone, "/send/vote", too_many)
    assert response.status_code == 400
    assert "you have 3" in response.get_data(as_text=True)
    response = post(
        phone, "/send/vote", {"csrf": token, "activity": "a2", "opt0": "2", "opt2": "1"}
    )
    assert response.status_code == 303
    assert inbox.rows == [
        (
            "vote",
            {"activity": "a2", "voter": "Phone 1", "allocation": {"Buses": 2, "Food": 1}},
        )
    ]
    again = post(phone, "/send/vote", {"csrf": token, "activity": "a2", "opt1": "1"})
    assert "already" in again.get_data(as_text=True)
    assert len(inbox.rows) == 1


def test_canvas_places_are_one_payload_per_row_chosen() -> None:
    inbox = FakeInbox()
    app = room(inbox, CANVAS)
    phone = joined(app)
    page = get(phone, "/now").get_data(as_text=True)
    assert "Simple and linear" in page and "Place-specific" in page
    assert page.count('type="radio"') == 10
    data = {
        "csrf": form_token(page),
        "activity": "a3",
        "row2": "4",
        "why2": "We listen",
        "group": "Staff",
    }
    assert post(phone, "/send/place", data).status_code == 303
    assert inbox.rows == [
        (
            "placement",
            {"activity": "a3", "row": 2, "position": 4, "why": "We listen", "group": "Staff"},
        )
    ]
    bad = {"csrf": form_token(page), "activity": "a3", "row1": "9"}
    assert post(phone, "/send/place", bad).status_code == 400


def test_results_show_bars_as_meters() -> None:
    app = room(activity=VOTE)
    app.publish(state_for(VOTE, tally=(("Parks", 5), ("Buses", 2), ("Food", 0))))
    page = get(joined(app), "/results").get_data(as_text=True)
    assert page.count("<meter") == 3
    assert 'max="5" value="5"' in page
    assert page.index("Parks") < page.index("Buses")


def test_hidden_ideas_are_not_on_the_phone_pages() -> None:
    app = room()
    phone = joined(app)
    app.publish(state_for(IDEAS, contributions=(("Shown idea", ""),)))
    page = get(phone, "/results").get_data(as_text=True)
    assert "Shown idea" in page


def test_a_failed_write_tells_the_phone_it_did_not_save() -> None:
    class BrokenInbox(FakeInbox):
        def put(self, channel: str, payload: dict[str, object]) -> str:
            raise OSError("disk full")

    app = room(BrokenInbox())
    response = send_idea(app, joined(app), "Hello")
    assert response.status_code == 503
    assert "did not save" in response.get_data(as_text=True)


@pytest.mark.parametrize("name", ["room.css", "refresh.js"])
def test_the_assets_are_served_by_the_room(name: str) -> None:
    response = get(client(room()), f"/static/{name}")
    assert response.status_code == 200
    assert response.get_data()
    assert get(client(room()), "/static/..%2Fapp.py").status_code == 404


def test_phones_are_numbered_on_across_sessions_so_voters_stay_apart() -> None:
    from workshop.room.app import RoomApp

    inbox = FakeInbox()
    app = RoomApp(inbox, first_phone=5)
    app.serve_at("127.0.0.1", 8765)
    app.publish(state_for(VOTE))
    for _ in range(2):
        phone = joined(app)
        token = form_token(get(phone, "/now").get_data(as_text=True))
        post(phone, "/send/vote", {"csrf": token, "activity": "a2", "opt0": "1"})
        app.new_session()
    assert [payload["voter"] for _, payload in inbox.rows] == ["Phone 5", "Phone 6"]
