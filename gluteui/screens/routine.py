"""The routine player: tempo of every rep, the hold at the top, side switches, cues by sound and eye."""

from __future__ import annotations

import uuid
from functools import partial
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Digits, Footer, Static

from gluteui import locations
from gluteui.core.history.records import Session
from gluteui.core.routine.player import PlayerView, cues_between, player_view
from gluteui.core.routine.timeline import TimelineState
from gluteui.core.routine.workout import Workout
from gluteui.screens.confirm import ConfirmScreen
from gluteui.widgets.player import FigurePlayer, Meter, SideBanner
from gluteui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from gluteui.app import GluteApp

FRAMES_PER_SECOND = 20
REDUCED_MOTION_FRAMES_PER_SECOND = 2


def set_digits(digits: Digits, text: str) -> None:
    # Digits.update repaints even when the text is the same: 20 times a second for nothing.
    if digits.value != text:
        digits.update(text)


class RoutineScreen(Screen[None]):
    CSS_PATH = locations.stylesheet("routine")
    app: GluteApp
    TITLE = "Activation"
    BINDINGS = [
        Binding("space", "toggle_pause", "Pause", id="pause"),
        Binding("n", "skip_set", "Next set", id="skip_set"),
        Binding("b", "repeat_set", "Redo set", id="repeat_set"),
        Binding("plus,equals_sign", "add_rest", "+10s rest", id="add_rest", key_display="+"),
        Binding("m", "toggle_mute", "Mute", id="mute"),
        # q would quit the app and lose the set in progress: it asks, like Esc.
        Binding("escape,q", "stop", "Stop", id="stop", key_display="esc"),
    ]

    def __init__(self, routine_id: str) -> None:
        super().__init__()
        self.routine_id = routine_id
        self.last_state: TimelineState | None = None
        self.shown: PlayerView | None = None
        self.ticker: Timer | None = None
        self.ended = False
        self.resume_on_return = False

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
        app = self.app
        # What changes on most ticks, looked up once rather than 20 times a second.
        self.banner = self.query_one(SideBanner)
        self.figure = self.query_one(FigurePlayer)
        self.rep_digits = self.query_one("#rep", Digits)
        self.break_digits = self.query_one("#break-count", Digits)
        self.phase_meter = self.query_one("#phase-meter", Meter)
        self.routine_meter = self.query_one("#routine-meter", Meter)
        self.routine = app.content.routines[self.routine_id]
        self.start_clock = app.config.monotonic()
        self.workout = Workout(self.routine, self.start_clock, app.extra_set_side(self.routine))
        self.session_id = uuid.uuid4().hex
        self.started_at = app.config.now()
        self.local_date = app.store.history().day_of(self.started_at)
        self.sub_title = self.routine.name
        self.tick()
        if app.config.animate:
            fps = REDUCED_MOTION_FRAMES_PER_SECOND if app.config.reduced_motion else FRAMES_PER_SECOND
            self.ticker = self.set_interval(1 / fps, self.tick)

    # The clock: every tick reads it once; the timeline decides what shows.

    def tick(self) -> None:
        if self.ended or not self.is_current:
            return
        now = self.app.config.monotonic()
        state = self.workout.state(now)
        self.show(player_view(state, self.workout.timeline, self.routine, self.app.config.reduced_motion))
        for cue in cues_between(self.last_state, state):
            self.app.cue(cue)
        self.last_state = state
        if self.workout.new_set_completed(now):
            self.save()
        if state.finished:
            self.finish()

    def show(self, view: PlayerView) -> None:
        """Apply what changed since the last tick, and nothing else."""
        old = self.shown
        self.shown = view

        def changed(field: str) -> bool:
            return old is None or getattr(old, field) != getattr(view, field)

        if changed("exercise_id"):
            exercise = self.app.content.exercises.get(view.exercise_id or "")
            target = exercise.target if exercise else ""
            self.query_one("#exercise-name", Static).update(
                f"[b]{view.exercise_name}[/b]  [dim]{target}[/dim]\n{view.where}"
            )
            self.figure.frames = exercise.figure if exercise else ()
        self.banner.side = view.side
        self.figure.frame = view.frame
        if changed("is_break"):
            self.query_one(ContentSwitcher).current = "break" if view.is_break else "work"
        if view.is_break:
            if changed("break_title") or changed("break_text"):
                self.query_one("#break-title", Static).update(f"[b]{view.break_title}[/b]")
                self.query_one("#break-text", Static).update(view.break_text)
            set_digits(self.break_digits, str(view.phase_seconds_left) if view.kind != "done" else "")
        else:
            set_digits(self.rep_digits, str(view.rep or ""))
            if changed("reps"):
                self.query_one("#rep-of", Static).update(f"of {view.reps}")
            if changed("phase_word") or changed("kind"):
                self.query_one("#phase-word", Static).update(f"[b]{view.phase_word.upper()}[/b]")
            self.phase_meter.show(view.phase_progress)
            if changed("cue"):
                self.query_one("#cue", Static).update(view.cue)
        self.routine_meter.show(view.routine_progress)
        if changed("time_left") or changed("set_label"):
            self.query_one("#routine-left", Static).update(f"{view.set_label} · {view.time_left} left")

    # Saving: after every completed set, so a crash loses at most the set in progress.

    def session(self) -> Session:
        now = self.app.config.monotonic()
        return Session(
            id=self.session_id, local_date=self.local_date, started_at=self.started_at,
            routine_id=self.routine.id, planned_reps=self.workout.planned_reps,
            done_reps=self.workout.done_reps(now), reps=self.workout.reps_done(now),
            # A late last tick must not count as time spent exercising.
            duration_s=round(min(self.workout.stopwatch.elapsed(now), self.workout.timeline.total), 1),
            source="app", feel={},
        )

    def save(self) -> Session:
        session = self.session()
        if session.done_reps:  # skipping straight through is not a session worth keeping
            self.app.save_session(session)
        return session

    def end(self) -> None:
        """Stop the clock for good; nothing ticks, saves or cues after this."""
        self.ended = True
        if self.ticker is not None:
            self.ticker.stop()

    def finish(self) -> None:
        from gluteui.screens.summary import SummaryScreen

        self.end()
        self.app.switch_screen(SummaryScreen(self.save()))

    def on_unmount(self) -> None:
        # Quitting the app (Ctrl+Q) mid-set: keep what was done, as Esc would.
        if not self.ended:
            self.end()
            self.save()

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
        self.workout.toggle_pause(self.app.config.monotonic())
        paused = self.workout.stopwatch.paused
        self.sub_title = f"{self.routine.name} - PAUSED" if paused else self.routine.name
        self.set_class(paused, "-paused")
        self.tick()

    def action_skip_set(self) -> None:
        self.workout.skip_set(self.app.config.monotonic())
        self.tick()

    def action_repeat_set(self) -> None:
        self.workout.repeat_set(self.app.config.monotonic())
        self.tick()

    def action_add_rest(self) -> None:
        self.workout.add_rest(self.app.config.monotonic())
        self.tick()

    def action_toggle_mute(self) -> None:
        sound = self.app.sound
        sound.muted = not sound.muted
        self.notify("Sound off" if sound.muted else "Sound on", timeout=2)

    def action_stop(self) -> None:
        # Pausing here (not on suspend) lets "No" restore exactly what the user had.
        self.resume_on_return = False
        was_paused = self.workout.stopwatch.paused
        self.set_paused(True)
        done = self.workout.done_reps(self.app.config.monotonic())
        question = f"Stop the routine here? The {done} reps you did are kept." if done else "Stop the routine here?"
        self.app.push_screen(ConfirmScreen(question), partial(self.stopped, was_paused))

    def stopped(self, was_paused: bool, stop: bool | None) -> None:
        if not stop:
            self.set_paused(was_paused)
            return
        self.end()
        self.save()
        self.app.pop_screen()
