"""The self-experiment in the app: started from the palette (a dialog saying what it is and
that it stops at any time), today's assignment on Home, stopped with a question, and its line
or report on Progress."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from gluteui.core.history.records import Checkin
from gluteui.core.history.store import Store
from gluteui.core.stats.trial import PAIN_SCORE, draws
from gluteui.screens.home import HomeScreen
from gluteui.screens.player import PlayerScreen
from gluteui.widgets.checkin import CheckinDialog
from gluteui.widgets.confirm import ConfirmDialog
from gluteui.widgets.experiment_dialog import ExperimentDialog
from tests.app.test_safety_flows import palette_command
from tests.experiment_kit import experiment_drawing
from tests.factory import FROZEN_NOW, make_app, screen_text, visible

TODAY = FROZEN_NOW.date()  # a Thursday
STOP_HINT = "you can stop it any time: Ctrl+P, Stop the self-experiment"


def checked_in_yesterday(store: Store) -> None:
    """The runs of the days before today answered (every day is a run day in these
    experiments), so Home opens without asking about one."""
    for days in (1, 2, 3):
        store.add_checkin(Checkin.new(TODAY - timedelta(days=days), 1, FROZEN_NOW - timedelta(hours=12)))


def shown(app) -> str:
    return visible(screen_text(app))


def titles(app) -> set[str]:
    return {command.title for command in app.get_system_commands(app.screen)}


async def test_start_from_the_palette_then_home_shows_todays_assignment(data_dir, store: Store):
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Experiment:" not in shown(app)
        palette_command(app, "Start a self-experiment…")()
        await pilot.pause()
        assert isinstance(app.screen, ExperimentDialog)
        text = shown(app)
        assert "It is optional, you can stop it any time" in text
        assert "it never asks you to skip the run day after pain" in text
        assert "Weeks: 8" in text and "About 12 run days on each side" in text
        assert "1 Mon✓ 2 Tue 3 Wed✓ 4 Thu 5 Fri✓" in text, "no reminder, no runs: Monday, Wednesday, Friday"
        await pilot.press("4", "right")  # Thursday too, and a ninth week
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        (experiment,) = store.experiments()
        assert (experiment.started_on, experiment.weeks, experiment.run_days) == (TODAY, 9, (0, 2, 3, 4))
        drawn = next(draw for day, _, draw in draws(experiment) if day == TODAY)
        words = "activate today" if drawn == "activate" else "skip the activation today"
        assert f"Experiment: {words} ({STOP_HINT})" in shown(app)
        assert "Stop the self-experiment" in titles(app) and "Start a self-experiment…" not in titles(app)


async def test_the_dialog_fits_a_small_terminal_and_esc_starts_nothing(data_dir, store: Store):
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        palette_command(app, "Start a self-experiment…")()
        await pilot.pause()
        text = shown(app)
        assert "Run days:" in text and "Enter starts, Esc cancels" in text, "the choices stay in view"
        assert ("It is optional, you can stop it any time (Ctrl+P, Stop the self-experiment), and it never "
                "asks you to skip the run day after pain.") in text, "what matters most needs no scrolling"
        chips = next(line for line in screen_text(app).splitlines() if "Mon" in line)
        assert "1 Mon✓ 2 Tue 3 Wed✓ 4 Thu 5 Fri✓ 6 Sat 7 Sun" in visible(chips), "the seven days on one row"
        assert "the comparison is made of those answers" not in text
        await pilot.press("pagedown")  # the rest of the explanation, by keys alone
        await pilot.pause()
        assert "the comparison is made of those answers" in shown(app)
        await pilot.press("up", "up", "up")
        await pilot.pause()
        assert "A self-experiment, if you want one" in shown(app), "back at the top"
        await pilot.press("1", "3", "5", "enter")  # every day off: nothing to start
        await pilot.pause()
        assert isinstance(app.screen, ExperimentDialog) and "Choose at least one run day" in shown(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and store.experiments() == []


async def test_a_skip_day_does_not_offer_the_routine_but_enter_still_starts_it(data_dir, store: Store):
    store.save_experiment(experiment_drawing("skip", TODAY, TODAY - timedelta(days=3), FROZEN_NOW))
    store.set_setting("welcome_seen", True)
    checked_in_yesterday(store)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = shown(app)
        assert f"Experiment: skip the activation today ({STOP_HINT})" in text
        assert "Today is a skip day. If you activate anyway, Enter still starts" in text
        assert "Enter starts" not in text.replace("Enter still starts", "")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, PlayerScreen)


async def test_a_run_day_without_an_activation_is_asked_about_too(data_dir, store: Store):
    """The comparison is made of check-ins on both kinds of day: yesterday was drawn to skip
    and nothing was activated, yet Home asks how the run went."""
    yesterday = TODAY - timedelta(days=1)
    store.save_experiment(experiment_drawing("skip", yesterday, yesterday - timedelta(days=3), FROZEN_NOW))
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CheckinDialog)
        assert f"Your run on {yesterday:%a %d %b}:" in shown(app)
        await pilot.press("3", "enter")
        await pilot.pause()
        assert [(c.local_date, c.score) for c in store.checkins()] == [(yesterday, 3)]
        assert isinstance(app.screen, HomeScreen)


async def test_the_day_after_pain_is_an_activation_day_and_home_says_why(data_dir, store: Store):
    store.save_experiment(experiment_drawing("skip", TODAY, TODAY - timedelta(days=3), FROZEN_NOW))
    store.add_checkin(Checkin.new(TODAY - timedelta(days=1), PAIN_SCORE, FROZEN_NOW - timedelta(hours=12)))
    for days in (2, 3):  # the other run days answered: Home asks about none
        store.add_checkin(Checkin.new(TODAY - timedelta(days=days), 1, FROZEN_NOW - timedelta(hours=12)))
    store.set_setting("welcome_seen", True)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        text = shown(app)
        assert ("Experiment: activate today. Pain was reported since your last run day, and the experiment "
                "never asks you to skip the run day after pain") in text
        assert "skip the activation today" not in text and "Enter starts Standard wake-up" in text


async def test_stop_asks_first_and_keeps_the_record_for_the_report(data_dir, store: Store):
    started = experiment_drawing("activate", TODAY, TODAY - timedelta(days=10), FROZEN_NOW - timedelta(days=10))
    store.save_experiment(started)
    checked_in_yesterday(store)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "Experiment: activate today" in shown(app)
        palette_command(app, "Stop the self-experiment")()
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # keep it going
        await pilot.pause()
        assert store.experiments() == [started]
        palette_command(app, "Stop the self-experiment")()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert store.experiments() == [replace(started, stopped_on=TODAY)]
        assert "Experiment:" not in shown(app)
        assert "Start a self-experiment…" in titles(app)


async def test_stopping_it_over_progress_brings_its_report_there_at_once(data_dir, store: Store):
    store.save_experiment(experiment_drawing("activate", TODAY, TODAY - timedelta(days=10), FROZEN_NOW - timedelta(days=10)))
    checked_in_yesterday(store)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert "Self-experiment: week" in shown(app)
        palette_command(app, "Stop the self-experiment")()
        await pilot.pause()
        await pilot.press("enter")
        for _ in range(20):  # Progress reads the history again and redraws
            await pilot.pause()
            if "Self-experiment: stopped on" in shown(app):
                break
        assert "Self-experiment: stopped on" in shown(app) and "Self-experiment: week" not in shown(app)


async def test_progress_shows_the_week_while_it_runs(data_dir, store: Store):
    experiment = experiment_drawing("activate", TODAY, TODAY - timedelta(days=15), FROZEN_NOW)
    store.save_experiment(experiment)
    skips = sum(draw == "skip" for day, _, draw in draws(experiment) if day < TODAY)
    checked_in_yesterday(store)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        text = shown(app)
        assert "Self-experiment: week 3 of 8, ends" in text
        assert f"{skips} of 15 assignments followed so far" in text  # nothing activated: only the skips went as drawn
        assert "Its report comes when it ends, or when you stop it." in text


async def test_progress_shows_the_report_once_it_has_ended(data_dir, store: Store):
    started = TODAY - timedelta(weeks=7)
    experiment = experiment_drawing("skip", started, started, FROZEN_NOW - timedelta(weeks=7), weeks=6)
    store.save_experiment(experiment)
    for n, (day, _, draw) in enumerate(draws(experiment)):
        score = (0 if draw == "activate" else 2) + n % 2  # under PAIN_SCORE: no day after pain
        store.add_checkin(Checkin.new(day, score, FROZEN_NOW - timedelta(days=60 - n)))
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(100, 80)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        text = shown(app)
        last = started + timedelta(weeks=6, days=-1)
        assert f"Self-experiment: ended on {last:%a %d %b %Y} after 6 weeks. Its report:" in text
        assert "21 answered runs on days drawn to activate and 21 on days drawn to skip" in text
        assert "\u22121.8 points (90% interval \u22122.0 to \u22121.5)" in text and "Lower on days drawn to activate." in text
        assert "21 of 42 days went as drawn" in text
        assert "Chance chose which side each day is compared on" in text and "AHRQ" in text
