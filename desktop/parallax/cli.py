"""Command line: ``parallax [FILE…]`` and ``parallax compare FILE… [--json OUT]``."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path

from parallax import __version__
from parallax.core import Article, CompareOptions, LoadFailure

EXIT_OK, EXIT_NO_ARTICLES, EXIT_USAGE = 0, 1, 2
# Some inputs could not be loaded, but the others were compared and every output written:
# scripts can tell a partial run from a clean one.
EXIT_SOME_FAILED = 3
EXIT_CODES = (
    "exit status: 0 every input loaded and every output written; 1 no article loaded or an "
    "output could not be written; 2 usage error; 3 some inputs failed (listed), the others "
    "were compared and every output written; 130/143/129 stopped by Ctrl-C/SIGTERM/SIGHUP"
)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["compare"]:
        _stop_cleanly_on_signals()
    # Messages name files as given; a name that is not valid UTF-8 is shown with escapes rather
    # than ending the run with an encoding error.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    try:
        if argv[:1] == ["compare"]:
            return _run_compare(_compare_parser().parse_args(argv[1:]))
        return _run_default(_main_parser().parse_args(argv))
    except KeyboardInterrupt:
        print("parallax: interrupted", file=sys.stderr)
        return 130
    except SystemExit as done:  # argparse's own exits (usage errors, --help, --version)
        return int(done.code or 0) if not isinstance(done.code, str) else EXIT_USAGE
    except Exception as error:
        if os.environ.get("PARALLAX_DEBUG"):
            raise
        print(f"parallax: unexpected error: {error}. Please report this.", file=sys.stderr)
        return EXIT_NO_ARTICLES


def _main_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="parallax",
        description="Compare news articles about the same event. "
        "With no files, the bundled sample set is compared. "
        "Use `parallax compare --help` for the headless command.",
    )
    parser.add_argument("--version", action="version", version=f"parallax {__version__}")
    parser.add_argument(
        "--screenshot",
        type=Path,
        metavar="PNG",
        help="open the files (or the sample), wait for the comparison, save the window, quit",
    )
    parser.add_argument(
        "--size",
        type=_window_size,
        metavar="WxH",
        help="the window's size in pixels, e.g. 1600x1000 (for --screenshot)",
    )
    parser.add_argument(
        "files", nargs="*", type=Path, help="article files or folders, or a saved .parallax file"
    )
    return parser


_STOPPED = {signal.SIGINT: "interrupted", signal.SIGTERM: "terminated"}
if hasattr(signal, "SIGHUP"):
    _STOPPED[signal.SIGHUP] = "hung up"


# The process that installed the handlers: forked workers inherit them, and must not speak.
_MAIN_PID: list[int] = []
_FORKS_END_WITH_PARENT: list[bool] = []  # the fork hook is registered once per process


def _stop_cleanly_on_signals() -> None:
    """SIGINT, SIGTERM and SIGHUP end the run at once: spaCy's worker processes are ended (a
    KeyboardInterrupt in the middle of its pipe deadlocked), temporary output files removed,
    one line printed, exit 128 + the signal (130 for Ctrl-C, 143 for SIGTERM)."""
    if threading.current_thread() is not threading.main_thread():
        return
    # Imported now, not in the handler: a signal can arrive in the middle of another import,
    # and an import inside the handler then failed ("partially initialized module").
    import multiprocessing  # noqa: F401
    from multiprocessing import resource_tracker  # noqa: F401

    from parallax.core import (
        end_with_parent,
        export,  # noqa: F401
    )

    _MAIN_PID[:] = [os.getpid()]
    for number in _STOPPED:
        signal.signal(number, _stop)
    # spaCy's worker processes are forked with no hook of ours: a run killed outright (SIGKILL,
    # the out-of-memory killer) left them running for good. Each forked child now ends with
    # its parent (processes started with exec, like subprocesses, are not forked this way).
    if hasattr(os, "register_at_fork") and not _FORKS_END_WITH_PARENT:
        os.register_at_fork(after_in_child=end_with_parent)
        _FORKS_END_WITH_PARENT.append(True)


def _stop(number: int, _frame) -> None:
    try:
        # A forked worker exits quietly: Ctrl-C and a closing terminal signal the whole process
        # group, and each worker printed the line again. The main process reports and cleans up.
        if not _MAIN_PID or os.getpid() == _MAIN_PID[0]:
            # Whatever goes wrong here (the handler interrupts arbitrary code), the run still
            # ends with its one line and its status.
            with contextlib.suppress(Exception):
                _end_workers()
            with contextlib.suppress(Exception):
                sys.modules["parallax.core.export"].remove_pending()
            print(f"parallax: {_STOPPED[number]}", file=sys.stderr, flush=True)
    finally:
        os._exit(128 + number)


def _end_workers() -> None:
    multiprocessing = sys.modules["multiprocessing"]
    for child in multiprocessing.active_children():
        child.kill()
    # The tracker would print warnings about the workers' semaphores once we are gone.
    tracker = sys.modules["multiprocessing.resource_tracker"]._resource_tracker
    tracker_pid = getattr(tracker, "_pid", None)
    if tracker_pid:
        with contextlib.suppress(OSError):
            os.kill(tracker_pid, signal.SIGKILL)


def _compare_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="parallax compare",
        description="Compare articles without opening a window. Formats: .txt .md .html .htm "
        ".pdf .docx, and .parallax (a saved comparison: its articles); a folder adds the article "
        "files in it; - reads pasted text from stdin.",
        epilog=EXIT_CODES,
    )
    parser.add_argument("files", nargs="+", help="article files, folders, or - for stdin")
    parser.add_argument("--json", type=Path, metavar="OUT", help="write the comparison as JSON")
    parser.add_argument("--pdf", type=Path, metavar="OUT", help="write the report as PDF")
    parser.add_argument(
        "--html", type=Path, metavar="OUT", help="write the report as one standalone HTML file"
    )
    parser.add_argument(
        "--csv",
        type=Path,
        metavar="DIR",
        help="write claims.csv, conflicts.csv, scores.csv and facts.csv into DIR",
    )
    parser.add_argument(
        "--page-size", choices=("A4", "Letter"), default="A4", help="PDF page size (default A4)"
    )
    parser.add_argument(
        "--same-claim",
        type=_fraction,
        metavar="X",
        help="mean link weight (0–1) for sentences to form one claim: the pair model's "
        "probability, or the word similarity with --words-only (default: calibrated; a "
        "saved comparison's own threshold when one is given)",
    )
    parser.add_argument(
        "--attach",
        type=_fraction,
        metavar="X",
        help="mean link weight (0–1) for a sentence to join a further claim (default: calibrated)",
    )
    parser.add_argument(
        "--words-only",
        action="store_true",
        help="compare by word overlap only, without sentence embeddings",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print errors only")
    return parser


def _fraction(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.0 < value < 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 1")
    return value


def _window_size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    if not (width.isdigit() and height.isdigit()) or not (
        200 <= int(width) <= 10_000 and 200 <= int(height) <= 10_000
    ):
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 1600x1000 (200–10000)")
    return int(width), int(height)


def _run_default(args: argparse.Namespace) -> int:
    """Open the desktop window on the given files, or on the bundled sample."""
    if not _has_display():
        if args.screenshot is None:
            print(
                "parallax: no display found; use `parallax compare FILE…` for the "
                "command-line comparison",
                file=sys.stderr,
            )
            return EXIT_NO_ARTICLES
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    paths, failures, _ = _expand(args.files)
    for failure in failures:
        print(f"error: {failure.message}", file=sys.stderr)
    from parallax.ui.app import run

    return run(paths, screenshot=args.screenshot, size=args.size)


def _has_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _run_compare(args: argparse.Namespace) -> int:
    from parallax.core import loading, pipeline
    from parallax.summary import format_summary

    started = time.perf_counter()
    paths, failures, stdin_wanted = _expand(args.files)
    clashes = _output_clashes(args, paths)
    if clashes:  # refused before any work: nothing is loaded, nothing written
        for message in clashes:
            print(f"parallax: {message}", file=sys.stderr)
        return EXIT_USAGE
    sources, saved_threshold, corrections = _open_saved(paths, failures)
    result = loading.load_files(sources)
    articles, failures = list(result.articles), failures + list(result.failures)
    if stdin_wanted:
        _load_stdin(articles, failures)
    if not articles:
        for failure in failures:
            print(f"error: {failure.message}", file=sys.stderr)
        print("parallax: no article could be loaded", file=sys.stderr)
        return EXIT_NO_ARTICLES
    options = CompareOptions(
        same_claim=args.same_claim if args.same_claim is not None else saved_threshold,
        attach=args.attach,
        use_embeddings=not args.words_only,
    )
    comparison = pipeline.compare(articles, options, errors=failures, corrections=corrections)
    written, status = _write_outputs(comparison, args)
    if failures and status == EXIT_OK:
        status = EXIT_SOME_FAILED
    if args.quiet:
        for failure in failures:
            print(f"error: {failure.message}", file=sys.stderr)
    else:
        # An output on standard output ("-", /dev/stdout, a pipe that is stdout) keeps it
        # clean: the summary goes to stderr.
        on_stdout = any(_is_stdout(path) for _, path in written)
        stream = sys.stderr if on_stdout else sys.stdout
        seconds = time.perf_counter() - started
        print(format_summary(comparison, seconds=seconds), file=stream)
        if written:
            print(file=stream)
        for kind, path in written:
            where = "standard output" if str(path) == "-" else path
            print(f"{kind} written to {where}", file=stream)
    return status


def _is_stdout(path: Path) -> bool:
    if str(path) == "-":
        return True
    try:
        target, stdout = os.stat(path), os.fstat(sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real stdout (a test's capture buffer)
        return False
    return (target.st_dev, target.st_ino) == (stdout.st_dev, stdout.st_ino)


def _write_outputs(comparison, args: argparse.Namespace) -> tuple[list[tuple[str, Path]], int]:
    """Every requested export; one that fails is reported and the others are still written."""
    from parallax.core import export

    built: list = []

    def report():  # built once, for the PDF and the HTML alike
        from parallax.core import build_report

        if not built:
            built.append(build_report(comparison))
        return built[0]

    def pdf(path: Path) -> None:
        from parallax.report.pdf import write_report_pdf

        write_report_pdf(comparison, path, page_size=args.page_size, report=report())

    jobs = (
        ("JSON", args.json, lambda path: export.write_json(comparison, path)),
        ("HTML report", args.html, lambda path: export.write_html(comparison, path, report())),
        ("CSV tables", args.csv, lambda path: export.write_csv(comparison, path)),
        ("PDF report", args.pdf, pdf),
    )
    written, status = [], EXIT_OK
    for kind, path, write in jobs:
        if path is None:
            continue
        try:
            write(path)
        except OSError as error:
            reason = error.strerror or str(error)
            print(f"parallax: could not write {path}: {reason}", file=sys.stderr)
            status = EXIT_NO_ARTICLES
            continue
        written.append((kind, path))
    return written, status


def _output_clashes(args: argparse.Namespace, inputs: list[Path]) -> list[str]:
    from parallax.core import Output, output_clashes

    named = {"json": args.json, "html": args.html, "pdf": args.pdf, "csv": args.csv}
    requested = [
        Output(f"--{name}", path, is_folder=name == "csv")
        for name, path in named.items()
        if path is not None
    ]
    return output_clashes(requested, inputs)


def _open_saved(
    paths: list[Path], failures: list[LoadFailure]
) -> tuple[list[Path | Article], float | None, list]:
    """Saved comparisons (.parallax) stand for the articles they hold, in place, and bring the
    corrections made by hand (in the order given); the first one that sets a similarity
    threshold gives it."""
    from parallax.core import saved

    sources: list[Path | Article] = []
    threshold = None
    corrections: list = []
    for path in paths:
        if path.suffix.lower() != saved.SUFFIX:
            sources.append(path)
            continue
        try:
            document = saved.load(path)
        except saved.SavedFileError as error:
            failures.append(LoadFailure(str(path), str(error)))
            continue
        sources.extend(document.articles)
        corrections.extend(document.corrections)
        if threshold is None:
            threshold = document.same_claim
    return sources, threshold, corrections


def _expand(items: Sequence[str | Path]) -> tuple[list[Path], list[LoadFailure], bool]:
    """Files as given, folders replaced by the article files inside them, "-" noted apart."""
    from parallax.core import supported_files

    paths: list[Path] = []
    failures: list[LoadFailure] = []
    stdin_wanted = False
    for item in items:
        if str(item) == "-":
            stdin_wanted = True
            continue
        path = Path(item)
        if not path.is_dir():
            paths.append(path)
            continue
        try:
            found = supported_files(path)
        except OSError as error:
            failures.append(
                LoadFailure(str(path), f"{path.name}: cannot list this folder ({error.strerror})")
            )
            continue
        if not found:
            failures.append(
                LoadFailure(str(path), f"{path.name}: this folder has no article files")
            )
        paths.extend(found)
    return paths, failures, stdin_wanted


def _load_stdin(articles: list[Article], failures: list[LoadFailure]) -> None:
    from parallax.core import ArticleLoadError, decode_text, load_pasted

    # Bytes, held to the rules files are: binary data is refused, the encoding is detected
    # (a strict text stream would fail on the first byte that is not in its encoding).
    stream = getattr(sys.stdin, "buffer", None)
    try:
        content = decode_text(stream.read(), None) if stream is not None else sys.stdin.read()
        head = content.lstrip()[:512].lower()
        articles.append(load_pasted(content, is_html=head.startswith(("<!doctype html", "<html"))))
    except ArticleLoadError as error:
        failures.append(LoadFailure(source="-", message=str(error)))
