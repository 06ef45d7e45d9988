"""The one error the workshop's domain code raises, with a plain sentence for the facilitator."""

from reformkit.errors import ReformKitError


class WorkshopError(ReformKitError, ValueError):
    """A workshop change that cannot be made; the message says why, in plain words."""
