"""Entry point of the frozen app (PyInstaller): the same ``parallax`` command as the wheel's."""

import multiprocessing
import sys

if __name__ == "__main__":
    # The window's worker and spaCy's parallel parsing start child processes with "spawn": in a
    # frozen app each child re-runs this executable, and freeze_support() turns it into the child.
    multiprocessing.freeze_support()
    from parallax.cli import main

    sys.exit(main())
