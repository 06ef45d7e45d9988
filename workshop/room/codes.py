"""Join codes, session tokens and form tokens: the secrets a room hands out.

A join code is short enough to read off a projector and type on a phone: six characters
from an alphabet with no look-alikes (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). A correct code buys a
random session token, kept in a cookie; every form carries a token derived from it, so a
page elsewhere cannot post in a participant's name.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6
_TOKEN_BYTES = 24


def new_join_code() -> str:
    """A fresh code for a new session: 25**6, about 244 million, to guess from."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(typed: str) -> str:
    """What a person typed, as a code: capitals, no spaces or dashes; O read as 0 is not kept."""
    return "".join(ch for ch in typed.upper() if ch not in " -\t\r\n")[: CODE_LENGTH * 2]


def same_code(typed: str, code: str) -> bool:
    """Whether ``typed`` is ``code``, compared in constant time."""
    return hmac.compare_digest(normalise_code(typed).encode(), code.encode())


def new_token() -> str:
    """A random session token for one phone (192 bits)."""
    return secrets.token_urlsafe(_TOKEN_BYTES)


def new_secret() -> bytes:
    """The room's own key for form tokens, new with every session."""
    return secrets.token_bytes(32)


def form_token(secret: bytes, session_token: str) -> str:
    """The token every form of this session carries, tied to the phone's session token."""
    return hmac.new(secret, session_token.encode(), hashlib.sha256).hexdigest()[:32]


def form_token_ok(secret: bytes, session_token: str, sent: str) -> bool:
    return hmac.compare_digest(form_token(secret, session_token).encode(), sent.encode())
