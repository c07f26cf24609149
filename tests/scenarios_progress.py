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
    Scenario("progress-empty", press=("p",), prepare=seen_welcome),
    Scenario("progress-demo", press=("p",), prepare=demo_history),
    Scenario("progress-demo-day-selected", press=("p", "left", "left", "up"), prepare=demo_history),
    Scenario("home-demo", prepare=demo_history),
    Scenario("checkin-prompt", press=("right", "right"), prepare=run_to_ask_about),
)
