"""The QR code a phone scans to join: the room's address and join code, drawn by segno.

A PNG for the projector (pure Python, no image library) and text blocks for a terminal.
"""

from __future__ import annotations

import io

import segno


def _code(url: str) -> segno.QRCode:
    return segno.make(url, error="m", micro=False)


def qr_png(url: str, scale: int = 10) -> bytes:
    """The QR code for ``url`` as PNG bytes, each module ``scale`` pixels, with its quiet zone."""
    out = io.BytesIO()
    _code(url).save(out, kind="png", scale=scale, border=4)
    return out.getvalue()


def qr_text(url: str) -> str:
    """The QR code for ``url`` in Unicode half blocks, to print in a terminal."""
    out = io.StringIO()
    _code(url).terminal(out=out, compact=True, border=2)
    return out.getvalue()
