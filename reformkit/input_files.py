"""Checking a path before reading it: only an ordinary file, and not a huge one.

Reading a FIFO waits forever for a writer, reading ``/dev/zero`` never ends, and a folder
cannot be read at all. Every command and dialog that reads a file the user named checks it
here first, so each of those gets one plain sentence at once instead of a hang.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from reformkit.errors import ReformKitError

MEGABYTE = 1024 * 1024


class InputFileError(ReformKitError):
    """A path the user gave cannot be read as a file: missing, a folder, a device, too big."""


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not an ordinary file"


def check_input_path(path: Path | str, what: str) -> os.stat_result:
    """Refuse, without opening it, a path that is missing or not an ordinary file.

    ``what`` names what the file should be ("a ReformKit document", "a JSON document"…)
    for the message. Symbolic links are followed: a link to an ordinary file is fine.
    """
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputFileError(f"There is no file at {path}. Check the name and try again.") from None
    except NotADirectoryError:
        raise InputFileError(f"There is no file at {path}: part of the path is a file.") from None
    except OSError as error:
        raise InputFileError(f"{path} cannot be read: {error.strerror}.") from None
    if stat.S_ISREG(info.st_mode):
        return info
    raise _not_ordinary(path, info.st_mode, what)


def _not_ordinary(path: Path, mode: int, what: str) -> InputFileError:
    return InputFileError(
        f"{path} is {_kind_of(mode)}, not {what}. ReformKit reads only ordinary files; "
        "choose the file itself."
    )


def check_input_size(path: Path | str, info: os.stat_result, what: str, limit: int) -> None:
    """Refuse a file larger than ``limit`` bytes before reading any of it."""
    if info.st_size > limit:
        raise InputFileError(
            f"{Path(path).name} is {info.st_size / MEGABYTE:,.1f} MB. ReformKit reads {what} of "
            f"up to {limit // MEGABYTE} MB, far more than any real one; check it is the right "
            "file."
        )


def read_input_bytes(path: Path | str, what: str, limit: int) -> bytes:
    """The bytes of an ordinary file of at most ``limit`` bytes, or :class:`InputFileError`.

    The path is checked before opening, then opened without blocking (a FIFO swapped in
    after the check cannot hang it) and checked again by the open handle; at most
    ``limit + 1`` bytes are read, so a file that grows meanwhile is refused too.
    """
    path = Path(path)
    check_input_size(path, check_input_path(path, what), what, limit)
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise InputFileError(f"{path} cannot be read: {error.strerror}.") from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise _not_ordinary(path, info.st_mode, what)
        check_input_size(path, info, what, limit)
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise InputFileError(f"{path} cannot be read: {error.strerror}.") from None
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise InputFileError(
            f"{path.name} is larger than {limit // MEGABYTE} MB. ReformKit reads {what} of up "
            "to that size; check it is the right file."
        )
    return data
