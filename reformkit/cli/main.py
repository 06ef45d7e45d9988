"""Parsing the command line and turning every failure into one plain sentence.

Imports are kept light and late: ``reformkit --version`` must start about as fast as Python.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from reformkit import __version__

if TYPE_CHECKING:
    from pathlib import Path

    from reformkit.document.spec import DocumentKinds

KindsLoader = Callable[[], "DocumentKinds"]

DEBUG_VARIABLE = "REFORMKIT_DEBUG"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser(kinds: DocumentKinds | None = None) -> argparse.ArgumentParser:
    """The command line; with ``kinds``, also each kind's own commands (``spec.commands``)."""
    parser = argparse.ArgumentParser(
        prog="reformkit",
        description="Draft Respect Charters and Local Reform Plans from the briefing "
        "'The Reform Dividend' (Demos, 2024). Run with no command to open the desktop app.",
    )
    parser.add_argument("--version", action="version", version=f"ReformKit {__version__}")
    parser.add_argument(
        "--library",
        metavar="PATH",
        help="use this library file instead of the one in your data folder",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    from reformkit import selftest
    from reformkit.cli import (
        catalogue_commands,
        check_command,
        check_docx_command,
        document_commands,
        package_commands,
    )

    catalogue_commands.add_parser(commands)
    document_commands.add_parsers(commands)
    check_command.add_parser(commands)
    check_docx_command.add_parser(commands)
    package_commands.add_parsers(commands)
    selftest.add_option(parser)
    if kinds is not None:
        add_kind_commands(commands, kinds)
    return parser


def add_kind_commands(commands: Any, kinds: DocumentKinds) -> None:
    """Let each kind add its subcommands (``reformkit workshop serve``); one that fails is
    logged and left out, so a broken kind never takes the other commands with it."""
    import logging

    for spec in kinds:
        if spec.commands is None:
            continue
        try:
            spec.commands(commands)
        except Exception:
            logging.getLogger(__name__).exception("The %s commands could not be added", spec.kind)


def names_a_kind_command(parser: argparse.ArgumentParser, argv: Sequence[str]) -> bool:
    """Whether ``argv`` asks for a command the kernel does not have (a kind's), or for the
    top-level help, which lists them: only then are the kinds loaded to parse it."""
    if "--version" in argv:
        return False
    builtin: set[str] = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            builtin.update(action.choices)
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == "--library":
            skip = True
        elif not arg.startswith("-"):
            return arg not in builtin
    return "-h" in argv or "--help" in argv


def main(argv: Sequence[str] | None = None, load_kinds: KindsLoader | None = None) -> int:
    """Run the command line and return the exit code.

    ``load_kinds`` supplies the document kinds; by default, every kind installed in the
    ``reformkit.kinds`` entry-point group (tests pass their own).
    """
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    argv = list(sys.argv[1:] if argv is None else argv)
    loader = load_kinds or _installed_kinds
    parser = build_parser()
    if names_a_kind_command(parser, argv):
        kinds = loader()
        parser = build_parser(kinds)
        loader = lambda: kinds  # noqa: E731 (loaded once, for the parser and the command)
    args = parser.parse_args(argv)
    args.load_kinds = loader
    if args.command is None:
        print(
            "Give a command, for example: reformkit catalogue list. See reformkit --help.",
            file=sys.stderr,
        )
        return EXIT_USAGE
    return run(args)


def _installed_kinds() -> DocumentKinds:
    from reformkit.document.registry import load_kinds

    return load_kinds()


def run(args: argparse.Namespace) -> int:
    from reformkit.errors import ReformKitError

    try:
        check_inputs(args)
        return int(args.handler(args))
    except ReformKitError as error:
        print(f"reformkit: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader (e.g. ``head``) stopped early; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except KeyboardInterrupt:
        print("reformkit: stopped.", file=sys.stderr)
        return 130
    except Exception as error:  # the last line of defence: no traceback reaches a user
        if os.environ.get(DEBUG_VARIABLE):
            raise
        from reformkit.cli.failures import failure_sentence

        log_file = log_unexpected(error, str(args.command))
        where = f" The details are in {log_file}." if log_file is not None else ""
        sentence = failure_sentence(error)
        if sentence is not None:  # SQLite, the system or memory: a sentence, exit 2
            print(f"reformkit: {sentence[0].upper()}{sentence[1:]}{where}", file=sys.stderr)
            return EXIT_USAGE
        print(
            f"reformkit: something unexpected went wrong ({type(error).__name__}: {error}). "
            f"Nothing was changed.{where} Run again with {DEBUG_VARIABLE}=1 for details "
            "to report.",
            file=sys.stderr,
        )
        return EXIT_FAILED


def check_inputs(args: argparse.Namespace) -> None:
    """Refuse at once a path the command would read that is not an ordinary file.

    Each command names its input paths with ``set_defaults(inputs={attribute: what})``;
    ``--library`` is checked when it names something that exists (a new one is made).
    A FIFO would hang the command and ``/dev/zero`` would never end: see
    :mod:`reformkit.input_files`.
    """
    from reformkit.input_files import check_input_path

    inputs: dict[str, str] = getattr(args, "inputs", {})
    for attribute, what in inputs.items():
        value = getattr(args, attribute, None)
        if value is not None:
            check_input_path(value, what)
    library = getattr(args, "library", None)
    if library and os.path.lexists(library):
        check_input_path(library, "a ReformKit library")
        _refuse_document_as_library(library)


def _refuse_document_as_library(path: str) -> None:
    """A document given as ``--library`` would be moved aside as an unreadable library."""
    from reformkit.document.errors import ProjectError
    from reformkit.document.project_file import APPLICATION_ID, SQLITE_MAGIC

    with open(path, "rb") as handle:
        header = handle.read(100)
    if header.startswith(SQLITE_MAGIC) and header[68:72] == APPLICATION_ID.to_bytes(4, "big"):
        raise ProjectError(
            f"{path} is a ReformKit document, not a library. Give --library the library "
            "file, or leave it out to use your own."
        )


def log_unexpected(error: Exception, command: str) -> Path | None:
    """Write ``error``'s traceback to the log file and return the file, or ``None``.

    Logging is set up here, only when something went wrong, so a command that works starts
    no faster or slower; a log folder that cannot be written means no file, nothing more.
    """
    try:
        import logging

        from reformkit.logs import configure_logging, log_file
        from reformkit.paths import AppPaths

        path = log_file() or configure_logging(AppPaths.default().logs)
        if path is not None:
            logging.getLogger(__name__).error(
                "Unexpected error in the %s command", command, exc_info=error
            )
        return path
    except Exception:  # the log is a help, never a second failure
        return None
