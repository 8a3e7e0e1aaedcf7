"""Check that THIRD_PARTY_NOTICES.md credits every library Parallax installs or bundles.

    python packaging/check_notices.py              # pyproject's dependencies and what they pull in
    python packaging/check_notices.py --list       # the same, with version, licence and homepage
    python packaging/check_notices.py --frozen DIR # a built app folder: notices, LICENSE, libraries

A library counts as credited when the notices name it in backticks (`lxml`), as the notices' tables
do. Distributions are read from the environment this runs in (importlib.metadata), so run it with
the interpreter the app is installed or frozen from. Exit status 1 lists what is missing.
Standard library only; ``packaging`` (installed with pip and setuptools) evaluates markers.
"""

from __future__ import annotations

import argparse
import re
import sys
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = ROOT / "pyproject.toml"
NOTICES_NAME = "THIRD_PARTY_NOTICES.md"
NOTICES = ROOT / "desktop" / "parallax" / NOTICES_NAME
# Where a one-folder PyInstaller 6 build keeps data: the package folder under _internal.
FROZEN_NOTICES = Path("_internal") / "parallax" / NOTICES_NAME
_LICENCE_FILE = re.compile(r"licen[cs]e|copying|notice|authors", re.IGNORECASE)
_REQUIREMENT = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
# A copyright line, not licence wording about copyright or a template's placeholder.
_COPYRIGHT = re.compile(
    r"(Copyright|COPYRIGHT)\b(?!\s+(?i:holder|notice|owner|law|license))\s*(\([cC]\)|©)?\s*[0-9A-Z]"
    r"|(\([cC]\)|©)\s*[0-9]"
)
_PLACEHOLDER = re.compile(
    r"<year>|\[yyyy\]|\[name|year\s+name|<copyright holders>|Free Software Fou"
)
_NAMED = re.compile(r"`([A-Za-z0-9][A-Za-z0-9._+-]*)`")
# auditwheel renames the libraries it vendors into a wheel: libpng16-1d1ba958.so.16.58.0.
_WHEEL_HASH = re.compile(r"(-[0-9a-f]{8})+$")


def canonical(name: str) -> str:
    """A distribution name as PyPI compares them (PEP 503): PyYAML, pyyaml, py_yaml → pyyaml."""
    return re.sub(r"[-_.]+", "-", name).lower()


def direct_dependencies(pyproject: Path = PYPROJECT) -> list[str]:
    """Canonical names of [project] dependencies (optional ones are for tests, not shipped)."""
    import tomllib  # Python 3.11+; --frozen runs on older system Pythons too

    with pyproject.open("rb") as file:
        requirements = tomllib.load(file)["project"]["dependencies"]
    return [canonical(_REQUIREMENT.match(r).group(1)) for r in requirements]


def _applies(requirement: str, extras: set[str]) -> bool:
    marker = requirement.partition(";")[2].strip()
    if not marker:
        return True
    try:
        from packaging.markers import Marker
    except ImportError:  # no markers to evaluate with: keep what no extra asks for
        return "extra" not in marker
    return any(Marker(marker).evaluate({"extra": extra}) for extra in extras | {""})


def runtime_distributions(pyproject: Path = PYPROJECT) -> dict[str, metadata.Distribution]:
    """Installed distributions that the dependencies pull in (transitively), by canonical name."""
    found: dict[str, metadata.Distribution] = {}
    wanted: dict[str, set[str]] = {}
    pending = [(name, set()) for name in direct_dependencies(pyproject)]
    while pending:
        name, extras = pending.pop()
        if name in found and extras <= wanted[name]:
            continue
        try:
            distribution = found.get(name) or metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        found[name] = distribution
        wanted[name] = wanted.get(name, set()) | extras
        for requirement in distribution.requires or ():
            if _applies(requirement, wanted[name]):
                match = _REQUIREMENT.match(requirement)
                more = {e.strip() for e in (match.group(2) or "").split(",") if e.strip()}
                pending.append((canonical(match.group(1)), more))
    return found


def licence(distribution: metadata.Distribution) -> str:
    """The licence a distribution declares: SPDX expression, short licence field or classifiers."""
    fields = distribution.metadata
    if expression := fields.get("License-Expression"):
        return expression
    text = (fields.get("License") or "").strip()
    if text and "\n" not in text and len(text) <= 60:
        return text
    classifiers = [
        c.rsplit(" :: ", 1)[-1]
        for c in fields.get_all("Classifier") or []
        if c.startswith("License ::")
    ]
    return "; ".join(classifiers) or "(see its licence file)"


def homepage(distribution: metadata.Distribution) -> str:
    fields = distribution.metadata
    urls = dict(
        (label.strip().lower(), url.strip())
        for label, _, url in (u.partition(",") for u in fields.get_all("Project-URL") or [])
    )
    for label in ("source", "source code", "repository", "code", "homepage", "home"):
        if label in urls:
            return urls[label]
    return fields.get("Home-page") or ""


def licence_files(distribution: metadata.Distribution) -> list[tuple[Path, str]]:
    """Each licence, copying or notice file in its metadata, with its path under licenses/ there.

    PEP 639 puts them in <name>.dist-info/licenses/ (numpy: licenses/numpy/random/LICENSE.md …);
    older wheels at the top of the .dist-info folder.
    """
    files = []
    for file in distribution.files or ():
        parts = file.parts
        if len(parts) < 2 or not parts[0].endswith(".dist-info"):
            continue
        if _LICENCE_FILE.search(file.name) and not file.name.endswith(".json"):
            inside = parts[2:] if parts[1] == "licenses" and len(parts) > 2 else parts[1:]
            files.append((Path(distribution.locate_file(file)), "/".join(inside)))
    return files


def copyright_holders(distribution: metadata.Distribution, limit: int = 2) -> str:
    """The first copyright lines of its licence files, else the author the metadata names."""
    lines: list[str] = []
    for path, _ in licence_files(distribution):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            line = line.strip(" *#")
            if _COPYRIGHT.match(line) and not _PLACEHOLDER.search(line) and line not in lines:
                lines.append(line)
    fields = distribution.metadata
    author = fields.get("Author") or fields.get("Author-email") or fields.get("Maintainer") or ""
    return " / ".join(lines[:limit]) or re.sub(r"\s*<[^>]*>", "", author)


def named(text: str) -> set[str]:
    """Canonical names the notices put in backticks."""
    return {canonical(name) for name in _NAMED.findall(text)}


def missing_distributions(text: str, names) -> list[str]:
    return sorted(set(names) - named(text))


def library_name(file_name: str) -> str:
    """libQt6Core.so.6 → libQt6Core; libpng16-1d1ba958.so.16.58.0 → libpng16."""
    return _WHEEL_HASH.sub("", file_name.split(".so")[0])


def bundled_libraries(app: Path) -> list[str]:
    """Names of the shared libraries at the top of a Linux one-folder build's _internal folder."""
    internal = app / "_internal"
    return sorted({library_name(p.name) for p in internal.glob("lib*.so*")})


def missing_libraries(text: str, app: Path) -> list[str]:
    credited = set(_NAMED.findall(text))
    return [name for name in bundled_libraries(app) if name not in credited]


def check_frozen(app: Path) -> list[str]:
    """Problems with a built app folder's licence files; empty when there are none."""
    notices = app / FROZEN_NOTICES
    if not notices.is_file():
        return [f"no {FROZEN_NOTICES} (the file Help ▸ About shows)"]
    problems = [
        f"no {name} beside the executable"
        for name in ("LICENSE", NOTICES_NAME)
        if not (app / name).is_file()
    ]
    if not any((app / "_internal" / "licenses").glob("*/*")):
        problems.append("no library licence files in _internal/licenses/")
    text = notices.read_text(encoding="utf-8")
    problems += [f"shared library not credited: {name}" for name in missing_libraries(text, app)]
    return problems


def _print_list(distributions: dict[str, metadata.Distribution]) -> None:
    for name, distribution in sorted(distributions.items()):
        holders = copyright_holders(distribution)
        print(
            f"| `{name}` | {distribution.version} | {licence(distribution)} | {holders} | "
            f"{homepage(distribution)} |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print the distributions as a table")
    parser.add_argument("--frozen", type=Path, metavar="DIR", help="check a built app folder")
    arguments = parser.parse_args(argv)
    if arguments.frozen:
        problems = check_frozen(arguments.frozen)
    else:
        distributions = runtime_distributions()
        if arguments.list:
            _print_list(distributions)
            return 0
        text = NOTICES.read_text(encoding="utf-8")
        names = set(direct_dependencies()) | set(distributions)
        problems = [f"not credited: {name}" for name in missing_distributions(text, names)]
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{NOTICES_NAME}: {'incomplete' if problems else 'complete'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
