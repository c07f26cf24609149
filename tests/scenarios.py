"""Named states of the app, shared by the snapshot tests and `make screenshots`."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from gluteui.app import GluteApp
from gluteui.core.history.records import QuizResult
from gluteui.core.history.store import Store
from tests import (
    scenarios_lessons,
    scenarios_progress,
    scenarios_quiz,
    scenarios_routine,
)
from tests.factory import FROZEN_NOW, advance_clock, make_app
from tests.scenario_base import Scenario, seen_welcome


def flagged_pain(store: Store) -> None:
    seen_welcome(store)
    taken = FROZEN_NOW - timedelta(days=1)
    store.add_quiz_result(QuizResult(
        "q1", taken.date(), taken, {"left": 6, "right": 6}, "sleepy", None, red_flag=True,
    ))


def home_core(app: GluteApp) -> list[str]:
    """Home: every way to go, and the routine Enter starts."""
    from gluteui.screens.destinations import DESTINATIONS

    return [d.title for d in DESTINATIONS] + [app.services.recommended_routine().name]


_AT_80x24: tuple[Scenario, ...] = (
    Scenario(
        "home-first-launch",
        shows="Home on the very first launch: the welcome panel above the menu and empty "
        "figures, with d to dismiss it offered in the footer.",
    ),
    Scenario(
        "home",
        shows="Home once the welcome is seen: the menu, today's zeroed streak, week, lessons "
        "and squeeze-test lines, the routine Enter starts with its length, and the health "
        "note.",
        prepare=seen_welcome, core=home_core,
    ),
    Scenario(
        "home-red-flag-question",
        shows="Enter on Home after a squeeze test that flagged pain: the question before the "
        "routine, with Enter to start once checked, l for the safety lesson and Esc for not now.",
        press=("enter",), prepare=flagged_pain,
    ),
    Scenario(
        "help",
        shows="The help modal over Home: the keys of the screen underneath, then Going places, "
        "each destination with its key and one line on what it is for.",
        press=("question_mark",), prepare=seen_welcome,
    ),
    Scenario(
        "routines",
        shows="The routine picker: the three routines with their length, one line on each and "
        "its exercises, the weaker-side one saying the squeeze test picks its extra set.",
        press=("r",), prepare=seen_welcome,
    ),
    *scenarios_progress.SCENARIOS,
    *scenarios_routine.SCENARIOS,
    *scenarios_quiz.SCENARIOS,
    *scenarios_lessons.SCENARIOS,
)
OTHER_SIZES = ((60, 20), (120, 40))
"""Every screen but the player (whose own sizes are in scenarios_routine) is also kept at these."""


def _resized(scenario: Scenario) -> bool:
    return scenario.size is None and (
        not scenario.name.startswith("routine-") or scenario.name in ("routine-summary", "routine-stopped")
    )


SCENARIOS: tuple[Scenario, ...] = (
    *_AT_80x24,
    *(replace(scenario, name=f"{scenario.name}-{width}x{height}", size=(width, height))
      for scenario in _AT_80x24 if _resized(scenario) for width, height in OTHER_SIZES),
)


def build(scenario: Scenario, data_dir: Path) -> GluteApp:
    """A fresh app in the scenario's starting state (the keys are pressed by the caller)."""
    store = Store.open(data_dir)
    scenario.prepare(store)
    return make_app(data_dir, store=store, **scenario.overrides)


async def act(pilot, scenario: Scenario) -> None:
    """Press the scenario's keys, then move the fake clock and let the screen catch up."""
    for key in scenario.press:
        await pilot.press(key)
    await pilot.pause()
    if scenario.advance:
        await advance_clock(pilot, scenario.advance)
    for key in scenario.then:
        await pilot.press(key)
    await pilot.pause()
