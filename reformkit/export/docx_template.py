"""Opening the Word template an export starts from: ReformKit's own or a user's house style.

A user's file is checked before python-docx sees it, so that a broken or hostile file gives a
clear message instead of a traceback: it must be a zip of a sensible size whose entries stay
inside it, with the parts of a Word document. Its XML is measured by streaming each part
before anything parses it: python-docx holds a parsed part at about twenty times its size, so
a small zip of 48 MB of XML would take a gigabyte; the limits keep any template under about
200 MiB. A Word template (.dotx) is accepted by copying it and relabelling its main part as a
document, which is all that tells the two apart.

Relationships that point outside the file (an ``attachedTemplate`` on a web server, a picture
linked from a network share) are dropped, with a note: an export must never make Word or
LibreOffice reach out to an address the Board did not choose. Web links in a header or
footer are kept: they are text a reader may click, not something fetched on opening.
"""

from __future__ import annotations

import posixpath
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import docx
from docx.oxml.ns import qn

import resources
from reformkit.export.safe_write import ExportError

MAX_TOTAL_BYTES = 50 * 1024 * 1024  # uncompressed; real templates are well under 5 MB
#: XML parts, which are parsed into memory (pictures and fonts are only copied). Word's own
#: blank document holds about 0.8 MB of XML (mostly its styles); a house template a little
#: more. Parsed, 4 MB of XML takes about 150 MiB, which keeps an export within 200 MiB.
MAX_XML_BYTES = 4 * 1024 * 1024
XML_ENDINGS = (".xml", ".rels", ".vml")
HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
MAX_ENTRIES = 2000
DOCUMENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
MACRO_TYPES = ("ms-word.document.macroEnabled", "ms-word.template.macroEnabledTemplate")
_CHUNK = 64 * 1024


def builtin_template() -> Path:
    return resources.path("templates", "reformkit.docx")


def open_template(template: Path | None, notes: list[str] | None = None) -> Any:
    """A python-docx Document opened from ``template`` (or ReformKit's), its body emptied.

    What was changed on the way (links to outside the file dropped) is added to ``notes``."""
    path = builtin_template() if template is None else Path(template)
    name = path.name
    if template is not None and path.exists() and not path.is_file():
        from reformkit.input_files import InputFileError, check_input_path

        try:  # a folder, a FIFO or a device: say so, rather than "not found" (or a hang)
            check_input_path(path, "a Word document or template")
        except InputFileError as error:
            raise ExportError(str(error)) from None
    if not path.is_file():
        if template is None:
            raise ExportError(
                "ReformKit's Word template is missing from this installation "
                f"({path}). Reinstall ReformKit, or choose your own template."
            )
        raise ExportError(f"The template {name} was not found. Choose another template.")
    content_types = check_package(path)
    with tempfile.TemporaryDirectory(prefix="reformkit-template-") as folder:
        source = path
        if TEMPLATE_TYPE in content_types:
            source = Path(folder) / "template.docx"
            _as_document(path, source, content_types)
        try:
            document = docx.Document(str(source))
        except Exception as error:  # python-docx and lxml raise many kinds; all mean "broken"
            raise ExportError(
                f"The template {name} could not be read as a Word document ({_reason(error)}). "
                "Open it in Word, save it again as .docx or .dotx, and try once more."
            ) from None
    empty_body(document)
    dropped = drop_external(document)
    if dropped and notes is not None:
        notes.append(
            f"The template {name} pointed outside itself ({', '.join(dropped[:3])}"
            + (", …" if len(dropped) > 3 else "")
            + "). ReformKit left "
            + ("that link" if len(dropped) == 1 else "those links")
            + " out, so the export never reaches for anything when it is opened."
        )
    return document


def drop_external(document: Any) -> list[str]:
    """Remove every relationship to outside the package except web links; return their
    addresses. Whatever referred to one (``w:attachedTemplate``) goes too, or the file
    would name a relationship that is not there."""
    dropped: list[str] = []
    for part in document.part.package.iter_parts():
        rels = part.rels
        for rel_id, rel in list(rels.items()):
            if not rel.is_external or rel.reltype == HYPERLINK:
                continue
            dropped.append(str(rel.target_ref)[:80])
            rels.pop(rel_id)
            root = getattr(part, "_element", None)
            if root is None:
                continue  # a part python-docx keeps as bytes: nothing parsed refers to it
            _forget(root, rel_id)
    return list(dict.fromkeys(dropped))


def _forget(root: Any, rel_id: str) -> None:
    """Remove references to ``rel_id``: the element for a template or a frame, else the
    attribute (a picture's ``r:link`` falls back to the picture stored in the file)."""
    relationship = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
    for node in list(root.iter()):
        for attribute, value in list(node.attrib.items()):
            if value != rel_id or not attribute.startswith(relationship):
                continue
            if node.tag in (qn("w:attachedTemplate"), qn("w:subDoc")):
                parent = node.getparent()
                if parent is not None:
                    parent.remove(node)
                break
            del node.attrib[attribute]


def check_package(path: Path) -> str:
    """Check that ``path`` is a safe, complete Word package; return its content types."""
    name = path.name
    if not zipfile.is_zipfile(path):
        raise ExportError(
            f"The template {name} is not a Word file (.docx or .dotx). Choose a file saved by "
            "Word or LibreOffice in Word format."
        )
    try:
        with zipfile.ZipFile(path) as package:
            entries = package.infolist()
            if len(entries) > MAX_ENTRIES:
                raise ExportError(
                    f"The template {name} holds {len(entries)} files, more than a Word template "
                    "ever needs. ReformKit did not open it; choose another template."
                )
            names = set()
            for entry in entries:
                if _escapes(entry.filename):
                    raise ExportError(
                        f"The template {name} contains a file that points outside it "
                        f"({entry.filename!r}). ReformKit did not open it; choose another "
                        "template."
                    )
                names.add(entry.filename)
            _check_size(package, entries, name)
            missing = [p for p in ("[Content_Types].xml", "_rels/.rels") if p not in names]
            if missing:
                raise ExportError(
                    f"The template {name} is not a complete Word file ({', '.join(missing)} is "
                    "missing). Open it in Word, save it again, and try once more."
                )
            content_types = package.read("[Content_Types].xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as error:
        raise ExportError(
            f"The template {name} is damaged and cannot be opened ({_reason(error)}). "
            "Choose another template, or save this one again from Word."
        ) from None
    if any(kind in content_types for kind in MACRO_TYPES):
        raise ExportError(
            f"The template {name} contains macros (.docm or .dotm). Save it from Word as a "
            "plain Word document (.docx) or template (.dotx), then try again."
        )
    if DOCUMENT_TYPE not in content_types and TEMPLATE_TYPE not in content_types:
        raise ExportError(
            f"The template {name} is not a Word document (it may be a spreadsheet or a "
            "presentation). Choose a .docx or .dotx file."
        )
    return content_types


def empty_body(document: Any) -> None:
    """Remove the template's own text, keeping its last section properties (page set-up,
    headers and footers), and any comments it carried."""
    body = document.element.body
    for part in list(body):
        if part.tag != qn("w:sectPr"):
            body.remove(part)
    for rel in document.part.rels.values():
        if rel.reltype.endswith("/comments") and not rel.is_external:
            comments = rel.target_part.element
            for comment in list(comments):
                comments.remove(comment)


def _escapes(filename: str) -> bool:
    if filename.startswith(("/", "\\")) or "\\" in filename or ":" in filename.split("/")[0]:
        return True
    normal = posixpath.normpath(filename)
    return normal == ".." or normal.startswith("../")


def _check_size(package: zipfile.ZipFile, entries: list[zipfile.ZipInfo], name: str) -> None:
    """Read every entry, counting real bytes (a zip can lie about its sizes); XML parts,
    which will be parsed, have a tighter limit of their own."""
    xml_entries = [e for e in entries if e.filename.lower().endswith(XML_ENDINGS)]
    declared = sum(entry.file_size for entry in entries)
    declared_xml = sum(entry.file_size for entry in xml_entries)
    total, xml = declared, declared_xml
    if declared <= MAX_TOTAL_BYTES and declared_xml <= MAX_XML_BYTES:
        total = xml = 0
        for entry in entries:
            is_xml = entry in xml_entries
            with package.open(entry) as stream:
                while chunk := stream.read(_CHUNK):
                    total += len(chunk)
                    xml += len(chunk) if is_xml else 0
                    if total > MAX_TOTAL_BYTES or xml > MAX_XML_BYTES:
                        break
            if total > MAX_TOTAL_BYTES or xml > MAX_XML_BYTES:
                break
    if xml > MAX_XML_BYTES and total <= MAX_TOTAL_BYTES:
        raise ExportError(
            f"The template {name} holds more than {MAX_XML_BYTES // (1024 * 1024)} MB of "
            "text and settings, far more than a Word template needs (it may contain a whole "
            "document). ReformKit did not open it; save a copy with only the styles, headers "
            "and footers, or choose another template."
        )
    if total > MAX_TOTAL_BYTES:
        raise ExportError(
            f"The template {name} unpacks to more than {MAX_TOTAL_BYTES // (1024 * 1024)} MB, "
            "far more than a Word template needs. ReformKit did not open it; choose another "
            "template."
        )


def _as_document(source: Path, target: Path, content_types: str) -> None:
    """Copy a .dotx to ``target`` with its main part relabelled as a document."""
    relabelled = content_types.replace(TEMPLATE_TYPE, DOCUMENT_TYPE).encode("utf-8")
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for entry in old.infolist():
            data = relabelled if entry.filename == "[Content_Types].xml" else old.read(entry)
            new.writestr(entry, data)


def _reason(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return text[:160] or type(error).__name__
