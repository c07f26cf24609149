"""Import runs from the app: a path, whether other sports come too, then the files read on
a thread with a progress bar, ending in the summary `gluteui runs import` prints."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from time import monotonic

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Checkbox, ProgressBar, Static
from textual.worker import Worker, get_current_worker

from gluteui import locations
from gluteui.core.runs.dedupe import Merge
from gluteui.core.runs.folder import Entry, read_paths
from gluteui.core.runs.importing import count_run_files, details, summary, unusable_path
from gluteui.core.runs.intake import Intake, take
from gluteui.core.text import plural
from gluteui.services import Services
from gluteui.widgets.path_input import PathInput
from gluteui.widgets.text import markup, plain
from gluteui.widgets.work import ReportsFailure

EVERYTHING = "Other sports too"
"""The switch that is the CLI's --all, as the dialog and the reasons name it."""
PROGRESS_EVERY_S = 0.2
"""How often the bar moves while files are read. Each move wakes the UI thread, which then
takes the GIL from the reading: at 20 a second 1,000 FIT files took 20-26 s against 15 s
for the CLI, at 5 a second 17 s."""
KEYS = {
    "asking": "[b]Enter[/b] imports    [b]Tab[/b] completes the path    [b]Esc[/b] cancels",
    "reading": "[b]Esc[/b] stops: nothing is saved",
    "saving": "Saving...",
    "done": "[b]Enter[/b] or [b]Esc[/b] closes",
}


@dataclass
class FilesRead(Message):
    """How many run files the import has read so far (from its thread)."""

    read: int


@dataclass(frozen=True)
class Imported:
    """What an import read and what saving it gave (None: the disk said no, and the App
    has said why)."""

    intake: Intake
    merged: Merge | None
    within: Path
    """The path imported: the files skipped are named from it."""


class EverythingBox(Checkbox, inherit_bindings=False):
    """A checkbox that Space toggles and Enter leaves alone: Enter imports."""

    BINDINGS = [Binding("space", "toggle_button", "Toggle", show=False)]


class RunImportDialog(ReportsFailure, ModalScreen[bool]):
    """Dismisses with True once runs were imported (what shows them should read them
    again), False when cancelled or when nothing was saved."""

    CSS_PATH = locations.stylesheet("dialogs")
    BINDINGS = [
        # The path box's Enter comes as Input.Submitted; the switch leaves Enter to this.
        Binding("enter", "enter", "Import", id="import_runs_now"),
        Binding("escape", "escape", "Cancel", id="cancel_import"),
        # F1 only: ? is typed into the path box.
        Binding("f1", "app.help", "Help", show=False, key_display="F1"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.phase = "asking"
        self.imported = False
        self.total = 0
        """Run files the import will read, once they are counted."""

    def compose(self) -> ComposeResult:
        with Vertical(id="import-box"):
            yield Static(markup("[b]Import runs[/b]"), id="import-title")
            yield Static(plain("Your watch's GPX, TCX or FIT files: one file, a folder of them "
                               "(its folders too) or a Strava export folder."), id="import-intro")
            path_box = PathInput("~/Downloads/strava-export", id="import-path")
            # A still cursor with reduced motion, and in tests (no timers: a steady snapshot).
            config = self.services.config
            path_box.cursor_blink = config.run_timers and not config.reduced_motion
            yield path_box
            yield EverythingBox(f"{EVERYTHING} (rides, swims, multisport)", compact=True, id="import-everything")
            with Horizontal(id="import-reading"):
                yield ProgressBar(show_percentage=False, show_eta=False, id="import-progress")
                yield Static(id="import-count")
            yield Static(id="import-message")
            with VerticalScroll(id="import-details"):
                yield Static(id="import-details-text")
            yield Static(markup(KEYS["asking"]), id="import-keys")

    def on_mount(self) -> None:
        for hidden in ("#import-reading", "#import-message", "#import-details"):
            self.query_one(hidden).display = False

    def on_input_submitted(self) -> None:
        self.action_enter()

    def on_input_changed(self) -> None:
        if self.phase == "asking":  # what was wrong with the path before is gone with it
            self.query_one("#import-message").display = False

    def action_enter(self) -> None:
        if self.phase == "asking":
            self.start()
        elif self.phase == "done":
            self.dismiss(self.imported)

    def action_escape(self) -> None:
        if self.phase == "saving":
            self.app.bell()  # too late to stop: the runs are being written
            return
        # Reading stops at the next file; nothing read so far is kept.
        self.workers.cancel_node(self)
        self.dismiss(self.imported)

    def start(self) -> None:
        typed = self.query_one(PathInput).value.strip()
        if not typed:
            self.say(plain("Type the path of a file or folder first."), error=True)
            return
        path = Path(typed).expanduser()
        problem = unusable_path(path)
        if problem is not None:
            self.say(plain(problem), error=True)
            return
        self.show_phase("reading")
        self.say(plain(f"Reading {path}..."))
        everything = self.query_one(Checkbox).value
        self.read(path, everything, self.services.config.now())

    def show_phase(self, phase: str) -> None:
        self.phase = phase
        asking = phase == "asking"
        self.query_one(PathInput).disabled = not asking
        self.query_one(Checkbox).disabled = not asking
        self.query_one("#import-keys", Static).update(markup(KEYS[phase]))

    def say(self, text: Content, error: bool = False) -> None:
        message = self.query_one("#import-message", Static)
        message.update(text)
        message.set_class(error, "-error")
        message.display = True

    @work(thread=True, exclusive=True, exit_on_error=False, name="Importing runs")
    def read(self, path: Path, everything: bool, now: datetime) -> None:
        worker = get_current_worker()
        def cancelled() -> bool:  # asked again and again: Esc may come at any point
            return worker.is_cancelled

        total = count_run_files([path], cancelled)
        if cancelled():  # Esc while the folder was being counted
            return
        self.app.call_from_thread(self.show_total, total)
        entries: list[Entry] = []
        shown_at = monotonic()
        for entry in read_paths([path]):
            if cancelled():
                return
            entries.append(entry)
            if monotonic() - shown_at >= PROGRESS_EVERY_S:
                # Posted, not called: the reading never waits for the screen to draw.
                self.post_message(FilesRead(len(entries)))
                shown_at = monotonic()
        intake = take(entries, now, everything)
        self.app.call_from_thread(self.show_saving, len(entries))
        if cancelled():  # Esc came before saving began
            return
        merged: list[Merge] = []
        self.services.save(lambda: merged.append(self.services.store.import_runs(intake.runs)))
        self.app.call_from_thread(self.show_result, Imported(intake, merged[0] if merged else None, path))

    def show_total(self, total: int) -> None:
        self.total = total
        self.query_one(ProgressBar).update(total=max(total, 1), progress=0)
        self.show_read(0)
        self.query_one("#import-reading").display = True

    def show_saving(self, read: int) -> None:
        self.show_phase("saving")
        self.show_read(read)

    def on_files_read(self, message: FilesRead) -> None:
        if self.phase == "reading":  # a late count must not undo the final one
            self.show_read(message.read)

    def show_read(self, read: int) -> None:
        self.query_one(ProgressBar).update(progress=read)
        self.query_one("#import-count", Static).update(
            plain(f"{read} of {self.total} {plural(self.total, 'file')} read"))

    def show_result(self, result: Imported) -> None:
        self.show_phase("done")
        self.imported = True  # even unsaved, the runs may wait in memory to be saved
        if result.merged is None:
            self.say(plain("Your runs may not be saved (the note says why). Importing again is "
                           "safe: a run already there is never added twice."), error=True)
            return
        self.say(plain(summary(result.intake, result.merged, None)))
        lines = details(result.intake, f'"{EVERYTHING}"', result.within)
        if lines:
            self.query_one("#import-details-text", Static).update(plain("\n".join(lines)))
            self.query_one("#import-details").display = True

    def worker_failed(self, worker: Worker[object]) -> None:
        self.show_phase("done")
        self.say(plain(f"The import stopped: {worker.error}"), error=True)
