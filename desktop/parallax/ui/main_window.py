"""The main window: article panes side by side, linked by claims, with docks and navigation."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QMainWindow,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from parallax import APP_NAME
from parallax.core import (
    SAVED_SUFFIX,
    SUFFIXES,
    Article,
    ArticleLoadError,
    Claim,
    Comparison,
    LoadFailure,
    claims_by_sentence,
    load_pasted,
    omitted_claims,
    saved,
)
from parallax.ui import about, palette, settings, theme
from parallax.ui.corrections import CorrectionActions, CorrectionsNotice
from parallax.ui.docks import DockPanels
from parallax.ui.document import ComparisonDocument
from parallax.ui.export import Exporter
from parallax.ui.find_bar import FindBar
from parallax.ui.menus import Menus
from parallax.ui.navigation import Navigator
from parallax.ui.pane_row import PaneRow
from parallax.ui.panels import claim_html, summary_html
from parallax.ui.runner import ComparisonRunner
from parallax.ui.session import RestoreBar, Session

FILE_FILTER = "Articles and comparisons ({} *{});;All files (*)".format(
    " ".join(f"*{s}" for s in sorted(SUFFIXES)), SAVED_SUFFIX
)


class MainWindow(QMainWindow):
    comparison_finished = Signal(object)  # Comparison, after the window shows it
    comparison_shown = Signal()  # every time a comparison has been (re)presented
    comparison_stopped = Signal(str)  # "cancelled" or the failure message

    def __init__(self) -> None:
        super().__init__()
        # The comparison, its notes, options, corrections, file and unsaved state.
        self.document = ComparisonDocument(self)
        self.failures: list[LoadFailure] = []
        self.navigator = Navigator()
        # Every claim a sentence states, the most widely shared first.
        self._claim_of: dict[tuple[str, int], tuple[Claim, ...]] = {}
        self._claims_by_article: dict[str, dict[int, tuple[Claim, ...]]] = {}
        self._omitted: dict[str, tuple[Claim, ...]] = {}
        self._presenting = 0  # generation of the comparison being presented
        self.session = Session(self.document, self, lambda: self.runner.busy)
        self._build_ui()
        self.exporter = Exporter(self, self.document)
        self.menus = Menus(
            self, self.document.undo_stack, [d.toggleViewAction() for d in self.docks.docks]
        )
        parts = (self.document, self.pane_row, self.docks, self.navigator)
        self.corrections = CorrectionActions(self, *parts, self.corrections_notice)
        self.corrections.build_menu(self.menus.insert_menu(self.tr("&Corrections")))
        self._connect()
        self._restore()

    @property
    def comparison(self) -> Comparison | None:
        """The comparison on show: the document's."""
        return self.document.comparison

    def _build_ui(self) -> None:
        self.setWindowTitle(APP_NAME)
        self.setAcceptDrops(True)
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(palette.banner_style())
        self.banner.hide()
        self.restore_bar = RestoreBar(self.session)
        self.details = QLabel(self.tr("Open two or more articles about the same event."))
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        self.legend = QLabel(palette.legend_html())
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.pane_row = PaneRow()
        self.pane_row.sentence_activated.connect(self._on_pane_sentence_activated)
        # A claim with many conflicts must not push the articles off the screen.
        details_area = QScrollArea()
        details_area.setWidgetResizable(True)
        details_area.setWidget(self.details)
        details_area.setFixedHeight(self.fontMetrics().lineSpacing() * 4)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.linkActivated.connect(self._on_details_link_activated)
        details_area.setFrameShape(QScrollArea.Shape.NoFrame)
        self.find_bar = FindBar(lambda: [pane.text for pane in self.pane_row.panes.values()])
        self.corrections_notice = CorrectionsNotice()
        central = QWidget()
        layout = QVBoxLayout(central)
        bars = (self.restore_bar, self.banner, self.corrections_notice)
        for widget in (*bars, details_area, self.legend, self.find_bar):
            layout.addWidget(widget)
        layout.addWidget(self.pane_row, 1)
        self.setCentralWidget(central)
        self.docks = DockPanels(self)
        self._build_status_bar()

    def _build_status_bar(self) -> None:
        self.runner = ComparisonRunner(self.statusBar())
        self.progress, self.cancel_button = self.runner.progress, self.runner.cancel_button
        self.runner.article_failed.connect(self._on_article_failed)
        self.runner.finished.connect(self._on_comparison_finished)
        self.runner.failed.connect(self._on_comparison_failed)
        self.runner.cancelled.connect(self._on_comparison_cancelled)

    def _connect(self) -> None:
        document, docks, menus = self.document, self.docks, self.menus
        document.changed.connect(self._on_document_changed)
        document.replaced.connect(self.banner.hide)
        document.articles_changed.connect(self.run_comparison)
        document.notes_changed.connect(self._on_document_notes_changed)
        document.corrections_changed.connect(self._on_document_corrections_changed)
        self.session.message.connect(self.statusBar().showMessage)
        self.corrections.message.connect(self.statusBar().showMessage)
        self.comparison_shown.connect(lambda: self.corrections.set_shown(self.comparison))
        self.session.file_used.connect(lambda path: self.remember_recent([path]))
        docks.claim_row_selected.connect(self._on_docks_claim_row_selected)
        docks.conflict_selected.connect(self.select_claim)
        docks.fact_sentence_chosen.connect(self._on_fact_sentence_chosen)
        for action, slot in (
            (menus.open_action, self._on_open_triggered),
            (menus.add_action, self._on_add_triggered),
            (menus.paste_action, self._on_paste_triggered),
            (menus.save_action, self.session.save),
            (menus.save_as_action, self.session.save_as),
            (menus.export_action, self.exporter.open_dialog),
            (menus.remove_action, self.remove_current),
            (menus.quit_action, self.close),
            (menus.find_action, self.find_bar.open),
            (menus.find_next_action, lambda: self.find_bar.find(1)),
            (menus.find_previous_action, lambda: self.find_bar.find(-1)),
            (menus.note_action, self.edit_note),
            (menus.notices_action, lambda: about.show_notices(self)),
            (menus.about_action, self._on_about_triggered),
        ):
            action.triggered.connect(slot)
        menus.move_requested.connect(self.move_current)
        menus.navigate_requested.connect(self.go)
        menus.zoom_requested.connect(self.pane_row.zoom)
        menus.theme_chosen.connect(self.set_theme)
        menus.recent_chosen.connect(lambda path: self.open_paths([path], replace=False))
        menus.marks_toggled.connect(self._on_mark_toggled)

    def _restore(self) -> None:
        geometry = settings.read(settings.GEOMETRY)
        if geometry and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        state = settings.read(settings.STATE)
        self._layout_remembered = bool(state and not state.isEmpty())
        if self._layout_remembered:
            self.restoreState(state)
        theme.apply(settings.read(settings.THEME))

    # ---- opening and comparing ----------------------------------------------------------
    def open_paths(self, paths: list[Path], *, replace: bool = True, sample: bool = False) -> None:
        comparisons = [p for p in paths if p.suffix.lower() == SAVED_SUFFIX]
        if comparisons:  # a saved comparison replaces the window's articles …
            if self.session.open(comparisons[0]):
                self._add_to_opened(comparisons[1:], [p for p in paths if p not in comparisons])
            return
        if replace and not self.session.confirm_discard():
            return
        if sample:
            self.banner.setText(
                self.tr(
                    "This is the bundled sample: five articles written for "
                    "Parallax's demo. Open your own with File ▸ Open."
                )
            )
        else:
            self.remember_recent(paths)
        if replace:
            self.document.start(paths, modified=not sample)
        else:
            self.document.add(paths)
        self.banner.setVisible(sample)

    def _add_to_opened(self, comparisons: list[Path], files: list[Path]) -> None:
        """… and what was given with it joins it, never silently dropped: the articles of
        further saved comparisons and the other files. The result is new, unsaved work."""
        extra: list[Path | Article] = []
        for path in comparisons:
            try:
                extra.extend(saved.load(path).articles)
            except saved.SavedFileError as error:
                self.statusBar().showMessage(str(error), 15000)
        extra += files
        if extra:
            self.remember_recent(files + comparisons)
            self.document.add(extra)

    def remember_recent(self, paths: list[Path]) -> None:
        settings.remember_files([str(p) for p in paths])
        self.menus.refresh_recent()

    def remove_current(self) -> None:
        position = self.document.position_of(self.pane_row.current_article())
        if position is not None:
            self.document.remove(position)

    def move_current(self, step: int) -> None:
        position = self.document.position_of(self.pane_row.current_article())
        if position is not None:
            self.document.move(position, step)

    def run_comparison(self) -> None:
        self.failures = []
        document = self.document
        self.runner.start(document.sources, document.same_claim, document.corrections)

    def cancel(self) -> None:
        self.runner.cancel()

    def _on_article_failed(self, failure: LoadFailure) -> None:
        self.failures.append(failure)
        self.statusBar().showMessage(self.tr("Could not load {}").format(failure.message), 15000)

    def _on_comparison_finished(self, comparison: Comparison) -> None:
        self.document.adopt(comparison)
        self.show_comparison(comparison, done=lambda: self._after_shown(comparison))

    def _after_shown(self, comparison: Comparison) -> None:
        self.session.autosave()
        self.comparison_finished.emit(comparison)

    def _on_comparison_failed(self, message: str) -> None:
        # Nothing new to show: the sources go back to what the window still shows.
        self.document.revert_sources()
        problems = "<br>".join(escape(f.message) for f in self.failures)
        self.details.setText(f"<b>{escape(message)}</b><br>{problems}")
        self.comparison_stopped.emit(message)

    def _on_comparison_cancelled(self) -> None:
        self.statusBar().showMessage(self.tr("Comparison cancelled."), 10000)
        self.comparison_stopped.emit("cancelled")

    # ---- presenting ------------------------------------------------------------------------
    def show_comparison(
        self, comparison: Comparison, done: Callable[[], None] | None = None
    ) -> None:
        """Present a comparison in small steps, one per event-loop turn, so the window keeps
        responding while panes and tables fill; ``done`` runs after the last step."""
        self._claim_of = claims_by_sentence(comparison.claims)
        self._omitted = omitted_claims(comparison.claims, [a.id for a in comparison.articles])
        self._claims_by_article = {}
        for (article, sentence), claims in self._claim_of.items():
            self._claims_by_article.setdefault(article, {})[sentence] = claims
        self.navigator.load(comparison)
        self._presenting += 1
        steps = [partial(self._clear_panes, comparison)]
        steps += [partial(self._add_pane, comparison, item) for item in comparison.articles]
        steps += [
            self.pane_row.restore_sizes,
            partial(self.docks.show_claims, comparison),
            partial(self.docks.show_panels, comparison),
        ]
        steps += [self._on_mark_toggled, self.pane_row.restore_view]
        self._run_steps(self._presenting, steps, done)

    def _run_steps(self, generation: int, steps: list, done: Callable[[], None] | None) -> None:
        if generation != self._presenting:
            return  # a newer comparison replaced this one
        if not steps:
            self.comparison_shown.emit()
            if done is not None:
                done()
            return
        steps[0]()
        # With the window as context, pending steps die with it.
        QTimer.singleShot(0, self, lambda: self._run_steps(generation, steps[1:], done))

    def _clear_panes(self, comparison: Comparison) -> None:
        if not self._layout_remembered:
            # First run: the articles get most of the height, the panels about a quarter.
            self.resizeDocks(
                [self.docks.claims_dock], [self.height() // 4], Qt.Orientation.Vertical
            )
        self.pane_row.clear(len(comparison.articles))
        self.details.setText(summary_html(comparison))

    def _add_pane(self, comparison: Comparison, item) -> None:
        self.pane_row.add(
            item,
            self._claims_by_article.get(item.id, {}),
            comparison.conflicts,
            omitted=len(self._omitted.get(item.id, ())),
            note=self.document.note_for(item.article),
        )

    def select_claim(
        self,
        claim_id: str,
        origin: str | None = None,
        sentence: tuple[str, int] | None = None,
    ) -> None:
        """Highlight a claim's members in every pane, with differing words; fill the details."""
        if self.comparison is None:
            return
        claim = next((c for c in self.comparison.claims if c.id == claim_id), None)
        if claim is None:
            return
        self.navigator.current = claim.id
        self.pane_row.show_claim(claim, origin)
        # The other claims the picked sentence states (or the representative's, from a table).
        key = sentence or (claim.representative.article, claim.representative.sentence)
        others = [c for c in self._claim_of.get(key, ()) if c.id != claim.id]
        self.details.setText(claim_html(self.comparison, claim, others))

    def go(self, kind: str, step: int) -> None:
        target = self.navigator.step(kind, step, self.pane_row.current_article())
        if target is not None:
            self.select_claim(target)
            self.docks.select_claim_row(target)

    def set_theme(self, name: str) -> None:
        settings.write(settings.THEME, name)
        theme.apply(name)
        self.banner.setStyleSheet(palette.banner_style())
        if self.comparison is not None:
            self.show_comparison(self.comparison)  # status colours follow the theme

    # ---- slots ------------------------------------------------------------------------------
    def _on_pane_sentence_activated(self, article: str, sentence: int) -> None:
        claims = self._claim_of.get((article, sentence), ())
        # A sentence that states several claims keeps the one on show if it is among them;
        # the details strip links to the others.
        if claims and self.navigator.current not in {claim.id for claim in claims}:
            self.select_claim(claims[0].id, origin=article, sentence=(article, sentence))

    def _on_fact_sentence_chosen(self, article: str, sentence: int) -> None:
        """A fact sheet cell: its sentence's claim on show, that sentence in view."""
        claims = self._claim_of.get((article, sentence), ())
        if claims:
            self.select_claim(claims[0].id, sentence=(article, sentence))
        pane = self.pane_row.panes.get(article)
        if pane is not None:
            pane.scroll_to(sentence)

    def _on_details_link_activated(self, link: str) -> None:
        if link.startswith("claim:"):
            claim_id = link.removeprefix("claim:")
            self.select_claim(claim_id)
            self.docks.select_claim_row(claim_id)

    def _on_docks_claim_row_selected(self, claim_id: str) -> None:
        if claim_id != self.navigator.current:  # not the row select_claim itself picked
            self.select_claim(claim_id)

    def _on_mark_toggled(self, *_args) -> None:
        kinds = self.menus.marks_on()
        self.pane_row.show_marks(kinds)
        self.legend.setText(palette.legend_html(kinds))

    def _on_open_triggered(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Open Articles"), "", FILE_FILTER)
        if files:
            self.open_paths([Path(f) for f in files])

    def _on_add_triggered(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, self.tr("Add Articles"), "", FILE_FILTER)
        if files:
            self.open_paths([Path(f) for f in files], replace=False)

    def _on_paste_triggered(self) -> None:
        clipboard = QApplication.clipboard().mimeData()
        try:
            if clipboard.hasHtml():
                article = load_pasted(clipboard.html(), is_html=True)
            else:
                article = load_pasted(clipboard.text())
        except ArticleLoadError as error:
            self.statusBar().showMessage(str(error), 15000)
            return
        self.document.add([article], repeats=True)

    def edit_note(self) -> None:
        article = self.pane_row.current_article()
        position = self.document.position_of(article)
        if article is None or position is None:
            self.statusBar().showMessage(self.tr("Click in an article first."), 5000)
            return
        label = self.pane_row.panes[article].item.article.display_name
        self.session.edit_note(
            self.document.sources[position], self.tr("Note on “{}”:").format(escape(label))
        )

    def _on_document_changed(self) -> None:
        self.setWindowTitle(self.document.title())

    def _on_document_notes_changed(self) -> None:
        self.pane_row.show_notes(self.document.note_for)

    def _on_document_corrections_changed(self) -> None:
        # The corrections change what is shown: compare again (only reassembled in the worker),
        # the panes kept where the reader was.
        if self.document.comparison is not None:
            self.pane_row.keep_view()
            self.run_comparison()

    def _on_about_triggered(self) -> None:
        model = self.comparison.model.label if self.comparison else self.tr("not loaded yet")
        about.about_box(self, model).exec()

    # ---- Qt overrides ---------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.open_paths(paths, replace=False)
            event.acceptProposedAction()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.session.confirm_discard():
            event.ignore()
            return
        self.session.discard_autosave()
        self._presenting += 1  # abandon a presentation still in progress
        self.runner.cancel()
        settings.write(settings.GEOMETRY, self.saveGeometry())
        self.pane_row.remember_sizes()
        settings.write(settings.STATE, self.saveState())
        super().closeEvent(event)
