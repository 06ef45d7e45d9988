"""The one way ReformKit writes a file: checked first, built beside it, moved over it in one step.

Every export, package, import, copy and library file goes through here, so the same rules hold
everywhere:

- Never over the document that is open, and never over a ReformKit document unless the
  caller says ``force`` (a person asked for it).
- Never over anything but a regular file: a folder, a FIFO, a device such as ``/dev/full``
  or a socket is refused before anything is opened (``os.stat`` does not block on a FIFO).
- A symbolic link is followed: the file it points at is replaced and the link stays a link.
  A link to something that is not a regular file, or to nothing, is refused.
- The new content is written to a hidden temporary file in the same folder
  (``.reformkit-tmp-<pid>-<random>…``), flushed to disk, then moved over the target with
  ``os.replace``, so the target is always either the old bytes or the complete new file.
  The target keeps its permissions; a new file gets the ones the umask allows (0644 under
  umask 022), as any program's would.
- A process killed mid-write leaves its temporary file behind; the next write into that
  folder removes such files once their process is gone and a few minutes have passed.

Qt-free, and free of the document model: :mod:`reformkit.document.file_install` adds what
replacing a SQLite document needs (the lock, the ``-wal``).
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import stat
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from reformkit.errors import ReformKitError

TEMP_PREFIX = ".reformkit-tmp-"
#: Names older ReformKits gave their temporary files and folders; removed when stale.
LEGACY_PREFIXES = (".importing-", ".packing-", ".saving-")
#: A temporary file whose process is gone is removed once it is this old (seconds). The
#: wait spares one being written from another computer sharing the folder.
STALE_AFTER = 180.0
#: Past this age a temporary file is removed even if its process id is in use again.
ABANDONED_AFTER = 24 * 3600.0
DOCUMENT_SUFFIX = ".reformkit"
SQLITE_MAGIC = b"SQLite format 3\x00"
APPLICATION_ID = 0x524B4954  # "RKIT": kept equal to reformkit.document.project_file's
_TEMP_NAME = re.compile(re.escape(TEMP_PREFIX) + r"(\d+)-")


class WriteError(ReformKitError):
    """A file was not written; the message says why and what to do. Nothing was changed."""


def check_target(
    target: Path,
    *,
    open_document: Path | None = None,
    force: bool = False,
    keep_existing: bool = False,
    error: type[ReformKitError] = WriteError,
) -> Path:
    """Where writing ``target`` will really go (a link followed), or ``error`` saying why not.

    ``open_document`` is never replaced. An existing ReformKit document is replaced only with
    ``force``; with ``keep_existing``, no existing file is replaced without ``force``.
    """
    target = Path(target)
    if str(target) == "" or target.name in ("", ".", ".."):
        raise error(f"'{target}' is not a file name. Choose a file name to save as.")
    real = _follow_link(target, error)
    if open_document is not None and _same_file(real, Path(open_document)):
        raise error(
            f"{target} is the document you are working from. Choose a different name, "
            "so that it is not overwritten."
        )
    folder = real.parent
    try:
        folder_stat = os.stat(folder)
    except FileNotFoundError:
        raise error(
            f"ReformKit cannot write to {folder}: that folder does not exist. "
            "Choose another place to save."
        ) from None
    except OSError as failure:
        raise error(cannot_write(folder, failure)) from None
    if not stat.S_ISDIR(folder_stat.st_mode):
        raise error(f"{folder} is not a folder. Choose another place to save.")
    try:
        found = os.stat(real)
    except FileNotFoundError:
        return real
    except OSError as failure:
        raise error(cannot_write(real, failure)) from None
    if not stat.S_ISREG(found.st_mode):
        raise error(f"{target} is {_what_it_is(found.st_mode)}, not a file. Choose a file name.")
    if is_document(real) and not force:
        raise error(
            f"{target} already exists and is a ReformKit document, which writing there would "
            "destroy. Choose another name (or, on the command line, add --force to replace it)."
        )
    if keep_existing and not force:
        raise error(
            f"{target} already exists. Choose another name (or, on the command line, add "
            "--force to replace it)."
        )
    return real


def is_document(path: Path) -> bool:
    """Whether ``path`` is (or claims to be) a ReformKit document: by name, or by its header."""
    if path.suffix.lower() == DOCUMENT_SUFFIX:
        return True
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return False
    try:
        header = os.read(descriptor, 100)
    except OSError:
        return False
    finally:
        os.close(descriptor)
    return (
        header.startswith(SQLITE_MAGIC)
        and len(header) >= 72
        and int.from_bytes(header[68:72], "big") == APPLICATION_ID
    )


@contextmanager
def replacing(
    target: Path,
    *,
    open_document: Path | None = None,
    force: bool = False,
    keep_existing: bool = False,
    error: type[ReformKitError] = WriteError,
) -> Iterator[Path]:
    """Yield a new, empty temporary file to write; when the block ends, it replaces ``target``.

    If the block raises, or the replacement fails, the target is untouched and the
    temporary file is gone.
    """
    real = check_target(
        target, open_document=open_document, force=force, keep_existing=keep_existing, error=error
    )
    clean_stale(real.parent)
    temporary = create_temporary(real, error)
    try:
        yield temporary
        commit(temporary, real, error=error)
    except OSError as failure:
        raise error(cannot_write(real, failure)) from None
    finally:
        temporary.unlink(missing_ok=True)


def write_bytes(
    target: Path,
    data: bytes,
    *,
    open_document: Path | None = None,
    force: bool = False,
    error: type[ReformKitError] = WriteError,
) -> Path:
    """Write ``data`` over ``target`` safely (the rules of :func:`check_target`)."""
    with replacing(target, open_document=open_document, force=force, error=error) as temporary:
        temporary.write_bytes(data)
    return Path(target)


def temporary_path(real: Path) -> Path:
    """A fresh hidden name beside ``real``, carrying this process's id (not created)."""
    name = f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(6)}{real.suffix}"
    return real.with_name(name)


def create_temporary(real: Path, error: type[ReformKitError] = WriteError) -> Path:
    """Create a new, empty temporary file beside ``real`` (mode as the umask allows)."""
    temporary = temporary_path(real)
    try:
        _create_exclusive(temporary)
    except OSError as failure:
        raise error(cannot_write(real.parent, failure)) from None
    return temporary


def _create_exclusive(path: Path) -> None:
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))


def commit(temporary: Path, real: Path, error: type[ReformKitError] = WriteError) -> None:
    """Give ``temporary`` the target's mode, flush it to disk and move it over ``real``."""
    try:
        os.chmod(temporary, mode_for(real))
        descriptor = os.open(temporary, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, real)
    except OSError as failure:
        raise error(cannot_write(real, failure)) from None
    sync_folder(real.parent)


def mode_for(real: Path) -> int:
    """The existing file's permissions, or those the umask gives a new file."""
    try:
        return stat.S_IMODE(os.stat(real).st_mode)
    except FileNotFoundError:
        return 0o666 & ~current_umask()


def current_umask() -> int:
    """The process's umask, read without changing it where the system allows."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)  # no /proc: read it by setting it, and put it straight back
    os.umask(mask)
    return mask


def sync_folder(folder: Path) -> None:
    """Flush the folder entry of a renamed file, where the system allows (not Windows)."""
    if sys.platform == "win32":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def clean_stale(folder: Path, now: float | None = None) -> list[Path]:
    """Remove the temporary files and folders killed writers left in ``folder``; return them.

    One is removed when its process is gone and it is older than :data:`STALE_AFTER`, or
    when it is older than :data:`ABANDONED_AFTER` whatever its process id. Names of older
    ReformKits (``.importing-…``) carry no process id and are removed once stale by age.
    Best effort: anything that cannot be removed is left for next time.
    """
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _is_stale(entry, now):
            continue
        path = Path(entry.path)
        try:
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(path)
            else:
                path.unlink()
        except OSError:
            continue
        removed.append(path)
    return removed


def _is_stale(entry: os.DirEntry[str], now: float) -> bool:
    name = entry.name
    matched = _TEMP_NAME.match(name)
    if matched is None and not name.startswith(LEGACY_PREFIXES):
        return False
    try:
        age = now - entry.stat(follow_symlinks=False).st_mtime
    except OSError:
        return False
    if age > ABANDONED_AFTER:
        return True
    if age < STALE_AFTER:
        return False
    return matched is None or not process_alive(int(matched.group(1)))


def process_alive(pid: int) -> bool:
    """Whether a process with this id is running on this computer."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":  # os.kill(pid, 0) would end the process on Windows
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def cannot_write(where: Path, failure: OSError) -> str:
    """One or two plain sentences for an operating system's refusal to write ``where``."""
    code = failure.errno
    reason = failure.strerror or str(failure)
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        advice = "The disk is full: free some space, or choose another drive."
    elif code == errno.EROFS:
        advice = "That drive is read-only: choose another folder."
    elif code in (errno.EACCES, errno.EPERM):
        advice = (
            "You do not have permission to write there, or the file is open in another "
            "program (such as Word): close it, or choose another folder."
        )
    elif code in (errno.EBUSY, errno.ETXTBSY):
        advice = "The file is in use by another program: close it and try again."
    elif code == errno.ENAMETOOLONG:
        advice = "The name is too long: choose a shorter one."
    elif code == errno.ENOENT:
        advice = "The folder has gone: choose another place to save."
    elif code == errno.EISDIR:
        advice = "That is a folder: choose a file name."
    else:
        advice = (
            "If the file is open in Word or another program, close it and try again; "
            "otherwise choose another folder."
        )
    return f"ReformKit could not save to {where} ({reason}). {advice} Nothing was changed."


def _follow_link(target: Path, error: type[ReformKitError]) -> Path:
    if not target.is_symlink():
        return Path(os.path.abspath(target))
    real = Path(os.path.realpath(target))
    if not os.path.lexists(real):
        raise error(
            f"{target} is a link to {real}, which does not exist. Choose a file name, or "
            "repair the link."
        )
    return real


def _same_file(one: Path, other: Path) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        return Path(os.path.abspath(one)) == Path(os.path.abspath(other))


def _what_it_is(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"
