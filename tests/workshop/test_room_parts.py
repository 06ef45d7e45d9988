"""The room's small parts: codes, limits, the choice of address, the QR code."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from workshop.room import codes, network
from workshop.room.errors import RoomError
from workshop.room.limits import Buckets, Rate
from workshop.room.qr import qr_png, qr_text


def test_join_codes_are_six_unambiguous_characters_and_differ() -> None:
    made = {codes.new_join_code() for _ in range(200)}
    assert len(made) > 190
    for code in made:
        assert len(code) == codes.CODE_LENGTH
        assert set(code) <= set(codes.CODE_ALPHABET)
    assert not set("0O1IL5S2Z8B") & set(codes.CODE_ALPHABET)


@given(st.text(alphabet=codes.CODE_ALPHABET, min_size=6, max_size=6))
def test_a_code_typed_in_lower_case_with_spaces_still_matches(code: str) -> None:
    assert codes.same_code(f" {code[:3].lower()} - {code[3:]} ", code)
    assert not codes.same_code(code[:5], code)


def test_form_tokens_are_tied_to_the_session_token_and_the_room() -> None:
    secret = codes.new_secret()
    token = codes.new_token()
    sent = codes.form_token(secret, token)
    assert codes.form_token_ok(secret, token, sent)
    assert not codes.form_token_ok(secret, codes.new_token(), sent)
    assert not codes.form_token_ok(codes.new_secret(), token, sent)
    assert not codes.form_token_ok(secret, token, "é" + sent)


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_bucket_allows_a_burst_then_refills_at_its_rate() -> None:
    clock = FakeClock()
    buckets = Buckets(Rate(burst=3, per_second=0.5), tracked=10, clock=clock)
    assert [buckets.take("a") for _ in range(4)] == [True, True, True, False]
    assert buckets.take("b")  # each key has its own
    clock.now = 1.0
    assert not buckets.take("a")
    clock.now = 2.0
    assert buckets.take("a")
    assert not buckets.has("a")
    clock.now = 100.0
    assert [buckets.take("a") for _ in range(4)] == [True, True, True, False]  # never above burst


def test_buckets_keep_a_bounded_number_of_keys() -> None:
    buckets = Buckets(Rate(burst=1, per_second=0.001), tracked=5, clock=FakeClock())
    for n in range(50):
        buckets.take(f"key{n}")
    assert len(buckets._levels) == 5


@pytest.mark.parametrize(
    "address", ["192.168.1.20", "10.0.0.7", "172.16.4.1", "172.31.255.254", "169.254.3.3"]
)
def test_private_and_link_local_addresses_may_be_used(address: str) -> None:
    assert network.may_listen_on(address)
    assert network.may_connect_from(address)
    assert network.choose_address(address) == address


@pytest.mark.parametrize(
    "address", ["0.0.0.0", "8.8.8.8", "172.32.0.1", "192.0.2.2", "127.0.0.2", "::", "::1", "x", ""]
)
def test_other_addresses_may_not_be_listened_on(address: str) -> None:
    assert not network.may_listen_on(address)
    if address.strip():
        with pytest.raises(RoomError):
            network.choose_address(address)


def test_loopback_phones_may_connect_and_internet_ones_not() -> None:
    assert network.may_connect_from("127.0.0.1")
    assert network.may_connect_from("::ffff:192.168.0.4")
    assert not network.may_connect_from("8.8.8.8")
    assert not network.may_connect_from("2001:db8::1")
    assert not network.may_connect_from("")


def test_candidates_put_the_local_network_first_and_this_laptop_last() -> None:
    found = ["127.0.0.1", "203.0.113.5", "169.254.1.1", "10.1.2.3", "192.168.0.9", "10.1.2.3"]
    assert network.candidate_addresses(found) == [
        "192.168.0.9",
        "10.1.2.3",
        "169.254.1.1",
        "127.0.0.1",
    ]
    assert network.choose_address(None, found) == "192.168.0.9"
    assert network.choose_address(None, ["203.0.113.5"]) == "127.0.0.1"


def test_the_qr_code_is_a_png_and_prints_as_text() -> None:
    url = "http://192.168.0.9:8765/j/ACDEFG"
    png = qr_png(url)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert qr_png(url) == png
    assert qr_png(url + "X") != png
    text = qr_text(url)
    assert len(text.splitlines()) > 10
    assert set(text) <= set("█▀▄ \n")
