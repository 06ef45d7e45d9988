"""PDF export: the Word file, converted by LibreOffice into a tagged, accessible PDF.

ReformKit does not lay out pages itself. It writes the Word document into a private temporary
folder and asks LibreOffice (``soffice --headless``) to convert it with tagging and PDF/UA
switched on, so the PDF carries its structure (headings, tables, alternative text) for screen
readers, and LibreOffice fills in the contents' page numbers as it loads the file.

LibreOffice runs with a profile of its own in the temporary folder (never the user's: a
running LibreOffice would otherwise swallow the request, and the user's settings would change
the result), with macros off and no update check, and is stopped after :data:`TIMEOUT`
seconds. The PDF reaches the chosen file only once it is whole, through the same safe write
as every export; a failure or a timeout leaves nothing behind.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reformkit.export.progress import Progress, no_progress
from reformkit.export.safe_write import ExportError, replacing

if TYPE_CHECKING:
    from reformkit.layout.blocks import LaidOut

#: Seconds LibreOffice may take to convert one document (a sample plan takes a few seconds,
#: most of it starting LibreOffice with a fresh profile; very long plans take longer).
TIMEOUT = 300.0
NAMES = ("soffice", "libreoffice")
#: Where the installers put LibreOffice when it is not on PATH.
INSTALL_FOLDERS: tuple[str, ...] = (
    "/Applications/LibreOffice.app/Contents/MacOS",
    "{ProgramFiles}/LibreOffice/program",
    "{ProgramFiles(x86)}/LibreOffice/program",
    "/opt/libreoffice/program",
    "/usr/lib/libreoffice/program",
    "/snap/bin",
)
MISSING = (
    "PDF export needs LibreOffice, which is not installed on this computer: install it "
    "free from libreoffice.org, or export a Word document, open it in Word and save it as PDF."
)
#: LibreOffice's PDF export options: tagged, PDF/UA, the contents as links and bookmarks.
FILTER_OPTIONS = {
    "UseTaggedPDF": {"type": "boolean", "value": "true"},
    "PDFUACompliance": {"type": "boolean", "value": "true"},
    "ExportBookmarks": {"type": "boolean", "value": "true"},
    "ExportLinksRelativeFsys": {"type": "boolean", "value": "false"},
    "UseReferenceXObject": {"type": "boolean", "value": "false"},
}
#: The private profile's settings: macros never run, no update check, no online help.
PROFILE_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="MacroSecurityLevel" oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting">\
<prop oor:name="DisableMacrosExecution" oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Jobs/Jobs/org.openoffice.Office.Jobs:Job['UpdateCheck']\
/Arguments"><prop oor:name="AutoCheckEnabled" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Help">\
<prop oor:name="HelpRootURL" oor:op="fuse"><value></value></prop></item>
</oor:items>
"""


def find_office() -> Path | None:
    """LibreOffice's ``soffice`` program: on PATH, else where its installers put it."""
    for name in NAMES:
        found = shutil.which(name)
        if found:
            return Path(found)
    program = "soffice.exe" if sys.platform == "win32" else "soffice"
    for folder in INSTALL_FOLDERS:
        try:
            resolved = folder.format_map(os.environ)
        except KeyError:
            continue  # a Windows folder on another system
        candidate = Path(resolved) / program
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def unavailable() -> str:
    """Why PDF export cannot run on this computer, in one sentence; empty when it can."""
    return "" if find_office() is not None else MISSING


def write_pdf(
    laid: LaidOut,
    target: Path,
    template: Path | None = None,
    progress: Progress = no_progress,
    timeout: float | None = None,
) -> list[str]:
    """Write ``laid`` to ``target`` as a tagged PDF; return notes for the user."""
    from reformkit.export.docx_writer import write_docx

    office = find_office()
    if office is None:
        raise ExportError(MISSING)
    with tempfile.TemporaryDirectory(prefix="reformkit-pdf-") as name:
        folder = Path(name)
        word = folder / "document.docx"

        def word_progress(done: int, total: int) -> None:
            progress(done, total * 2)  # the conversion is the other half of the work

        warnings = write_docx(laid, word, template=template, progress=word_progress)
        pdf = convert(office, word, folder, TIMEOUT if timeout is None else timeout)
        with replacing(Path(target)) as temporary:
            shutil.copyfile(pdf, temporary)
        progress(1, 1)
    return list(warnings)


def convert(office: Path, word: Path, folder: Path, timeout: float) -> Path:
    """Convert ``word`` into a PDF inside ``folder`` (private profile, timeout); return it."""
    profile = folder / "profile"
    settings = profile / "user" / "registrymodifications.xcu"
    settings.parent.mkdir(parents=True)
    settings.write_text(PROFILE_SETTINGS, "utf-8")
    out = folder / "out"
    out.mkdir()
    command = [
        str(office),
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--invisible",
        "--nologo",
        "--nodefault",
        "--nolockcheck",
        "--norestore",
        "--convert-to",
        "pdf:writer_pdf_Export:" + json.dumps(FILTER_OPTIONS, separators=(",", ":")),
        "--outdir",
        str(out),
        str(word),
    ]
    _run(command, timeout, folder)
    pdf = out / (word.stem + ".pdf")
    if not _is_pdf(pdf):
        raise ExportError(
            "LibreOffice did not make the PDF. Export a Word document instead, open it in "
            "Word or LibreOffice and save it as PDF."
        )
    return pdf


def _run(command: Sequence[str], timeout: float, folder: Path) -> None:
    """Run LibreOffice, stopping it (and whatever it started) after ``timeout`` seconds."""
    environment = dict(os.environ, TMPDIR=str(folder))
    options: dict[str, object] = {}
    if sys.platform == "win32":
        options["creationflags"] = subprocess.CREATE_NEW_PROCESS_GROUP
    else:
        options["start_new_session"] = True  # its own group: a timeout stops all of it
    try:
        process = subprocess.Popen(
            list(command),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            cwd=folder,
            env=environment,
            **options,  # type: ignore[call-overload]
        )
    except OSError as error:
        raise ExportError(
            f"LibreOffice could not be started ({error.strerror or error}). Reinstall it, "
            "or export a Word document, open it in Word and save it as PDF."
        ) from None
    try:
        output, _ = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _stop(process)
        raise ExportError(
            f"LibreOffice took longer than {timeout:g} seconds to make the PDF, so ReformKit "
            "stopped it and wrote nothing. Try again, or export a Word document and save it "
            "as PDF from Word."
        ) from None
    if process.returncode != 0:
        said = output.decode("utf-8", "replace").strip().splitlines()
        reason = f" ({said[-1][:160]})" if said else ""
        raise ExportError(
            f"LibreOffice could not make the PDF{reason}. Export a Word document instead, "
            "open it in Word and save it as PDF."
        )


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop LibreOffice and the processes it started (only those: its own group)."""
    try:
        if sys.platform == "win32":  # soffice.exe starts soffice.bin: stop the whole tree
            subprocess.run(
                ["taskkill", "/T", "/F", "/PID", str(process.pid)],
                capture_output=True,
                timeout=30,
                check=False,
            )
            process.kill()
        else:
            os.killpg(process.pid, signal.SIGKILL)
    except (OSError, subprocess.SubprocessError):
        pass  # it ended on its own meanwhile
    process.communicate()


def _is_pdf(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return path.stat().st_size > 0 and stream.read(5) == b"%PDF-"
    except OSError:
        return False
