"""``python -m desktop``: open the desktop app."""

import sys

from desktop.launcher import main

sys.exit(main())
