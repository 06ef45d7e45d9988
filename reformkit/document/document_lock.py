"""Who is editing a document: one writer at a time, decided by the operating system.

The writer holds an exclusive lock on a small file beside the document, ``.NAME.lock``.
The system grants that lock to one process at a time, atomically, and drops it when the
process ends, so two ReformKits opening at once cannot both win, and a crash leaves no lock
behind (the file stays, but nobody holds it, and the next opener takes it over). The file's
text says who holds it, for the message a second opener sees.
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from reformkit.document.errors import DocumentInUseError
from reformkit.document.project_file import this_holder

log = logging.getLogger(__name__)
_WINDOWS_BYTE = 0x7FFFFFFF  # Windows locks bytes, not files: lock one far past the text
_TRIES = 20  # a lock file replaced while we waited for it, or a holder still writing its name


@dataclass(frozen=True)
class Holder:
    """Who holds a document: enough to tell the user where it is open."""

    host: str
    pid: int
    user: str
    since: str

    def describe(self) -> str:
        return f"{self.user or 'someone'} on {self.host or '?'}, since {self.since or '?'}"


def lock_path(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


class DocumentLock:
    """The writer role for one document. :meth:`acquire` it, :meth:`release` it once."""

    def __init__(self, path: Path, descriptor: int | None):
        self.path = path
        self._descriptor = descriptor

    @classmethod
    def acquire(cls, path: Path) -> DocumentLock:
        """Take the writer role, or raise :class:`DocumentInUseError` saying who has it."""
        target = lock_path(Path(path))
        for _ in range(_TRIES):
            descriptor = os.open(target, os.O_RDWR | os.O_CREAT | _NO_FOLLOW, 0o644)
            try:
                taken = _try_lock(descriptor, exclusive=True)
            except OSError as error:  # this file system has no locks (some network shares)
                os.close(descriptor)
                log.warning("No lock for %s (%s): opening without one", path, error)
                return cls(path, None)
            if taken and _still_there(descriptor, target):
                _write_holder(descriptor)
                return cls(path, descriptor)
            os.close(descriptor)
            holder = _read_holder(target) if not taken else None
            if holder is not None:
                raise DocumentInUseError(
                    f"{Path(path).name} is already open in ReformKit ({holder.describe()}). "
                    "Close it there first, or open it read-only.",
                    asdict(holder),
                )
            time.sleep(0.01)  # replaced under us, or its holder is still writing its name
        unknown = Holder("", 0, "", "")
        raise DocumentInUseError(
            f"{Path(path).name} is already open in ReformKit. Close it there first, or open it "
            "read-only.",
            asdict(unknown),
        )

    @property
    def held(self) -> bool:
        return self._descriptor is not None

    def release(self) -> None:
        """Give up the writer role; calling it again does nothing."""
        descriptor, self._descriptor = self._descriptor, None
        if descriptor is None:
            return
        try:
            if sys.platform == "win32":
                os.ftruncate(descriptor, 0)  # a file open elsewhere cannot be removed here
            else:
                lock_path(self.path).unlink(missing_ok=True)  # removed while still held
        except OSError:
            pass  # a read-only remount: the lock still ends when the descriptor closes
        finally:
            os.close(descriptor)

    def __enter__(self) -> DocumentLock:
        return self

    def __exit__(self, *_: object) -> None:
        self.release()


def holder_of(path: Path) -> Holder | None:
    """Who has ``path`` open for editing right now, or ``None`` if nobody does.

    Reads only: the lock file is never created or changed here.
    """
    target = lock_path(Path(path))
    try:
        descriptor = os.open(target, os.O_RDONLY | _NO_FOLLOW)
    except OSError:
        return None
    try:
        if _try_lock(descriptor, exclusive=False):
            return None  # the file is there, but nobody holds it: a crash left it
    except OSError:
        return None
    finally:
        os.close(descriptor)
    return _read_holder(target) or Holder("", 0, "", "")


_NO_FOLLOW = getattr(os, "O_NOFOLLOW", 0)


def _try_lock(descriptor: int, exclusive: bool) -> bool:
    """Lock without waiting: True if taken. A shared lock is dropped again at once."""
    if sys.platform == "win32":
        import msvcrt

        os.lseek(descriptor, _WINDOWS_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        except PermissionError:
            return False
        if not exclusive:
            msvcrt.locking(descriptor, msvcrt.LK_UNLCK, 1)
        return True
    import fcntl

    try:
        fcntl.flock(descriptor, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    if not exclusive:
        fcntl.flock(descriptor, fcntl.LOCK_UN)
    return True


def _still_there(descriptor: int, target: Path) -> bool:
    """The locked file is still the one at the path (its last holder may have removed it)."""
    try:
        here, there = os.fstat(descriptor), os.stat(target)
    except OSError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)


def _write_holder(descriptor: int) -> None:
    text = json.dumps({**this_holder(), "since": datetime.now(UTC).isoformat(timespec="seconds")})
    try:
        os.ftruncate(descriptor, 0)
        os.lseek(descriptor, 0, os.SEEK_SET)
        os.write(descriptor, text.encode("utf-8"))
    except OSError:
        pass  # a full disk: the lock holds, only the name in the message is missing


def _read_holder(target: Path) -> Holder | None:
    try:
        data = json.loads(target.read_text("utf-8"))
        return Holder(
            str(data.get("host", "")),
            int(data.get("pid", 0)),
            str(data.get("user", "")),
            str(data.get("since", "")),
        )
    except (OSError, ValueError, TypeError, AttributeError):
        return None
