"""A smaller ICU data library for the Linux bundle: 32 MB of ICU data down to about 11 MB.

PySide6's Linux wheels link QtCore against ICU 73, whose ``libicudata.so.73`` holds all of
ICU's data as one symbol, ``icudt73_dat``: a "common data" package of ~3,900 items. Qt uses
ICU for little: collation (QCollator), locale-aware case mapping, and text codecs. It formats
dates and numbers from its own CLDR tables and breaks lines with its own code. So the bundle
keeps every converter and all root data, and drops:

- the locale bundles of every locale but English (``fr.res``, ``coll/zh.res``, ``zone/de.res``
  and so on, in every tree). ICU falls back to root for a locale it lacks: collation is then
  the Unicode default order, which is right for English and close for most languages;
- the dictionaries for breaking Chinese, Japanese, Thai, Khmer, Lao and Burmese text into
  words (``brkitr/*.dict``), which Qt does not use;
- transliteration rules (``translit/``), which Qt does not use.

The library is rebuilt around the smaller package with the C compiler (``cc``), exporting the
same symbol under the same soname. Run alone to see what it would keep:
``python build_scripts/icu_trim.py path/to/libicudata.so.73``.
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

KEPT_LOCALES = {"en", "en_001", "en_GB", "en_US", "en_US_POSIX"}
_LOCALE_BUNDLE = re.compile(r"^([a-z]{2,3}(?:_[A-Za-z0-9]+)*)\.res$")
_NOT_LOCALES = {"res_index"}  # named like a locale; lists the locales there are
_ALIGN = 16


@dataclass(frozen=True)
class Item:
    name: str  # e.g. "icudt73l/coll/zh.res"
    data: bytes


def kept(name: str) -> bool:
    """Whether an item of the package stays in the trimmed one."""
    path = name.split("/", 1)[1] if "/" in name else name
    if path.startswith("translit/"):
        return False
    if path.startswith("brkitr/") and path.endswith(".dict"):
        return False
    locale = _LOCALE_BUNDLE.match(path.rsplit("/", 1)[-1])
    return locale is None or locale.group(1) in KEPT_LOCALES | _NOT_LOCALES


def read_symbol(library: Path) -> tuple[str, bytes]:
    """The ``icudtNN_dat`` symbol of an ICU data library (64-bit little-endian ELF)."""
    blob = library.read_bytes()
    if blob[:4] != b"\x7fELF" or blob[4] != 2 or blob[5] != 1:
        raise ValueError(f"{library} is not a 64-bit little-endian ELF library")
    (shoff,) = struct.unpack_from("<Q", blob, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", blob, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", blob, shoff + i * shentsize) for i in range(shnum)
    ]
    for section in sections:
        if section[1] not in (2, 11):  # SHT_SYMTAB, SHT_DYNSYM
            continue
        strings = sections[section[6]][4]
        for at in range(section[4], section[4] + section[5], 24):
            name_at, _, _, index, value, size = struct.unpack_from("<IBBHQQ", blob, at)
            start = strings + name_at
            name = blob[start : blob.index(b"\0", start)].decode()
            if re.fullmatch(r"icudt\d+_dat", name) and size:
                home = sections[index]
                offset = value - home[3] + home[4]
                return name, blob[offset : offset + size]
    raise ValueError(f"{library} has no icudtNN_dat symbol")


def parse(package: bytes) -> tuple[bytes, list[Item]]:
    """The header and the items of an ICU common data package (format ``CmnD``)."""
    (header_size,) = struct.unpack_from("<H", package, 0)
    if package[2:4] != b"\xda\x27" or package[12:16] != b"CmnD":
        raise ValueError("not an ICU common data package")
    (count,) = struct.unpack_from("<I", package, header_size)
    entries = [struct.unpack_from("<II", package, header_size + 4 + 8 * i) for i in range(count)]
    ends = [offset for _, offset in entries[1:]] + [len(package) - header_size]
    items = []
    for (name_at, offset), end in zip(entries, ends, strict=True):
        start = header_size + name_at
        name = package[start : package.index(b"\0", start)].decode("ascii")
        items.append(Item(name, package[header_size + offset : header_size + end]))
    return package[:header_size], items


def build(header: bytes, items: list[Item]) -> bytes:
    """A package of ``items`` (kept in their sorted order: ICU looks them up by bisection)."""
    table_size = 4 + 8 * len(items)
    names = b"".join(item.name.encode("ascii") + b"\0" for item in items)
    offset = _aligned(table_size + len(names))
    table = [struct.pack("<I", len(items))]
    name_at = table_size
    body = []
    for item in items:
        table.append(struct.pack("<II", name_at, offset))
        name_at += len(item.name) + 1
        padded = item.data + b"\0" * (_aligned(len(item.data)) - len(item.data))
        body.append(padded)
        offset += len(padded)
    toc = b"".join(table) + names
    toc += b"\0" * (_aligned(len(toc)) - len(toc))
    return header + toc + b"".join(body)


def _aligned(size: int) -> int:
    return (size + _ALIGN - 1) // _ALIGN * _ALIGN


def trimmed_library(library: Path, target: Path, compiler: str | None = None) -> tuple[int, int]:
    """Write a trimmed copy of ``library`` to ``target``; return (items kept, items in all)."""
    cc = compiler or shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        raise RuntimeError("no C compiler (cc) to build the trimmed ICU data library")
    symbol, package = read_symbol(library)
    header, items = parse(package)
    keep = [item for item in items if kept(item.name)]
    soname = library.name
    with tempfile.TemporaryDirectory() as work:
        data = Path(work) / "icudata.dat"
        data.write_bytes(build(header, keep))
        source = Path(work) / "icudata.S"
        source.write_text(
            "\t.section .rodata\n"
            f"\t.globl {symbol}\n"
            f"\t.type {symbol}, @object\n"
            f"\t.balign {_ALIGN}\n"
            f"{symbol}:\n"
            f'\t.incbin "{data}"\n'
            f"\t.size {symbol}, . - {symbol}\n"
            '\t.section .note.GNU-stack,"",@progbits\n',
            encoding="ascii",
        )
        subprocess.run(
            [cc, "-shared", "-nostdlib", f"-Wl,-soname,{soname}", "-o", str(target), str(source)],
            check=True,
        )
    return len(keep), len(items)


def main(argv: list[str]) -> int:
    library = Path(argv[0])
    _, package = read_symbol(library)
    _, items = parse(package)
    keep = [item for item in items if kept(item.name)]
    total = sum(len(item.data) for item in items)
    size = sum(len(item.data) for item in keep)
    print(f"{len(keep)} of {len(items)} items kept: {size / 1e6:.1f} of {total / 1e6:.1f} MB")
    if len(argv) > 1:
        trimmed_library(library, Path(argv[1]))
        print(f"wrote {argv[1]} ({Path(argv[1]).stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
