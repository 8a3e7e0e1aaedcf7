"""A signal to `parallax compare` ends it and its worker processes at once: one line, no
traceback, exit 128 + the signal, no temporary file left beside an output."""

import os
import shutil
import signal
import subprocess
import sys
import time

import pytest

from parallax.core.loading import supported_files

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


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


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize(
    ("number", "word"), [(signal.SIGTERM, "terminated"), (signal.SIGINT, "interrupted")]
)
def test_a_signal_ends_the_run_and_its_workers(tmp_path, sample_dir, number, word):
    # Enough text (the sample 25 times) for spaCy to run in worker processes.
    articles = tmp_path / "articles"
    articles.mkdir()
    for copy in range(25):
        for path in supported_files(sample_dir):
            shutil.copy(path, articles / f"{copy:02d}-{path.name}")
    out = tmp_path / "out"
    out.mkdir()
    command = [
        sys.executable,
        "-m",
        "parallax",
        "compare",
        str(articles),
        "--pdf",
        str(out / "r.pdf"),
        "-q",
    ]
    run = subprocess.Popen(
        command, cwd=REPO, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    try:
        deadline = time.monotonic() + 120
        while not _children(run.pid) and time.monotonic() < deadline and run.poll() is None:
            time.sleep(0.2)
        workers = _children(run.pid)
        assert workers, "no worker process started"
        time.sleep(1)
        run.send_signal(number)
        _, errors = run.communicate(timeout=30)
        assert run.returncode == 128 + number
        assert errors == f"parallax: {word}\n"
        time.sleep(1)
        assert not [w for w in workers if _alive(w)]
        assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    finally:
        run.kill()
