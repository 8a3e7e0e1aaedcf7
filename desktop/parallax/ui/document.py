"""The open comparison as one object: its articles, notes, options, corrections, file and
unsaved state, and the comparison last computed from them. No widgets and no window here.

The window, its docks and menus, saving and autosave all read and change the comparison through
this object and follow its signals. It is "modified" when the user changed the articles, their
order or a note since it was last saved or opened, or when the undo stack (corrections) is away
from its clean state, which is set wherever the comparison was last saved; the bundled sample is
never modified work.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from parallax import APP_NAME
from parallax.core import Article, Comparison, Correction, saved

Source = Path | Article


def source_key(source: Source) -> str:
    """Identifies an article across re-comparisons (the worker returns copies of articles)."""
    if isinstance(source, Path):
        return str(source)
    if source.source is not None:
        return str(source.source)
    return "pasted:" + hashlib.sha1(source.text.encode("utf-8")).hexdigest()[:16]


class ComparisonDocument(QObject):
    changed = Signal()  # the path or the modified state: titles follow it
    replaced = Signal()  # a different comparison altogether: new articles, opened or restored
    articles_changed = Signal()  # the articles or their order: they must be compared again
    notes_changed = Signal()  # a note was written, changed or removed
    corrections_changed = Signal()  # the corrections: the comparison must reflect them
    comparison_changed = Signal()  # a new comparison of the articles was adopted

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # What is compared, in pane order: files, or pasted articles.
        self.sources: list[Source] = []
        self.comparison: Comparison | None = None
        self.notes: dict[str, str] = {}
        self.same_claim: float | None = None  # the similarity threshold, None for the default
        self.corrections: tuple[Correction, ...] = ()  # in the order the user made them
        self.path: Path | None = None
        self.undo_stack = QUndoStack(self)
        self._changed_outside_undo = False
        self.undo_stack.cleanChanged.connect(self._on_undo_stack_clean_changed)

    # ---- state ------------------------------------------------------------------------------
    @property
    def modified(self) -> bool:
        return self._changed_outside_undo or not self.undo_stack.isClean()

    def mark_modified(self) -> None:
        was = self.modified
        self._changed_outside_undo = True
        if not was:
            self.changed.emit()

    def title(self) -> str:
        name = self.path.name if self.path else self.tr("Untitled comparison")
        return f"{name}{'*' if self.modified else ''} — {APP_NAME}"

    def _reset(
        self,
        path: Path | None,
        notes: dict[str, str] | None = None,
        same_claim: float | None = None,
        corrections: tuple = (),
    ) -> None:
        self.path, self.notes, self.same_claim = path, dict(notes or {}), same_claim
        self.corrections = tuple(corrections)
        self._changed_outside_undo = False
        self.undo_stack.clear()  # another comparison's corrections cannot be undone here
        self.replaced.emit()
        self.changed.emit()
        self.notes_changed.emit()
        # No corrections_changed: the articles_changed that follows compares them anew.

    # ---- the articles -----------------------------------------------------------------------
    def start(self, sources: list[Source], *, modified: bool = True) -> None:
        """New work on these articles (not modified for the bundled sample)."""
        self._reset(None)
        if modified:
            self.mark_modified()
        self.sources = list(sources)
        self.articles_changed.emit()

    def add(self, sources: list[Source], *, repeats: bool = False) -> None:
        """More articles after the ones there; the same file is not added twice."""
        new = [s for s in sources if repeats or s not in self.sources]
        self.sources += new
        self.mark_modified()
        self.articles_changed.emit()

    def remove(self, position: int) -> None:
        del self.sources[position]
        self.mark_modified()
        self.articles_changed.emit()

    def move(self, position: int, step: int) -> bool:
        if not 0 <= position + step < len(self.sources):
            return False
        self.sources.insert(position + step, self.sources.pop(position))
        self.mark_modified()
        self.articles_changed.emit()
        return True

    def position_of(self, article_id: str | None) -> int | None:
        """Where an article of the comparison on show is among the sources."""
        if self.comparison is None or article_id is None:
            return None
        ids = [item.id for item in self.comparison.articles]
        if article_id not in ids:
            return None
        if len(ids) == len(self.sources):  # the comparison keeps the order of the sources
            return ids.index(article_id)
        item = self.comparison.articles[ids.index(article_id)]
        source = item.article.source if item.article.source is not None else item.article
        return self.sources.index(source) if source in self.sources else None

    def adopt(self, comparison: Comparison) -> None:
        """The new comparison of the articles. A file that failed is reported once, not again
        on every re-comparison: it leaves the sources."""
        failed = {error.source for error in comparison.errors}
        self.sources = [s for s in self.sources if str(s) not in failed]
        self.comparison = comparison
        self.comparison_changed.emit()

    def revert_sources(self) -> None:
        """A comparison failed: the sources go back to the articles of the one on show."""
        articles = self.comparison.articles if self.comparison else ()
        self.sources = [item.article for item in articles]

    # ---- notes and corrections ---------------------------------------------------------------
    def note_for(self, source: Source) -> str:
        return self.notes.get(source_key(source), "")

    def set_note(self, source: Source, text: str) -> None:
        key = source_key(source)
        if text.strip():
            self.notes[key] = text
        else:
            self.notes.pop(key, None)
        self.mark_modified()
        self.notes_changed.emit()

    def set_corrections(self, corrections: tuple) -> None:
        """Called by the undo stack's commands (their redo and undo), not directly: the stack's
        clean state is what makes corrections unsaved work."""
        self.corrections = tuple(corrections)
        self.corrections_changed.emit()

    # ---- saving and opening -------------------------------------------------------------------
    def snapshot(self) -> saved.SavedComparison | None:
        if self.comparison is None:
            return None
        articles = [item.article for item in self.comparison.articles]
        notes = [self.note_for(article) for article in articles]
        return saved.saved_from(articles, notes, self.same_claim, corrections=self.corrections)

    def save(self, path: Path) -> None:
        """Write the comparison to ``path`` and make it the document's file (SavedFileError)."""
        snapshot = self.snapshot()
        if snapshot is None:
            raise ValueError("nothing to save: no comparison yet")
        saved.save(snapshot, path)
        self.path = path
        self._changed_outside_undo = False
        self.undo_stack.setClean()
        self.changed.emit()

    def write_copy(self, path: Path) -> bool:
        """Write the comparison to ``path`` (an autosave), changing nothing; False if empty."""
        snapshot = self.snapshot()
        if snapshot is None:
            return False
        saved.save(snapshot, path)
        return True

    def open(self, path: Path, *, as_file: bool = True) -> None:
        """Replace the document with a saved comparison (SavedFileError if unreadable). Not
        ``as_file`` (a restored autosave): the work has no file and is not saved anywhere."""
        document = saved.load(path)
        notes = {source_key(a): document.note(n) for n, a in enumerate(document.articles)}
        notes = {key: text for key, text in notes.items() if text}
        self._reset(
            Path(path) if as_file else None, notes, document.same_claim, document.corrections
        )
        if not as_file:
            self.mark_modified()
        self.sources = list(document.articles)
        self.articles_changed.emit()

    def _on_undo_stack_clean_changed(self, _clean: bool) -> None:
        self.changed.emit()
