"""Squeeze test: one step at a time, timed holds per side, then a verdict and the routine it asks for."""

from __future__ import annotations

import uuid

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import ContentSwitcher, OptionList, Static
from textual.widgets.option_list import Option

from gluteui import locations
from gluteui.core.quiz import hold
from gluteui.core.quiz.attempt import (
    Assessment,
    Attempt,
    change_since,
    saved_settings,
    to_record,
)
from gluteui.screens import messages
from gluteui.screens.base import GluteScreen
from gluteui.services import Services
from gluteui.widgets.big_text import BigText
from gluteui.widgets.confirm import ConfirmDialog
from gluteui.widgets.countdown import Countdown
from gluteui.widgets.footer import KeyFooter
from gluteui.widgets.quiz_text import leave_question, lost_answers, step_heading
from gluteui.widgets.quiz_views import AnswerList, ResultView
from gluteui.widgets.side_band import SideBand
from gluteui.widgets.text import markup, plain
from gluteui.widgets.title_bar import TitleBar

TICKS_PER_SECOND = 4
WIDE_LAYOUT = 110
"""Columns from which the result shows the anatomy figure beside the text."""
SHORT_BELOW = 24
"""Rows under which a step drops its boxes and big digits, so every answer still fits."""


class QuizScreen(GluteScreen):
    place = "quiz"
    CSS_PATH = locations.stylesheet("quiz")
    TITLE = "Squeeze test"
    BINDINGS = [
        # Priority, so Enter answers from the list and still shows in the footer.
        Binding("enter", "answer", "Answer", id="answer", priority=True, tooltip="Give the highlighted answer"),
        Binding("enter", "start_routine", "Start routine", id="start_routine", priority=True,
                tooltip="Run the routine this result recommends"),
        Binding("space", "start_hold", "Time it", id="start_hold",
                tooltip="Time to get into position, a count-in, then the hold counted aloud"),
        Binding("b", "previous", "Undo", id="previous", tooltip="Back to the step before and change its answer"),
        Binding("backspace", "previous", "Undo", show=False, key_display="Backspace"),
        Binding("r", "retake", "Retake", id="retake", tooltip="Take the squeeze test again from the start"),
        Binding("l", "show_safety", "Safety lesson", id="show_safety",
                tooltip="Open the safety lesson: which signs need care now, soon, or rest"),
        Binding("escape", "leave", "Leave", id="back",
                tooltip="Leave the squeeze test (it asks first when answers would be lost)"),
        *(Binding(str(n), f"pick({n - 1})", "Answer by number", show=False, key_display="1-9")
          for n in range(1, 10)),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.hold_started: float | None = None
        self.hold_state: hold.HoldState | None = None
        """The timed check as last shown and said: the next tick says what changed since."""
        self.ticker: Timer | None = None
        self.assessment: Assessment | None = None

    def compose(self) -> ComposeResult:
        self.attempt = Attempt(self.services.content.quiz)
        yield TitleBar()
        with ContentSwitcher(initial="quiz-step", id="quiz-views"):
            with Vertical(id="quiz-step"):
                with Horizontal(id="quiz-top"):
                    yield Static(id="quiz-heading")
                    yield SideBand(id="quiz-side")
                yield Static(id="quiz-instructions")
                # In place of the instructions while a timed check runs: read from the floor.
                yield BigText(id="quiz-position")
                yield Countdown(id="quiz-countdown")
                yield Static(plain(self.attempt.quiz.safety.reminder), id="quiz-reminder")
                # The answers take the room that is left; short of it, the list scrolls and
                # keeps the highlighted answer in view.
                with Vertical(id="quiz-answers"):
                    yield AnswerList(id="quiz-options")
            yield ResultView(id="quiz-result")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show_step()

    def on_resize(self, event: events.Resize) -> None:
        # Wide enough: the figure goes beside the text instead of below it.
        self.query_one(ResultView).set_class(event.size.width >= WIDE_LAYOUT, "-wide")
        self.set_class(event.size.height < SHORT_BELOW, "-short")
        self.query_one(Countdown).set_class(event.size.height < SHORT_BELOW, "-small")

    # The steps.

    def show_step(self) -> None:
        step = self.attempt.step
        assert step is not None
        self.stop_hold()
        self.query_one(ContentSwitcher).current = "quiz-step"
        self.query_one("#quiz-heading", Static).update(
            step_heading(step, len(self.attempt.answers) + 1, len(self.attempt.quiz.steps))
        )
        banner = self.query_one(SideBand)
        banner.display = step.side is not None
        banner.side = step.side
        self.query_one("#quiz-instructions", Static).update(plain(step.instructions))
        self.query_one(Countdown).display = step.hold_s is not None
        self.tick()
        answers = self.query_one(AnswerList)
        answers.clear_options()
        answers.add_options(
            Option(markup(f"[b]{number}[/b]  $label", label=option.label), id=str(number - 1))
            for number, option in enumerate(step.options, start=1)
        )
        answers.highlighted = 0
        answers.focus()
        self.refresh_bindings()

    def choose(self, index: int) -> None:
        self.attempt.answer(index)
        if self.attempt.finished:
            self.finish()
        else:
            self.show_step()

    def action_answer(self) -> None:
        self.choose(self.query_one(AnswerList).highlighted or 0)

    def action_pick(self, index: int) -> None:
        self.choose(index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.assessment is None:
            self.choose(event.option_index)

    def action_previous(self) -> None:
        if self.attempt.back():
            self.show_step()

    def would_lose(self) -> str | None:
        """What leaving now would throw away ("Your 2 answers so far"); None for nothing.

        The App asks about it too before `q` quits (data_actions.py).
        """
        given = len(self.attempt.answers)
        if self.assessment is not None or not given:
            return None
        return lost_answers(given)

    def action_leave(self) -> None:
        """Leave at once when nothing would be lost; mid-test, ask first."""
        if self.would_lose() is None:
            self.post_message(messages.Back())
            return
        question = leave_question(len(self.attempt.answers))

        def answered(leave: bool | None) -> None:
            if leave:
                self.post_message(messages.Back())

        self.app.push_screen(ConfirmDialog(question, "leave", "keep going"), answered)

    # The timed check: its truth is the monotonic clock; ticks only redraw and say what changed.

    def action_start_hold(self) -> None:
        if self.hold_started is not None:
            return  # once per step: a second press must not quietly start it again
        self.hold_started = self.services.config.monotonic()
        if self.services.config.run_timers:
            self.ticker = self.set_interval(1 / TICKS_PER_SECOND, self.tick)
        self.tick()
        self.refresh_bindings()

    def stop_hold(self) -> None:
        if self.ticker is not None:
            self.ticker.stop()
            self.ticker = None
        self.hold_started = None
        self.hold_state = None
        self.set_class(False, "-holding")

    def tick(self) -> None:
        """Re-read the clock, show the timed check and say what changed (tests call this after moving it)."""
        step = self.attempt.step
        if step is None or step.hold_s is None:
            return
        state = hold.hold_state(step, self.hold_started, self.services.config.monotonic())
        # What to say is the core's one rule; how it sounds (voice, tone, bell) is the sound's.
        for utterance in hold.spoken_between(self.hold_state, state, step, self.services.content.phrases):
            self.services.sound.say(utterance)
        self.hold_state = state
        self.set_class(state.stage in ("position", "hold"), "-holding")
        self.query_one("#quiz-position", BigText).text = hold.word_shown(step, state)
        seconds = hold.seconds_shown(step, state)
        countdown = self.query_one(Countdown)
        if state.stage == "idle":
            # One line at 60 columns: "Press Space: 12 s to get in position, 10 s hold."
            countdown.show(seconds, f"Press [b]Space[/b]: {step.lead_in_s:g} s to get in position, "
                                    f"{step.hold_s:g} s hold.\n"
                                    "[dim]Or answer now if you timed it yourself.[/dim]", "idle")
        elif state.lifting:
            countdown.show(seconds, "Hold!", "running")
        elif state.stage == "position":
            countdown.show(seconds, "Get into position…\n[dim]Counted in: three, two, hold.[/dim]", "idle")
        elif state.stage == "hold":
            countdown.show(seconds, "Hold steady…\n[dim]Answer whenever you are ready.[/dim]", "running")
        else:
            countdown.show(0, "Time! Relax, then answer.", "done")
            if self.ticker is not None:
                self.ticker.stop()
                self.ticker = None

    # The result.

    def finish(self) -> None:
        self.stop_hold()
        store = self.services.store
        assessment = self.assessment = self.attempt.assessment()
        now = self.services.config.now()
        history = store.history()
        record = to_record(assessment, uuid.uuid4().hex, history.day_of(now), now)
        saved = self.save(lambda: store.record_quiz(record, saved_settings(assessment)))
        # Scores cut short by a red flag would make a misleading comparison.
        change = None if assessment.red_flag else change_since(history.quiz_results, assessment.scores)
        recommended = assessment.recommendation
        routine = self.services.content.routines[recommended.routine_id].name if recommended else None
        self.query_one(ContentSwitcher).current = "quiz-result"
        result = self.query_one(ResultView)
        result.show(self.attempt.quiz, self.services.content.triage, assessment, routine, change, saved)
        result.focus()
        self.refresh_bindings()

    def action_start_routine(self) -> None:
        if self.assessment is not None and self.assessment.recommendation is not None:
            self.post_message(messages.StartRoutine(self.assessment.recommendation.routine_id))

    def action_show_safety(self) -> None:
        if self.assessment is not None and self.assessment.red_flag:
            self.post_message(messages.ShowSafety())

    def action_retake(self) -> None:
        self.attempt = Attempt(self.attempt.quiz)
        self.assessment = None
        self.show_step()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        step = self.attempt.step if self.is_mounted else None
        if action in ("answer", "pick", "previous", "start_hold"):
            if self.assessment is not None or step is None:
                return False
            if action == "previous":
                return bool(self.attempt.answers)
            if action == "start_hold":
                # Offered until the hold starts; during and after it, Space does nothing.
                return step.hold_s is not None and self.hold_started is None
            if action == "pick":
                index = parameters[0]
                return isinstance(index, int) and index < len(step.options)
            return True
        if action == "retake":
            return self.assessment is not None
        if action == "show_safety":
            return self.assessment is not None and self.assessment.red_flag
        if action == "start_routine":
            return self.assessment is not None and self.assessment.recommendation is not None
        return True
