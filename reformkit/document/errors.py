"""Why a project file could not be opened. Each message says what to do next."""

from reformkit.errors import ReformKitError


class ProjectError(ReformKitError):
    """A project file cannot be opened or written."""


class NotAProjectError(ProjectError):
    """The file is not a ReformKit document at all."""


class CorruptProjectError(ProjectError):
    """The file is a ReformKit document that cannot be read in full."""


class NewerVersionError(ProjectError):
    """The file was written by a newer ReformKit."""


class DiskFullError(ProjectError):
    """The disk (or the file's size limit) is full: the change was not made."""


class ReadOnlyError(ProjectError):
    """An edit was asked of a document opened read-only."""


class DocumentInUseError(ProjectError):
    """Another ReformKit has the document open for editing."""

    def __init__(self, message: str, holder: dict[str, object]):
        super().__init__(message)
        self.holder = holder
