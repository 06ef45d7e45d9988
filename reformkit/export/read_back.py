"""Reading an exported file back to prove it holds what it should: the self-test's checks.

Each check takes the written file and the headings it must show (the title first) and
returns what is wrong, each as the end of a sentence ("lacks the heading 'Rights'"), so
the caller can say whose file it was. The libraries that read a format are imported only
when its check runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path


def _words(text: str) -> str:
    return " ".join(text.split())


def check_docx_file(path: Path, headings: Sequence[str]) -> list[str]:
    """The Word file opens, shows every heading and the mapping, and passes accessibility."""
    import docx

    from reformkit.export import accessibility
    from reformkit.layout.appendix import MAPPING_TITLE

    try:
        word = docx.Document(str(path))
    except Exception as error:
        return [f"does not open ({error})"]
    joined = "\n".join(_words(paragraph.text) for paragraph in word.paragraphs)
    for heading in [*headings, MAPPING_TITLE]:
        if _words(heading) not in joined:
            return [f"lacks '{heading}'"]
    problems = accessibility.check_docx(path)
    if problems:
        first = problems[0]
        return [
            f"has {len(problems)} accessibility problem(s), "
            f"first: {first.rule} at {first.where}: {first.message}"
        ]
    return []


def check_markdown_file(path: Path, headings: Sequence[str]) -> list[str]:
    """The Markdown shows the title, and every section and appendix as a heading."""
    from reformkit.export.text_escape import markdown_inline
    from reformkit.layout.appendix import MAPPING_TITLE, TEXT_TITLE

    text = path.read_text(encoding="utf-8")
    heading_lines = "\n".join(line for line in text.splitlines() if line.startswith("#"))
    title, *sections = headings
    if markdown_inline(title) not in text:
        return [f"lacks its title '{title}'"]
    for heading in [*sections, MAPPING_TITLE, TEXT_TITLE]:
        if markdown_inline(heading) not in heading_lines:
            return [f"lacks the heading '{heading}'"]
    return []


class _Headings(HTMLParser):
    """Collects the text of every <h1>…<h6>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self._open = []

    def handle_endtag(self, tag: str) -> None:
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"} and self._open is not None:
            self.found.append(_words("".join(self._open)))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.append(data)


def check_html_file(path: Path, headings: Sequence[str]) -> list[str]:
    """The web page shows the title, every section and the mapping as headings."""
    from reformkit.layout.appendix import MAPPING_TITLE

    parser = _Headings()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    shown = "\n".join(parser.found)
    for heading in [*headings, MAPPING_TITLE]:
        if _words(heading) not in shown:
            return [f"lacks the heading '{heading}'"]
    return []
