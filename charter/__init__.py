"""The Respect Charter: its parts, guided steps, checks and lay-out. Built on the kernel."""

from charter.kind import CHARTER

__all__ = ["CHARTER"]
