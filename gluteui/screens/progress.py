"""Progress: streaks, the calendar heatmap, the squeeze-test trend, lessons and run check-ins."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from gluteui import locations
from gluteui.core.content.quiz import Quiz
from gluteui.core.sides import SIDES
from gluteui.core.stats.progress import ProgressView, progress_view
from gluteui.core.stats.runs import MIN_RUNS_EACH
from gluteui.core.text import plural
from gluteui.screens.base import GluteScreen
from gluteui.widgets.calendar import CalendarHeatmap
from gluteui.widgets.text import markup, plain
from gluteui.widgets.title_bar import TitleBar


def streak_text(view: ProgressView) -> Content:
    s = view.streaks
    return markup(
        "Streak [b]$streak[/] $days (longest $longest)   This week [b]$week[/] of $target days\n"
        "Weekly target met [b]$weekly[/] $weeks running   [b]$sessions[/] $session_word   "
        "Lessons read $read of $lessons",
        streak=s.current_streak, days=plural(s.current_streak, "day"), longest=s.longest_streak,
        week=s.week_activated_days, target=s.weekly_target, weekly=s.weekly_streak,
        weeks=plural(s.weekly_streak, "week"), sessions=s.total_sessions,
        session_word=plural(s.total_sessions, "session"),
        read=view.lessons_read, lessons=view.lessons_total,
    )


def day_text(view: ProgressView, day: date) -> Content:
    sessions = view.sessions_by_day.get(day, [])
    rest = day in view.rest_days
    head = markup("[b]$day[/]" + ("  [i]rest day[/]" if rest else ""), day=f"{day:%a %d %b %Y}")
    if not sessions:
        return head + markup(f"\nNo session.  [dim]r: {'unmark' if rest else 'mark'} rest day[/]")
    parts = "; ".join(
        f"{s.routine_id} {s.done_reps}/{s.planned_reps} reps at {s.started_at:%H:%M}" for s in sessions
    )
    return head + plain("\n" + parts)


def trend_text(view: ProgressView, quiz: Quiz) -> Content:
    latest = view.latest_quiz
    if latest is None:
        return plain("Squeeze test: not taken yet (s on Home).")
    lines = [markup("Squeeze test: [b]$verdict[/] on $day",
                    verdict=quiz.title_of(latest.verdict, latest.red_flag), day=f"{latest.local_date:%d %b}")]
    if latest.red_flag:
        lines.append(plain("  It stopped on pain, so its scores are left out of the trend below."))
    for side in SIDES if view.quiz_trend else ():
        scores = " -> ".join(str(result.scores.get(side, 0)) for result in view.quiz_trend)
        lines.append(plain(f"  {side.capitalize():<6}{scores}"))
    return Content("\n").join(lines)


def runs_text(view: ProgressView) -> Content:
    runs = view.runs
    if not runs.enough:
        return plain(
            f"Run check-ins: {runs.with_activation} after an activation, "
            f"{runs.without_activation} without. Once there are {MIN_RUNS_EACH} of each, "
            "this compares how your back felt."
        )
    return markup(
        "Back and hamstrings after runs (0 fine - 10 very bad):\n"
        "  with an activation    [b]$with_[/]  ($count_with runs)\n"
        "  without               [b]$without[/]  ($count_without runs)\n"
        "[dim]Your own notes, not a controlled trial.[/]",
        with_=f"{runs.average_with:.1f}", count_with=runs.with_activation,
        without=f"{runs.average_without:.1f}", count_without=runs.without_activation,
    )


class ProgressScreen(GluteScreen):
    CSS_PATH = locations.stylesheet("progress")
    view: ProgressView
    TITLE = "Progress"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="back", tooltip="Back to the screen before"),
        Binding("r", "toggle_rest", "Rest day", id="toggle_rest",
                tooltip="Mark the chosen day as a rest day, or unmark it (rest days bridge a streak)"),
        Binding("t", "next_weekly_target", "Weekly target", id="weekly_target",
                tooltip="Change how many activated days make a week count (1 to 7)"),
    ]

    def compose(self) -> ComposeResult:
        self.view = self.load_view()
        yield TitleBar()
        with VerticalScroll(id="progress-body"):
            yield Static(id="progress-streaks")
            with Horizontal(id="progress-calendar-row"):
                yield CalendarHeatmap(self.view.today, self.view.weeks, id="calendar")
                yield Static(
                    "[$success]■[/] done\n[dim]·[/] none\n[$secondary]○[/] rest\n[u]today[/]",
                    id="calendar-legend",
                )
            yield Static(id="progress-day")
            yield Static(id="progress-trend")
            yield Static(id="progress-runs")
        yield Footer()

    def on_mount(self) -> None:
        self.show_view()
        self.query_one(CalendarHeatmap).focus()

    def load_view(self) -> ProgressView:
        services = self.services
        history = services.store.history()
        today = history.day_of(services.config.now())
        return progress_view(history, today, services.lesson_ids)

    def show_view(self) -> None:
        view = self.view
        self.query_one("#progress-streaks", Static).update(streak_text(view))
        calendar = self.query_one(CalendarHeatmap)
        calendar.show(view.weeks)
        self.query_one("#progress-day", Static).update(day_text(view, calendar.selected))
        self.query_one("#progress-trend", Static).update(trend_text(view, self.services.content.quiz))
        self.query_one("#progress-runs", Static).update(runs_text(view))

    def on_calendar_heatmap_day_selected(self, event: CalendarHeatmap.DaySelected) -> None:
        self.query_one("#progress-day", Static).update(day_text(self.view, event.day))

    def action_next_weekly_target(self) -> None:
        """Step the weekly target 1 -> 7 and round again: runners plan their own weeks."""
        target = self.view.streaks.weekly_target % 7 + 1
        self.save(lambda: self.services.store.set_setting("weekly_target", target))
        self.view = self.load_view()
        self.show_view()
        self.notify(f"Weekly target: {target} activated days", timeout=3)

    def action_toggle_rest(self) -> None:
        day = self.query_one(CalendarHeatmap).selected
        rest = day not in self.view.rest_days
        if self.save(lambda: self.services.store.set_rest_day(day, rest)):
            self.view = self.load_view()
            self.show_view()
