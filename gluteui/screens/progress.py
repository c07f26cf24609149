"""Progress: streaks, the calendar heatmap, the squeeze-test trend, lessons and run check-ins."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from gluteui import locations
from gluteui.core.content.quiz import Quiz
from gluteui.core.sides import SIDES
from gluteui.core.stats.progress import ProgressView, progress_view
from gluteui.core.stats.runs import MIN_RUNS_EACH
from gluteui.widgets.calendar import CalendarHeatmap
from gluteui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from gluteui.app import GluteApp


def streak_text(view: ProgressView) -> str:
    s = view.streaks
    days = "day" if s.current_streak == 1 else "days"
    weeks = "week" if s.weekly_streak == 1 else "weeks"
    return (
        f"Streak [b]{s.current_streak}[/] {days} (longest {s.longest_streak})   "
        f"This week [b]{s.week_activated_days}[/] of {s.weekly_target} days\n"
        f"Weekly target met [b]{s.weekly_streak}[/] {weeks} running   "
        f"[b]{s.total_sessions}[/] sessions   Lessons read {view.lessons_read} of {view.lessons_total}"
    )


def day_text(view: ProgressView, day: date) -> str:
    sessions = view.sessions_by_day.get(day, [])
    head = f"[b]{day:%a %d %b %Y}[/]" + ("  [i]rest day[/]" if day in view.rest_days else "")
    if not sessions:
        return f"{head}\nNo session.  [dim]r: {'unmark' if day in view.rest_days else 'mark'} rest day[/]"
    parts = [
        f"{s.routine_id} {s.done_reps}/{s.planned_reps} reps at {s.started_at:%H:%M}" for s in sessions
    ]
    return f"{head}\n" + "; ".join(parts)


def trend_text(view: ProgressView, quiz: Quiz) -> str:
    if not view.quiz_trend:
        return "Squeeze test: not taken yet (s on Home)."
    latest = view.quiz_trend[-1]
    lines = [f"Squeeze test: [b]{quiz.title_of(latest.verdict, latest.red_flag)}[/] on {latest.local_date:%d %b}"]
    for side in SIDES:
        scores = " -> ".join(str(result.scores.get(side, 0)) for result in view.quiz_trend)
        lines.append(f"  {side.capitalize():<6}{scores}")
    return "\n".join(lines)


def runs_text(view: ProgressView) -> str:
    runs = view.runs
    if not runs.enough:
        return (
            f"Run check-ins: {runs.with_activation} after an activation, "
            f"{runs.without_activation} without. Once there are {MIN_RUNS_EACH} of each, "
            "this compares how your back felt."
        )
    return (
        f"Back and hamstrings after runs (0 fine - 10 very bad):\n"
        f"  with an activation    [b]{runs.average_with:.1f}[/]  ({runs.with_activation} runs)\n"
        f"  without               [b]{runs.average_without:.1f}[/]  ({runs.without_activation} runs)\n"
        "[dim]Your own notes, not a controlled trial.[/]"
    )


class ProgressScreen(Screen[None]):
    CSS_PATH = locations.stylesheet("progress")
    app: GluteApp
    view: ProgressView
    TITLE = "Progress"
    BINDINGS = [
        Binding("escape", "app.pop_screen", "Back", id="back"),
        Binding("r", "toggle_rest", "Rest day", id="toggle_rest"),
        Binding("t", "next_weekly_target", "Weekly target", id="weekly_target"),
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
        app = self.app
        history = app.store.history()
        today = history.day_of(app.config.now())
        return progress_view(history, today, app.lesson_ids)

    def show_view(self) -> None:
        view = self.view
        self.query_one("#progress-streaks", Static).update(
            streak_text(view)
        )
        calendar = self.query_one(CalendarHeatmap)
        calendar.show(view.weeks)
        self.query_one("#progress-day", Static).update(day_text(view, calendar.selected))
        self.query_one("#progress-trend", Static).update(trend_text(view, self.app.content.quiz))
        self.query_one("#progress-runs", Static).update(runs_text(view))

    def on_calendar_heatmap_day_selected(self, event: CalendarHeatmap.DaySelected) -> None:
        self.query_one("#progress-day", Static).update(day_text(self.view, event.day))

    def action_next_weekly_target(self) -> None:
        """Step the weekly target 1 -> 7 and round again: runners plan their own weeks."""
        target = self.view.streaks.weekly_target % 7 + 1
        self.app.save_setting("weekly_target", target)
        self.view = self.load_view()
        self.show_view()
        self.notify(f"Weekly target: {target} activated days", timeout=3)

    def action_toggle_rest(self) -> None:
        day = self.query_one(CalendarHeatmap).selected
        from gluteui.core.history.store import StoreError

        try:
            self.app.store.set_rest_day(day, day not in self.view.rest_days)
        except StoreError as error:
            self.notify(str(error), title="Not saved", severity="error")
            return
        self.view = self.load_view()
        self.show_view()
