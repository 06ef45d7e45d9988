"""What the frozen ``reformkit`` program runs: the same launcher as the installed command."""

import sys

from desktop.launcher import main

if __name__ == "__main__":
    sys.exit(main())
