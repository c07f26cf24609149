"""'It hurts' in the routine, as a user on the mat meets it: where, the rule with numbers, the
reflex keys that never carry on, pain down the leg that ends the routine, and what is kept."""

from __future__ import annotations

from datetime import timedelta

from gluteui.core.history.records import Session
from gluteui.core.history.store import Store
from gluteui.core.pain import MOVE_LIMIT
from tests.app.test_routine import advance_to, start, text
from tests.factory import FROZEN_NOW, make_app, screen_text, visible

SIDE_OF_HIP, BUTTOCK, DOWN_THE_LEG = "1", "2", "5"


async def at_rep(pilot, rep: int):
    """The player, at the start of clamshell rep `rep` on the left side."""
    screen = await start(pilot)
    up = next(p for p in screen.workout.timeline.phases if p.kind == "up" and p.rep == rep)
    await advance_to(pilot, up.start + 0.5)
    return screen, up


async def test_it_hurts_asks_where_then_gives_the_rule_with_numbers(data_dir, store: Store):
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, _ = await at_rep(pilot, 2)
        await pilot.press("h")
        await pilot.pause()
        assert type(app.screen).__name__ == "PainDialog" and screen.workout.stopwatch.paused
        assert "Where does it hurt?" in screen_text(app)
        await pilot.press("c")  # nothing is carried on before saying where
        await pilot.pause()
        assert type(app.screen).__name__ == "PainDialog"
        await pilot.press(BUTTOCK)
        await pilot.pause()
        shown = visible(screen_text(app))
        assert f"Above {MOVE_LIMIT} out of 10, sharp, or building during the set:" in shown
        assert "skip this move. Up to 3 that settles is usually fine" in shown
        assert "tomorrow morning" in shown


async def test_an_easier_version_is_done_and_kept_with_where_it_hurt(data_dir, store: Store):
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, up = await at_rep(pilot, 2)
        clamshell = app.services.content.exercises["clamshell"]
        await pilot.press("h", BUTTOCK, "1")
        await pilot.pause()
        assert app.screen is screen and not screen.workout.stopwatch.paused
        await advance_to(pilot, up.start + 5.0)  # past the count-in
        assert text(screen, "#side-note") == f"Easier: {clamshell.easier[0]}"
    [session] = Store.open(data_dir).sessions()
    assert session.pain == {"clamshell": "easier"}
    assert session.hurt == {"clamshell": {"where": "buttock", "side": "left"}}
    assert session.easier == {"clamshell": clamshell.easier[0]}


async def test_the_reflex_keys_skip_or_pause_and_never_carry_on(data_dir, store: Store):
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, up = await at_rep(pilot, 3)
        await pilot.press("h", "escape")  # Esc: stays paused, nothing decided
        await pilot.pause()
        assert app.screen is screen and screen.workout.stopwatch.paused
        await pilot.press("h", SIDE_OF_HIP, "escape")
        await pilot.pause()
        assert app.screen is screen and screen.workout.stopwatch.paused, "Esc never carries on"
        await pilot.press("h", SIDE_OF_HIP, "enter")  # Enter: skip the move
        await pilot.pause()
        await advance_to(pilot, up.start + 4.0)
        assert "Single-leg" in text(screen, "#break-title") or "bridge" in text(screen, "#break-title").lower()
    [session] = Store.open(data_dir).sessions()
    assert session.pain == {"clamshell": "skipped"}
    assert session.hurt["clamshell"]["where"] == "side_of_hip"


async def test_carrying_on_takes_its_own_key(data_dir, store: Store):
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen, _ = await at_rep(pilot, 2)
        await pilot.press("h", BUTTOCK, "c")
        await pilot.pause()
        assert app.screen is screen and not screen.workout.stopwatch.paused
    [session] = Store.open(data_dir).sessions()
    assert session.pain == {"clamshell": "carried on"}


async def test_pain_down_the_leg_ends_the_routine_and_never_says_go_and_run(data_dir, store: Store):
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_rep(pilot, 4)
        await pilot.press("h", DOWN_THE_LEG)
        await pilot.pause()
        shown = visible(screen_text(app))
        assert "stop for today" in shown and "Carry on" not in shown and "easier" not in shown
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "SummaryScreen"
        await pilot.press("4")
        await pilot.pause()
        feel = text(app.screen, "#summary-feel")
        assert "It hurt: down the leg" in " ".join(feel.split())
        assert "go and run" not in screen_text(app).lower()
        await pilot.press("enter")
        await pilot.pause()
        assert "Stopped for pain today — read the safety lesson before you run" in " ".join(
            text(app.screen, "#today").split())
    [session] = Store.open(data_dir).sessions()
    assert session.pain == {"clamshell": "skipped"} and session.hurt["clamshell"]["where"] == "down_the_leg"


async def test_the_safety_lesson_from_pain_down_the_leg_opens_over_the_summary(data_dir, store: Store):
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_rep(pilot, 2)
        await pilot.press("h", DOWN_THE_LEG, "l")
        await pilot.pause()
        assert type(app.screen).__name__ == "LessonsScreen" and app.screen.lesson.safety
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "SummaryScreen"


def hurt_session(day_offset: int, exercise: str = "clamshell") -> Session:
    started = FROZEN_NOW - timedelta(days=day_offset)
    return Session(
        id=f"s{day_offset}", local_date=started.date(), started_at=started, routine_id="standard",
        planned_reps=66, done_reps=10, reps={exercise: {"left": 5, "right": 5}}, duration_s=100.0,
        source="app", feel={}, pain={exercise: "skipped"},
        hurt={exercise: {"where": "side_of_hip", "side": "left"}},
    )


async def test_the_same_move_hurting_again_says_have_it_checked(data_dir, store: Store):
    store.save_session(hurt_session(3))
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await at_rep(pilot, 2)
        await pilot.press("h", SIDE_OF_HIP, "enter", "escape", "s")
        await pilot.pause()
        await pilot.press("4")
        await pilot.pause()
        feel = " ".join(text(app.screen, "#summary-feel").split())
        assert "Clamshell hurt in 2 of your last 2 sessions with it: have it checked" in feel
