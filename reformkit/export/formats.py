"""The one list of export formats that the CLI, the export dialog and the self-test read.

A format is a key (``docx``), the words people use for it, the file endings it writes and
accepts, whether it takes a house template, and its writer. Adding a format means one new
writer module and one :func:`register` call (the built-in ones are in
:mod:`reformkit.export.builtin_formats`, loaded the first time the list is read).

Only light modules are imported here: ``reformkit --version`` builds the CLI's parser, which
reads this list. Writers import their heavy libraries (python-docx) when they are called, and
:class:`ExportFormat` is a typed ``NamedTuple`` rather than a dataclass because importing
``dataclasses`` (and ``inspect`` with it) would be most of the start-up cost of ``--version``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from reformkit.export.progress import Progress
    from reformkit.layout.blocks import LaidOut

#: Writes the laid-out document to the target path (with a house template, for formats that
#: take one), reporting progress; returns notes for the user (a style the template lacks).
Writer = Callable[["LaidOut", Path, "Path | None", "Progress"], Sequence[str]]
#: Reads a written file back against the headings it must hold; returns what is wrong, each
#: as the end of a sentence ("lacks the heading 'Rights'"). The self-test runs it.
Checker = Callable[[Path, Sequence[str]], Sequence[str]]


class ExportFormat(NamedTuple):
    """One format ReformKit can export to (immutable, like a frozen dataclass)."""

    key: str  # "docx": what the CLI's --format takes and what settings remember
    label: str  # "Word document": what people call it
    suffix: str  # ".docx": the ending given to new files
    write: Writer
    other_suffixes: tuple[str, ...] = ()  # endings that are also fine (".markdown")
    takes_template: bool = False  # a house template (Word styles) applies
    check: Checker | None = None  # how the self-test reads a written file back
    #: Why this format cannot be written on this computer, one sentence ("" when it can):
    #: PDF needs LibreOffice. The dialog greys the format out with the reason.
    unavailable: Callable[[], str] | None = None

    def why_unavailable(self) -> str:
        """The reason this format cannot be written here, or ``""``."""
        return self.unavailable() if self.unavailable is not None else ""

    @property
    def suffixes(self) -> tuple[str, ...]:
        """Every ending this format writes or accepts, its own first."""
        return (self.suffix, *self.other_suffixes)

    def file_filter(self) -> str:
        """A file dialog filter: ``Markdown (*.md *.markdown)``."""
        return f"{self.label} ({' '.join(f'*{suffix}' for suffix in self.suffixes)})"


_REGISTRY: dict[str, ExportFormat] = {}
_loading_built_ins = False
_built_ins_loaded = False


def _load_built_ins() -> None:
    """Register docx, md and html the first time the list is read."""
    global _built_ins_loaded, _loading_built_ins
    if _built_ins_loaded or _loading_built_ins:
        return
    _loading_built_ins = True
    try:
        from reformkit.export import builtin_formats

        builtin_formats.register_all()
        _built_ins_loaded = True
    finally:
        _loading_built_ins = False


def register(fmt: ExportFormat) -> ExportFormat:
    """Add ``fmt`` to the list; a key or file ending already taken is a programming error."""
    _load_built_ins()
    if not fmt.key or fmt.key != fmt.key.lower() or "." in fmt.key:
        raise ValueError(f"an export format key is a lower-case word, not {fmt.key!r}")
    for suffix in fmt.suffixes:
        if not suffix.startswith(".") or suffix != suffix.lower():
            raise ValueError(f"a file ending starts with a dot and is lower case: {suffix!r}")
    if fmt.key in _REGISTRY:
        raise ValueError(f"an export format '{fmt.key}' is already registered")
    taken = {suffix: known.key for known in _REGISTRY.values() for suffix in known.suffixes}
    for suffix in fmt.suffixes:
        if suffix in taken:
            raise ValueError(f"the ending {suffix} already belongs to '{taken[suffix]}'")
    _REGISTRY[fmt.key] = fmt
    return fmt


def unregister(key: str) -> None:
    """Take a format off the list (tests and plugins that are unloaded)."""
    _REGISTRY.pop(key, None)


def all_formats() -> tuple[ExportFormat, ...]:
    """Every format, in the order they were registered (the built-in ones first)."""
    _load_built_ins()
    return tuple(_REGISTRY.values())


def format_keys() -> tuple[str, ...]:
    return tuple(fmt.key for fmt in all_formats())


def in_words(words: Sequence[str], last: str = "or") -> str:
    """``a, b or c`` (or ``a, b and c``): a list for a sentence."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {last} {words[-1]}"


def known_formats() -> str:
    """The keys for a sentence: ``docx, md or html``."""
    return in_words(format_keys())


def known_labels() -> str:
    """What people call the formats, for a sentence: ``Word document, Markdown or Web page``."""
    return in_words([fmt.label for fmt in all_formats()])


def known_suffixes() -> str:
    """The formats' own file endings for a sentence: ``.docx, .md or .html``."""
    return in_words([fmt.suffix for fmt in all_formats()])


def find_format(key: str) -> ExportFormat:
    """The format called ``key`` (``docx``, ``.md``, ``HTML``…), else a plain ExportError."""
    _load_built_ins()
    found = _REGISTRY.get(key.lower().lstrip("."))
    if found is None:
        from reformkit.export.safe_write import ExportError  # late: the CLI's parser reads us

        raise ExportError(f"ReformKit cannot export '{key}'. Choose {known_formats()}.")
    return found


def format_for_path(path: Path) -> ExportFormat | None:
    """The format whose file ending ``path`` has (``.markdown`` is Markdown), if any."""
    suffix = Path(path).suffix.lower()
    for fmt in all_formats():
        if suffix in fmt.suffixes:
            return fmt
    return None


def template_labels() -> str:
    """The formats that take a house template, for a sentence: ``Word document``."""
    return in_words([fmt.label for fmt in all_formats() if fmt.takes_template])


def write_text(target: Path, text: str) -> None:
    """Write a text format safely: to a temporary file first, then over ``target``."""
    from reformkit.export.safe_write import replacing

    with replacing(Path(target)) as temporary:
        temporary.write_bytes(text.encode("utf-8"))
