"""Output paths checked before any work: an export never lands on an input, nor two on one path.

A path is the same file as another when both resolve to one place (symlinks followed) or, for
files that exist, when they are one inode (hard links, bind mounts). A CSV export is a folder
of several files, each checked, and the folder itself. Nothing here writes; callers refuse the
whole run when a clash is found, so nothing is lost and no time is spent first.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from parallax.core.tables import CLAIMS_FILE, CONFLICTS_FILE, FACTS_FILE, SCORES_FILE

CSV_FILES = (CLAIMS_FILE, CONFLICTS_FILE, SCORES_FILE, FACTS_FILE)


@dataclass(frozen=True, slots=True)
class Output:
    label: str  # how the user asked for it: "--json", "the PDF report" …
    path: Path
    is_folder: bool = False  # CSV tables: a folder of CSV_FILES


def output_clashes(outputs: Sequence[Output], inputs: Sequence[Path]) -> list[str]:
    """One message per output that would overwrite an input or another output; none is fine."""
    messages: list[str] = []
    taken: dict[tuple, tuple[Output, Path]] = {}
    input_keys = {}
    for path in inputs:
        for key in _keys(path):
            input_keys.setdefault(key, path)
    for output in outputs:
        for target in _targets(output):
            keys = _keys(target)
            clash = next((input_keys[key] for key in keys if key in input_keys), None)
            if clash is not None:
                messages.append(
                    f"{output.label} {target} is the input file {clash}: writing it would "
                    "destroy the article; choose another output path"
                )
                continue
            earlier = next((taken[key] for key in keys if key in taken), None)
            if earlier is not None and earlier[0] is not output:
                messages.append(
                    f"{earlier[0].label} and {output.label} would both write {target}; "
                    "give them different paths"
                )
                continue
            for key in keys:
                taken.setdefault(key, (output, target))
    return messages


def _targets(output: Output) -> list[Path]:
    if output.is_folder:
        # The folder itself too: "--csv X --json X" would have one of them fail after the work.
        return [output.path, *(output.path / name for name in CSV_FILES)]
    return [output.path]


def _keys(path: Path) -> list[tuple]:
    """The identities of ``path``: where it resolves to, and its inode when it exists."""
    keys: list[tuple] = []
    try:
        keys.append(("path", os.path.normcase(str(Path(path).expanduser().resolve()))))
    except (OSError, RuntimeError):  # a symlink loop: compare it as written
        keys.append(("path", os.path.normcase(os.path.abspath(path))))
    try:
        status = os.stat(path)
    except (OSError, ValueError):
        return keys
    keys.append(("inode", status.st_dev, status.st_ino))
    return keys
