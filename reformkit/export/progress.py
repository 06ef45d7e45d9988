"""How a writer reports progress: ``progress(done, total)``, called as blocks are written.

The desktop app turns these calls into a progress bar; the command line ignores them.
"""

from collections.abc import Callable

Progress = Callable[[int, int], None]


def no_progress(done: int, total: int) -> None:
    """The default: nobody is watching."""
