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


UI = PACKAGE / "ui"


def _ui_imports(path: Path) -> set[str]:
    """The parallax.ui modules a file imports anywhere in it: at the top, inside functions, and
    under ``if TYPE_CHECKING:`` (a cycle there is still a cycle in the design)."""
    found = set()

    def module(name: str) -> str:
        return name if (UI / f"{name.rpartition('.')[2]}.py").is_file() else "parallax.ui"

    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {module(a.name) for a in node.names if a.name.startswith("parallax.ui.")}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: inside parallax.ui
                base = "parallax.ui" + (f".{node.module}" if node.module else "")
            if base == "parallax.ui":
                found |= {module(f"parallax.ui.{a.name}") for a in node.names}
            elif base.startswith("parallax.ui."):
                found.add(module(base))
    return found


def _ui_graph() -> dict[str, set[str]]:
    graph = {}
    for path in sorted(UI.glob("*.py")):
        name = "parallax.ui" if path.stem == "__init__" else f"parallax.ui.{path.stem}"
        graph[name] = _ui_imports(path) - {name}
    return graph


def test_ui_modules_import_each_other_without_cycles():
    graph = _ui_graph()
    assert graph["parallax.ui.main_window"] >= {"parallax.ui.docks", "parallax.ui.menus"}
    done: set[str] = set()

    def visit(name: str, path: list[str]) -> None:
        if name in path:
            cycle = [*path[path.index(name) :], name]
            raise AssertionError("import cycle: " + " → ".join(cycle))
        if name in done:
            return
        for imported in sorted(graph.get(name, ())):
            visit(imported, [*path, name])
        done.add(name)

    for name in graph:
        visit(name, [])


def test_the_window_is_imported_only_by_the_application_start():
    importers = {
        name for name, imports in _ui_graph().items() if "parallax.ui.main_window" in imports
    }
    assert importers == {"parallax.ui.app"}


def test_the_document_needs_no_widgets_and_no_window():
    source = (UI / "document.py").read_text(encoding="utf-8")
    modules = {
        node.module
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.ImportFrom) and node.module
    }
    assert not {m for m in modules if m.startswith("parallax.ui")}
    assert not {m for m in modules if m.startswith("PySide6") and m != "PySide6.QtCore"} - {
        "PySide6.QtGui"  # for QUndoStack alone (Qt 6 moved it there from QtWidgets)
    }
    assert "QtWidgets" not in source
