"""Named states of the app, shared by the snapshot tests and `make screenshots`."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from gluteui import locations
from gluteui.app import GluteApp
from gluteui.core.content.load import load_content
from gluteui.core.desk import is_desk
from gluteui.core.history.records import Checkin, QuizResult, Session
from gluteui.core.history.store import Store
from gluteui.core.sides import SIDES
from gluteui.core.text import clock
from tests import (
    scenarios_import,
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
    store.record_quiz(QuizResult(
        "q1", taken.date(), taken, {"left": 6, "right": 6}, "sleepy", None, red_flag=True,
    ), {})


def weaker_left(store: Store) -> None:
    """Yesterday's squeeze test scored the left side lower, and saved the pick it made."""
    seen_welcome(store)
    taken = FROZEN_NOW - timedelta(days=1)
    store.record_quiz(QuizResult("q1", taken.date(), taken, {"left": 3, "right": 6}, "amnesia", "left", False), {})
    store.set_setting("recommended_routine", "focus")
    store.set_setting("extra_set_side", "left")


def activated_today(store: Store) -> None:
    """A new user's first routine, done this morning: the welcome was never dismissed."""
    routine = load_content(locations.content_dir()).routines["standard"]
    reps = {step.exercise.id: {side: step.reps for side in SIDES} for step in routine.steps}
    store.save_session(Session(
        id="s1", local_date=FROZEN_NOW.date(), started_at=FROZEN_NOW - timedelta(minutes=10),
        routine_id=routine.id, planned_reps=routine.planned_reps, done_reps=routine.planned_reps,
        reps=reps, duration_s=323.0, source="app", feel={},
    ))


def experiment_skip_day(store: Store) -> None:
    """A self-experiment in its second week whose draw today is "skip"."""
    from tests.experiment_kit import experiment_drawing

    seen_welcome(store)
    today = FROZEN_NOW.date()
    store.save_experiment(experiment_drawing("skip", today, today - timedelta(days=10), FROZEN_NOW))
    for days in range(1, 11):  # every run day so far answered: nothing to ask about
        store.add_checkin(Checkin.new(today - timedelta(days=days), 2, FROZEN_NOW - timedelta(hours=12)))


def experiment_core(app: GluteApp) -> list[str]:
    """Home on a skip day: the assignment, that it can be stopped, and the routine not offered first."""
    return ["Experiment: skip the activation today", "Stop the self-experiment", "Today is a skip day"]


def experiment_dialog_core(app: GluteApp) -> list[str]:
    """Starting a self-experiment: that it is optional, stops any time and never asks for a
    skip after pain, with the choices and their keys, unscrolled at every size."""
    return ["It is optional, you can stop it any time (Ctrl+P, Stop the self-experiment), and it never "
            "asks you to skip the run day after pain.",
            "Weeks: 8", "1 Mon✓ 2 Tue 3 Wed✓ 4 Thu 5 Fri✓ 6 Sat 7 Sun", "Enter starts, Esc cancels"]


def red_flag_core(app: GluteApp) -> list[str]:
    """The question before a routine after pain: which test flagged it, and the three answers."""
    flagged = app.services.store.history().quiz_results[-1]
    return [f"Your last squeeze test ({flagged.local_date:%a %d %b}) flagged pain",
            "it has, start", "safety lesson", "not now"]


def home_core(app: GluteApp) -> list[str]:
    """Home: every way to go, today's figures, and the routine Enter starts with its real
    length and, when the squeeze test changed it, why."""
    from gluteui.core.stats.overview import overview
    from gluteui.screens.destinations import DESTINATIONS

    services = app.services
    view = overview(services.store.history(), services.lesson_ids, services.config.now())
    pick = services.routine_pick()
    verdict = view.latest_verdict and services.content.quiz.title_of(view.latest_verdict, view.latest_red_flag)
    return [
        *(d.title for d in DESTINATIONS),
        *(["Welcome to GluteUI."] if view.welcome else []),
        "Activated today" if view.streaks.today_activated else "Not activated yet today",
        f"Streak {view.streaks.current_streak}",
        f"Lessons read {view.lessons_read} of {view.lessons_total}",
        f"Squeeze test: {verdict or 'not taken yet'}",
        f"{pick.routine.name} ({clock(services.routine_seconds(pick.routine))} min)",
        *([pick.reason] if pick.reason else []),
    ]


def help_core(app: GluteApp) -> list[str]:
    """Help: every key row of the screen underneath, and the way to every destination."""
    from gluteui.screens.destinations import DESTINATIONS
    from gluteui.screens.help import key_rows

    underneath = app.screen_stack[-2]
    return [f"{keys} {what}" for keys, what in key_rows(underneath)] + [d.title for d in DESTINATIONS]


def help_keys_core(app: GluteApp) -> list[str]:
    """Help over a screen with more keys: its own rows come first and are always in view."""
    from gluteui.screens.help import key_rows

    return [f"{keys} {what}" for keys, what in key_rows(app.screen_stack[-2])]


def routines_core(app: GluteApp) -> list[str]:
    """Routines: each routine's name and the length it will really run for this user."""
    services = app.services
    return [
        text for routine in services.content.routines.values() if not is_desk(routine.id)
        for text in (routine.name, f"{clock(services.routine_seconds(routine))} min")
    ]


_AT_80x24: tuple[Scenario, ...] = (
    Scenario(
        "home-first-launch",
        shows="Home on the very first launch: the welcome panel above the menu and empty "
        "figures, with d to hide the welcome offered in the footer beside Quit and Help.",
        core=home_core,
    ),
    Scenario(
        "home",
        shows="Home once the welcome is seen: the menu with each key beside it, today's zeroed "
        "streak, week, lessons and squeeze-test lines, the routine Enter starts with its "
        "length, and the health note.",
        prepare=seen_welcome, core=home_core,
    ),
    Scenario(
        "home-activated",
        shows="Home after a new user's first routine this morning: the welcome has gone without "
        "being dismissed, and today's line says Activated today, go and run.",
        prepare=activated_today, core=home_core,
    ),
    Scenario(
        "home-weaker-side",
        shows="Home after a squeeze test that scored the left side lower: Hard to find today, "
        "Enter starts Focus on the weaker side at its real 7:56 with the test's reason below.",
        prepare=weaker_left, core=home_core,
    ),
    Scenario(
        "home-experiment-skip",
        shows="Home on a skip day of a self-experiment: the assignment in one line with how to "
        "stop it, and in place of the routine's offer a quiet note that Enter still starts it.",
        prepare=experiment_skip_day, core=experiment_core,
    ),
    Scenario(
        "experiment-dialog",
        shows="Start a self-experiment, chosen in the command palette: first that it is optional, "
        "stops any time and never asks for a skip after pain, then how it works (scrolled by ↑/↓ "
        "and PgUp/PgDn on a short terminal), the weeks, the seven day chips never split apart, "
        "and the keys.",
        press=("ctrl+p", *"self", "enter"), prepare=seen_welcome, core=experiment_dialog_core,
    ),
    Scenario(
        "home-red-flag-question",
        shows="Enter on Home after a squeeze test that flagged pain: the question before the "
        "routine, with Enter to start once checked, l for the safety lesson and Esc for not now.",
        press=("enter",), prepare=flagged_pain, core=red_flag_core,
    ),
    Scenario(
        "help",
        shows="The help modal over Home: each key with the place it opens and what that is for, "
        "then Start activation under Going places, the keys that work everywhere and the "
        "health note; the help's own footer says Esc closes it.",
        press=("question_mark",), prepare=seen_welcome, core=help_core,
    ),
    Scenario(
        "help-summary",
        shows="The help over the summary after a routine: the four feel-check answers, Done, "
        "Quit and Help, then Going places; taller than 80x24, so a scrollbar shows and the "
        "footer offers ↑↓ Scroll.",
        press=("enter",), prepare=seen_welcome, advance=400.0, then=("question_mark",),
        # The summary underneath scrolls to keep its question in view, by what fits.
        core=help_keys_core, fresh_at_each_size=True,
    ),
    Scenario(
        "routines",
        shows="The routine picker: the three routines with their real length, one line on each "
        "and its exercises, the standard one marked recommended and highlighted, and the "
        "Focus one saying it has no extra set until a squeeze test scores one side lower.",
        press=("r",), prepare=seen_welcome, core=routines_core,
    ),
    Scenario(
        "routines-weaker-side",
        shows="The routine picker after a test that scored the left side lower: Focus on the "
        "weaker side is recommended and highlighted, runs 7:56, and says its extra set is on the "
        "left.",
        press=("r",), prepare=weaker_left, core=routines_core,
    ),
    *scenarios_progress.SCENARIOS,
    *scenarios_routine.SCENARIOS,
    *scenarios_quiz.SCENARIOS,
    *scenarios_lessons.SCENARIOS,
    *scenarios_import.SCENARIOS,
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


async def settle(pilot) -> None:
    """Let the screen catch up, the sums worked out on a thread (Progress's comparison) included."""
    await pilot.pause()
    await pilot.app.workers.wait_for_complete(
        [worker for worker in pilot.app.workers if worker.name == "Working out the comparison"])
    await pilot.pause()


async def act(pilot, scenario: Scenario) -> None:
    """Press the scenario's keys, then move the fake clock and let the screen catch up."""
    for key in scenario.press:
        await pilot.press(key)
    await settle(pilot)
    if scenario.advance:
        await advance_clock(pilot, scenario.advance)
    for key in scenario.then:
        await pilot.press(key)
    await settle(pilot)
