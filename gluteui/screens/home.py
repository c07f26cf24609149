"""Home: today's status, the welcome on first launch, and the way into everything else."""

from __future__ import annotations

from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from gluteui.core.text import plural
from gluteui.screens import messages
from gluteui.screens.base import GluteScreen
from gluteui.screens.destinations import DESTINATIONS
from gluteui.widgets.menu import Menu
from gluteui.widgets.text import markup
from gluteui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from gluteui.core.content.quiz import Quiz
    from gluteui.core.stats.overview import Overview

WELCOME = (
    "[b]Welcome to GluteUI.[/b] After a day in a chair your glutes may still be switched off "
    "when you run, leaving their work to your lower back and hamstrings. Five slow, deliberate "
    "minutes before you run are a chance to find them and feel them working. New here? [b]Enter[/b] starts the routine; [b]s[/b] "
    "runs the squeeze test first."
)

HEALTH_NOTE = (
    "[dim]Education, not diagnosis. Stop on sharp pain; Lessons has a safety lesson.[/dim]"
)


def status_text(view: Overview, quiz: Quiz) -> Content:
    """Today's line, the streaks, lessons read and the last squeeze test, for the status box."""
    streaks = view.streaks
    if streaks.today_activated:
        today = "[b $success]Activated today[/] - go and run"
    elif streaks.today_rest:
        today = "[b]Rest day[/] - your streak is safe"
    else:
        today = "[b $warning]Not activated yet today[/]"
    verdict = (
        quiz.title_of(view.latest_verdict, view.latest_red_flag) if view.latest_verdict else "not taken yet"
    )
    return markup(
        "\n".join((
            today,
            "Streak [b]$streak[/] $days  (longest $longest)",
            "This week [b]$week[/] of $target days",
            "Lessons read $read of $lessons",
            "Squeeze test: $verdict",
        )),
        streak=streaks.current_streak, days=plural(streaks.current_streak, "day"),
        longest=streaks.longest_streak, week=streaks.week_activated_days,
        target=streaks.weekly_target, read=view.lessons_read, lessons=view.lessons_total,
        verdict=verdict,
    )


def menu_option(title: str, key: str, name: str) -> Option:
    """A menu line: the destination's title, and the key that opens it right-aligned."""
    return Option(markup("$title[dim]$key[/dim]", title=f"{title:<20}", key=f"{key:>5}"), id=name)


class HomeScreen(GluteScreen):
    offered_checkin = False
    BINDINGS = [
        *(
            Binding(d.key, f"open('{d.name}')", d.title, id=d.name, tooltip=d.help)
            for d in DESTINATIONS if d.key != "enter"
        ),
        Binding("d", "dismiss_welcome", "Dismiss welcome", id="dismiss_welcome",
                tooltip="Hide the welcome note for good"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="home-body"):
            if not self.services.store.setting("welcome_seen", False):
                yield Static(WELCOME, id="welcome")
            with Horizontal(id="home-row"):
                yield Menu(*(menu_option(d.title, d.key_display, d.name) for d in DESTINATIONS), id="menu")
                yield Static(id="today")
            yield Static(id="next-routine")
            yield Static(HEALTH_NOTE, id="home-note")
        yield Footer()

    def on_screen_resume(self) -> None:
        """Shown at launch and on every return: today's status may have changed."""
        if self.services.content_loaded:
            self.show_status()
        else:
            # At launch the menu is drawn first; content/ and the status follow a frame later.
            self.call_after_refresh(self.show_status)

    def show_status(self) -> None:
        from gluteui.core.content.load import ContentError
        from gluteui.core.safety import red_flag_to_confirm
        from gluteui.core.stats.overview import overview
        from gluteui.core.stats.runs import checkin_due

        services = self.services
        try:
            content = services.load_content()
        except ContentError as error:
            self.post_message(messages.ContentFailed(str(error)))
            return
        history = services.store.history()
        self.post_message(messages.HistoryRead())
        view = overview(history, services.lesson_ids, services.config.now())
        self.query_one("#today", Static).update(status_text(view, content.quiz))
        unchecked = red_flag_to_confirm(history.quiz_results, history.setting("red_flag_cleared", None))
        self.show_next_routine(view.latest_red_flag, checked=unchecked is None)
        # Only on launch ("the launch after an activation"), and only over Home: a key
        # pressed before this ran may already have opened another screen.
        if not self.offered_checkin and self.app.screen is self:
            self.offered_checkin = True
            run_day = checkin_due(history, view.today)
            if run_day is not None:
                from gluteui.widgets.checkin import CheckinDialog

                self.app.push_screen(CheckinDialog(run_day), partial(self.save_checkin, run_day))

    def show_next_routine(self, red_flag: bool, checked: bool) -> None:
        """The routine Enter starts, and a caution when the last squeeze test flagged pain."""
        from gluteui.core.safety import health_notes
        from gluteui.core.text import clock

        routine = self.services.recommended_routine()
        moves = ", ".join(step.exercise.name.lower() for step in routine.steps)
        caution = ""
        if red_flag and checked:
            caution = "\n[b $warning]Your last squeeze test flagged pain; you said it was checked.[/]"
        elif red_flag:
            caution = "\n[b $error]Your last squeeze test flagged pain: have it checked before you train it.[/]"
        # A yes to a health question is worth a reminder before every routine, not just once.
        answers = self.services.store.setting("health_answers") or {}
        notes = " ".join(health_notes(answers))
        self.query_one("#next-routine", Static).update(markup(
            "[b]Enter[/b] starts [b]$name[/b] ($minutes min): $moves." + caution
            + ("\n[$warning]$notes[/]" if notes else ""),
            name=routine.name, minutes=clock(self.services.routine_seconds(routine)), moves=moves,
            notes=notes,
        ))

    def save_checkin(self, run_day: date, score: int | None) -> None:
        from gluteui.core.history.records import Checkin
        from gluteui.core.scales import MAX_CHECKIN_SCORE

        store, now = self.services.store, self.services.config.now()
        if score is None:
            self.save(lambda: store.set_setting("checkin_skipped", run_day.isoformat()))
        elif self.save(lambda: store.add_checkin(Checkin.new(run_day, score, now))):
            self.notify(f"Run check-in saved: {score}/{MAX_CHECKIN_SCORE}.")
            self.point_to_safety()

    def point_to_safety(self) -> None:
        """After a high or rising run check-in, offer the safety lesson."""
        from gluteui.core.safety import run_concern
        from gluteui.widgets.confirm import ConfirmDialog

        concern = run_concern(self.services.store.checkins())
        if concern is None:
            return
        question = (
            f"{concern.words} Back or hamstring pain that stays or grows is worth a clinician's look; "
            "the safety lesson says when to stop and whom to see."
        )
        self.app.push_screen(
            ConfirmDialog(question, "read the safety lesson", "not now"),
            lambda read: self.post_message(messages.ShowSafety()) if read else None,
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "dismiss_welcome":
            return bool(self.query("#welcome"))
        return True

    def action_dismiss_welcome(self) -> None:
        self.save(lambda: self.services.store.set_setting("welcome_seen", True))
        self.query("#welcome").remove()
        self.refresh_bindings()

    def action_open(self, name: str) -> None:
        self.post_message(messages.Open(name))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.post_message(messages.Open(event.option.id))
