"""Long fuzz run of the property tests with Hypothesis: tests/core/test_properties.py (random
text and bytes, compare()), tests/core/test_fuzz_hostile.py (nesting, expansion, size, special
files, output collisions), tests/test_fuzz_outputs.py (output targets of ``parallax compare``)
and tests/test_signals.py (signals at random moments to a run with worker processes).

Run: .venv/bin/python benchmarks/fuzz.py [--examples N] [--seed N] [--no-signals]
Runs every property with N examples (default 1500 for the loaders; shares of that for the
costlier ones: a third for ``compare()``, 30 % for output targets, 10 % for signals, each of
which starts a process and loads the language model, some seconds apiece), prints Hypothesis'
statistics (examples run, time, failures) and exits non-zero if a property failed; the failing
example is printed, minimised.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIGNAL_PROPERTY = "test_any_signal_at_any_moment_ends_everything_cleanly"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument(
        "--no-signals", action="store_true", help="skip the signal property (the slowest)"
    )
    args = parser.parse_args()
    environment = dict(os.environ, PARALLAX_HYPOTHESIS_PROFILE="long")
    environment["PARALLAX_FUZZ_EXAMPLES"] = str(args.examples)
    command = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:cacheprovider",
        "--hypothesis-show-statistics",
        str(ROOT / "tests" / "core" / "test_properties.py"),
        str(ROOT / "tests" / "core" / "test_fuzz_hostile.py"),
        str(ROOT / "tests" / "test_fuzz_outputs.py"),
    ]
    if not args.no_signals:
        # Only the property: the fixed signal cases run in the ordinary test suite.
        command.append(str(ROOT / "tests" / "test_signals.py") + "::" + SIGNAL_PROPERTY)
    if args.seed is not None:
        command.append(f"--hypothesis-seed={args.seed}")
    return subprocess.run(command, cwd=ROOT, env=environment, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
