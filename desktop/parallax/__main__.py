"""Entry point for ``python -m parallax`` and frozen bundles."""

import multiprocessing
import sys

from parallax.cli import main

if __name__ == "__main__":
    # Frozen bundles re-launch this module for spaCy's worker processes.
    multiprocessing.freeze_support()
    sys.exit(main())
