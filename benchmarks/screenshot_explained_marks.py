"""Screenshot of an article pane with its marks explained on hover (docs/explained-marks.png).

Run: xvfb-run -a .venv/bin/python benchmarks/screenshot_explained_marks.py docs/explained-marks.png
"""

import sys

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QGuiApplication, QHelpEvent, QTextCursor
from PySide6.QtWidgets import QApplication

from parallax.core.loading import load_pasted
from parallax.core.models import CompareOptions
from parallax.core.pipeline import compare
from parallax.ui.panes import ArticlePane

TEXT = (
    "Greedy landlords rake in millions from death trap flats\n\n"
    "The greedy bosses raked in millions while tenants lived in what residents called a death "
    "trap. Twelve people were killed when fire tore through the block, and the attack on the "
    "council's record began at once. Campaigners said the response was utterly disgraceful, and "
    "the firm's so-called 'safety review' was a monstrous insult. The council reportedly slapped "
    "a fee on the bereaved."
)


def main(out: str) -> None:
    app = QApplication.instance() or QApplication(sys.argv)
    (item,) = compare([load_pasted(TEXT)], CompareOptions(use_embeddings=False)).articles
    pane = ArticlePane(item)
    pane.resize(760, 360)
    pane.move(20, 20)
    pane.show()
    pane.show_score_marks({"terms"})

    def hover() -> None:
        cursor = QTextCursor(pane.text.document())
        cursor.setPosition(item.article.text.index("utterly") + 12)
        point = pane.text.cursorRect(cursor).center()
        event = QHelpEvent(QEvent.Type.ToolTip, point, pane.text.viewport().mapToGlobal(point))
        QApplication.sendEvent(pane.text.viewport(), event)
        QTimer.singleShot(700, shoot)

    def shoot() -> None:
        QGuiApplication.primaryScreen().grabWindow(0, 0, 0, 820, 420).save(out)
        app.quit()

    QTimer.singleShot(800, hover)
    app.exec()


if __name__ == "__main__":
    main(sys.argv[1])
