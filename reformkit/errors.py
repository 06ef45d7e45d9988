"""Exceptions the kernel raises. Each carries a message written for the person using ReformKit.

The command line and the desktop app show ``str(error)`` as it is, so every message says
what is wrong and what to do next, in plain words.
"""


class ReformKitError(Exception):
    """Base of every error meant to be shown to a user."""


class UnknownEntryError(ReformKitError, LookupError):
    """A catalogue id that does not exist."""


class UnknownKindError(ReformKitError, LookupError):
    """A catalogue kind that does not exist."""


class SeedError(ReformKitError):
    """The bundled catalogue seed is malformed (a packaging fault, not a user one)."""


class LibraryError(ReformKitError):
    """The user library cannot be used (for example, it was written by a newer ReformKit)."""


class InvalidEntryError(ReformKitError, ValueError):
    """A user entry with a missing or unusable field."""
