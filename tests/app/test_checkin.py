"""The launch after an activation, or an imported run, asks how the run went (once a run
could have followed): the lower back and the hamstrings apart, any score 0-10 typed; no run
that day can be said; skipping is remembered; the next launch asks about the next run."""

from __future__ import annotations

from datetime import timedelta

import pytest

from gluteui.core.history.records import Session
from gluteui.core.history.store import Store
from gluteui.screens.home import HomeScreen
from gluteui.widgets.checkin import CheckinDialog
from tests.factory import FROZEN_NOW, make_app, screen_text


def activated(store: Store, days_ago: int, done: int = 20, minutes_ago: int = 0) -> None:
    """A routine `days_ago` days ago, at this time of day (today: `minutes_ago` minutes back)."""
    started = FROZEN_NOW - timedelta(days=days_ago, minutes=minutes_ago)
    store.save_session(Session(
        id=f"s{days_ago}", local_date=started.date(), started_at=started,
        routine_id="standard", planned_reps=20, done_reps=done, reps={}, duration_s=300.0,
        source="app", feel={},
    ))


async def answer(data_dir, store: Store, *keys: str) -> int:
    """Launch after yesterday's activation, press `keys` in the check-in; the score saved."""
    return (await answers(data_dir, store, *keys))[0]


async def answers(data_dir, store: Store, *keys: str) -> tuple[int, int | None]:
    """Launch after yesterday's activation, press `keys` in the check-in, then Enter; the
    lower back's score and the hamstrings' saved."""
    activated(store, days_ago=1)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CheckinDialog)
        await pilot.press(*keys, "enter")
        await pilot.pause()
    [checkin] = Store.open(data_dir).checkins()
    return checkin.score, checkin.hamstrings


async def test_no_question_without_an_activation(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_answering_saves_a_checkin_for_the_activation_day(data_dir, store: Store):
    activated(store, days_ago=1)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CheckinDialog)
        await pilot.press("2", "right", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    [checkin] = Store.open(data_dir).checkins()
    assert checkin.score == 3
    assert checkin.local_date == FROZEN_NOW.date() - timedelta(days=1)


async def test_skipping_is_remembered_and_not_asked_again(data_dir, store: Store):
    activated(store, days_ago=0, minutes_ago=90)  # this morning's, and a run could have followed
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert Store.open(data_dir).checkins() == []
    again = make_app(data_dir, store=Store.open(data_dir))
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)


async def test_partial_or_stale_sessions_are_not_asked_about(data_dir, store: Store):
    activated(store, days_ago=0, done=5)  # below 70 %: not an activation
    activated(store, days_ago=5)  # too long ago to remember the run
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_screen_opened_before_the_question_is_not_covered_by_it(data_dir, store: Store, monkeypatch):
    activated(store, days_ago=1)
    app = make_app(data_dir, store=store)
    # Home fills in its status (and would ask) just after its first frame; a key can land
    # before that. Hold the first fill back to open Lessons first.
    show_status = HomeScreen.show_status
    monkeypatch.setattr(HomeScreen, "show_status", lambda self: None)
    async with app.run_test(size=(80, 24)) as pilot:
        home = app.screen
        await pilot.press("l")
        await pilot.pause()
        show_status(home)
        await pilot.pause()
        assert type(app.screen).__name__ == "LessonsScreen"
        monkeypatch.setattr(HomeScreen, "show_status", show_status)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CheckinDialog), "asked once Home is back"


async def test_a_minute_after_the_activation_there_is_no_run_to_ask_about(data_dir, store: Store):
    activated(store, days_ago=0, minutes_ago=6)  # five minutes' routine, ended a minute ago
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    later = make_app(data_dir, store=Store.open(data_dir), now=lambda: FROZEN_NOW + timedelta(hours=2))
    async with later.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(later.screen, CheckinDialog), "a later launch asks"


async def test_ten_is_typed_as_1_then_0(data_dir, store: Store):
    assert await answer(data_dir, store, "1", "0") == 10


async def test_a_0_after_10_is_a_plain_0(data_dir, store: Store):
    assert await answer(data_dir, store, "1", "0", "0") == 0


async def test_a_digit_after_1_other_than_0_is_that_digit(data_dir, store: Store):
    assert await answer(data_dir, store, "1", "7") == 7


async def test_an_arrow_between_1_and_0_makes_it_0(data_dir, store: Store):
    assert await answer(data_dir, store, "1", "right", "0") == 0


async def test_end_chooses_10_and_home_0(data_dir, store: Store):
    assert await answer(data_dir, store, "end") == 10


async def test_saving_puts_no_toast_over_home(data_dir, store: Store, monkeypatch):
    activated(store, days_ago=1)
    app = make_app(data_dir, store=store)
    toasts: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **options: toasts.append(message))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert toasts == [], "the health note at the bottom of Home stays in sight"
    assert [c.score for c in Store.open(data_dir).checkins()] == [3]


async def test_help_over_the_question_lists_its_keys(data_dir, store: Store):
    activated(store, days_ago=1)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, CheckinDialog), "closing help goes back to the question"
    for row in ("←/→  Less / more", "0-9  Type the score (1 then 0 for 10)", "Enter  Save", "Esc  Skip",
                "↑/↓  Lower back / hamstrings", "n  I did not run that day", "Del  Leave the hamstrings unanswered"):
        assert row in text


async def test_the_latest_imported_run_is_the_one_asked_about(data_dir, store: Store):
    from gluteui.core.runs.record import Run

    evening = (FROZEN_NOW - timedelta(days=1)).replace(hour=18, minute=0)
    older = evening - timedelta(days=1)
    store.import_runs([Run.new(older, 1800.0, 5000.0, "Older", "running", "a.fit"),
                       Run.new(evening, 2400.0, 7000.0, "Evening", "running", "b.fit")])
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CheckinDialog)
        assert app.screen.run_day == evening.date()
        question = str(app.screen.query_one("#checkin-question").render())
        assert f"Your run on {evening:%a %d %b}, 18:00, 7.0 km" in question and "activation" not in question
        await pilot.press("4", "enter")
        await pilot.pause()
    [checkin] = Store.open(data_dir).checkins()
    [run] = [r for r in Store.open(data_dir).runs() if r.name == "Evening"]
    assert (checkin.score, checkin.run_id) == (4, run.id)


async def test_the_hamstrings_are_asked_apart_reached_with_down_or_tab(data_dir, store: Store):
    activated(store, days_ago=1)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        for words in ("Lower back", "Hamstrings", "no discomfort", "worst imaginable", "Enter saves"):
            assert words in text, words
        await pilot.press("3", "down", "1", "0", "up", "right", "tab", "left", "tab", "tab", "enter")
        await pilot.pause()
    [checkin] = Store.open(data_dir).checkins()
    assert (checkin.score, checkin.hamstrings) == (4, 9)


async def test_n_says_there_was_no_run_after_the_activation_and_nothing_is_asked_again(data_dir, store: Store):
    activated(store, days_ago=1)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "n I did not run" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    reopened = Store.open(data_dir)
    assert reopened.checkins() == [] and reopened.history().no_run_days == {FROZEN_NOW.date() - timedelta(days=1)}
    again = make_app(data_dir, store=reopened)
    async with again.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)


async def test_an_imported_run_cannot_be_answered_with_no_run(data_dir, store: Store):
    from gluteui.core.runs.record import Run

    store.import_runs([Run.new((FROZEN_NOW - timedelta(days=1)).replace(hour=18), 1800.0, 5000.0, "", "running",
                               "a.fit")])
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "I did not run" not in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, CheckinDialog), "n is no answer about a run the watch recorded"


async def test_each_launch_asks_about_the_next_run_waiting(data_dir, store: Store):
    activated(store, days_ago=1)
    activated(store, days_ago=2)
    for expected in (1, 2):
        app = make_app(data_dir, store=Store.open(data_dir))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, CheckinDialog)
            assert app.screen.run_day == FROZEN_NOW.date() - timedelta(days=expected)
            await pilot.press(str(expected), "enter")
            await pilot.pause()
    assert sorted(c.score for c in Store.open(data_dir).checkins()) == [1, 2]


async def test_the_hamstrings_start_unanswered_and_enter_saves_them_so(data_dir, store: Store):
    activated(store, days_ago=1)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        assert "Hamstrings  not answered: Enter leaves them out" in screen_text(app)
        await pilot.press("6", "enter")
        await pilot.pause()
    [checkin] = Store.open(data_dir).checkins()
    assert (checkin.score, checkin.hamstrings) == (6, None), "a back of 6 says nothing of the hamstrings"


@pytest.mark.parametrize(("keys", "saved"), [
    (("6", "down"), (6, None)),  # moving onto the hamstrings answers nothing
    (("tab", "tab"), (0, None)),
    (("down", "right"), (0, 0)),  # an arrow starts an unanswered scale at no discomfort
    (("down", "left"), (0, 0)),
    (("down", "right", "right"), (0, 1)),
    (("down", "end"), (0, 10)),
    (("tab", "home"), (0, 0)),
    (("4", "down", "7", "delete"), (4, None)),  # Del leaves the hamstrings unanswered again
    (("4", "down", "7", "up", "backspace"), (4, 7)),  # but not from the back's scale
])
async def test_the_hamstrings_are_answered_only_when_chosen(data_dir, store: Store, keys, saved):
    assert await answers(data_dir, store, *keys) == saved
