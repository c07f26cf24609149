"""Progress's check-ins as a runner uses them: how many runs wait for an answer on each side,
answering one later, changing an answer, removing one (once confirmed), saying "I did not
run that day", and "I ran that day" from the calendar, for someone who imports no runs."""

from __future__ import annotations

from datetime import timedelta

from gluteui.core.history.records import Checkin
from gluteui.core.history.store import Store
from gluteui.core.runs.record import Run
from gluteui.screens.progress import ProgressScreen
from gluteui.widgets.checkin import CheckinDialog
from gluteui.widgets.checkin_list import CheckinList
from gluteui.widgets.confirm import ConfirmDialog
from tests.app.test_checkin import activated
from tests.factory import FROZEN_NOW, make_app, screen_text

TODAY = FROZEN_NOW.date()


def two_runs(store: Store) -> tuple[Run, Run]:
    """A run 3 days ago after that morning's activation, and an evening run 5 days ago without."""
    activated(store, days_ago=3)
    after = Run.new((FROZEN_NOW - timedelta(days=3)).replace(hour=9), 1800.0, 5000.0, "After", "running", "a.fit")
    without = Run.new((FROZEN_NOW - timedelta(days=5)).replace(hour=18), 1800.0, 6000.0, "Without", "running",
                      "b.fit")
    store.import_runs([after, without])
    store.set_setting("welcome_seen", True)
    return after, without


async def open_list(app, pilot) -> CheckinList:
    """Progress, with the check-in list focused (Tab from the calendar)."""
    await pilot.press("p")
    await pilot.pause()
    await pilot.press("tab")
    await pilot.pause()
    found = app.screen.query_one(CheckinList)
    assert app.focused is found.query_one("#checkins-list")
    return found


def listed(app) -> str:
    """The check-in list's lines."""
    options = app.screen.query_one("#checkins-list")
    return "\n".join(str(options.get_option_at_index(n).prompt) for n in range(options.option_count))


def waiting(app) -> str:
    return str(app.screen.query_one("#checkins-waiting").render())


async def test_runs_waiting_are_counted_per_side_and_answered_later(data_dir, store: Store):
    after, _ = two_runs(store)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        listing = await open_list(app, pilot)
        assert waiting(app) == "No answer yet: 1 run after activating, 1 without."
        assert listing.highlighted is not None and listing.highlighted.run == after
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CheckinDialog)
        await pilot.press("3", "down", "5", "enter")
        await pilot.pause()
        assert waiting(app) == "No answer yet: 0 runs after activating, 1 without."
        assert "activated  3 · 5" in listed(app), "the side, then back · hamstrings"
    [checkin] = Store.open(data_dir).checkins()
    assert (checkin.run_id, checkin.score, checkin.hamstrings) == (after.id, 3, 5)


async def test_changing_an_answer_starts_from_it_and_replaces_it(data_dir, store: Store):
    after, _ = two_runs(store)
    store.add_checkin(Checkin.new(after.start.date(), 6, FROZEN_NOW, after.id))  # older kind: back only
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_list(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, CheckinDialog)
        assert (dialog.score, dialog.hamstrings) == (6, None), "an older answer was the back's alone"
        assert "Hamstrings  not answered" in screen_text(app)
        await pilot.press("left", "enter")
        await pilot.pause()
    [checkin] = Store.open(data_dir).checkins()
    assert (checkin.run_id, checkin.score, checkin.hamstrings) == (after.id, 5, None)


async def test_changing_the_back_of_an_answer_keeps_its_hamstrings(data_dir, store: Store):
    after, _ = two_runs(store)
    store.add_checkin(Checkin.new(after.start.date(), 4, FROZEN_NOW, after.id, 2))
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_list(app, pilot)
        await pilot.press("c")
        await pilot.pause()
        assert "not answered" not in screen_text(app)
        await pilot.press("6", "enter")
        await pilot.pause()
        assert "6 · 2" in listed(app)
    [checkin] = Store.open(data_dir).checkins()
    assert (checkin.run_id, checkin.score, checkin.hamstrings) == (after.id, 6, 2)


async def test_at_60_columns_each_run_of_the_list_is_one_line(data_dir, store: Store):
    after, without = two_runs(store)
    store.add_checkin(Checkin.new(after.start.date(), 4, FROZEN_NOW, after.id))  # the back alone
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(60, 20)) as pilot:
        await open_list(app, pilot)
        rows = screen_text(app).splitlines()
        assert "Check-ins (back · hamstrings, 0 to 10)" in "\n".join(rows), "the header says which score is which"
        for run, words in ((after, "activated  4 · \u2013"), (without, "without    no answer")):
            line = f"{run.start:%a %d %b %H:%M}   {run.distance_m / 1000:.1f} km  {words}"
            assert any(line in row for row in rows), f"{line!r} is not on one row"


async def test_x_removes_an_answer_once_confirmed_and_the_run_waits_again(data_dir, store: Store):
    after, _ = two_runs(store)
    store.add_checkin(Checkin.new(after.start.date(), 4, FROZEN_NOW, after.id, 2))
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_list(app, pilot)
        assert waiting(app) == "No answer yet: 0 runs after activating, 1 without."
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "back 4, hamstrings 2" in screen_text(app)
        await pilot.press("escape")  # kept
        await pilot.pause()
        assert len(Store.open(data_dir).checkins()) == 1
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert waiting(app) == "No answer yet: 1 run after activating, 1 without."
    assert Store.open(data_dir).checkins() == []


async def test_an_activation_day_without_a_run_leaves_the_list_with_n(data_dir, store: Store):
    activated(store, days_ago=4)
    store.set_setting("welcome_seen", True)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_list(app, pilot)
        assert waiting(app) == "No answer yet: 1 run after activating, 0 without."
        await pilot.press("c")
        await pilot.pause()
        assert "n I did not run" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert waiting(app) == "Every run of the last 14 days has an answer."
    reopened = Store.open(data_dir)
    assert reopened.checkins() == [] and reopened.history().no_run_days == {TODAY - timedelta(days=4)}


async def test_without_imports_c_on_the_calendar_says_you_ran_that_day(data_dir, store: Store):
    store.set_setting("welcome_seen", True)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("up", "c")  # yesterday, on the calendar
        await pilot.pause()
        assert isinstance(app.screen, CheckinDialog)
        assert f"Your run on {TODAY - timedelta(days=1):%a %d %b}: how did they feel?" in screen_text(app)
        await pilot.press("2", "tab", "1", "enter")
        await pilot.pause()
        assert f"{TODAY - timedelta(days=1):%a %d %b} a run that day  without    2 · 1" in listed(app)
    [checkin] = Store.open(data_dir).checkins()
    assert (checkin.local_date, checkin.run_id, checkin.score, checkin.hamstrings) == (
        TODAY - timedelta(days=1), None, 2, 1)


async def test_x_is_offered_on_the_list_only_and_says_when_there_is_nothing_to_remove(
        data_dir, store: Store, monkeypatch):
    two_runs(store)
    app = make_app(data_dir, store=store)
    toasts: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **options: toasts.append(message))
    async with app.run_test(size=(100, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        assert "c Check in" in footer and "Remove check-in" not in footer
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ProgressScreen) and not toasts, "x on the calendar does nothing"
        await pilot.press("tab")
        await pilot.pause()
        assert "x Remove check-in" in screen_text(app).splitlines()[-1]
        await pilot.press("x")  # the latest run has no answer yet
        await pilot.pause()
        assert toasts == ["That run has no answer to remove."]
        assert isinstance(app.screen, ProgressScreen)


async def test_a_high_answer_given_on_progress_offers_the_safety_lesson_as_home_does(data_dir, store: Store):
    two_runs(store)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_list(app, pilot)
        await pilot.press("enter", "3", "down", "9", "enter")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ConfirmDialog)
        assert dialog.question.startswith("Your lower back or hamstrings scored 9 of 10 on your latest run.")


async def test_help_on_progress_lists_the_check_in_keys(data_dir, store: Store):
    two_runs(store)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 40)) as pilot:
        await open_list(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
    assert "c  Check in" in text and "Remove check-in" in text
