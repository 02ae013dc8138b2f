"""``python -m frontdesk`` runs the ``frontdesk`` command."""

import sys

from frontdesk.cli import main

if __name__ == "__main__":
    sys.exit(main())
