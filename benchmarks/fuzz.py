"""Long fuzz run of the property tests with Hypothesis: tests/core/test_properties.py (random
text and bytes, compare()) and tests/core/test_fuzz_hostile.py (nesting, expansion, size, special
files, output collisions).

Run: .venv/bin/python benchmarks/fuzz.py [--examples N] [--seed N]
Runs every property with N examples (default 1500 for the loaders, a third of that for
``compare()``), prints Hypothesis' statistics (examples run, time, failures) and exits non-zero
if a property failed; the failing example is printed, minimised.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=None)
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
    ]
    if args.seed is not None:
        command.append(f"--hypothesis-seed={args.seed}")
    return subprocess.run(command, cwd=ROOT, env=environment, check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
