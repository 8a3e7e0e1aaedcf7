"""Generated output targets for ``parallax compare``: any mix of --json, --html, --csv and --pdf
aimed at new paths, old files, symlinks (to a file, dangling), read-only files, folders, paths in
missing folders, /dev/null, an input, or another output's path.

Properties: the run refuses a clash (an input, two outputs on one path) before any work, with
exit 2 and nothing written; otherwise each output is written whole (the JSON parses, the PDF ends
with its end-of-file marker …) or refused with one line naming it while its old file stays as it
was; the exit status is 0 or 1 as ``--help`` says; no temporary file is left, no traceback shown.
CI runs a few examples (profile "ci" in tests/conftest.py); ``benchmarks/fuzz.py`` runs many.
"""

import contextlib
import csv
import io
import json
import os
import signal
from datetime import timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from parallax.cli import main
from parallax.core.outputs import CSV_FILES

FLAGS = ("--json", "--html", "--csv", "--pdf")
KINDS = (
    "missing",
    "old file",
    "symlink",
    "dangling symlink",
    "read-only",
    "folder",
    "in a missing folder",
    "/dev/null",
    "an input",
    "another output's path",
)
# Which kinds of target each sort of output can be written to; the others are refused.
WRITABLE_FILE = {"missing", "old file", "symlink", "dangling symlink", "/dev/null"}
WRITABLE_FOLDER = {"missing", "folder", "dangling symlink", "in a missing folder"}

OLD = b"an older output that must survive a failed write\n" * 40
ARTICLES = (
    "Blast at the plant\n\nTwelve people died in the blast on Monday, officials said.\n",
    "Plant explosion\n\nFifteen people died in the explosion on Monday, the mayor said.\n",
)


@st.composite
def plans(draw) -> list[tuple[str, str]]:
    flags = draw(st.lists(st.sampled_from(FLAGS), min_size=1, max_size=4, unique=True))
    return [(flag, draw(st.sampled_from(KINDS))) for flag in flags]


def _target(folder: Path, number: int, kind: str, inputs: list[Path], first: Path | None) -> Path:
    path = folder / f"out{number}"
    if kind == "old file":
        path.write_bytes(OLD)
    elif kind == "symlink":
        (folder / f"real{number}").write_bytes(OLD)
        path.symlink_to(folder / f"real{number}")
    elif kind == "dangling symlink":
        path.symlink_to(folder / f"absent{number}")
    elif kind == "read-only":
        path.write_bytes(OLD)
        path.chmod(0o444)
    elif kind == "folder":
        path.mkdir()
        (path / "kept.txt").write_bytes(OLD)
    elif kind == "in a missing folder":
        path = folder / f"nowhere{number}" / "out"
    elif kind == "/dev/null":
        path = Path("/dev/null")
    elif kind == "an input":
        path = inputs[number % len(inputs)]
    elif kind == "another output's path" and first is not None:
        path = first
    return path


def _snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder``: a file's bytes, a link's target, a folder's name."""
    entries: dict[str, bytes | str] = {}
    for path in folder.rglob("*"):
        name = str(path.relative_to(folder))
        if path.is_symlink():
            entries[name] = "-> " + os.readlink(path)
        elif path.is_dir():
            entries[name] = "folder"
        else:
            entries[name] = path.read_bytes()
    return entries


def _run(args: list[str]) -> tuple[int, str, str]:
    """``main`` in this process (no interpreter start per example); the signal handlers it
    installs for ``compare`` are put back afterwards."""
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            status = main(args)
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
    return status, out.getvalue(), err.getvalue()


def _complete(flag: str, path: Path) -> None:
    """The output at ``path`` is whole: it parses as what it claims to be."""
    if flag == "--json":
        assert json.loads(path.read_text(encoding="utf-8"))["schema"] == "parallax.comparison/2"
    elif flag == "--html":
        assert path.read_text(encoding="utf-8").rstrip().endswith("</html>")
    elif flag == "--pdf":
        data = path.read_bytes()
        assert data.startswith(b"%PDF") and b"%%EOF" in data[-1024:]
    else:
        for name in CSV_FILES:
            with (path / name).open(encoding="utf-8", newline="") as handle:
                assert next(csv.reader(handle))  # the header row, and the rest parses


def _settings() -> hypothesis_settings:
    # Each example compares two short articles and may render a PDF: a share of the profile's
    # count. The deadline only catches a hang.
    examples = max(4, int(hypothesis_settings.default.max_examples * 0.3))
    return hypothesis_settings(deadline=timedelta(seconds=60), max_examples=examples)


@_settings()
@given(plan=plans())
def test_every_output_is_written_whole_or_refused_by_name(tmp_path_factory, plan):
    folder = Path(tmp_path_factory.mktemp("targets"))
    inputs = [folder / "a.txt", folder / "b.txt"]
    for path, text in zip(inputs, ARTICLES, strict=True):
        path.write_text(text, encoding="utf-8")
    targets: list[tuple[str, str, Path]] = []
    for number, (flag, kind) in enumerate(plan):
        first = targets[0][2] if targets else None
        if first is None and kind == "another output's path":
            kind = "missing"  # the first output has no other to share a path with
        targets.append((flag, kind, _target(folder, number, kind, inputs, first)))
    before = _snapshot(folder)
    paths = [path for _, _, path in targets]
    clash = any(kind == "an input" for _, kind, _ in targets) or len(set(paths)) < len(paths)

    args = [item for flag, _, path in targets for item in (flag, str(path))]
    status, out, err = _run(["compare", *map(str, inputs), *args, "--words-only", "-q"])

    assert "Traceback" not in err and "unexpected error" not in err and out == ""
    lines = err.splitlines()
    assert not [name for name in _snapshot(folder) if name.endswith(".tmp")]
    if clash:  # refused before any work: nothing written anywhere
        assert status == 2 and lines and _snapshot(folder) == before
        assert all(line.startswith("parallax: ") for line in lines)
        return
    refused, written = [], set()
    for flag, kind, path in targets:
        if kind in (WRITABLE_FOLDER if flag == "--csv" else WRITABLE_FILE):
            if path != Path("/dev/null"):
                _complete(flag, path)
                real = path.resolve()
                written |= {real / name for name in CSV_FILES} if flag == "--csv" else {real}
            if kind.endswith("symlink"):
                assert path.is_symlink()  # the link stays; the file it names gets the output
        else:
            refused.append(f"parallax: could not write {path}: ")
    assert status == (1 if refused else 0)
    assert len(lines) == len(refused)
    for start in refused:
        assert sum(line.startswith(start) for line in lines) == 1, (start, lines)
    # A refused target, and everything else that was there, is as it was.
    after = _snapshot(folder)
    for name, content in before.items():
        if (folder / name).resolve() not in written:
            assert after.get(name) == content, name
