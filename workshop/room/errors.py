"""The room's one error, with a plain sentence for the facilitator."""

from reformkit.errors import ReformKitError


class RoomError(ReformKitError):
    """The room cannot start or serve as asked; the message says why and what to do."""
