"""``reformkit --self-test``: prove that this copy of ReformKit works on this machine.

It opens the bundled catalogue in memory, makes each sample document in a temporary
folder, exports it in every registered format (:mod:`reformkit.export.formats`), reads
each file back with its format's own check, cleans up and prints one line. It needs no
Qt, no display and no network, and it runs the same from source and from the frozen
bundle, which is how CI and a support call check a build.

Only the standard library is imported at module level: ``reformkit --help`` builds the
parser that registers the option, and must stay fast.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from reformkit import APP_NAME, __version__

if TYPE_CHECKING:
    from reformkit.catalogue.store import Catalogue
    from reformkit.document.spec import DocumentKinds, SampleDocument

KindsLoader = Callable[[], "DocumentKinds"]


class SelfTestError(Exception):
    """One check failed; the message says what, in a few plain words."""


def run_self_test(out: TextIO, load_kinds: KindsLoader) -> int:
    """Run every check, print one line to ``out`` and return the exit code (0 or 1)."""
    started = time.perf_counter()
    try:
        summary = _check_everything(load_kinds)
    except SelfTestError as failure:
        return _report(out, f"self-test FAILED: {failure}", 1)
    except Exception as error:  # whatever broke, the answer is one line, not a traceback
        return _report(out, f"self-test FAILED: {type(error).__name__}: {error}", 1)
    seconds = time.perf_counter() - started
    return _report(out, f"self-test passed: {summary} ({seconds:.1f} s)", 0)


def _report(out: TextIO, message: str, code: int) -> int:
    out.write(f"{APP_NAME} {__version__} {' '.join(message.split())}\n")
    out.flush()
    return code


def _check_everything(load_kinds: KindsLoader) -> str:
    from reformkit.catalogue.store import Catalogue
    from reformkit.export.formats import all_formats, in_words

    kinds = load_kinds()
    samples = kinds.samples()
    if not all_formats():
        raise SelfTestError("no export formats are registered")
    if not len(kinds):
        raise SelfTestError("no document kinds are installed")
    folder = Path(tempfile.mkdtemp(prefix="reformkit-self-test-"))
    try:
        with Catalogue.open(None) as catalogue:
            entries = catalogue.count()
            if entries == 0 or catalogue.count("recommendation") != 22:
                raise SelfTestError(
                    f"the catalogue has {entries} entries and "
                    f"{catalogue.count('recommendation')} recommendations, not 22"
                )
            for sample in samples:
                _check_sample(sample, folder, kinds, catalogue)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if folder.exists():
        raise SelfTestError(f"the temporary folder {folder} could not be removed")
    return (
        f"catalogue {entries} entries, {len(samples)} samples, "
        f"{in_words([f.label for f in all_formats() if not f.why_unavailable()], 'and')} "
        "exported and checked"
    )


def _check_sample(
    sample: SampleDocument, folder: Path, kinds: DocumentKinds, catalogue: Catalogue
) -> None:
    from reformkit.document.project import Project
    from reformkit.export import run
    from reformkit.export.formats import all_formats
    from reformkit.layout.engine import lay_out
    from reformkit.samples import sample_file

    try:
        made = sample_file(sample, folder, kinds)
    except Exception as error:
        raise SelfTestError(f"{sample.label} could not be made ({error})") from error
    with Project.open(made, kinds, read_only=True) as project:
        document, spec = project.document, project.spec
    if not document.sections:
        raise SelfTestError(f"{sample.label} has no sections")
    recommendations = catalogue.entries("recommendation")
    credit = catalogue.seed.credit
    # The headings the layout gives (a kind may show a part inside another, as a workshop
    # record shows its themes within each activity), each of which the file must hold.
    laid = lay_out(document, spec, recommendations, credit)
    headings = [document.meta.title, *(h.text for h in laid.headings(depth=2))]
    for fmt in all_formats():
        if fmt.why_unavailable():
            continue  # PDF without LibreOffice: the app says so where it is offered
        target = folder / f"{sample.name}{fmt.suffix}"
        try:
            run.export_document(document, spec, recommendations, credit, fmt.key, target)
        except Exception as error:
            raise SelfTestError(
                f"{sample.label} could not be exported as {fmt.label} ({error})"
            ) from error
        if not target.is_file() or target.stat().st_size == 0:
            raise SelfTestError(f"{sample.label} exported as {fmt.label} wrote nothing")
        problems = fmt.check(target, headings) if fmt.check else ()
        if problems:
            raise SelfTestError(f"the {fmt.label} of {sample.label} {problems[0]}")


# The command-line option. ``reformkit.cli.main.build_parser`` registers it with one line;
# the work runs through the CLI's own ``run``, which passes the document kinds in.
HELP = "check that ReformKit works here: export the samples in every format and check them"


class SelfTestOption(argparse.Action):
    """``--self-test``: run the self-test instead of a command."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help=HELP)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> None:
        namespace.command = "self-test"
        namespace.handler = self_test_command


def add_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--self-test", action=SelfTestOption)


def self_test_command(args: argparse.Namespace) -> int:
    return run_self_test(sys.stdout, args.load_kinds)
