"""Snapshot and screenshot scenarios of Progress (collected by tests/scenarios.py)."""

from __future__ import annotations

from gluteui.cli_data import DEMO_DAYS, fill_demo
from gluteui.core.store import Store
from tests.factory import FROZEN_NOW
from tests.scenario_base import Scenario, seen_welcome


def demo_history(store: Store) -> None:
    fill_demo(store, DEMO_DAYS, FROZEN_NOW.date())


SCENARIOS: tuple[Scenario, ...] = (
    Scenario("progress-empty", press=("p",), prepare=seen_welcome),
    Scenario("progress-demo", press=("p",), prepare=demo_history),
    Scenario("progress-demo-day-selected", press=("p", "left", "left", "up"), prepare=demo_history),
    Scenario("home-demo", prepare=demo_history),
)
