"""Progress: streaks, the calendar heatmap, the squeeze-test trend, lessons and the runs."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from gluteui import locations
from gluteui.core.content.quiz import Quiz
from gluteui.core.sides import SIDES
from gluteui.core.stats.estimate import MIN_RUNS_EACH
from gluteui.core.stats.progress import (
    ProgressView,
    progress_view,
    rest_day_change,
    weekly_target_after,
)
from gluteui.core.stats.session_record import record_lines
from gluteui.core.text import plural
from gluteui.screens import messages
from gluteui.screens.checkin_keys import CheckinKeys
from gluteui.widgets.calendar import CalendarHeatmap
from gluteui.widgets.checkin_list import CheckinList
from gluteui.widgets.footer import KeyFooter
from gluteui.widgets.hanging import Hanging, Line, indented
from gluteui.widgets.text import markup, plain
from gluteui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from gluteui.core.stats.trial_today import Standing

GAP = "   "
"""Between two phrases on one line."""


def streak_phrases(view: ProgressView, target_changed: bool = False) -> list[Content]:
    """The figures at the top, each a phrase that is never split over two lines.

    `target_changed`: the weekly target was just changed here, so its value stands out.
    """
    s = view.streaks
    target = "[reverse b $accent]$target $target_days[/]" if target_changed else "[b]$target[/] $target_days"
    return [
        markup("Streak [b]$streak[/] $days (longest $longest)", streak=s.current_streak,
               days=plural(s.current_streak, "day"), longest=s.longest_streak),
        markup("[b]$sessions[/] $word", sessions=s.total_sessions, word=plural(s.total_sessions, "session")),
        markup("Lessons read $read of $lessons", read=view.lessons_read, lessons=view.lessons_total),
        markup(f"Weekly target {target}: [b]$week[/] this week, met $weekly $weeks running",
               target=s.weekly_target, target_days=plural(s.weekly_target, "day"),
               week=s.week_activated_days, weekly=s.weekly_streak, weeks=plural(s.weekly_streak, "week")),
        *([plain(view.desk.line())] if view.desk is not None else []),
    ]


def pack(phrases: list[Content], width: int) -> list[Content]:
    """Phrases filled into lines of `width` cells, a line broken only between two phrases
    (and inside one only when it is wider than a line on its own)."""
    lines: list[list[Content]] = []
    used = 0
    for phrase in phrases:
        if lines and used + len(GAP) + phrase.cell_length <= width:
            lines[-1].append(phrase)
            used += len(GAP) + phrase.cell_length
        else:
            lines.append([phrase])
            used = phrase.cell_length
    width = max(width, 1)
    return [wrapped for line in lines for wrapped in Content(GAP).join(line).wrap(width)]


class Phrases(Widget):
    """Short phrases side by side, wrapped between phrases rather than inside one."""

    DEFAULT_CSS = "Phrases { height: auto; }"

    def __init__(self, id: str | None = None) -> None:
        super().__init__(id=id)
        self.phrases: list[Content] = []

    def update(self, phrases: list[Content]) -> None:
        self.phrases = phrases
        self.refresh(layout=True)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return len(pack(self.phrases, width))

    def render(self) -> Content:
        return Content("\n").join(pack(self.phrases, self.size.width))


NO_PREFIX = Content()
RECORD_INDENT = Content(" " * len("  00:00  "))
"""A session's record sits under its routine's name."""


def day_text(view: ProgressView, day: date, names: Mapping[str, str], note: Content | None,
             exercise_names: Mapping[str, str] | None = None) -> list[Line]:
    """The chosen day: its sessions (by routine name) with their record (moves by
    `exercise_names`), whether it is a rest day, and what `r` would do, or `note`: what it
    just did."""
    head = markup("[b]$day[/]", day=f"{day:%a %d %b %Y}")
    if day == view.today:
        head += plain(" — today")
    if day in view.rest_days:
        head += markup(" — [$secondary]rest day[/]")
    lines: list[Line] = [(NO_PREFIX, head)]
    from gluteui.core.stats.streaks import ACTIVATION_THRESHOLD, is_activated

    for session in view.sessions_by_day.get(day, []):
        counted = is_activated(session.planned_reps, session.done_reps)
        lines.append((plain(f"  {session.started_at:%H:%M}  "), markup(
            "$name, $done of $planned reps" + ("" if counted else " [dim](under $share: not counted)[/dim]"),
            name=names.get(session.routine_id, session.routine_id),
            done=session.done_reps, planned=session.planned_reps, share=f"{ACTIVATION_THRESHOLD:.0%}",
        )))
        # Under the routine's name; the words (a note) are the user's own: plain text.
        lines += [(RECORD_INDENT, markup("[dim]$label[/]$words", label=label, words=words))
                  for label, words in record_lines(session, exercise_names or {})]
    desk = view.desk_by_day.get(day, 0)
    if desk:
        lines.append(indented(plain(f"{desk} desk {plural(desk, 'wake-up')}, counted apart from the streak")))
    if len(lines) == 1:
        lines.append(indented(plain("No session.")))
    if note is not None:
        lines.append(indented(note))
    elif day in view.rest_days:
        lines.append(indented(markup("[dim]r: not a rest day after all[/]")))
    elif day not in view.activated:
        lines.append(indented(markup("[dim]r marks it a rest day: it bridges your streak[/]")))
    return lines


def trend_text(view: ProgressView, quiz: Quiz) -> list[Line]:
    """The latest squeeze test and each side's scores over the last full tests."""
    latest = view.latest_quiz
    if latest is None:
        return [(plain("Squeeze test: "), plain("not taken yet.")), indented(plain("s on Home takes it."))]
    taken = latest.local_date
    lines: list[Line] = [(plain("Squeeze test: "), markup(
        "[b]$verdict[/], $day", verdict=quiz.title_of(latest.verdict, latest.red_flag),
        day=f"{taken:%d %b}" if taken.year == view.today.year else f"{taken:%d %b %Y}",
    ))]
    if latest.red_flag:
        lines.append(indented(plain("Left out of the scores below.")))
    for side in SIDES if view.quiz_trend else ():
        scores = " → ".join(str(result.scores.get(side, 0)) for result in view.quiz_trend)
        lines.append((plain(f"  {side.capitalize():<7}"), plain(scores)))
    return lines


def no_runs_text() -> list[Line]:
    """In the runs' place until some are imported: where they come from and what they are
    for. Each line short, so the note keeps its width beside the trend."""
    return [(NO_PREFIX, line) for line in (
        markup("[b]Runs:[/] none imported yet"),
        markup("Import them with [b]i[/b] (or the command"),
        plain("gluteui runs import FOLDER)"),
        plain("to compare your back on runs with and"),
        plain(f"without an activation, from {MIN_RUNS_EACH} of each."),
    )]


class ProgressBody(VerticalScroll, can_focus=False):
    """The page, scrolled by PgUp/PgDn while the calendar keeps the focus (and the arrows)."""

    BINDINGS = [
        Binding("pageup", "page_up", "Scroll the page", show=False, key_display="PgUp/PgDn"),
        Binding("pagedown", "page_down", "Scroll the page", show=False, key_display="PgUp/PgDn"),
    ]


class ProgressScreen(CheckinKeys):
    place = "progress"
    passing = True
    CSS_PATH = locations.stylesheet("progress")
    TITLE = "Progress"
    AUTO_FOCUS = ""
    """The calendar is focused in on_mount, without the scroll that would centre it."""
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide"), (120, "-roomy")]
    """From 80 columns the squeeze-test trend and the note on runs sit side by side (from
    120, the trend only as wide as it needs)."""
    BINDINGS = [
        Binding("escape", "back", "Back", id="back", tooltip="Back to the screen before"),
        Binding("r", "toggle_rest", "Rest day", id="toggle_rest",
                tooltip="Mark the chosen day as a rest day, or unmark it (rest days bridge a streak)"),
        Binding("t", "weekly_target(1, True)", "Target", id="weekly_target",
                tooltip="One more activated day makes a week count; after 7 it goes back to 1"),
        Binding("i", "app.import_runs", "Import", id="import_runs",
                tooltip="Read your watch's GPX, TCX or FIT files, a folder or a Strava export"),
        Binding("plus,equals_sign", "weekly_target(1, False)", "Weekly target up / down", show=False,
                key_display="+/-"),
        Binding("minus", "weekly_target(-1, False)", "Weekly target up / down", show=False,
                key_display="+/-"),
        Binding("c", "checkin", "Check in", id="checkin",
                tooltip="Say how a run went: the run chosen in the check-in list, or one on the day chosen above"),
    ]

    view: ProgressView
    experiment: Standing | None = None
    """The latest self-experiment, if one was ever started."""
    note: Content | None = None
    """What the last key did to the chosen day, until the cursor moves."""
    target_changed = False
    """The weekly target was just changed: its value stands out until the cursor moves."""

    def compose(self) -> ComposeResult:
        self.view = self.load_view()
        yield TitleBar()
        with ProgressBody(id="progress-body"):
            yield Phrases(id="progress-streaks")
            yield CalendarHeatmap(self.view.calendar, id="calendar")
            yield Static(id="progress-day")
            with Container(id="progress-lower"):
                yield Static(id="progress-trend")
                if not self.runs.total:
                    yield Static(Hanging(no_runs_text()), id="progress-runs")
            if self.experiment is not None:
                from gluteui.widgets.experiment import ExperimentPanel

                yield ExperimentPanel(self.experiment, id="progress-experiment")
            yield CheckinList(self.checkins, self.services.config.now().tzinfo, id="progress-checkins")
            if self.runs.total:
                from gluteui.widgets.runs_panel import RunsPanel

                # Below the fold on purpose: PgDn reaches it, and the page above stays as it is.
                yield RunsPanel(self.runs, self.services.config.now().tzinfo, id="progress-runs-panel")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.show_view()
        self.query_one(CalendarHeatmap).focus(scroll_visible=False)

    def load_view(self) -> ProgressView:
        from gluteui.core.stats.run_entries import checkin_view
        from gluteui.core.stats.run_log import run_rows, runs_view
        from gluteui.core.stats.trial_today import standing

        services = self.services
        history = services.store.history()
        today = history.day_of(services.config.now())
        now = services.config.now()
        rows = run_rows(history, now.tzinfo)  # read once: the runs panel and the check-ins share them
        self.runs = runs_view(rows, now.tzinfo)
        self.experiment = standing(history, today)
        self.checkins = checkin_view(history, now, rows)
        return progress_view(history, today, services.lesson_ids, services.desk_offered())

    async def show_history_again(self) -> None:
        """Read the history afresh and show it (runs were imported: the panel may be new)."""
        await self.recompose()
        self.show_view()
        self.query_one(CalendarHeatmap).focus(scroll_visible=False)

    def show_view(self) -> None:
        view = self.view
        self.show_streaks()
        self.query_one(CalendarHeatmap).show(view.calendar)
        self.show_day()
        self.query_one("#progress-trend", Static).update(Hanging(trend_text(view, self.services.content.quiz)))

    def show_streaks(self) -> None:
        self.query_one("#progress-streaks", Phrases).update(streak_phrases(self.view, self.target_changed))

    def show_day(self) -> None:
        names = {routine_id: routine.name for routine_id, routine in self.services.content.routines.items()}
        day = self.query_one(CalendarHeatmap).selected
        exercises = {exercise_id: exercise.name for exercise_id, exercise in self.services.content.exercises.items()}
        self.query_one("#progress-day", Static).update(
            Hanging(day_text(self.view, day, names, self.note, exercises)))

    def on_calendar_heatmap_day_selected(self, event: CalendarHeatmap.DaySelected) -> None:
        self.note = None
        self.show_day()
        if self.target_changed:
            self.target_changed = False
            self.show_streaks()

    def action_weekly_target(self, step: int, wrap: bool) -> None:
        current = self.view.streaks.weekly_target
        target = weekly_target_after(current, step, wrap)
        if target == current:
            self.app.bell()  # + at 7 or - at 1: the target is already at that end
            return
        if self.save(lambda: self.services.store.set_setting("weekly_target", target)):
            self.view = self.load_view()
            self.target_changed = True
            self.show_view()

    def action_back(self) -> None:
        self.post_message(messages.Back())

    def action_toggle_rest(self) -> None:
        day = self.query_one(CalendarHeatmap).selected
        rest = rest_day_change(self.view, day)
        if rest is None:
            self.note = markup("[$warning]Not marked: a day with an activation is no rest day.[/]")
            self.show_day()
            return
        if self.save(lambda: self.services.store.set_rest_day(day, rest)):
            self.target_changed = False
            self.note = markup(
                "[$success]Marked as a rest day: it bridges your streak without adding to it.[/]"
                if rest else "[$success]No longer a rest day.[/]"
            )
            self.view = self.load_view()
            self.show_view()


    # Check-ins: the keys are CheckinKeys' (screens/checkin_keys.py).

    async def checkins_changed(self) -> None:
        """After an answer, a change or a removal: every figure that reads the check-ins."""
        self.view = self.load_view()
        self.show_view()
        self.query_one(CheckinList).show(self.checkins)
        if self.experiment is not None:
            from gluteui.widgets.experiment import ExperimentPanel

            for panel in self.query(ExperimentPanel):
                panel.show(self.experiment)
        from gluteui.widgets.runs_panel import RunsPanel

        await self.query(RunsPanel).remove()
        if self.runs.total:
            await self.query_one(ProgressBody).mount(
                RunsPanel(self.runs, self.services.config.now().tzinfo, id="progress-runs-panel"))
