"""The App: screen registry, global bindings, themes and the command palette."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from gluteui import locations
from gluteui.config import AppConfig
from gluteui.core.history.store import Store, StoreError
from gluteui.screens.home import HomeScreen
from gluteui.sound import SoundPlayer

if TYPE_CHECKING:
    from gluteui.core.content.exercises import Routine
    from gluteui.core.content.load import Content
    from gluteui.core.history.records import Session

# Only what the first screen needs; every other screen brings its own CSS_PATH.
STYLESHEETS = ("base", "home")

FLASHED_CUES = frozenset({"hold_start", "hold_end", "switch", "exercise_done", "routine_done"})
FLASH_S = 0.15
SOUND_START_S = 0.5
"""Seconds after launch that sound starts getting ready: after Home is complete."""

# name -> (title, help) for the screens the app can open from anywhere.
DESTINATIONS = {
    "routine": ("Start activation", "Begin the recommended routine now"),
    "routines": ("Routines", "Choose a routine: standard, quick or focus"),
    "learn": ("Learn", "Short lessons on sitting, the glutes and what the evidence says"),
    "quiz": ("Squeeze test", "Check, side by side, how well your glutes fire"),
    "progress": ("Progress", "Streaks, calendar, squeeze-test trend and run check-ins"),
}


class GluteApp(App[None]):
    TITLE = "GluteUI"
    SUB_TITLE = "wake your glutes before you run"
    CSS_PATH = [locations.stylesheet(name) for name in STYLESHEETS]
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit"),
        Binding("question_mark,f1", "help", "Help", id="help", key_display="?"),
    ]

    def __init__(self, config: AppConfig, store: Store) -> None:
        super().__init__()
        self.config = config
        self.store = store
        self._content: Content | None = None
        self.failure: str | None = None
        """Why the app stopped itself, for run_tui to print as one line."""
        if config.reduced_motion or not config.animate:
            self.animation_level = "none"
        self.sound = SoundPlayer(config.sound, locations.cache_dir, self._silent_cue)
        self._save_failed = False
        self._told_no_sound = False
        self._notices_shown = 0

    def on_mount(self) -> None:
        theme = self.config.theme or self.store.setting("theme")
        if theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.show_store_notices()
        # Importing playsound3 (it probes for audio players) and making the cue files
        # take ~60 ms of CPU on a thread that competes with Home filling in its status;
        # no cue is needed before a routine's get-ready has run for a few seconds.
        self.set_timer(SOUND_START_S, self.sound.start)

    def show_store_notices(self) -> None:
        """Warn about what the store found wrong (a file moved aside, a damaged entry skipped).

        Called again once Home has read the history: damaged entries are found only then.
        """
        for notice in self.store.notices[self._notices_shown:]:
            self.notify(notice, title="Your data file", severity="warning", timeout=15)
        self._notices_shown = len(self.store.notices)

    @property
    def content_loaded(self) -> bool:
        return self._content is not None

    def ensure_content(self) -> bool:
        """Load content/ if it is not yet loaded; False (and the app stops) when it is broken.

        Home calls this just after its first frame, and every way into another screen
        calls it first: reading and validating content/ is a sizeable part of start-up,
        and the menu does not need it to be drawn.
        """
        if self._content is None:
            from gluteui.core.content.load import ContentError, load_content

            try:
                self._content = load_content(self.config.content_dir)
            except ContentError as error:
                self.fail(str(error))
                return False
        return True

    @property
    def content(self) -> Content:
        if self._content is None:
            raise RuntimeError("content used before ensure_content()")
        return self._content

    @property
    def lesson_ids(self) -> set[str]:
        return {lesson.id for lesson in self.content.lessons}

    def fail(self, message: str) -> None:
        """Stop over something the user has to fix; run_tui prints `message` and exits 2."""
        self.failure = message
        self.exit(return_code=2)

    def cue(self, name: str) -> None:
        """Sound a cue (rep, hold_start, switch...); without sound, a bell and a flash."""
        self.sound.play(name)

    def _silent_cue(self, name: str) -> None:
        # SoundPlayer.play calls this on the caller's (UI) thread.
        self.bell()
        if self.config.sound and self.sound.problem and not self._told_no_sound:
            self._told_no_sound = True
            self.notify(f"No sound: {self.sound.problem}. Cues use the bell instead.", timeout=8)
        # Rep ticks and 3-2-1 already show as the phase bar and the big digits.
        if name in FLASHED_CUES and self.config.animate and not self.config.reduced_motion:
            # One small widget (the side banner) when the screen has one: restyling the
            # whole screen twice per cue costs more than the rest of the routine's frame.
            flashable = self.screen.query(".cue-flash")
            target = flashable.first() if flashable else self.screen
            target.add_class("-flash")
            self.set_timer(FLASH_S, lambda: target.remove_class("-flash"))

    def save_session(self, session: Session) -> None:
        """Save through the store; when the disk says no, keep it in memory and say how to export."""
        try:
            self.store.save_session(session)
        except StoreError as error:
            if not self._save_failed:
                self._save_failed = True
                self.notify(
                    f"{error} Use 'Export data' (Ctrl+P) to save a copy elsewhere.",
                    title="Not saved", severity="error", timeout=20,
                )

    def action_export_data(self) -> None:
        """Write everything, unsaved sessions included, to a JSON file in the home folder."""
        target = Path.home() / f"gluteui-export-{self.config.now():%Y%m%d-%H%M%S}.json"
        try:
            target.write_text(json.dumps(self.store.export_data(), indent=1), encoding="utf-8")
        except OSError as error:
            self.notify(f"Cannot write {target}: {error.strerror or error}", severity="error")
            return
        self.notify(f"Exported to {target}", title="Export")

    def get_default_screen(self) -> Screen:
        return HomeScreen()

    def _remember_theme(self, theme: object) -> None:
        self.save_setting("theme", self.theme)

    def save_setting(self, key: str, value: object) -> None:
        """Persist a setting, telling the user (not crashing) when the disk says no."""
        try:
            self.store.set_setting(key, value)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error")

    def action_help(self) -> None:
        from gluteui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen))

    def action_open(self, name: str) -> None:
        """Open one of DESTINATIONS on top of the current screen."""
        from gluteui.screens.routine import RoutineScreen

        if not self.ensure_content():
            return
        if name == "routine" and any(isinstance(s, RoutineScreen) for s in self.screen_stack):
            self.notify("A routine is already under way: Esc on it stops it.", severity="warning")
            return
        self.push_screen(self.make_screen(name))

    def make_screen(self, name: str) -> Screen:
        # Screens are imported on demand to keep the first screen fast.
        if name == "learn":
            from gluteui.screens.lessons import LessonsScreen

            return LessonsScreen()
        if name == "quiz":
            from gluteui.screens.quiz import QuizScreen

            return QuizScreen()
        if name == "progress":
            from gluteui.screens.progress import ProgressScreen

            return ProgressScreen()
        if name == "routines":
            from gluteui.screens.routines import RoutinesScreen

            return RoutinesScreen()
        if name == "routine":
            from gluteui.screens.routine import RoutineScreen

            return RoutineScreen(self.recommended_routine())
        raise ValueError(f"unknown screen {name!r}")

    def recommended_routine(self) -> str:
        """The routine Start activation runs: the squeeze test's pick, else the standard one."""
        choice = self.store.setting("recommended_routine", "standard")
        return choice if choice in self.content.routines else next(iter(self.content.routines))

    def extra_set_side(self, routine: Routine) -> str | None:
        """The side a routine adds a set on: the squeeze test's weaker side, if the routine asks."""
        from gluteui.core.sides import SIDES

        if not routine.extra_set_on_weaker_side:
            return None
        side = self.store.setting("extra_set_side")
        return side if side in SIDES else None

    def routine_seconds(self, routine: Routine) -> float:
        """How long `routine` runs for this user, extra set included."""
        from gluteui.core.routine.timeline import Timeline

        return Timeline.from_routine(routine, self.extra_set_side(routine)).total

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield SystemCommand("Export data", "Save all your history as JSON in your home folder", self.action_export_data)
        for name, (title, help_text) in DESTINATIONS.items():
            yield SystemCommand(title, help_text, partial(self.action_open, name))
        # Every key the current screen offers is also a command, so nothing is key-only.
        offered = {title for title, _ in DESTINATIONS.values()}
        for active in screen.active_bindings.values():
            binding = active.binding
            if binding.description and binding.show and binding.description not in offered:
                offered.add(binding.description)
                yield SystemCommand(
                    binding.description,
                    binding.tooltip or f"Key: {binding.key_display or binding.key}",
                    partial(self.run_action, binding.action, active.node),
                )


def create_app(config: AppConfig, store: Store | None = None) -> GluteApp:
    """The one way to build the app: used by the CLI, the tests and the screenshot script.

    The store is opened here, so a data folder that cannot be used is reported before
    the terminal is taken over; content/ is loaded just after the first frame.
    """
    if store is None:
        store = Store.open(config.data_dir)
    return GluteApp(config, store)
