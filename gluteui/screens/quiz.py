"""Squeeze test: one step at a time, timed holds per side, then a verdict and the routine it asks for."""

from __future__ import annotations

import uuid

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Footer, OptionList, Static
from textual.widgets.option_list import Option

from gluteui import locations
from gluteui.core.history.records import QuizResult
from gluteui.core.quiz.attempt import (
    Assessment,
    Attempt,
    change_since,
    hold_left,
    saved_settings,
    seconds_shown,
    to_record,
)
from gluteui.screens import messages
from gluteui.screens.base import GluteScreen
from gluteui.services import Services
from gluteui.widgets.anatomy import Anatomy
from gluteui.widgets.countdown import Countdown
from gluteui.widgets.menu import Menu
from gluteui.widgets.quiz_text import recommendation_text, step_heading, tips_table
from gluteui.widgets.side_band import SideBand
from gluteui.widgets.side_bars import SideBars
from gluteui.widgets.text import markup, plain
from gluteui.widgets.title_bar import TitleBar

TICKS_PER_SECOND = 4
WIDE_LAYOUT = 110
"""Columns from which the result shows the anatomy figure beside the text."""


class QuizScreen(GluteScreen):
    CSS_PATH = locations.stylesheet("quiz")
    TITLE = "Squeeze test"
    BINDINGS = [
        # Priority, so Enter answers from the list and still shows in the footer.
        Binding("enter", "answer", "Answer", id="answer", priority=True, tooltip="Give the highlighted answer"),
        Binding("enter", "start_routine", "Start recommended routine", id="start_routine", priority=True,
                tooltip="Run the routine this result recommends"),
        Binding("space", "start_hold", "Start hold", id="start_hold", tooltip="Start the timed hold for this step"),
        Binding("b,backspace", "previous", "Previous", id="previous", key_display="b",
                tooltip="Back to the step before and change its answer"),
        Binding("r", "retake", "Retake", id="retake", tooltip="Take the squeeze test again from the start"),
        Binding("l", "show_safety", "Safety lesson", id="show_safety",
                tooltip="Open the safety lesson: which signs need care now, soon, or rest"),
        Binding("escape", "app.pop_screen", "Leave", id="back", tooltip="Leave the squeeze test"),
        *(Binding(str(n), f"pick({n - 1})", "Answer by number", show=False, key_display="1-9")
          for n in range(1, 10)),
    ]

    def __init__(self, services: Services) -> None:
        super().__init__(services)
        self.hold_started: float | None = None
        self.hold_cued = False
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
                yield Countdown(id="quiz-countdown")
                yield Menu(id="quiz-options")
                yield Static(plain(self.attempt.quiz.safety.reminder), id="quiz-reminder")
            with VerticalScroll(id="quiz-result"):
                with Vertical(id="quiz-result-text"):
                    yield Static(id="quiz-verdict")
                    yield SideBars(id="quiz-bars")
                    yield Static(id="quiz-change")
                    yield Static(id="quiz-emergency")
                    yield Static(id="quiz-explanation")
                    yield Static(id="quiz-recommendation")
                    yield Static(id="quiz-tips")
                yield Anatomy(id="quiz-anatomy")
        yield Footer()

    def on_mount(self) -> None:
        self.show_step()

    def on_resize(self, event: events.Resize) -> None:
        # Wide enough: the figure goes beside the text instead of below it.
        self.query_one("#quiz-result").set_class(event.size.width >= WIDE_LAYOUT, "-wide")

    # The steps.

    def show_step(self) -> None:
        step = self.attempt.step
        assert step is not None
        quiz = self.attempt.quiz
        self.stop_hold()
        self.query_one(ContentSwitcher).current = "quiz-step"
        self.query_one("#quiz-heading", Static).update(
            step_heading(step, len(self.attempt.answers) + 1, len(quiz.steps))
        )
        banner = self.query_one(SideBand)
        banner.display = step.side is not None
        banner.side = step.side
        self.query_one("#quiz-instructions", Static).update(plain(step.instructions))
        self.query_one(Countdown).display = step.hold_s is not None
        self.tick()
        menu = self.query_one(Menu)
        menu.clear_options()
        menu.add_options(
            Option(markup(f"[b]{number}[/b]  $label", label=option.label), id=str(number - 1))
            for number, option in enumerate(step.options, start=1)
        )
        menu.highlighted = 0
        menu.focus()
        self.refresh_bindings()

    def choose(self, index: int) -> None:
        self.attempt.answer(index)
        if self.attempt.finished:
            self.finish()
        else:
            self.show_step()

    def action_answer(self) -> None:
        self.choose(self.query_one(Menu).highlighted or 0)

    def action_pick(self, index: int) -> None:
        self.choose(index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.assessment is None:
            self.choose(event.option_index)

    def action_previous(self) -> None:
        if self.attempt.back():
            self.show_step()

    # The timed hold: its truth is the monotonic clock; ticks only redraw.

    def action_start_hold(self) -> None:
        self.stop_hold()
        self.hold_started = self.services.config.monotonic()
        self.services.sound.play("hold_start")
        if self.services.config.run_timers:
            self.ticker = self.set_interval(1 / TICKS_PER_SECOND, self.tick)
        self.tick()

    def stop_hold(self) -> None:
        if self.ticker is not None:
            self.ticker.stop()
            self.ticker = None
        self.hold_started = None
        self.hold_cued = False

    def tick(self) -> None:
        """Re-read the clock and show the hold's seconds left (tests call this after moving it)."""
        step = self.attempt.step
        if step is None or step.hold_s is None:
            return
        seconds = seconds_shown(hold_left(step.hold_s, self.hold_started, self.services.config.monotonic()))
        countdown = self.query_one(Countdown)
        if self.hold_started is None:
            countdown.show(seconds, f"Press [b]space[/b] to start the {step.hold_s:g} s hold.\n"
                                    "[dim]Or answer now if you timed it yourself.[/dim]", "idle")
        elif seconds > 0:
            countdown.show(seconds, "Hold steady...\n[dim]Answer whenever you are ready.[/dim]", "running")
        else:
            countdown.show(0, "Time! Relax, then answer.", "done")
            if not self.hold_cued:
                self.hold_cued = True
                self.services.sound.play("hold_end")
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
        earlier = history.quiz_results
        record = to_record(assessment, uuid.uuid4().hex, history.day_of(now), now)
        saved = self.save(lambda: store.record_quiz(record, saved_settings(assessment)))
        self.show_result(assessment, earlier, saved)

    def show_result(self, assessment: Assessment, earlier: list[QuizResult], saved: bool) -> None:
        quiz = self.attempt.quiz
        self.query_one(ContentSwitcher).current = "quiz-result"
        verdict = self.query_one("#quiz-verdict", Static)
        for known in quiz.verdicts:
            verdict.set_class(known.id == assessment.verdict.id and not assessment.red_flag, f"-{known.id}")
        verdict.set_class(assessment.red_flag, "-red-flag")
        # Scores cut short by a red flag would make a misleading comparison.
        change = None if assessment.red_flag else change_since(earlier, assessment.scores)
        status = "Saved." if saved else "[b]Not saved[/b] (see the message)."
        self.query_one("#quiz-change", Static).update(
            markup(f"[dim]{status} $change.[/dim]", change=change) if change
            else markup(f"[dim]{status} Retake it any time.[/dim]")
        )
        recommendation = self.query_one("#quiz-recommendation", Static)
        recommendation.display = assessment.recommendation is not None
        bars = self.query_one(SideBars)
        bars.display = not assessment.red_flag
        anatomy = self.query_one(Anatomy)
        anatomy.display = not assessment.red_flag
        anatomy.state = assessment.verdict.figure
        emergency = self.query_one("#quiz-emergency", Static)
        emergency.display = assessment.red_flag
        if assessment.red_flag:
            verdict.update(markup("[b]$title[/b]", title=quiz.safety.title))
            emergency.update(plain(quiz.safety.emergency))
            said = [text for text in (assessment.pain_note, quiz.safety.text) if text]
            self.query_one("#quiz-explanation", Static).update(plain("\n\n".join(said)))
        else:
            lower = min(assessment.scores.values())
            verdict.update(markup(
                f"[b]$title[/b]  [dim]your lower side scored {lower} of {quiz.max_score}[/dim]",
                title=assessment.verdict.title,
            ))
            bars.show(assessment.scores, quiz.max_score, assessment.weaker_side)
            self.query_one("#quiz-explanation", Static).update(plain(assessment.verdict.text))
        if assessment.recommendation is not None:
            routine = self.services.content.routines[assessment.recommendation.routine_id]
            recommendation.update(recommendation_text(assessment.recommendation, routine.name))
        tips = self.query_one("#quiz-tips", Static)
        tips.display = bool(assessment.tips) and not assessment.red_flag
        tips.update(tips_table(assessment.tips))
        result = self.query_one("#quiz-result", VerticalScroll)
        result.scroll_home(animate=False)
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
                return step.hold_s is not None
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
