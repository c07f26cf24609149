"""Snapshot and screenshot scenarios of Progress and the run check-in (collected by
tests/scenarios.py).

Each `core` works out, from the core's own view of the history, the texts the screen means
to show; tests/snapshots/test_snapshots.py looks for them at 60x20, 80x24, 120x40 and 200x50.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from typing import TYPE_CHECKING

from gluteui.cli_data import DEMO_DAYS, fill_demo
from gluteui.core.history.records import Session
from gluteui.core.history.store import Store
from gluteui.core.stats.calendar import calendar_weeks, month_starts
from gluteui.core.stats.progress import ProgressView, progress_view
from gluteui.core.stats.question import run_question
from gluteui.core.text import plural
from tests.factory import FROZEN_NOW
from tests.scenario_base import Scenario, seen_welcome

if TYPE_CHECKING:
    from gluteui.app import GluteApp

RECENT_WEEKS = 13
"""The calendar always shows at least this quarter, even at 60 columns."""


def demo_history(store: Store, days: int = DEMO_DAYS) -> None:
    fill_demo(store, days, FROZEN_NOW.date())
    # The launch after yesterday's activation would ask about the run first: answered.
    store.set_setting("checkin_skipped", (FROZEN_NOW.date() - timedelta(days=1)).isoformat())


def demo_without_runs(store: Store) -> None:
    """The demo as it was before runs could be imported: check-ins about each day's run."""
    from gluteui import locations
    from gluteui.core import demo
    from gluteui.core.content.load import load_content
    from gluteui.core.history import transfer

    made = demo.demo_history(load_content(locations.content_dir()), FROZEN_NOW.date(), DEMO_DAYS)
    made = replace(made, runs=[], checkins=[replace(checkin, run_id=None) for checkin in made.checkins])
    store.import_data(transfer.export(made))
    store.set_setting("checkin_skipped", (FROZEN_NOW.date() - timedelta(days=1)).isoformat())


def demo_home_core(app: GluteApp) -> list[str]:
    from tests.scenarios import (
        home_core,  # the same as Home's; that module imports this one
    )

    return home_core(app)


def three_years(store: Store) -> None:
    demo_history(store, days=3 * 365)


def run_to_ask_about(store: Store) -> None:
    """Yesterday's full routine, not yet checked in: the launch asks how the run went."""
    seen_welcome(store)
    day = FROZEN_NOW.date() - timedelta(days=1)
    store.save_session(Session(
        id="yesterday", local_date=day, started_at=FROZEN_NOW - timedelta(days=1),
        routine_id="standard", planned_reps=66, done_reps=66, reps={}, duration_s=323.0,
        source="app", feel={},
    ))


def view_of(app: GluteApp) -> ProgressView:
    """The core's view of the app's history now, worked out afresh (not the screen's)."""
    history = app.services.store.history()
    today = history.day_of(app.services.config.now())
    return progress_view(history, today, app.services.lesson_ids)


def streak_texts(view: ProgressView) -> list[str]:
    s = view.streaks
    return [
        f"Streak {s.current_streak} {plural(s.current_streak, 'day')} (longest {s.longest_streak})",
        f"{s.total_sessions} {plural(s.total_sessions, 'session')}",
        (f"Weekly target {s.weekly_target} {plural(s.weekly_target, 'day')}: {s.week_activated_days} this "
         f"week, met {s.weekly_streak} {plural(s.weekly_streak, 'week')} running"),
    ]


def recent_months(view: ProgressView) -> list[str]:
    """The names of the months that open within the last quarter (shown at every width)."""
    columns = calendar_weeks(view.calendar, view.today, RECENT_WEEKS)
    return [f"{monday:%b}" for index, monday in month_starts(columns, 2) if index > 0]


def day_texts(view: ProgressView, app: GluteApp, day) -> list[str]:
    names = {routine_id: routine.name for routine_id, routine in app.services.content.routines.items()}
    return [f"{day:%a %d %b %Y}"] + [
        f"{names[s.routine_id]}, {s.done_reps} of {s.planned_reps} reps" for s in view.sessions_by_day.get(day, [])
    ]


def progress_core(app: GluteApp) -> list[str]:
    """The top of Progress: the streak figures, the calendar's recent months and today."""
    view = view_of(app)
    return [*streak_texts(view), *recent_months(view), f"to {view.today:%b %Y}", *day_texts(view, app, view.today)]


def lower_core(app: GluteApp) -> list[str]:
    """Below the calendar (PgDn on a short terminal): the squeeze test. A terminal tall
    enough to show it with the calendar shows the check-ins after PgDn instead."""
    if app.size.height >= 50:
        return ["Check-ins", "No answer yet: "]
    quiz = view_of(app).latest_quiz
    verdict = app.services.content.quiz.title_of(quiz.verdict, quiz.red_flag)
    return [f"Squeeze test: {verdict}, {quiz.local_date:%d %b}"]


def runs_core(app: GluteApp) -> list[str]:
    """The end of Progress: the plot's caption, with the difference and its interval as the
    core works them out (the demo holds no effect of activating: no verdict but "unclear")."""
    from gluteui.core.stats.answers import answers_from_rows
    from gluteui.core.stats.comparison import comparison_of
    from gluteui.core.stats.run_log import run_rows
    from gluteui.widgets.runs_panel import plot_caption

    zone = app.services.config.now().tzinfo
    comparison = comparison_of(answers_from_rows(run_rows(app.services.store.history(), zone), zone))
    assert comparison.estimate.direction == "unclear", "the demo's runs hold no effect"
    return [plot_caption(comparison)]


def day_selected_core(app: GluteApp) -> list[str]:
    """The chosen day's panel, after two weeks back and a day up."""
    view = view_of(app)
    return day_texts(view, app, view.today - timedelta(days=15))


def oldest_day_core(app: GluteApp) -> list[str]:
    """Home on three years of history: the first day kept, its sessions, by routine name."""
    view = view_of(app)
    return day_texts(view, app, view.calendar.first)


def target_core(app: GluteApp) -> list[str]:
    """t once: the weekly target one up from the default 3, said where the target is."""
    return streak_texts(view_of(app))[2:]


def checkin_core(app: GluteApp) -> list[str]:
    """The question, the day of the activation it asks about and the two scales."""
    asked = run_question(app.services.store.history(), app.services.config.now())
    assert asked is not None
    return ["How was your run?", f"After your activation on {asked.day:%a %d %b}", "Lower back", "Hamstrings",
            "no discomfort", "worst imaginable"]


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "progress-empty",
        shows="Progress with no history: zero streaks, the calendar all empty (as many weeks as "
        "fit, ending in November), today Thu 26 Nov with no session, and, beside the squeeze "
        "test, a note that no runs are imported yet and how to import them.",
        press=("p",), prepare=seen_welcome, core=progress_core,
    ),
    Scenario(
        "progress-demo",
        shows="Progress on half a year of demo history: streak, sessions and the weekly target "
        "phrases, done, empty and rest days in the calendar (its months and years in the top "
        "border, the legend in the bottom one), the squeeze-test trend, and below the fold the "
        "demo's imported runs.",
        press=("p",), prepare=demo_history, core=progress_core,
    ),
    Scenario(
        "progress-demo-lower",
        shows="PgDn on Progress: the squeeze-test trend scrolls into view on a short terminal, "
        "and the runs panel below it begins: the demo's runs compared, no verdict.",
        press=("p", "pagedown"), prepare=demo_history, core=lower_core,
    ),
    Scenario(
        "progress-demo-runs",
        shows="The end of Progress on the demo's runs (made with no effect of activating): the "
        "latest runs, the readings kept at 10, 20 and 40 a side, and the plot with whole-number "
        "ticks, activated runs as dots apart from the others' x, each side's average as a line, "
        "and under it the difference with its 90% interval.",
        press=("p",), then=("pagedown",) * 8, prepare=demo_history, core=runs_core,
        fresh_at_each_size=True,
    ),
    Scenario(
        "progress-demo-day-selected",
        shows="The calendar cursor moved two weeks back and a day up to Wed 11 Nov: the day's "
        "panel lists that day's session by routine name (Standard wake-up, 66 of 66 reps).",
        press=("p", "left", "left", "up"), prepare=demo_history, core=day_selected_core,
    ),
    Scenario(
        "progress-oldest-day",
        shows="Three years of history, Home pressed: the cursor on the first day kept, the "
        "calendar scrolled back to the history's first weeks (its months and years in the top "
        "border, End: today offered, no week before the history), and the day's panel lists "
        "its sessions.",
        press=("p", "home"), prepare=three_years, core=oldest_day_core,
    ),
    Scenario(
        "progress-target-changed",
        shows="t on Progress: the weekly target goes from 3 to 4 days, its new value highlighted "
        "in the streak lines where it is shown, no toast over the page.",
        press=("p", "t"), prepare=demo_history, core=target_core,
    ),
    Scenario(
        "home-demo",
        shows="Home on the demo history: streak 3 (longest 13), 2 of 3 days this week, 3 of 9 "
        "lessons read and the latest squeeze-test verdict, Firing.",
        prepare=demo_history, core=demo_home_core,
    ),
    Scenario(
        "checkin-prompt",
        shows="The launch after yesterday's unanswered activation: the check-in dialog over "
        "Home asks how the lower back and, on a scale of their own, the hamstrings felt on the "
        "run, each 0 (no discomfort) to 10 (worst imaginable), the lower back moved with the "
        "arrow keys to 2, the hamstrings not answered (no score chosen, and Enter would leave "
        "them out), n offered: no run that day.",
        # `then`: after the pause that lets Home put the question up (a key before it goes to Home).
        then=("right", "right"), prepare=run_to_ask_about, core=checkin_core,
    ),
    Scenario(
        "checkin-ten",
        shows="The check-in with 1 then 0 typed: 10, worst imaginable, is chosen (a digit alone "
        "reaches only 0 to 9).",
        then=("1", "0"), prepare=run_to_ask_about, core=checkin_core,
    ),
    Scenario(
        "checkin-hamstrings",
        shows="The check-in with 3 typed for the lower back, then down to the hamstrings and 5 "
        "typed there: the marker on Hamstrings, both scores chosen, Del offered to leave the "
        "hamstrings out again.",
        then=("3", "down", "5"), prepare=run_to_ask_about, core=checkin_core,
    ),
)
