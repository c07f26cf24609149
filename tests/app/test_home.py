"""Home as a new and a returning user sees it: the welcome, and the routine Enter starts."""

from __future__ import annotations

from datetime import timedelta

import pytest

from gluteui import locations
from gluteui.core.content.load import load_content
from gluteui.core.history.records import QuizResult
from gluteui.core.history.store import Store
from gluteui.core.lead_in import LeadIn
from gluteui.core.routine.timeline import Timeline
from gluteui.core.text import clock
from gluteui.screens.home import HomeScreen
from gluteui.screens.player import PlayerScreen
from tests.factory import FROZEN_NOW, advance_clock, make_app, screen_text, visible

CONTENT = load_content(locations.content_dir())
ROUTINES = CONTENT.routines
RULES = CONTENT.quiz.rules


def result(verdict: str, days_ago: int, scores=(7, 7), weaker=None, red_flag=False, name="q") -> QuizResult:
    taken = FROZEN_NOW - timedelta(days=days_ago)
    return QuizResult(f"{name}{days_ago}", taken.date(), taken, dict(zip(("left", "right"), scores, strict=True)),
                      verdict, weaker, red_flag)


def shown(app) -> str:
    return visible(screen_text(app))


async def test_the_welcome_goes_once_the_first_routine_is_done(data_dir, store: Store):
    """Never dismissed with d: finishing a routine is enough, now and on the next launch."""
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Welcome to GluteUI" in shown(app) and "d Hide welcome" in shown(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)
        await advance_clock(pilot, Timeline.from_routine(app.screen.routine, None, LeadIn()).total + 1)
        await pilot.press("1", "1", "1", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "Welcome to GluteUI" not in shown(app)
        assert "Hide welcome" not in shown(app), "its key leaves the footer with it"
        assert "Activated today" in shown(app)
    again = make_app(data_dir, store=Store.open(data_dir))
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Welcome to GluteUI" not in shown(again)


async def test_the_welcome_goes_once_a_squeeze_test_is_saved(data_dir, store: Store):
    store.record_quiz(result("firing", 1), {})
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Welcome to GluteUI" not in shown(app)


async def test_reading_a_lesson_keeps_the_welcome(data_dir, store: Store):
    """Looking around is not yet using the app: the welcome still says where to start."""
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "escape")
        await pilot.pause()
        assert "Welcome to GluteUI" in shown(app)


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_footer_keeps_every_key_while_the_welcome_shows(app, size):
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        for key in ("d Hide welcome", "q Quit", "? Help", "Ctrl+P palette"):
            assert key in footer, (key, footer)


async def enter_starts(app, pilot) -> str:
    """What Home says Enter starts, checked against what Enter then really starts."""
    await pilot.pause()
    routine = next(r for r in ROUTINES.values() if f"Enter starts {r.name} (" in shown(app))
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(app.screen, PlayerScreen) and app.screen.routine.id == routine.id
    return routine.id


async def test_enter_follows_the_latest_squeeze_test_even_with_nothing_saved_beside_it(data_dir, store: Store):
    """Demo or merged history: a result with no saved pick. Firing names the quick primer."""
    store.set_setting("welcome_seen", True)
    store.record_quiz(result("amnesia", 30, scores=(2, 2)), {})
    store.record_quiz(result("firing", 1), {})
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Squeeze test: Firing" in shown(app)
        firing = next(v for v in CONTENT.quiz.verdicts if v.id == "firing")
        assert await enter_starts(app, pilot) == firing.routine_id


async def test_a_pick_saved_by_an_older_test_gives_way_to_the_latest_result(data_dir, store: Store):
    """The focus pick and its left side came with last month's test; yesterday's found no
    weaker side, so neither holds any more: not on Home, not on Routines."""
    store.set_setting("welcome_seen", True)
    store.record_quiz(result("sleepy", 30, scores=(3, 6), weaker="left"), {})
    store.set_setting("recommended_routine", "focus")
    store.set_setting("extra_set_side", "left")
    store.record_quiz(result("firing", 1), {})
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("r")
        await pilot.pause()
        assert "Extra set on the" not in shown(app)
        assert f"{ROUTINES['focus'].name} {clock(Timeline.from_routine(ROUTINES['focus'], None, LeadIn()).total)} min" in shown(app)
        await pilot.press("escape")
        assert await enter_starts(app, pilot) == "quick"


async def test_a_stepped_up_pick_holds_and_home_says_why(data_dir, store: Store):
    """Firing but sitting all day: the test saved the standard routine, one up the ladder."""
    store.set_setting("welcome_seen", True)
    store.record_quiz(result("firing", 1), {})
    store.set_setting("recommended_routine", RULES.ladder[1])
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert RULES.step_up_note in shown(app)
        assert await enter_starts(app, pilot) == RULES.ladder[1]


async def test_a_weaker_side_shows_the_real_length_and_why(data_dir, store: Store):
    store.set_setting("welcome_seen", True)
    store.record_quiz(result("amnesia", 1, scores=(3, 6), weaker="left"), {})
    focus = ROUTINES[RULES.weaker_side_routine]
    longer = clock(Timeline.from_routine(focus, "left", LeadIn()).total)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert f"Enter starts {focus.name} ({longer} min)" in shown(app)
        assert RULES.weaker_side_note.format(side="left", gap=3) in shown(app)
        await pilot.press("r")
        await pilot.pause()
        assert f"{focus.name} {longer} min recommended" in shown(app)
        assert "Extra set on the left side" in shown(app)


async def test_a_test_stopped_for_pain_leaves_the_pick_of_the_one_before(data_dir, store: Store):
    store.set_setting("welcome_seen", True)
    store.set_setting("red_flag_cleared", "q1")
    store.record_quiz(result("firing", 10), {})
    store.record_quiz(result("sleepy", 1, scores=(2, 0), red_flag=True), {})
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Squeeze test: Stopped for pain" in shown(app)
        assert f"Enter starts {ROUTINES['quick'].name} (" in shown(app)


async def test_routines_says_the_focus_routine_adds_nothing_until_a_side_scores_lower(app):
    focus = ROUTINES[RULES.weaker_side_routine]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", "r")
        await pilot.pause()
        text = shown(app)
        assert f"{focus.name} {clock(Timeline.from_routine(focus, None, LeadIn()).total)} min" in text
        assert "No extra set yet: it is added once a squeeze test scores one side lower." in text


@pytest.mark.parametrize("size", [(60, 20), (80, 24)])
async def test_status_lines_wrap_under_themselves_at_60_columns(data_dir, store: Store, size):
    store.set_setting("welcome_seen", True)
    store.set_rest_day(FROZEN_NOW.date(), True)
    store.record_quiz(result("amnesia", 1, scores=(2, 2)), {})
    app = make_app(data_dir, store=store)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        text = screen_text(app)
        for line in ("Rest day — your streak is safe", "Squeeze test: Hard to find today"):
            assert line in text, text  # whole, on one line
