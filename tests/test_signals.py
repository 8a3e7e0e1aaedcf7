"""A signal to `parallax compare` ends it and its worker processes at once: one line, no
traceback, exit 128 + the signal, no temporary file left beside an output.

Besides fixed cases, a property sends SIGINT, SIGTERM or SIGHUP at a random moment, to the main
process or to its whole process group (what Ctrl-C and a closing terminal do). Each example
starts a process that loads the language model: a handful in CI, more from benchmarks/fuzz.py.
"""

import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from parallax.core.loading import supported_files

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORDS = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated", signal.SIGHUP: "hung up"}
OLD_REPORT = b"%PDF-1.4 an older report\n%%EOF\n"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as listing:
            return [int(p) for p in listing.read().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[-1][0] != "Z"
    except OSError:
        return False


def _group(pgid: int) -> list[int]:
    """Live processes (not zombies) of a process group: the run and anything it started."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(") ", 1)[-1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":
            found.append(int(entry))
    return found


def _catches(pid: int, number: int) -> bool:
    """Whether the process has a handler for the signal yet (its SigCgt mask)."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("SigCgt:"):
                    return bool(int(line.split()[1], 16) & (1 << (number - 1)))
    except OSError:
        pass
    return False


@pytest.fixture(scope="module")
def many_articles(tmp_path_factory, sample_dir):
    """Enough text (the sample 25 times) for spaCy to run in worker processes."""
    articles = tmp_path_factory.mktemp("articles")
    for copy in range(25):
        for path in supported_files(sample_dir):
            shutil.copy(path, articles / f"{copy:02d}-{path.name}")
    return articles


def _start(articles, out, **options) -> subprocess.Popen:
    command = [sys.executable, "-m", "parallax", "compare", str(articles)]
    command += ["--pdf", str(out / "r.pdf"), "-q"]
    return subprocess.Popen(
        command,
        cwd=REPO,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        **options,
    )


@pytest.mark.parametrize(
    ("number", "to_group"),
    [(signal.SIGTERM, False), (signal.SIGINT, False), (signal.SIGINT, True), (signal.SIGHUP, True)],
    ids=["SIGTERM", "SIGINT", "Ctrl-C to the group", "SIGHUP to the group"],
)
def test_a_signal_ends_the_run_and_its_workers(tmp_path, many_articles, number, to_group):
    out = tmp_path / "out"
    out.mkdir()
    run = _start(many_articles, out, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not _children(run.pid) and time.monotonic() < deadline and run.poll() is None:
            time.sleep(0.2)
        workers = _children(run.pid)
        assert workers, "no worker process started"
        time.sleep(1)
        if to_group:  # the workers get it too, as from a terminal: still one line
            os.killpg(run.pid, number)
        else:
            run.send_signal(number)
        _, errors = run.communicate(timeout=30)
        assert run.returncode == 128 + number
        assert errors == f"parallax: {WORDS[number]}\n"
        time.sleep(1)
        assert not [w for w in workers if _alive(w)]
        assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    finally:
        run.kill()


def test_workers_end_when_the_run_is_killed_outright(tmp_path, many_articles):
    """SIGKILL (or the out-of-memory killer) gives the run no chance to clean up: the worker
    processes notice that their parent is gone and end by themselves."""
    run = _start(many_articles, tmp_path, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while not _children(run.pid) and time.monotonic() < deadline and run.poll() is None:
            time.sleep(0.2)
        assert _children(run.pid), "no worker process started"
        time.sleep(1)
        run.kill()
        run.wait(timeout=30)
        deadline = time.monotonic() + 10  # a generous guard: the kernel signals them at once
        while _group(run.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _group(run.pid), "a worker outlived the run"
    finally:
        run.kill()
        for pid in _group(run.pid):
            os.kill(pid, signal.SIGKILL)


STOPPED_WHILE_WRITING = """
import os, sys, time
from pathlib import Path
from parallax import cli
from parallax.core.export import atomic_target

cli._stop_cleanly_on_signals()  # as `parallax compare` does first
with atomic_target(Path(sys.argv[1])) as temporary:
    Path(temporary).write_bytes(b"half a report")
    print(temporary, flush=True)
    os.kill(os.getpid(), int(sys.argv[2]))
    time.sleep(30)
"""


@pytest.mark.parametrize("number", list(WORDS), ids=[n.name for n in WORDS])
def test_a_signal_during_a_write_removes_the_temporary_file(tmp_path, number):
    report = tmp_path / "r.pdf"
    report.write_bytes(OLD_REPORT)
    command = [sys.executable, "-c", STOPPED_WHILE_WRITING, str(report), str(int(number))]
    run = subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=60)
    assert run.returncode == 128 + number
    assert run.stderr == f"parallax: {WORDS[number]}\n"
    assert run.stdout.strip().endswith(".tmp")  # there was a temporary file …
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]  # … and it is gone
    assert report.read_bytes() == OLD_REPORT


def _settings() -> hypothesis_settings:
    examples = max(3, int(hypothesis_settings.default.max_examples * 0.1))
    return hypothesis_settings(deadline=timedelta(seconds=180), max_examples=examples)


@_settings()
@given(
    number=st.sampled_from(list(WORDS)),
    to_group=st.booleans(),
    delay=st.floats(0, 8),
)
def test_any_signal_at_any_moment_ends_everything_cleanly(
    tmp_path_factory, many_articles, number, to_group, delay
):
    """From the moment parallax has its handlers (before that, Python's own defaults apply)."""
    out = tmp_path_factory.mktemp("out")
    report = out / "r.pdf"
    report.write_bytes(OLD_REPORT)
    run = _start(many_articles, out, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while not _catches(run.pid, signal.SIGTERM) and time.monotonic() < deadline:
            assert run.poll() is None, run.stderr.read()
            time.sleep(0.01)
        time.sleep(delay)
        if to_group:
            os.killpg(run.pid, number)
        else:
            run.send_signal(number)
        _, errors = run.communicate(timeout=30)  # a few seconds at most; this guards a hang
        if run.returncode == 0:  # it finished first
            assert errors == ""
            assert report.read_bytes().rstrip().endswith(b"%%EOF")
        else:
            assert run.returncode == 128 + number, errors
            assert errors == f"parallax: {WORDS[number]}\n"
            assert report.read_bytes() == OLD_REPORT
        deadline = time.monotonic() + 10
        while _group(run.pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _group(run.pid), "a process the run started is still alive"
        assert [p.name for p in out.iterdir()] == ["r.pdf"]
    finally:
        run.kill()
        for pid in _group(run.pid):  # never leave a stray worker behind a failed example
            os.kill(pid, signal.SIGKILL)
