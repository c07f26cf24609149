"""The routine player: tempo of every rep, the hold at the top, side switches, cues by sound and eye."""

from __future__ import annotations

import gc
from dataclasses import replace
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.timer import Timer

from gluteui import locations
from gluteui.core.content.exercises import Exercise
from gluteui.core.history.records import Session
from gluteui.core.pain import PainReport
from gluteui.core.routine import spoken
from gluteui.core.routine.player import player_view
from gluteui.core.routine.progression import Plan
from gluteui.core.routine.timeline import TimelineState
from gluteui.core.routine.workout import Workout
from gluteui.core.sides import UNSIDED
from gluteui.core.text import plural
from gluteui.screens import messages
from gluteui.screens.base import GluteScreen
from gluteui.screens.phone import PhoneLink
from gluteui.services import Services
from gluteui.widgets.confirm import StopDialog
from gluteui.widgets.footer import KeyFooter
from gluteui.widgets.pain import PainDialog
from gluteui.widgets.routine_view import RoutineView
from gluteui.widgets.title_bar import TitleBar

FRAMES_PER_SECOND = 20
REDUCED_MOTION_FRAMES_PER_SECOND = 2


class PlayerScreen(GluteScreen):
    """Plays one routine from its get-ready to its end; every finished set is saved at once."""

    CSS_PATH = locations.stylesheet("player")
    TITLE = "Activation"
    # Narrow: no figure beside the numbers. Tall: room for the figure at double size.
    # Tiny: the numbers keep their room; the side note shows in the break before each set.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-tiny"), (22, "-short"), (40, "-tall")]
    # In order of need: the footer is cut at 80 columns, so what matters most comes first.
    BINDINGS = [
        Binding("space", "pause(True)", "Pause", id="pause", tooltip="Hold the routine where it is"),
        Binding("space", "pause(False)", "Resume", id="resume", tooltip="Go on, after a 3 s count-in"),
        Binding("space", "ready", "Ready", id="ready", tooltip="In position: count in and start the set"),
        Binding("h", "hurts", "It hurts", id="hurts",
                tooltip="Pause; then an easier way to do this move, or skip it"),
        # q would quit the app and lose the set in progress: it asks, like Esc.
        Binding("escape,q", "stop", "Stop", id="stop", key_display="Esc",
                tooltip="End the routine here, keeping the reps done"),
        Binding("n", "skip_set", "Next set", id="skip_set", tooltip="Skip the rest of this set (or this break)"),
        Binding("b", "repeat_set", "Redo", id="repeat_set", tooltip="Do this set again from rep 1"),
        Binding("plus,equals_sign", "add_rest", "+10s rest", id="add_rest", key_display="+",
                tooltip="Rest 10 seconds more before going on"),
        Binding("m", "mute(True)", "Mute", id="mute", tooltip="Silence the cues for now"),
        Binding("m", "mute(False)", "Unmute", id="unmute", tooltip="Hear the cues again"),
    ]

    def __init__(self, services: Services, plan: Plan) -> None:
        super().__init__(services)
        self.plan = plan
        self.routine = plan.routine
        self.last_state: TimelineState | None = None
        self.ticker: Timer | None = None
        self.ended = False
        self.resume_on_return = False
        self.phone = PhoneLink(self)

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield RoutineView(id="routine-view")
        # The routine's own keys fill an 80-column footer; Ctrl+P still opens the palette.
        yield KeyFooter(show_command_palette=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # One key, two meanings: the footer shows the one that applies now.
        workout: Workout | None = getattr(self, "workout", None)  # made on mount
        waiting = workout is not None and workout.waiting
        if action == "ready":
            return waiting
        if action == "pause":
            return not waiting and parameters[0] != (workout is not None and workout.stopwatch.paused)
        if action == "mute":
            return parameters[0] != self.services.sound.muted
        return True

    def on_mount(self) -> None:
        services, config = self.services, self.services.config
        self.routine_view = self.query_one(RoutineView)
        self.start_clock = config.monotonic()
        started_at = config.now()
        self.workout = Workout.from_plan(
            self.plan, services.content.ladders, self.start_clock, services.extra_set_side(self.routine),
            started_at=started_at, local_date=services.store.history().day_of(started_at),
            lead_in=services.lead_in(),
        )
        self.sub_title = self.routine.name
        self.title = self.phone.title()
        # Everything alive now (years of history, content, the screens) lives on through the
        # routine: keep it out of the collector's full passes, which on ten years of history
        # stopped every thread for 100-165 ms, three frames of the routine's clock.
        gc.freeze()
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
        was_waiting = self.workout.waiting
        state = self.workout.state(now)
        if self.workout.waiting and not was_waiting:
            self.refresh_bindings()  # Space now means "ready"
        hurt = bool(self.workout.pain.hurt)
        view = player_view(state, self.workout.timeline, self.routine, self.services.config.reduced_motion, hurt)
        exercise = self.services.content.exercises.get(view.exercise_id or "")
        if view.exercise_id in self.workout.pain.easier:
            view = replace(view, side_note=f"Easier: {self.workout.pain.easier[view.exercise_id]}")
        self.routine_view.show(view, exercise, self.workout.stopwatch.paused and not self.workout.waiting,
                               waiting=self.workout.waiting)
        self.phone.publish(state, view)
        # What to cue is the core's one rule; how it sounds (voice, tone, bell) is the sound's.
        phrases = self.services.content.phrases
        for utterance in spoken.spoken_between(self.last_state, state, self.routine, phrases, hurt):
            self.services.sound.say(utterance)
        self.last_state = state
        if self.workout.new_set_completed(now):
            self.save_session()
        if state.finished:
            self.finish()

    # Saving: after every completed set, so a crash loses at most the set in progress. The
    # store only keeps it in memory here; the App's writer puts it on disk off this clock.

    def session(self) -> Session:
        """The run so far, as the store keeps it."""
        return self.workout.session(self.now())

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
        self.phone.stopped(self.last_state is not None and self.last_state.finished)
        gc.unfreeze()  # the collector's to look after again, as before the routine
        # Mute is for this routine: the squeeze test's cues must not stay silent after it.
        self.services.sound.muted = False

    def finish(self) -> None:
        self.end()
        session = self.save_session()
        self.post_message(messages.RoutineEnded(session, finished=True))

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
        self.phone.refresh()  # paused, or a dialog the phone answers too

    def on_screen_resume(self) -> None:
        if self.resume_on_return:
            self.resume_on_return = False
            self.set_paused(False)
        self.phone.refresh()

    # The phone remote: its buttons are these keys; the App passes them on.

    @on(messages.RemoteCommand)
    async def remote_command(self, message: messages.RemoteCommand) -> None:
        await self.phone.act(message.name, message.arg)

    @on(messages.RemoteChanged)
    def remote_changed(self) -> None:
        self.title = self.phone.title()
        self.phone.refresh()

    # Keys.

    def set_paused(self, paused: bool) -> None:
        if paused != self.workout.stopwatch.paused:
            self.toggle_pause()

    def action_pause(self, paused: bool) -> None:
        self.set_paused(paused)

    def action_ready(self) -> None:
        """The user is in position: the lead-in that waited counts in."""
        if self.workout.waiting:
            self.toggle_pause()

    def toggle_pause(self) -> None:
        self.workout.toggle_pause(self.now())
        paused = self.workout.stopwatch.paused
        if paused and self.services.sound.mode == "voice":
            self.services.sound.say(spoken.paused(self.services.content.phrases))
        self.sub_title = f"{self.routine.name} — PAUSED" if paused else self.routine.name
        self.set_class(paused, "-paused")
        self.refresh_bindings()
        self.tick()
        # Nothing moves while paused: the ticker rests until the count-in starts.
        if self.ticker is not None and paused:
            self.ticker.pause()
        elif self.ticker is not None:
            self.ticker.resume()

    def action_skip_set(self) -> None:
        self.workout.skip_set(self.now())
        self.refresh_bindings()  # a lead-in that waited goes on
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
        self.refresh_bindings()

    def action_hurts(self) -> None:
        state = self.last_state
        exercise_id = state and (state.exercise_id or state.next_exercise_id)
        exercise = self.services.content.exercises.get(exercise_id or "")
        if exercise is None or self.ended:
            return
        self.resume_on_return = False
        was_paused = self.workout.stopwatch.paused
        self.set_paused(True)
        emergency = self.services.content.triage.line("emergency")
        self.app.push_screen(PainDialog(exercise, emergency), partial(self.hurt, exercise, was_paused))

    def hurt(self, exercise: Exercise, was_paused: bool, report: PainReport | None) -> None:
        """Record where it hurt and what was chosen, save it at once, and go on (or not)."""
        if report is None:
            return
        side = self.last_state.side if self.last_state else None
        self.workout.pain.record(exercise.id, side or UNSIDED, report, exercise.easier)
        if report.stops_routine:
            self.stopped(was_paused, True)
            if report.choice == "safety":
                self.post_message(messages.ShowSafety())  # over the summary
            return
        if report.skips_move:
            self.workout.skip_exercise(self.now())
        self.save_session()
        if report.choice == "safety":
            self.tick()  # still paused: the routine waits while the lesson is read
            self.post_message(messages.ShowSafety())
        elif report.choice != "paused":
            self.set_paused(was_paused)  # as it was before "it hurts"

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
        session = self.save_session()
        self.post_message(messages.RoutineEnded(session, finished=False))
