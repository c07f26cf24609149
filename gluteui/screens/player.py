"""The routine player: tempo of every rep, the hold at the top, side switches, cues by sound and eye."""

from __future__ import annotations

import uuid
from functools import partial

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Digits, Footer, Static

from gluteui import locations
from gluteui.core.content.exercises import Routine
from gluteui.core.history.records import Session
from gluteui.core.routine.player import PlayerView, cues_between, player_view
from gluteui.core.routine.timeline import TimelineState
from gluteui.core.routine.workout import Workout
from gluteui.core.text import plural
from gluteui.screens import messages
from gluteui.screens.base import GluteScreen
from gluteui.services import Services
from gluteui.widgets.confirm import ConfirmDialog
from gluteui.widgets.player import FigurePlayer, Meter, SideBanner
from gluteui.widgets.text import markup, plain
from gluteui.widgets.title_bar import TitleBar

FRAMES_PER_SECOND = 20
REDUCED_MOTION_FRAMES_PER_SECOND = 2


def set_digits(digits: Digits, text: str) -> None:
    # Digits.update repaints even when the text is the same: 20 times a second for nothing.
    if digits.value != text:
        digits.update(text)


class PlayerScreen(GluteScreen):
    """Plays one routine from its get-ready to its end; every finished set is saved at once."""

    CSS_PATH = locations.stylesheet("player")
    TITLE = "Activation"
    BINDINGS = [
        Binding("space", "toggle_pause", "Pause", id="pause", tooltip="Hold the routine; resuming counts 3 s in"),
        Binding("n", "skip_set", "Next set", id="skip_set", tooltip="Skip the rest of this set (or this break)"),
        Binding("b", "repeat_set", "Redo set", id="repeat_set", tooltip="Do this set again from rep 1"),
        Binding("plus,equals_sign", "add_rest", "+10s rest", id="add_rest", key_display="+",
                tooltip="Rest 10 seconds more before going on"),
        Binding("m", "toggle_mute", "Mute", id="mute", tooltip="Turn the sound cues off or on"),
        # q would quit the app and lose the set in progress: it asks, like Esc.
        Binding("escape,q", "stop", "Stop", id="stop", key_display="esc",
                tooltip="End the routine here, keeping the reps done"),
    ]

    def __init__(self, services: Services, routine: Routine) -> None:
        super().__init__(services)
        self.routine = routine
        self.last_state: TimelineState | None = None
        self.shown: PlayerView | None = None
        self.ticker: Timer | None = None
        self.ended = False
        self.resume_on_return = False

    @classmethod
    def recommended(cls, services: Services) -> PlayerScreen:
        """The player for the routine Start activation runs."""
        return cls(services, services.recommended_routine())

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="routine-top"):
            yield Static(id="exercise-name")
            yield SideBanner(id="side-banner")
        with ContentSwitcher(initial="work", id="stage"):
            with Horizontal(id="work"):
                yield FigurePlayer(id="figure")
                with Vertical(id="rep-box"):
                    with Horizontal(id="rep-row"):
                        yield Digits("", id="rep")
                        yield Static(id="rep-of")
                    yield Static(id="phase-word")
                    yield Meter(id="phase-meter")
                    yield Static(id="cue")
            with Vertical(id="break"):
                yield Static(id="break-title")
                yield Digits("", id="break-count")
                yield Static(id="break-text")
        with Horizontal(id="routine-status"):
            yield Meter(id="routine-meter")
            yield Static(id="routine-left")
        yield Footer()

    def on_mount(self) -> None:
        services, config = self.services, self.services.config
        # What changes on most ticks, looked up once rather than 20 times a second.
        self.banner = self.query_one(SideBanner)
        self.figure = self.query_one(FigurePlayer)
        self.rep_digits = self.query_one("#rep", Digits)
        self.break_digits = self.query_one("#break-count", Digits)
        self.phase_meter = self.query_one("#phase-meter", Meter)
        self.routine_meter = self.query_one("#routine-meter", Meter)
        self.start_clock = config.monotonic()
        self.workout = Workout(self.routine, self.start_clock, services.extra_set_side(self.routine))
        self.session_id = uuid.uuid4().hex
        self.started_at = config.now()
        self.local_date = services.store.history().day_of(self.started_at)
        self.sub_title = self.routine.name
        self.tick()
        if config.run_timers:
            fps = REDUCED_MOTION_FRAMES_PER_SECOND if config.reduced_motion else FRAMES_PER_SECOND
            self.ticker = self.set_interval(1 / fps, self.tick)

    def now(self) -> float:
        return self.services.config.monotonic()

    # The clock: every tick reads it once; the timeline decides what shows.

    def tick(self) -> None:
        if self.ended or not self.is_current:
            return
        now = self.now()
        state = self.workout.state(now)
        self.show(player_view(state, self.workout.timeline, self.routine, self.services.config.reduced_motion))
        for cue in cues_between(self.last_state, state):
            self.services.sound.play(cue)
        self.last_state = state
        if self.workout.new_set_completed(now):
            self.save_session()
        if state.finished:
            self.finish()

    def show(self, view: PlayerView) -> None:
        """Apply what changed since the last tick, and nothing else."""
        old = self.shown
        self.shown = view

        def changed(field: str) -> bool:
            return old is None or getattr(old, field) != getattr(view, field)

        if changed("exercise_id"):
            exercise = self.services.content.exercises.get(view.exercise_id or "")
            target = exercise.target if exercise else ""
            self.query_one("#exercise-name", Static).update(markup(
                "[b]$name[/b]  [dim]$target[/dim]\n$where",
                name=view.exercise_name, target=target, where=view.where,
            ))
            self.figure.frames = exercise.figure if exercise else ()
        self.banner.side = view.side
        self.figure.frame = view.frame
        if changed("is_break"):
            self.query_one(ContentSwitcher).current = "break" if view.is_break else "work"
        if view.is_break:
            if changed("break_title") or changed("break_text"):
                self.query_one("#break-title", Static).update(markup("[b]$title[/b]", title=view.break_title))
                self.query_one("#break-text", Static).update(plain(view.break_text))
            set_digits(self.break_digits, str(view.phase_seconds_left) if view.kind != "done" else "")
        else:
            set_digits(self.rep_digits, str(view.rep or ""))
            if changed("reps"):
                self.query_one("#rep-of", Static).update(f"of {view.reps}")
            if changed("phase_word") or changed("kind"):
                self.query_one("#phase-word", Static).update(markup("[b]$word[/b]", word=view.phase_word.upper()))
            self.phase_meter.show(view.phase_progress)
            if changed("cue"):
                self.query_one("#cue", Static).update(plain(view.cue))
        self.routine_meter.show(view.routine_progress)
        if changed("time_left") or changed("set_label"):
            self.query_one("#routine-left", Static).update(plain(f"{view.set_label} · {view.time_left} left"))

    # Saving: after every completed set, so a crash loses at most the set in progress.

    def session(self) -> Session:
        """The run so far, as the store keeps it."""
        return self.workout.session(self.now(), self.session_id, self.started_at, self.local_date)

    def save_session(self) -> Session:
        session = self.session()
        if session.worth_keeping:
            self.save(lambda: self.services.store.save_session(session))
        return session

    def end(self) -> None:
        """Stop the clock for good; nothing ticks, saves or cues after this."""
        self.ended = True
        if self.ticker is not None:
            self.ticker.stop()

    def finish(self) -> None:
        self.end()
        self.post_message(messages.RoutineEnded(self.save_session()))

    def on_unmount(self) -> None:
        # Quitting the app (Ctrl+Q) mid-set: keep what was done, as Esc would.
        if not self.ended:
            self.end()
            self.save_session()

    # Another screen on top (help, palette, a question) holds the routine still.

    def on_screen_suspend(self) -> None:
        if not self.ended and not self.workout.stopwatch.paused:
            self.set_paused(True)
            self.resume_on_return = True

    def on_screen_resume(self) -> None:
        if self.resume_on_return:
            self.resume_on_return = False
            self.set_paused(False)

    # Keys.

    def set_paused(self, paused: bool) -> None:
        if paused != self.workout.stopwatch.paused:
            self.action_toggle_pause()

    def action_toggle_pause(self) -> None:
        self.workout.toggle_pause(self.now())
        paused = self.workout.stopwatch.paused
        self.sub_title = f"{self.routine.name} - PAUSED" if paused else self.routine.name
        self.set_class(paused, "-paused")
        self.tick()

    def action_skip_set(self) -> None:
        self.workout.skip_set(self.now())
        self.tick()

    def action_repeat_set(self) -> None:
        self.workout.repeat_set(self.now())
        self.tick()

    def action_add_rest(self) -> None:
        self.workout.add_rest(self.now())
        self.tick()

    def action_toggle_mute(self) -> None:
        sound = self.services.sound
        sound.muted = not sound.muted
        self.notify("Sound off" if sound.muted else "Sound on", timeout=2)

    def action_stop(self) -> None:
        # Pausing here (not on suspend) lets "No" restore exactly what the user had.
        self.resume_on_return = False
        was_paused = self.workout.stopwatch.paused
        self.set_paused(True)
        done = self.workout.done_reps(self.now())
        question = (
            f"Stop the routine here? What you did is kept: {done} {plural(done, 'rep')}."
            if done else "Stop the routine here?"
        )
        self.app.push_screen(ConfirmDialog(question), partial(self.stopped, was_paused))

    def stopped(self, was_paused: bool, stop: bool | None) -> None:
        if not stop:
            self.set_paused(was_paused)
            return
        self.end()
        self.save_session()
        self.app.pop_screen()
