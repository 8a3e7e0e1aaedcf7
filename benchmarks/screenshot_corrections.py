"""Screenshot of the window after corrections by hand (docs/corrections.png): on the four
plant-explosion articles, a sentence linked to a claim and a quote unlinked from it, a missed
conflict marked between two articles and a wrong one dismissed, all through the window's
Corrections actions.

Run: XDG_CONFIG_HOME=/tmp/xc xvfb-run -a .venv/bin/python benchmarks/screenshot_corrections.py \
    docs/corrections.png
"""

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.core.test_facts import A1, A2, A3, A4

from parallax.core.models import ConflictType
from parallax.ui import corrections, worker
from parallax.ui.main_window import MainWindow
from parallax.ui.panels import CONFLICT_ROLE


def wait(signal, after=None) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)
    if after is not None:
        after()
    loop.exec()


def sentence(window, article: str, words: str) -> int:
    item = next(i for i in window.comparison.articles if i.id == article)
    return next(s.index for s in item.sentences if words in item.sentence_text(s))


def click(window, article: str, index: int) -> None:
    pane = window.pane_row.panes[article]
    pane.text.setFocus()
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition(pane.item.sentences[index].start + 2)
    pane.text.setTextCursor(cursor)


def select_words(window, article: str, words: str) -> None:
    pane = window.pane_row.panes[article]
    pane.text.setFocus()
    start = pane.item.article.text.index(words)
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition(start)
    cursor.setPosition(start + len(words), QTextCursor.MoveMode.KeepAnchor)
    pane.text.setTextCursor(cursor)


def correct(window) -> None:
    contained = sentence(window, "a2", "crews had contained the fire")
    claim = next(
        c
        for c in window.comparison.claims
        if ("a2", contained) in {(m.article, m.sentence) for m in c.members}
    )
    window.docks.select_claim_row(claim.id)
    click(window, "a1", sentence(window, "a1", "Crews worked through the night"))
    wait(window.comparison_finished, window.corrections.link_action.trigger)
    click(window, "a1", sentence(window, "a1", "never seen a fire like this"))
    wait(window.comparison_finished, window.corrections.unlink_action.trigger)
    select_words(window, "a1", "through the night")
    select_words(window, "a2", "by early evening")
    corrections.ask_conflict = lambda *_: (ConflictType.DATE, "contained overnight or by evening?")
    wait(window.comparison_finished, window.corrections.mark_action.trigger)
    spokesperson = next(
        k
        for k in window.comparison.conflicts
        if any(v.value == "A company spokesperson said" for v in k.values)
    )
    table = window.docks.conflicts_table
    for row in range(table.rowCount()):
        if table.item(row, 0).data(CONFLICT_ROLE) == spokesperson.id:
            table.selectRow(row)
    corrections.ask_reason = lambda *_: "the spokesperson speaks for Brightline"
    wait(window.comparison_finished, window.corrections.dismiss_action.trigger)


def main(out: str) -> None:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.aboutToQuit.connect(worker.shutdown)
    folder = Path(tempfile.mkdtemp())
    paths = []
    for n, text in enumerate((A1, A2, A3, A4), start=1):
        paths.append(folder / f"report-{n}.txt")
        paths[-1].write_text(text, encoding="utf-8")
    window = MainWindow()
    window.session.unattended = True
    window.resize(1600, 1000)
    window.show()
    wait(window.comparison_finished, lambda: window.open_paths(paths))
    correct(window)
    # The linked claim on show, and the conflicts with the marked and the dismissed one.
    crews = sentence(window, "a1", "Crews worked through the night")
    click(window, "a1", crews)
    window.docks.conflicts_dock.raise_()
    window.resizeDocks([window.docks.conflicts_dock], [300], Qt.Orientation.Vertical)
    QTimer.singleShot(500, lambda: (window.grab().save(out), app.quit()))
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1])
