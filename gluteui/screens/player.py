"""The routine player: tempo of every rep, the hold at the top, side switches, cues by sound and eye."""

from __future__ import annotations

import uuid
from functools import partial

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Footer, Static

from gluteui import locations
from gluteui.core.content.exercises import Routine
from gluteui.core.history.records import Session
from gluteui.core.routine.player import PlayerView, cues_between, player_view
from gluteui.core.routine.spoken import spoken_between
from gluteui.core.routine.timeline import TimelineState
from gluteui.core.routine.workout import Workout
from gluteui.core.text import plural
from gluteui.screens import messages
from gluteui.screens.base import GluteScreen
from gluteui.services import Services
from gluteui.widgets.confirm import StopDialog
from gluteui.widgets.big_text import BigText
from gluteui.widgets.phase_bar import PhaseBar
from gluteui.widgets.player import FigurePlayer, Meter
from gluteui.widgets.side_band import SideBand
from gluteui.widgets.text import markup, plain
from gluteui.widgets.title_bar import TitleBar

FRAMES_PER_SECOND = 20
REDUCED_MOTION_FRAMES_PER_SECOND = 2
BAR_EVERY_TICKS = 2
"""The phase bar moves on every second tick: 10 times a second."""


def band_label(view: PlayerView) -> str:
    """What the side band says when no side is being worked or coming up."""
    if view.kind == "done":
        return "DONE"
    return "BOTH SIDES" if not view.is_break else view.phase_word.upper()


class PlayerScreen(GluteScreen):
    """Plays one routine from its get-ready to its end; every finished set is saved at once."""

    CSS_PATH = locations.stylesheet("player")
    TITLE = "Activation"
    # Narrow: no figure beside the numbers. Tall: room for the figure at double size.
    # Tiny: the numbers keep their room; the side note shows in the break before each set.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-tiny"), (22, "-short"), (40, "-tall")]
    BINDINGS = [
        Binding("space", "pause(True)", "Pause", id="pause", tooltip="Hold the routine where it is"),
        Binding("space", "pause(False)", "Resume", id="resume", tooltip="Go on, after a 3 s count-in"),
        Binding("n", "skip_set", "Next set", id="skip_set", tooltip="Skip the rest of this set (or this break)"),
        Binding("b", "repeat_set", "Redo set", id="repeat_set", tooltip="Do this set again from rep 1"),
        Binding("plus,equals_sign", "add_rest", "+10s rest", id="add_rest", key_display="+",
                tooltip="Rest 10 seconds more before going on"),
        Binding("m", "mute(True)", "Mute", id="mute", tooltip="Silence the cues for now"),
        Binding("m", "mute(False)", "Unmute", id="unmute", tooltip="Hear the cues again"),
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
        self.ticks = 0

    @classmethod
    def recommended(cls, services: Services) -> PlayerScreen:
        """The player for the routine Start activation runs."""
        return cls(services, services.recommended_routine())

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield SideBand(id="side-band")
        yield Static(id="exercise-name")
        with ContentSwitcher(initial="work", id="stage"):
            with Horizontal(id="work"):
                yield FigurePlayer(id="figure")
                with Vertical(id="rep-box"):
                    with Horizontal(id="rep-row"):
                        yield BigText(id="rep")
                        yield Static(id="rep-of")
                    yield BigText(id="phase-word")
                    yield PhaseBar(id="phase-bar")
                    yield Static(id="cue")
                    yield Static(id="side-note")
            with Vertical(id="break"):
                yield Static(id="break-title")
                yield BigText(id="break-count")
                yield Static(id="break-text")
            with Vertical(id="paused"):
                yield BigText("PAUSED", id="paused-word")
                yield Static(
                    "[b]space[/b] resumes, after a 3 s count-in    [b]esc[/b] stops and keeps what you did",
                    id="paused-keys",
                )
        with Horizontal(id="routine-status"):
            yield Meter(id="routine-meter")
            yield Static(id="routine-left")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # One key, two meanings: the footer shows the one that applies now.
        if action == "pause":
            workout: Workout | None = getattr(self, "workout", None)  # made on mount
            return parameters[0] != (workout is not None and workout.stopwatch.paused)
        if action == "mute":
            return parameters[0] != self.services.sound.muted
        return True

    def on_mount(self) -> None:
        services, config = self.services, self.services.config
        # What changes on most ticks, looked up once rather than 20 times a second.
        self.band = self.query_one(SideBand)
        self.figure = self.query_one(FigurePlayer)
        self.rep_number = self.query_one("#rep", BigText)
        self.phase_word = self.query_one("#phase-word", BigText)
        self.break_count = self.query_one("#break-count", BigText)
        self.phase_bar = self.query_one(PhaseBar)
        self.routine_meter = self.query_one("#routine-meter", Meter)
        self.stage = self.query_one(ContentSwitcher)
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
        sound = self.services.sound
        if sound.mode == "voice":
            for utterance in spoken_between(self.last_state, state, self.routine, self.services.content.phrases):
                sound.say(utterance)
        else:
            for cue in cues_between(self.last_state, state):
                sound.play(cue)
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
                "[b]$name[/b]  [dim]$target[/dim]  $where",
                name=view.exercise_name, target=target, where=view.where,
            ))
            self.figure.frames = exercise.figure if exercise else ()
        self.band.side = view.side
        self.band.label = band_label(view)
        self.figure.frame = view.frame
        self.stage.current = "paused" if self.workout.stopwatch.paused else "break" if view.is_break else "work"
        if view.is_break:
            if changed("break_title") or changed("break_text"):
                self.query_one("#break-title", Static).update(markup("[b]$title[/b]", title=view.break_title))
                self.query_one("#break-text", Static).update(plain(view.break_text))
            self.break_count.text = str(view.phase_seconds_left) if view.kind != "done" else ""
        else:
            self.rep_number.text = str(view.rep or "")
            if changed("reps"):
                self.query_one("#rep-of", Static).update(f"of {view.reps}")
            self.phase_word.text = view.phase_word.upper()
            # Half the ticks are enough for a bar seen from the floor, and a full-width bar
            # is most of what a frame costs to draw; a new phase still starts it at once.
            self.ticks += 1
            if changed("kind") or changed("rep") or self.ticks % BAR_EVERY_TICKS == 0:
                self.phase_bar.show(view.phase_progress)
            if changed("cue"):
                self.query_one("#cue", Static).update(plain(view.cue))
        if changed("side_note"):
            self.query_one("#side-note", Static).update(plain(view.side_note))
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
        self.post_message(messages.RoutineEnded(self.save_session(), finished=True))

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
            self.toggle_pause()

    def action_pause(self, paused: bool) -> None:
        self.set_paused(paused)

    def toggle_pause(self) -> None:
        self.workout.toggle_pause(self.now())
        paused = self.workout.stopwatch.paused
        self.sub_title = f"{self.routine.name} - PAUSED" if paused else self.routine.name
        self.set_class(paused, "-paused")
        self.refresh_bindings()
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

    def action_mute(self, muted: bool) -> None:
        sound = self.services.sound
        sound.muted = muted
        self.set_class(sound.muted, "-muted")
        self.refresh_bindings()

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
        self.app.push_screen(StopDialog(question, "stop here", "keep going"), partial(self.stopped, was_paused))

    def stopped(self, was_paused: bool, stop: bool | None) -> None:
        if not stop:
            self.set_paused(was_paused)
            return
        self.end()
        self.post_message(messages.RoutineEnded(self.save_session(), finished=False))
