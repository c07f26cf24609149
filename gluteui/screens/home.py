"""Home: today's status, the welcome on first launch, and the way into everything else."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from gluteui.widgets.menu import Menu
from gluteui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from gluteui.app import GluteApp
    from gluteui.core.content.quiz import Quiz
    from gluteui.core.stats.overview import Overview

WELCOME = (
    "[b]Welcome to GluteUI.[/b] After a day in a chair your glutes may still be switched off "
    "when you run, leaving their work to your lower back and hamstrings. Five slow, deliberate "
    "minutes of activation remind them. New here? [b]Enter[/b] starts the routine; [b]s[/b] "
    "runs the squeeze test first."
)

HEALTH_NOTE = (
    "[dim]Education, not diagnosis. Stop on sharp pain; Learn has a safety lesson.[/dim]"
)

# (option id, label, key shown beside it)
ENTRIES = (
    ("routine", "Start activation", "Enter"),
    ("learn", "Learn", "l"),
    ("quiz", "Squeeze test", "s"),
    ("routines", "Routines", "r"),
    ("progress", "Progress", "p"),
)


def status_text(view: Overview, quiz: Quiz) -> str:
    streaks = view.streaks
    if streaks.today_activated:
        today = "[b $success]Activated today[/] - go and run"
    elif streaks.today_rest:
        today = "[b]Rest day[/] - your streak is safe"
    else:
        today = "[b $warning]Not activated yet today[/]"
    days = "day" if streaks.current_streak == 1 else "days"
    return "\n".join((
        today,
        f"Streak [b]{streaks.current_streak}[/] {days}  (longest {streaks.longest_streak})",
        f"This week [b]{streaks.week_activated_days}[/] of {streaks.weekly_target} days",
        f"Lessons read {view.lessons_read} of {view.lessons_total}",
        "Squeeze test: " + (
            quiz.title_of(view.latest_verdict, view.latest_red_flag) if view.latest_verdict else "not taken yet"
        ),
    ))


class HomeScreen(Screen[None]):
    app: GluteApp
    offered_checkin = False
    BINDINGS = [
        Binding("l", "app.open('learn')", "Learn", id="learn"),
        Binding("s", "app.open('quiz')", "Squeeze test", id="quiz"),
        Binding("r", "app.open('routines')", "Routines", id="routines"),
        Binding("p", "app.open('progress')", "Progress", id="progress"),
        Binding("d", "dismiss_welcome", "Dismiss welcome", id="dismiss_welcome"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="home-body"):
            if not self.app.store.setting("welcome_seen", False):
                yield Static(WELCOME, id="welcome")
            with Horizontal(id="home-row"):
                yield Menu(
                    *(Option(f"{label:<20}[dim]{key:>5}[/dim]", id=name) for name, label, key in ENTRIES),
                    id="menu",
                )
                yield Static(id="today")
            yield Static(id="next-routine")
            yield Static(HEALTH_NOTE, id="home-note")
        yield Footer()

    def on_screen_resume(self) -> None:
        """Shown at launch and on every return: today's status may have changed."""
        if self.app.content_loaded:
            self.show_status()
        else:
            # At launch the menu is drawn first; content/ and the status follow a frame later.
            self.call_after_refresh(self.show_status)

    def show_status(self) -> None:
        from gluteui.core.stats.overview import overview
        from gluteui.core.stats.runs import checkin_due

        app = self.app
        if not app.ensure_content():
            return
        history = app.store.history()
        app.show_store_notices()
        view = overview(history, app.lesson_ids, app.config.now())
        self.query_one("#today", Static).update(status_text(view, app.content.quiz))
        self.show_next_routine(view.latest_red_flag)
        # Only on launch ("the launch after an activation"), and only over Home: a key
        # pressed before this ran may already have opened another screen.
        if not self.offered_checkin and self.app.screen is self:
            self.offered_checkin = True
            run_day = checkin_due(history, view.today)
            if run_day is not None:
                from gluteui.screens.checkin import CheckinScreen

                self.app.push_screen(CheckinScreen(run_day), partial(self.save_checkin, run_day))

    def show_next_routine(self, red_flag: bool) -> None:
        from gluteui.core.routine.player import clock

        routine = self.app.content.routines[self.app.recommended_routine()]
        moves = ", ".join(step.exercise.name.lower() for step in routine.steps)
        caution = (
            "\n[b $error]Your last squeeze test flagged pain: have it checked before you train it.[/]"
            if red_flag else ""
        )
        self.query_one("#next-routine", Static).update(
            f"[b]Enter[/b] starts [b]{routine.name}[/b] "
            f"({clock(self.app.routine_seconds(routine))} min): {moves}.{caution}"
        )

    def save_checkin(self, run_day: date, score: int | None) -> None:
        import uuid

        from gluteui.core.history.records import Checkin
        from gluteui.core.history.store import StoreError
        from gluteui.core.scales import MAX_CHECKIN_SCORE

        app = self.app
        try:
            if score is None:
                app.store.set_setting("checkin_skipped", run_day.isoformat())
            else:
                app.store.add_checkin(Checkin(uuid.uuid4().hex, run_day, score, app.config.now()))
                self.notify(f"Run check-in saved: {score}/{MAX_CHECKIN_SCORE}.")
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "dismiss_welcome":
            return bool(self.query("#welcome"))
        return True

    def action_dismiss_welcome(self) -> None:
        self.app.save_setting("welcome_seen", True)
        self.query("#welcome").remove()
        self.refresh_bindings()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.action_open(event.option.id)
