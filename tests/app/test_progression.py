"""A routine that grows, as a user meets it: Home names today's moves and what changed, the plan
before the routine shows each change with its reason, and a change turned down is kept."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from gluteui.core.history.records import Session
from gluteui.core.history.store import Store
from gluteui.core.routine.workout import Workout
from gluteui.widgets.plan import PlanDialog
from tests.factory import FROZEN_NOW, advance_clock, make_app, screen_text


def clean_sessions(store: Store, app_for_content, count: int = 2) -> None:
    """`count` clean standard routines on the days before today, each done as planned."""
    services = app_for_content.services
    content = services.load_content()
    for day in range(count, 0, -1):
        plan = services.plan(content.routines["standard"])
        started = FROZEN_NOW - timedelta(days=day)
        workout = Workout.from_plan(plan, content.ladders, now=0.0, started_at=started, local_date=started.date())
        session = workout.session(workout.timeline.total)
        store.save_session(replace(session, feel=dict.fromkeys(session.reps, "yes")))
    # No run to ask about: these tests are about the routine.
    store.set_setting("checkin_skipped", (FROZEN_NOW - timedelta(days=1)).date().isoformat())


def text(app, selector: str) -> str:
    return " ".join(str(app.screen.query_one(selector).render()).split())


async def test_after_two_clean_sessions_home_and_the_plan_say_what_moves_up_and_why(data_dir: Path, store: Store):
    clean_sessions(store, make_app(data_dir, store=store))
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        home = text(app, "#next-routine")
        assert "clamshell with a band, two-leg bridge with a 3 s squeeze, band walk, band at the knees" in home
        assert "your last 2 bridges were clean" in home
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlanDialog)
        shown = text(app, "#plan-changes")
        assert "2 Two-leg bridge with a 3 s squeeze today: your last 2 bridges were clean." in shown
        await pilot.press("2", "enter")  # turn the bridge's step down; start
        await pilot.pause()
        screen = app.screen
        assert type(screen).__name__ == "PlayerScreen"
        assert [step.exercise.id for step in screen.routine.steps] == ["clamshell", "glute_bridge", "lateral_band_walk"]
        assert screen.routine.steps[1].tempo.hold_s == 1, "the two-leg bridge, as last time"
        assert screen.routine.steps[0].band == "knees"
        await advance_clock(pilot, 30.0)  # a few clamshells
        await pilot.press("escape", "s")
        await pilot.pause()
    latest = Store.open(data_dir).sessions()[-1]
    assert latest.declined == ("bridge:up",)
    assert latest.dose["bridge"]["rung"] == "two_leg" and latest.dose["clamshell"]["rung"] == "band"


async def test_home_says_a_band_is_needed_only_once_a_move_uses_one(data_dir: Path, store: Store):
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Needs" not in text(app, "#next-routine"), "the first steps need no band"
    clean_sessions(store, make_app(data_dir, store=store))
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Needs a mini band (a small loop of elastic)." in text(app, "#next-routine")


async def test_esc_on_the_plan_starts_nothing_and_a_routine_with_no_change_starts_at_once(data_dir: Path,
                                                                                         store: Store):
    clean_sessions(store, make_app(data_dir, store=store))
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"
    fresh = make_app(data_dir.parent / "fresh")
    async with fresh.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", "enter")
        await pilot.pause()
        assert type(fresh.screen).__name__ == "PlayerScreen", "a first routine has nothing to explain"


async def test_the_plan_fits_at_60x20_with_its_keys_in_view(data_dir: Path, store: Store):
    clean_sessions(store, make_app(data_dir, store=store))
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("d", "enter")
        await pilot.pause()
        keys = app.screen.query_one("#confirm-keys").region
        assert keys.bottom <= 20 and "Enter start" in screen_text(app)


async def test_a_move_that_hurt_twice_is_left_out_and_home_says_have_it_checked(data_dir: Path, store: Store):
    for day in (2, 1):
        started = FROZEN_NOW - timedelta(days=day)
        store.save_session(Session(
            f"hurt{day}", started.date(), started, "standard", 66, 5, {"clamshell": {"left": 5, "right": 0}},
            60.0, "app", {}, pain={"clamshell": "skipped"}, hurt={"clamshell": {"where": "buttock", "side": "left"}},
        ))
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d")
        await pilot.pause()
        assert "Clamshell hurt in 2 of your last 2 sessions with it: have it checked" in text(app, "#next-routine")
        await pilot.press("enter", "enter")
        await pilot.pause()
        assert [step.ladder for step in app.screen.routine.steps] == ["bridge", "band_walk"]
