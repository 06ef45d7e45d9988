"""Exports write through :mod:`reformkit.safe_files`, raising :class:`ExportError`.

Kept so that writers and callers name one export error; the rules themselves (never over the
open document, a ReformKit document or a device; atomic; modes kept) live in safe_files.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reformkit.safe_files import WriteError
from reformkit.safe_files import replacing as _replacing


class ExportError(WriteError):
    """An export could not be written; the message says why and what to do."""


@contextmanager
def replacing(target: Path, open_document: Path | None = None) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``target`` atomically."""
    with _replacing(Path(target), open_document=open_document, error=ExportError) as temporary:
        yield temporary
