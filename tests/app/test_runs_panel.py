"""Progress with imported runs: the latest runs with their activation mark, the comparison
with its interval, and the plot, all reached with PgDn."""

from __future__ import annotations

from datetime import timedelta

from gluteui.core.history.records import Checkin
from gluteui.core.history.store import Store
from gluteui.core.runs.record import Run
from gluteui.widgets.runs_panel import RunsPanel
from tests.factory import FROZEN_NOW, make_app, screen_text
from tests.unit.test_store import make_session


def runs_with_checkins(store: Store, count: int, scores: tuple[int, int] = (3, 6)) -> None:
    """`count` morning runs, every other one an hour after an activation; the back scores
    `scores` (3 after an activation and 6 without, so the answer is clear)."""
    runs = []
    for n in range(count):
        start = (FROZEN_NOW - timedelta(days=count - n)).replace(hour=8, minute=0)
        runs.append(Run.new(start, 1800.0, 5000.0, f"Run {n}", "running", f"run{n}.fit"))
        if n % 2 == 0:
            store.save_session(make_session(n, started_at=start - timedelta(hours=1),
                                            local_date=start.date(), done_reps=40))
    store.import_runs(runs)
    for n, run in enumerate(runs):
        store.add_checkin(Checkin.new(run.start.date(), scores[n % 2], run.start, run.id))


async def test_progress_says_which_way_the_scores_went_with_the_yardstick(data_dir, store: Store):
    store.set_setting("welcome_seen", True)
    runs_with_checkins(store, 22)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        panel = app.screen.query_one(RunsPanel)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert panel.answer is not None and panel.answer.verdict == "lower after activating"
        assert (panel.answer.with_count, panel.answer.without_count) == (11, 11)
        await pilot.press("pagedown", "pagedown", "pagedown")
        await pilot.pause()
        text = " ".join(str(panel.query_one("#runs-answer").render()).split())
        assert "11 runs after an activation and 11 without have a check-in" in text
        assert "Difference -3.0 points" in text and ": lower after activating." in text
        assert "less than 2 points on a 0-10 back-pain scale is unlikely to matter (Ostelo et al. 2008" in text
        assert "not a controlled trial" in text and "does not show that activating caused it" in text
        assert "calmer" not in text
        assert "Difference -3.0 points" in " ".join(screen_text(app).split())


async def test_a_difference_the_runs_cannot_settle_reads_cant_tell_yet(data_dir, store: Store):
    store.set_setting("welcome_seen", True)
    runs_with_checkins(store, 22, scores=(4, 4))
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = " ".join(str(app.screen.query_one("#runs-answer").render()).split())
        assert "Difference +0.0 points" in text and ": can't tell yet." in text
        assert "no clear difference" not in text and "no effect" not in text


async def test_too_few_runs_say_so(data_dir, store: Store):
    """Nine a side is still too few: no difference, no verdict."""
    store.set_setting("welcome_seen", True)
    runs_with_checkins(store, 18)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        text = " ".join(str(app.screen.query_one("#runs-answer").render()).split())
        assert "9 runs after an activation and 9 without" in text
        assert "too few to tell (10 on each side are needed)" in text
        assert "Difference" not in text and "after activating" not in text
