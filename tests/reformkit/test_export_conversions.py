"""The exports read back in other tools: LibreOffice turns the Word file into a PDF with its
contents listed, and pandoc finds every heading and the appendix in the Word and Markdown.

These need LibreOffice, pandoc and poppler (CI installs them); without them the tests skip,
unless REFORMKIT_REQUIRE_CONVERTERS=1 says they must run.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import resources
from reformkit.catalogue.store import Catalogue
from reformkit.document.interchange import loads
from reformkit.export.run import export_document
from reformkit.layout.engine import lay_out
from tests.documents import KINDS

TOOLS = ("soffice", "pandoc", "pdftotext", "pdfinfo")
SAMPLES = ("respect-charter", "local-reform-plan")


@pytest.fixture(scope="module", autouse=True)
def converters() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    if missing:
        message = f"needs {', '.join(missing)}"
        if os.environ.get("REFORMKIT_REQUIRE_CONVERTERS"):
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Path]]:
    folder = tmp_path_factory.mktemp("exports")
    catalogue = Catalogue.open(None)
    result: dict[str, dict[str, Path]] = {}
    for name in SAMPLES:
        document = loads(resources.path("samples", f"{name}.json").read_text("utf-8"), KINDS)
        spec = KINDS.get(document.kind)
        paths = {}
        for fmt in ("docx", "md"):
            paths[fmt] = export_document(
                document,
                spec,
                catalogue.entries("recommendation"),
                catalogue.seed.credit,
                fmt,
                folder / f"{name}.{fmt}",
            ).path
        paths["headings"] = folder / f"{name}.headings"
        laid = lay_out(document, spec, catalogue.entries("recommendation"), catalogue.seed.credit)
        paths["headings"].write_text("\n".join(h.display for h in laid.headings(1)), "utf-8")
        result[name] = paths
    catalogue.close()
    profile = folder / "lo-profile"
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *(str(result[n]["docx"]) for n in SAMPLES),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    for name in SAMPLES:
        result[name]["pdf"] = folder / f"{name}.pdf"
    return result


def _headings(paths: dict[str, Path]) -> list[str]:
    return paths["headings"].read_text("utf-8").splitlines()


@pytest.mark.parametrize("name", SAMPLES)
def test_libreoffice_renders_pages_with_the_contents_listed(
    exported: dict[str, dict[str, Path]], name: str
) -> None:
    pdf = exported[name]["pdf"]
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(
        next(line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:"))
    )
    assert pages > 2
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    contents = text[text.index("Contents") :]
    first_body_heading = _headings(exported[name])[0]
    listing = contents[
        : contents.index(
            first_body_heading, len(first_body_heading) + contents.index(first_body_heading)
        )
    ]
    squeezed = " ".join(listing.split())
    for heading in _headings(exported[name]):
        assert " ".join(heading.split()) in squeezed, f"{heading} is not in the contents"


@pytest.mark.parametrize("name", SAMPLES)
@pytest.mark.parametrize("fmt", ["docx", "md"])
def test_pandoc_reads_every_heading_and_the_appendix(
    exported: dict[str, dict[str, Path]], name: str, fmt: str
) -> None:
    reader = {"docx": "docx", "md": "gfm"}[fmt]
    text = subprocess.run(
        ["pandoc", "-f", reader, "-t", "plain", "--wrap=none", str(exported[name][fmt])],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    squeezed = " ".join(text.split())
    for heading in _headings(exported[name]):
        assert " ".join(heading.split()) in squeezed
    assert "Recommendation 22: Designate Innovation Zones" in squeezed
    assert "CC BY-SA 3.0" in squeezed
