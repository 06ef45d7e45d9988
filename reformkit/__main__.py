"""``python -m reformkit``: the command line (the desktop app starts with ``python -m desktop``)."""

import sys

from reformkit.cli import main

sys.exit(main())
