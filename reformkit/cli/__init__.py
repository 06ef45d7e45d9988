"""ReformKit's command line. Nothing on these paths imports Qt."""

from reformkit.cli.main import main

__all__ = ["main"]
