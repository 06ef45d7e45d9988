"""Writing a file so that a failure never leaves a broken file or spoils a good one.

Everything is written to a temporary file in the target's folder, flushed to disk, and only
then moved over the target in one step.
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reformkit.errors import ReformKitError


class ExportError(ReformKitError):
    """An export could not be written; the message says why and what to do."""


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``target`` atomically."""
    target = Path(target)
    folder = target.resolve().parent
    if not folder.is_dir():
        raise ExportError(f"The folder {folder} does not exist. Choose another place to save.")
    if target.is_dir():
        raise ExportError(f"{target} is a folder. Choose a file name to save as.")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=target.suffix, dir=folder)
    except OSError as error:
        raise ExportError(_cannot_write(folder, error)) from None
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with temporary.open("rb+") as written:
            os.fsync(written.fileno())
        os.replace(temporary, target)
    except OSError as error:
        raise ExportError(_cannot_write(target, error)) from None
    finally:
        temporary.unlink(missing_ok=True)


def _cannot_write(where: Path, error: OSError) -> str:
    reason = error.strerror or str(error)
    if error.errno in (errno.ENOSPC, errno.EDQUOT):
        advice = "The disk is full: free some space, or choose another drive."
    elif error.errno == errno.EROFS:
        advice = "That folder cannot be written to: choose another folder."
    else:
        advice = (
            "If the file is open in Word or another program, close it and try again; "
            "otherwise choose another folder."
        )
    return f"ReformKit could not save to {where} ({reason}). {advice} Nothing was changed."
