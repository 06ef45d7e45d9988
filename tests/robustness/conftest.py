"""Shared set-up for the robustness tests: a sample document, the catalogue, tiny mounts."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import resources
from desktop.launcher import document_kinds
from reformkit.document.interchange import loads
from reformkit.document.project import Project

KINDS = document_kinds()


def make_sample(path: Path, name: str = "respect-charter") -> Path:
    """A document file made from a bundled sample."""
    document = loads(resources.path("samples", f"{name}.json").read_text("utf-8"), KINDS)
    Project.create_from(path, document, KINDS.get(document.kind)).close()
    return path


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    return make_sample(tmp_path / "source" / "charter.reformkit")


def _mount(*args: str) -> bool:
    if sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    done = subprocess.run(["mount", *args], capture_output=True, check=False)
    return done.returncode == 0


Mounter = Callable[..., Path]


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Mounter]:
    """Mount a small tmpfs (as root on Linux); skip if this machine does not allow it.

    ``tmpfs(size="64k")`` gives an empty folder; ``tmpfs(files={...}, read_only=True)``
    fills it, then remounts it read-only. Every mount is undone afterwards.
    """
    mounted: list[Path] = []

    def make(
        size: str = "1m", files: dict[str, bytes] | None = None, read_only: bool = False
    ) -> Path:
        folder = tmp_path / f"mnt-{uuid.uuid4().hex[:8]}"
        folder.mkdir()
        if not _mount("-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(folder)):
            pytest.skip("cannot mount a tmpfs here (needs root on Linux)")
        mounted.append(folder)
        for name, data in (files or {}).items():
            (folder / name).write_bytes(data)
        if read_only and not _mount("-o", "remount,ro", str(folder)):
            pytest.skip("cannot remount a tmpfs read-only here")
        return folder

    yield make
    for folder in reversed(mounted):
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)
