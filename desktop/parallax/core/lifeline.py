"""Child processes end when their parent ends, however it ends.

A window killed by the system, a crash or SIGKILL never runs its clean-up, and the analysis
process it started would live on holding the language model (hundreds of MB) for good. Linux
sends the child a signal the moment its parent dies (``PR_SET_PDEATHSIG``); elsewhere, and as
a back-stop, a daemon thread notices that the parent process id changed (the orphan was adopted)
and ends the process.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

_PR_SET_PDEATHSIG = 1
_POLL_SECONDS = 1.0


def end_with_parent() -> None:
    """Call first thing in a child process."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        _death_signal()
    if os.getppid() != parent:  # the parent died before we could ask
        os._exit(0)
    threading.Thread(target=_watch, args=(parent,), name="lifeline", daemon=True).start()


def _death_signal() -> None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):  # no prctl here: the watching thread still works
        pass


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_POLL_SECONDS)
    os._exit(0)
