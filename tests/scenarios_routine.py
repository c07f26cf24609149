"""Snapshot and screenshot scenarios of the routine player (collected by tests/scenarios.py).

The standard routine starts with a 5 s get-ready; a clamshell rep is 2 s up, 0.5 s hold
and 2 s down, so 15.0 s in is the middle of rep 3's lift and 16.2 s its hold.
"""

from __future__ import annotations

from tests.scenario_base import Scenario, seen_welcome

START = ("enter",)

SCENARIOS: tuple[Scenario, ...] = (
    Scenario("routine-get-ready", press=START, prepare=seen_welcome, advance=1.0),
    Scenario("routine-mid-rep", press=START, prepare=seen_welcome, advance=15.0),
    Scenario("routine-hold", press=START, prepare=seen_welcome, advance=16.2),
    Scenario("routine-switch-sides", press=START, prepare=seen_welcome, advance=74.0),
    Scenario(
        "routine-reduced-motion", press=START, prepare=seen_welcome, advance=15.0,
        overrides={"reduced_motion": True},
    ),
    Scenario("routine-summary", press=START, prepare=seen_welcome, advance=400.0),
)
