"""One export, run on its own thread so the window stays responsive while a writer works.

Everything the export needs is gathered on the UI thread first (a deep copy of the document,
the recommendations read from the catalogue, which is a SQLite connection that belongs to
the UI thread), so the job shares nothing that the UI can change while it runs.
"""

from __future__ import annotations

import copy
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThread, Signal

from reformkit.catalogue.entry import Entry
from reformkit.catalogue.store import Catalogue
from reformkit.document.model import Document
from reformkit.document.project import Project
from reformkit.document.spec import DocumentSpec
from reformkit.errors import ReformKitError
from reformkit.export import run as export_run
from reformkit.export.formats import find_format
from reformkit.layout.tags import DEFAULT_TAGS

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ExportRequest:
    """What to export and where; built on the UI thread with :meth:`prepare`."""

    document: Document
    spec: DocumentSpec
    recommendations: Sequence[Entry]
    credit: str
    fmt: str
    target: Path
    template: Path | None = None
    tags: str = DEFAULT_TAGS  # where the recommendations each part answers are shown
    coproduction: bool = True  # a workshop record held in the document, as its appendix

    @classmethod
    def prepare(
        cls,
        project: Project,
        catalogue: Catalogue,
        fmt: str,
        target: Path,
        template: Path | None = None,
        tags: str = DEFAULT_TAGS,
        coproduction: bool = True,
    ) -> ExportRequest:
        return cls(
            document=copy.deepcopy(project.document),
            spec=project.spec,
            recommendations=tuple(catalogue.entries("recommendation")),
            credit=catalogue.seed.credit,
            fmt=fmt,
            target=Path(target),
            template=template if find_format(fmt).takes_template else None,
            tags=tags,
            coproduction=coproduction,
        )


def unexpected_message(error: BaseException) -> str:
    return (
        f"Something went wrong while exporting ({type(error).__name__}: {error}). "
        "Nothing was saved. Try again; if it keeps happening, try another format or "
        "another folder, and tell whoever looks after ReformKit for you."
    )


class ExportJob(QThread):
    """Runs :func:`reformkit.export.run.export_document` for one request.

    ``progressed(percent)`` is sent whenever the whole-number percentage changes; then either
    ``succeeded(ExportResult)`` or ``failed(message)``. Signals reach slots on the UI thread
    as queued calls, so a slot may touch widgets.
    """

    progressed = Signal(int)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, request: ExportRequest, parent: QObject | None = None):
        super().__init__(parent)
        self.request = request
        self._percent = -1

    def run(self) -> None:
        request = self.request
        try:
            result = export_run.export_document(
                request.document,
                request.spec,
                request.recommendations,
                request.credit,
                request.fmt,
                request.target,
                template=request.template,
                progress=self._progress,
                tags=request.tags,
                coproduction=request.coproduction,
            )
        except ReformKitError as error:
            self.failed.emit(str(error))
            return
        except Exception as error:  # a bug: say so plainly, keep the details in the log
            log.exception("Export to %s failed", request.target)
            self.failed.emit(unexpected_message(error))
            return
        self.progressed.emit(100)
        self.succeeded.emit(result)

    def _progress(self, done: int, total: int) -> None:
        percent = 100 if total <= 0 else max(0, min(100, done * 100 // total))
        if percent != self._percent:
            self._percent = percent
            self.progressed.emit(percent)
