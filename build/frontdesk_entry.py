"""The frozen program's entry point (both FrontDesk and frontdesk-cli): ``frontdesk``'s
command line.  Started with no command (a double-click), the windowed program opens the
guide desk."""

import sys

from frontdesk.cli import main

if __name__ == "__main__":
    args = sys.argv[1:]
    if not args and not sys.stdout:  # the windowed program, started without a command
        args = ["staff"]
    sys.exit(main(args))
