"""The Respect Charter: its parts, guided steps and checks. Built on the reformkit kernel."""

from charter.parts import CHARTER

__all__ = ["CHARTER"]
