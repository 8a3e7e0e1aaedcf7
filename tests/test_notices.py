"""Licence and credits: LICENSE, the third-party notices shipped in the package, and their check."""

import importlib.util
import re
import shutil
import tomllib
from pathlib import Path

import pytest

from parallax import resources
from tests.conftest import REPO, run_python

NOTICES = REPO / "desktop" / "parallax" / resources.NOTICES


def _load_check_notices():
    path = REPO / "packaging" / "check_notices.py"
    spec = importlib.util.spec_from_file_location("check_notices", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_notices = _load_check_notices()


def sections(text: str) -> list[tuple[str, str]]:
    """(heading, body) of each ### section."""
    parts = re.split(r"^### (.*)$", text, flags=re.MULTILINE)
    return list(zip(parts[1::2], parts[2::2], strict=True))


def test_licence_is_apache_2_and_declared_in_pyproject_and_metainfo():
    assert "Apache License\n                           Version 2.0, January 2004" in (
        REPO / "LICENSE"
    ).read_text(encoding="utf-8")
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == "Apache-2.0"
    metainfo = REPO / "packaging" / "linux" / "org.parallaxnews.Parallax.metainfo.xml"
    assert "<project_license>Apache-2.0</project_license>" in metainfo.read_text(encoding="utf-8")


def test_notices_ship_in_the_package_and_are_found_from_a_checkout():
    pyproject = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert resources.NOTICES in pyproject["tool"]["setuptools"]["package-data"]["parallax"]
    assert NOTICES.is_file()
    assert resources.third_party_notices() == NOTICES.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", check_notices.direct_dependencies())
def test_every_dependency_has_a_section_with_its_licence(name):
    credited = [
        body
        for heading, body in sections(NOTICES.read_text(encoding="utf-8"))
        if name in check_notices.named(heading)
    ]
    assert credited, f"no ### section names `{name}`"
    assert any(re.search(r"^- \*\*Licence:\*\* \S", body, re.MULTILINE) for body in credited)


def test_every_installed_runtime_distribution_is_credited_with_a_licence():
    distributions = check_notices.runtime_distributions()
    assert "spacy" in distributions and "lxml" in distributions  # the closure was followed
    text = NOTICES.read_text(encoding="utf-8")
    assert check_notices.missing_distributions(text, distributions) == []
    rows = [line.split("|") for line in text.splitlines() if line.startswith("| `")]
    licence_of = {check_notices.canonical(cells[1].strip(" `")): cells[3] for cells in rows}
    for name in distributions:
        assert licence_of.get(name, "").strip(), f"no licence in the table row for {name}"


def test_the_check_finds_an_uncredited_dependency():
    text = NOTICES.read_text(encoding="utf-8").replace("`rapidfuzz`", "rapidfuzz")
    names = check_notices.direct_dependencies()
    assert check_notices.missing_distributions(text, names) == ["rapidfuzz"]


def test_named_in_the_notices_are_the_qt_licence_and_the_data_the_issue_lists():
    text = NOTICES.read_text(encoding="utf-8")
    for expected in (
        "LGPL-3.0",
        "one-folder build",
        "OntoNotes 5",
        "WordNet 3.0",
        "Carnegie Mellon University",
        "CC BY-SA 4.0",
        "SUBTLEX",
        "en-sentiment.xml",
        "vader_lexicon.txt",
        "DejaVu Sans",
        "l2_supercat",
        "GNU LESSER GENERAL PUBLIC LICENSE",
    ):
        assert expected in text, expected


def _fake_app(folder: Path) -> Path:
    """The layout of a Linux one-folder build, as far as the licence check reads it."""
    app = folder / "Parallax"
    (app / "_internal" / "parallax").mkdir(parents=True)
    shutil.copy(NOTICES, app / "_internal" / "parallax")
    shutil.copy(NOTICES, app)
    shutil.copy(REPO / "LICENSE", app)
    (app / "_internal" / "licenses" / "spacy").mkdir(parents=True)
    (app / "_internal" / "licenses" / "spacy" / "LICENSE").write_text("MIT", encoding="utf-8")
    for library in (
        "libQt6Core.so.6",
        "libpng16-1d1ba958.so.16.58.0",
        "libgfortran-040039e1-0352e75f.so.5.0.0",
        "libpython3.11.so.1.0",
        "libstdc++.so.6",
        "libgdk_pixbuf-2.0.so.0",
    ):
        (app / "_internal" / library).touch()
    return app


def test_frozen_app_check_passes_a_complete_layout_and_names_what_is_missing(tmp_path):
    app = _fake_app(tmp_path)
    assert check_notices.check_frozen(app) == []
    (app / "_internal" / "libmystery-0123abcd.so.2").touch()
    (app / "LICENSE").unlink()
    assert check_notices.check_frozen(app) == [
        "no LICENSE beside the executable",
        "shared library not credited: libmystery",
    ]
    (app / "_internal" / "parallax" / resources.NOTICES).unlink()
    assert check_notices.check_frozen(app) == [
        f"no {check_notices.FROZEN_NOTICES} (the file Help ▸ About shows)"
    ]


def test_frozen_app_check_as_the_smoke_test_runs_it(tmp_path):
    app = _fake_app(tmp_path)
    script = str(REPO / "packaging" / "check_notices.py")
    assert run_python(script, "--frozen", str(app)).returncode == 0
    (app / "_internal" / "libmystery.so.1").touch()
    result = run_python(script, "--frozen", str(app))
    assert result.returncode == 1
    assert "libmystery" in result.stderr
