"""Snapshot and screenshot scenarios of Progress (collected by tests/scenarios.py)."""

from __future__ import annotations

from datetime import timedelta

from gluteui.cli_data import DEMO_DAYS, fill_demo
from gluteui.core.history.records import Session
from gluteui.core.history.store import Store
from tests.factory import FROZEN_NOW
from tests.scenario_base import Scenario, seen_welcome


def demo_history(store: Store) -> None:
    fill_demo(store, DEMO_DAYS, FROZEN_NOW.date())
    # The launch after yesterday's activation would ask about the run first: answered.
    store.set_setting("checkin_skipped", (FROZEN_NOW.date() - timedelta(days=1)).isoformat())


def run_to_ask_about(store: Store) -> None:
    """Yesterday's full routine, not yet checked in: the launch asks how the run went."""
    seen_welcome(store)
    day = FROZEN_NOW.date() - timedelta(days=1)
    store.save_session(Session(
        id="yesterday", local_date=day, started_at=FROZEN_NOW - timedelta(days=1),
        routine_id="standard", planned_reps=66, done_reps=66, reps={}, duration_s=323.0,
        source="app", feel={},
    ))


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "progress-empty",
        shows="Progress with no history: zero streaks, the 26-week calendar (June to November) "
        "all empty, today Thu 26 Nov with no session, and the run check-ins waiting for 3 of "
        "each.",
        press=("p",), prepare=seen_welcome,
    ),
    Scenario(
        "progress-demo",
        shows="Progress on half a year of demo history: streak 3 (longest 13), the weekly "
        "target met 25 weeks running, done, empty and rest days in the calendar, and the "
        "squeeze-test trend per side.",
        press=("p",), prepare=demo_history,
    ),
    Scenario(
        "progress-demo-day-selected",
        shows="The calendar cursor moved two weeks back and a day up to Wed 11 Nov: the day's "
        "panel lists that day's session (standard, 66/66 reps at 06:02).",
        press=("p", "left", "left", "up"), prepare=demo_history,
    ),
    Scenario(
        "home-demo",
        shows="Home on the demo history: streak 3 (longest 13), 2 of 3 days this week, 3 of 8 "
        "lessons read and the latest squeeze-test verdict, Firing.",
        prepare=demo_history,
    ),
    Scenario(
        "checkin-prompt",
        shows="The launch after yesterday's unanswered activation: the check-in dialog over "
        "Home asks how back and hamstrings felt on the run, on a 0-10 scale moved with the "
        "arrow keys.",
        press=("right", "right"), prepare=run_to_ask_about,
    ),
)
