"""The App: opens destinations, handles the screens' requests, themes and the command palette."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from functools import partial
from typing import TYPE_CHECKING, Any

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.screen import Screen

from gluteui import locations
from gluteui.config import AppConfig, zone_notice
from gluteui.core.history.store import Store
from gluteui.core.speech import DEFAULT_SOUND_MODE
from gluteui.core.text import printable
from gluteui.data_actions import DataActions
from gluteui.experiment_actions import ExperimentActions
from gluteui.nudge_in_app import NUDGE_START_S, AppNudges
from gluteui.remote_control import RemoteControl
from gluteui.screens import messages
from gluteui.screens.destinations import BY_NAME, DESTINATIONS
from gluteui.screens.home import HomeScreen
from gluteui.services import Services
from gluteui.sound import SoundPlayer
from gluteui.training_checks import TrainingChecks
from gluteui.widgets.work import WorkerFailed

if TYPE_CHECKING:
    from textual.timer import Timer

    from gluteui.core.content.exercises import Routine
    from gluteui.core.routine.progression import Plan

# Only what the first screen needs; every other screen brings its own CSS_PATH.
STYLESHEETS = ("base", "home")

FLASHED_CUES = frozenset({"hold_start", "hold_end", "switch", "exercise_done", "routine_done"})
FLASH_S = 0.15
SOUND_START_S = 0.5
"""Seconds after launch that sound starts getting ready: after Home is complete."""
SOUND_CHECK_S = 0.25
WRITER_LAST_SAVE_S = 12.0
"""How long quitting waits for the writer's last save: past the 10 s another copy may hold
the lock, after which the store says why it could not save."""
SOUND_MODE_WORDS = {
    "voice": "The routine speaks: names, sides, each rep, holds and switches",
    "tones": "The routine cues with tones instead of words",
    "off": "No sound: the bell and a flash stand in",
}


def sound_notice(problem: str) -> str:
    """What the runner is told once when cues cannot be heard: what stands in, and how to stop it."""
    from gluteui.sound.outputs import NO_DEVICE

    stand_in = "each cue is a flash of the side band and the terminal bell instead"
    if problem == NO_DEVICE:
        return (f"No sound card on this computer: {stand_in}. \"Sound: off\" (Ctrl+P) stops "
                "GluteUI looking for one. You will not see this note again.")
    return f"No sound ({problem}): {stand_in}. \"Sound: off\" (Ctrl+P) stops GluteUI trying."


class GluteApp(TrainingChecks, DataActions, RemoteControl, ExperimentActions, AppNudges, App[None]):
    TITLE = "GluteUI"
    SUB_TITLE = "wake your glutes before you run"
    CSS_PATH = [locations.stylesheet(name) for name in STYLESHEETS]
    BINDINGS = [
        Binding("q", "quit", "Quit", id="quit",
                tooltip="Close GluteUI (a routine under way, or a change not saved, asks first)"),
        Binding("question_mark,f1", "help", "Help", id="help", key_display="?",
                tooltip="The keys of this screen and the ways to every other one"),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__()
        self.services = services
        self.failure: str | None = None
        """Why the app stopped itself, for run_tui to print as one line."""
        self.farewell: str | None = None
        """A line for run_tui to print once the app has closed (`gluteui desk`: what was done)."""
        if services.config.reduced_motion or not services.config.run_timers:
            self.animation_level = "none"
        services.sound.fallback = self._silent_cue
        services.save_failed = lambda problem: self.post_message(messages.SaveFailed(problem))
        self._save_problems_shown: set[str] = set()
        self._sound_notice: str | None = None
        self._sound_watch: Timer | None = None
        self._sound_checked = False
        self._theme_chosen = False
        """Whether a theme was chosen in the app this run (then it is saved, whatever --theme said)."""
        """Why sound cannot play, waiting to be shown over Home."""
        self._notices_shown = 0

    @property
    def config(self) -> AppConfig:
        return self.services.config

    @property
    def store(self) -> Store:
        return self.services.store

    def on_mount(self) -> None:
        theme = self.config.theme or self.store.setting("theme")
        if theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        zone = zone_notice()
        if zone is not None:
            self.notify(zone.capitalize(), title="Time zone", severity="warning", timeout=15, markup=False)
        self.show_store_notices()
        self.start_writer()
        sound = self.services.sound
        sound.mode = self.config.sound_mode or self.store.setting("sound", DEFAULT_SOUND_MODE)
        # Importing playsound3 (it probes for audio players) and making the cue files
        # take ~60 ms of CPU on a thread that competes with Home filling in its status;
        # no cue is needed before a routine's get-ready has run for a few seconds.
        self.set_timer(SOUND_START_S, self.start_sound)
        if self.config.routine is None:  # `gluteui desk` quits in 90 s: the timer's `gluteui nudge` nudges
            self.set_timer(NUDGE_START_S, self.start_nudges)
        if self.config.remote:
            self.action_start_remote()
        if self.config.routine is not None:
            # `gluteui desk`: straight into the routine once Home has drawn its first frame.
            self.call_after_refresh(self.start_given_routine)

    def start_given_routine(self) -> None:
        """Play the routine the command line named; a routine content/ lacks stops the app."""
        routine_id = self.config.routine
        if routine_id is None or not self.ensure_content():
            return
        routine = self.services.content.routines.get(routine_id)
        if routine is None:
            self.fail(f"no routine {routine_id!r} in {self.config.content_dir / 'routines.toml'}")
            return
        self.begin_routine(routine)

    def start_sound(self) -> None:
        """Get sound ready, unless it is off: then no audio library is loaded at all."""
        sound = self.services.sound
        if sound.mode == "off" or self._sound_watch is not None:
            return
        sound.start()
        self._sound_watch = self.set_interval(SOUND_CHECK_S, self.check_sound)

    def start_writer(self) -> None:
        """From now on changes are kept in memory at once and saved by the writer's thread,
        so no screen (and no routine's tick) waits on the disk or another copy's lock."""
        from gluteui.writer import Writer

        if not self.config.background_writer:
            return
        self.writer = Writer(self.store, self._report_save)
        self.store.defer(self.writer.wake)
        # A thread of its own rather than a Textual worker: it lives as long as the app, and
        # waiting for the app's workers (as a screen may) must not wait for it.
        threading.Thread(target=self._run_writer, name="writer", daemon=True).start()

    def _run_writer(self) -> None:
        try:
            self.writer.run()
        except Exception as error:  # noqa: BLE001 (a bug: say so, and save directly from now on)
            self.store.defer(None)
            self.post_message(WorkerFailed("Saving your history", error))

    def _report_save(self, problem: str | None) -> None:
        # On the writer's thread: post_message is safe from any thread.
        self.post_message(messages.SaveFailed(problem) if problem else messages.Saved())

    @on(WorkerFailed)
    def tell_worker_failed(self, message: WorkerFailed) -> None:
        """Every worker's failure reaches the user the same way: what stopped, and why."""
        self.notify(f"{message.what} stopped: {message.error}", title="Something went wrong",
                    severity="error", timeout=30, markup=False)

    def check_sound(self) -> None:
        """Once the sound thread knows whether it can play, say so on Home if it cannot."""
        sound = self.services.sound
        if self._sound_checked or not sound.ready.is_set():
            return
        self._sound_checked = True
        if self._sound_watch is not None:
            self._sound_watch.stop()
        if sound.problem and sound.mode != "off" and sound.new_problem:
            self._sound_notice = sound_notice(sound.problem)
            self._show_sound_notice()

    def _show_sound_notice(self) -> None:
        # Over Home only, and once: in a routine it would cover what the user follows.
        if self._sound_notice and isinstance(self.screen, HomeScreen):
            self.notify(self._sound_notice, title="Sound", severity="warning", timeout=12, markup=False)
            self._sound_notice = None

    async def on_unmount(self) -> None:
        await self.stop_remote(quietly=True)  # the phones' pages close; the port is free again
        # The sound thread holds a device: release it rather than leave it to the exit.
        self.services.sound.close()
        self.stop_nudges()
        writer = getattr(self, "writer", None)
        if writer is not None:
            # One last save of what waits (quitting already tried, and asked if it failed).
            writer.stop()
            writer.stopped.wait(WRITER_LAST_SAVE_S)

    def get_key_display(self, binding: Binding) -> str:
        """One style of key names everywhere: the footer, help and the palette's key."""
        from gluteui.widgets.keys import key_name

        return binding.key_display or key_name(binding.key)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Every notice of every screen comes through here: its text is made printable, as a
        path or a name from a file could hold escape codes that would act on the terminal."""
        super().notify(printable(message), title=printable(title), severity=severity,
                       timeout=timeout, markup=markup)

    def get_default_screen(self) -> Screen[Any]:
        return HomeScreen(self.services)

    # Requests from the screens.

    @on(messages.HistoryRead)
    def show_store_notices(self) -> None:
        """Warn about what the store found wrong (a file moved aside, a damaged entry skipped)."""
        for notice in self.store.notices[self._notices_shown:]:
            self.notify(notice, title="Your data file", severity="warning", timeout=15, markup=False)
        self._notices_shown = len(self.store.notices)
        self._show_sound_notice()

    @on(messages.SaveFailed)
    def save_failed(self, message: messages.SaveFailed) -> None:
        """Say "Not saved yet" once for each problem; the store keeps the change, the writer
        retries it, and a screen that said "Saved." hears of it."""
        self.services.unsaved = message.problem
        self.screen.post_message(messages.SaveStateChanged())
        if message.problem in self._save_problems_shown:
            return
        self._save_problems_shown.add(message.problem)
        self.notify(
            f"{message.problem}. Your change is kept while GluteUI is open, and GluteUI keeps "
            "trying to save it; 'Export data' (Ctrl+P) writes a copy elsewhere.",
            title="Not saved yet", severity="error", timeout=20, markup=False,
        )

    @on(messages.Saved)
    def saved_after_all(self) -> None:
        """What waited is on disk now: say so once, as the failure was said once."""
        self.services.unsaved = None
        self.screen.post_message(messages.SaveStateChanged())
        self.notify("Everything you did is saved now.", title="Saved", timeout=6)

    @on(messages.ContentFailed)
    def content_failed(self, message: messages.ContentFailed) -> None:
        self.fail(message.problem)

    @on(messages.Open)
    def open_destination(self, message: messages.Open) -> None:
        self.action_open(message.destination)

    @on(messages.Back)
    def go_back(self) -> None:
        """Leave the screen on top for the one under it; Home is never left this way."""
        if len(self.screen_stack) > 1:
            self.pop_screen()

    @on(messages.ShowSafety)
    def show_safety(self) -> None:
        from gluteui.screens.lessons import LessonsScreen

        if self.ensure_content():
            self._go(LessonsScreen(self.services, safety_first=True))

    def _go(self, screen: Screen[None]) -> None:
        """Show a place: it takes the place of a place you pass through (lessons, progress,
        the picker) on top, so jumping from place to place keeps the stack short: Home, the
        routine or squeeze test under way if any, and one place over them."""
        while len(self.screen_stack) > 1 and getattr(self.screen, "passing", False):
            self.pop_screen()
        self.push_screen(screen)

    @on(messages.StartRoutine)
    def start_routine(self, message: messages.StartRoutine) -> None:
        if self._routine_under_way() or not self.ensure_content():
            return
        routine = self.services.content.routines[message.routine_id]
        self.begin_routine(routine)

    def begin_routine(self, routine: Routine) -> None:
        """The one way a routine starts, from Home, the picker, the squeeze test or the
        palette: the health questions and holds, today's changes to accept or turn down,
        then the player over Home."""
        self.before_training(True, partial(self._confirm_plan, routine))

    def _show_player(self, plan: Plan) -> None:
        from gluteui.screens.player import PlayerScreen

        # The player goes over Home whatever asked for it: Esc or the end leads back there.
        while len(self.screen_stack) > 1 and not isinstance(self.screen, HomeScreen):
            self.pop_screen()
        self.push_screen(PlayerScreen(self.services, plan))

    def _confirm_plan(self, routine: Routine) -> None:
        """Today's changes to `routine`, when there are any, to start with or turn down; then
        the player."""
        from gluteui.core.text import clock
        from gluteui.widgets.plan import PlanDialog

        plan = self.services.plan(routine)
        if not plan.changes:
            self._show_player(plan)
            return

        def chosen(declined: frozenset[str] | None) -> None:
            if declined is not None:
                self._show_player(self.services.plan(routine, declined))
            else:
                self.training_declined()

        minutes = clock(self.services.routine_seconds(routine))
        self.push_screen(PlanDialog(f"Today: {routine.name} ({minutes} min)", plan.changes), chosen)

    @on(messages.RoutineEnded)
    def routine_ended(self, message: messages.RoutineEnded) -> None:
        from gluteui.screens.summary import SummaryScreen

        if self.config.routine is not None:
            # `gluteui desk` is one routine and back to the shell, through quitting: a save
            # the disk refused asks first, as on any quit.
            from gluteui.core.desk import farewell

            session = message.session
            self.farewell = farewell(session.done_reps, session.planned_reps, message.finished)
            self.call_later(self.action_quit)
            return
        self.switch_screen(SummaryScreen(self.services, message.session, message.finished))

    def training_declined(self) -> None:
        """`gluteui desk` is one routine and back to the shell: turned down before it began, too."""
        if self.config.routine is not None:
            from gluteui.core.desk import NOT_STARTED

            self.farewell = NOT_STARTED
            self.call_later(self.action_quit)

    def ensure_content(self) -> bool:
        """Load content/ if it is not yet loaded; False (and the app stops) when it is broken.

        Home asks for it just after its first frame, and every way into another screen
        passes here first: reading and validating content/ is a sizeable part of start-up,
        and the menu does not need it to be drawn.
        """
        from gluteui.core.content.load import ContentError

        try:
            self.services.load_content()
        except ContentError as error:
            self.fail(str(error))
            return False
        return True

    def fail(self, message: str) -> None:
        """Stop over something the user has to fix; run_tui prints `message` and exits 2."""
        self.failure = message
        self.exit(return_code=2)

    def _routine_under_way(self) -> bool:
        from gluteui.screens.player import PlayerScreen

        if any(isinstance(screen, PlayerScreen) for screen in self.screen_stack):
            self.notify("A routine is already under way: Esc on it stops it.", severity="warning")
            return True
        return False

    def action_open(self, name: str) -> None:
        """Go to one of DESTINATIONS: back to it when it is already open (no second copy),
        else over the screen under any place on top (see `_go`)."""
        if not self.ensure_content():
            return
        if name == "player":
            if not self._routine_under_way():
                self.begin_routine(self.services.recommended_routine())
            return
        opened = [n for n, screen in enumerate(self.screen_stack) if getattr(screen, "place", None) == name]
        if opened:
            while len(self.screen_stack) > opened[-1] + 1:
                self.pop_screen()
            return
        make = BY_NAME[name].make
        assert make is not None  # only the player has none

        def go() -> None:
            self._go(make(self.services))

        if name == "quiz":
            self.before_training(False, go)
        else:
            go()

    def action_help(self) -> None:
        from gluteui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(self.screen))

    # Sound, without sound.

    def _silent_cue(self, name: str) -> None:
        # SoundPlayer.play calls this on the caller's (UI) thread.
        self.bell()
        # Rep ticks and 3-2-1 already show as the phase bar and the big numbers.
        if name in FLASHED_CUES and self.config.run_timers and not self.config.reduced_motion:
            # The side band when the screen has one: restyling the whole screen twice per
            # cue costs more than the rest of the routine's frame.
            flashable = self.screen.query(".cue-flash")
            target = flashable.first() if flashable else self.screen
            target.add_class("-flash")
            self.set_timer(FLASH_S, lambda: target.remove_class("-flash"))

    # Data and settings.

    def action_sound_mode(self, mode: str) -> None:
        """Cue by voice, by tones or not at all, from now on (the choice is saved)."""
        sound = self.services.sound
        sound.mode = mode
        # Where it plays, once known: "voice" said through nothing would be a puzzle.
        through = f" (through {sound.output_name})" if sound.output_name and mode != "off" else ""
        self.notify(f"{SOUND_MODE_WORDS[mode]}{through}", title="Sound", timeout=4, markup=False)
        self._save_setting("sound", mode)
        self.start_sound()

    def action_lead_in(self, choice: str) -> None:
        """How long before each set to get into position, from the next routine (saved)."""
        from gluteui.core.lead_in import LEAD_IN_WORDS

        self.notify(f"{LEAD_IN_WORDS[choice]}, from the next routine.", title="Lead-in", timeout=5)
        self._save_setting("lead_in", choice)

    def _remember_theme(self, theme: object) -> None:
        # --theme is for one run, like every flag: only a theme chosen in the app is saved.
        if self.theme == self.config.theme and not self._theme_chosen:
            return
        self._theme_chosen = True
        self._save_setting("theme", self.theme)

    # The command palette: every destination and action once, each saying what it does.

    def _lead_in_commands(self) -> list[SystemCommand]:
        from gluteui.core.lead_in import LEAD_IN_WORDS

        now = self.services.lead_in().setting
        return [
            SystemCommand("Lead-in: wait for Space" if choice == "space" else f"Lead-in: {choice} s", words,
                          partial(self.action_lead_in, choice))
            for choice, words in LEAD_IN_WORDS.items() if choice != now
        ]

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        commands = [
            *(SystemCommand(d.title, d.help, partial(self.action_open, d.name)) for d in DESTINATIONS),
            SystemCommand("Export data", "Save all your history as JSON in your home folder", self.action_export_data),
            SystemCommand("Back up now", "Copy your history into the backups folder beside it", self.action_back_up),
            SystemCommand("Restore a backup", "Bring back an earlier copy of your history (yours is kept)",
                          self.action_restore_backup),
            SystemCommand("Import runs…", "Read your watch's GPX, TCX or FIT files, a folder or a Strava export",
                          self.action_import_runs),
            SystemCommand("Theme", "Change the colours (your choice is remembered)", self.action_change_theme),
            SystemCommand(
                "Health check questions", "Change your answers on surgery, injury, sciatica, pregnancy and bone stress",
                self.action_health_questions,
            ),
            *(SystemCommand(f"Sound: {mode}", words, partial(self.action_sound_mode, mode))
              for mode, words in SOUND_MODE_WORDS.items() if mode != self.services.sound.mode),
            *self._lead_in_commands(),
            *self.remote_commands(),
            *self.experiment_commands(),
        ]
        yield from commands
        offered = {command.title for command in commands}
        # A key for one of the commands above ("i" on Progress: Import runs) is not offered twice.
        offered_actions = {command.callback for command in commands}
        # Every key the current screen offers is also a command, so nothing is key-only.
        for active in screen.active_bindings.values():
            binding = active.binding
            if not (binding.description and binding.show) or binding.description in offered:
                continue
            app_action = binding.action.startswith("app.") and getattr(self, f"action_{binding.action[4:]}", None)
            if app_action in offered_actions:
                continue
            offered.add(binding.description)
            yield SystemCommand(
                binding.description,
                binding.tooltip or binding.description,
                partial(self.run_action, binding.action, active.node),
            )


def create_app(config: AppConfig, store: Store | None = None) -> GluteApp:
    """The one way to build the app: used by the CLI, the tests and the screenshot script.

    The store is opened here, so a data folder that cannot be used is reported before
    the terminal is taken over; content/ is loaded just after the first frame.
    """
    if store is None:
        store = Store.open(config.data_dir)
    sound = SoundPlayer(config.sound, locations.cache_dir, voice_dir=config.content_dir / "voice")
    return GluteApp(Services(config, store, sound))
