"""The window, the command line and the report use the core only through its public names."""

import ast
from pathlib import Path

import parallax.core as core

PACKAGE = Path(core.__file__).resolve().parents[1]
OUTSIDE_CORE = [
    *sorted((PACKAGE / "ui").glob("*.py")),
    *sorted((PACKAGE / "report").glob("*.py")),
    PACKAGE / "cli.py",
    PACKAGE / "summary.py",
]


def test_only_public_core_names_are_imported_outside_the_core():
    for path in OUTSIDE_CORE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("parallax.core"):
                assert node.module == "parallax.core", f"{path.name} imports {node.module}"
                for alias in node.names:
                    assert alias.name in core.__all__, f"{path.name}: {alias.name}"


def test_every_public_name_resolves():
    for name in core.__all__:
        assert getattr(core, name) is not None
