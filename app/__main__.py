"""``python -m app`` runs the ``frontdesk`` command."""

import sys

from app.cli import main

sys.exit(main())
