"""Progress with imported runs: the latest runs with their activation mark, the estimate with
its interval and yardstick (none below 10 a side), the adjusted figure, the readings kept at
milestones and the plot, all reached with PgDn."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from gluteui.core.history.records import Checkin
from gluteui.core.history.store import Store
from gluteui.core.runs.record import Run
from gluteui.widgets.runs_panel import RunsPanel
from tests.factory import FROZEN_NOW, make_app, screen_text, shown
from tests.unit.test_store import make_session


def runs_with_checkins(store: Store, count: int, with_scores: Sequence[int] = (2, 3, 4),
                       without_scores: Sequence[int] = (5, 6, 7)) -> None:
    """`count` morning runs, every other one an hour after an activation; the back scores
    go round `with_scores` after an activation and `without_scores` without (by default
    about 3 points lower after activating, so the answer is clear)."""
    runs = []
    for n in range(count):
        start = (FROZEN_NOW - timedelta(days=count - n)).replace(hour=8, minute=0)
        runs.append(Run.new(start, 1800.0, 5000.0, f"Run {n}", "running", f"run{n}.fit"))
        if n % 2 == 0:
            store.save_session(make_session(n, started_at=start - timedelta(hours=1),
                                            local_date=start.date(), done_reps=40))
    store.import_runs(runs)
    for n, run in enumerate(runs):
        scores = without_scores if n % 2 else with_scores
        store.add_checkin(Checkin.new(run.start.date(), scores[n // 2 % len(scores)], run.start, run.id))


async def panel_text(app, pilot, widget: str) -> str:
    """What the runs panel's `widget` says once the comparison is worked out."""
    await pilot.press("p")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()
    return " ".join(str(app.screen.query_one(RunsPanel).query_one(widget).render()).split())


async def test_twelve_a_side_give_the_difference_its_interval_the_yardstick_and_the_adjusted_figure(
        data_dir, store: Store):
    store.set_setting("welcome_seen", True)
    runs_with_checkins(store, 24)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(100, 40)) as pilot:
        text = await panel_text(app, pilot, "#runs-answer")
        assert "12 answered runs after activating and 12 without" in text
        assert "after activating: 3.0 of 10 on average; without: 6.0" in text
        assert "\u22123.0 points (90% interval \u22123.6 to \u22122.4)." in text
        assert "Lower on runs after activating." in text
        assert "unlikely to matter (Ostelo et al. 2008, Spine)" in text
        assert "not a trial" in text and "calmer" not in text
        adjusted = " ".join(str(app.screen.query_one("#runs-adjusted").render()).split())
        assert adjusted.startswith("Before allowing for anything: \u22123.0 points")
        assert "Allowing for how far into the season: " in adjusted
        readings = " ".join(str(app.screen.query_one("#runs-readings").render()).split())
        assert "At 10 a side (" in readings
        await pilot.press(*["pagedown"] * 6)
        await pilot.pause()
        assert "After activating minus without: \u22123.0 points (90% interval \u22123.6 to \u22122.4)." in " ".join(
            screen_text(app).split()), "under the plot, at the end of the page"


async def test_nine_a_side_give_no_verdict(data_dir, store: Store):
    store.set_setting("welcome_seen", True)
    runs_with_checkins(store, 18)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(100, 40)) as pilot:
        text = await panel_text(app, pilot, "#runs-answer")
        assert "9 answered runs after activating and 9 without" in text
        assert "needs 10 answered runs on each side, so there is no verdict yet" in text
        assert "interval" not in text and "Lower" not in text and "Higher" not in text
        assert not app.screen.query_one("#runs-adjusted").display
        readings = " ".join(str(app.screen.query_one("#runs-readings").render()).split())
        assert readings.endswith("none yet (the first at 10 a side).")


async def test_each_latest_run_is_one_line_at_80_columns_its_name_cut_and_never_markup(data_dir, store: Store):
    store.set_setting("welcome_seen", True)
    start = (FROZEN_NOW - timedelta(days=1)).replace(hour=7, minute=47)
    long = Run.new(start, 1800.0, 12345.0, "[b]Hills[/b] by the river, twice round the park in the rain",
                   "running", "long.fit")
    store.import_runs([long])
    store.add_checkin(Checkin.new(start.date(), 4, start, long.id, 10))
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(80, 24)) as pilot:
        await panel_text(app, pilot, "#runs-recent")
        header, line = shown(app.screen.query_one("#runs-recent")).splitlines()
        assert header.split() == ["When", "Back", "·", "hamstrings", "Run"], "the header says which score is which"
        assert " ".join(line.split()).startswith(f"{start:%a %d %b %H:%M} 12.3 km without 4 · 10 [b]Hills[/b] by the")
        assert line.rstrip().endswith("…") and len(line.rstrip()) <= 77
