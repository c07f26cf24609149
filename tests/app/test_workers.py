"""A background task that fails never fails silently: the user is told what stopped and why,
where its answer would have been and in one toast; a writer that fails hands saving back."""

from __future__ import annotations

import pytest

from gluteui.core.history.store import Store
from gluteui.widgets import runs_panel
from gluteui.widgets.runs_panel import RunsPanel
from tests.app.test_runs_panel import runs_with_checkins
from tests.app.test_saving import until
from tests.factory import make_app
from tests.unit.test_store import make_session


def broken(*args: object, **kwargs: object) -> object:
    """A stand-in for a bug in the work: nothing real fails this way on demand."""
    raise RuntimeError("a bug in the sums")


async def test_a_comparison_that_fails_says_so_in_the_panel_and_in_a_toast(
        data_dir, store: Store, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(runs_panel, "comparison_of", broken)
    store.set_setting("welcome_seen", True)
    runs_with_checkins(store, 6)
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        await pilot.press("p")
        await pilot.pause()
        panel = app.screen.query_one(RunsPanel)
        await app.workers.wait_for_complete()
        await pilot.pause()
        answer = " ".join(str(panel.query_one("#runs-answer").render()).split())
        assert answer == "The comparison could not be worked out: a bug in the sums"
        toasts = [" ".join(str(toast.render()).split()) for toast in app.screen.query("Toast")]
        assert any("Working out the comparison stopped: a bug in the sums" in toast for toast in toasts), toasts


async def test_a_writer_that_fails_is_reported_and_saving_goes_on_directly(
        data_dir, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(Store, "flush", broken)
    app = make_app(data_dir)
    async with app.run_test(size=(100, 40), notifications=True) as pilot:
        app.store.save_session(make_session(1))
        await until(pilot, lambda: any("Saving your history stopped" in str(toast.render())
                                       for toast in app.screen.query("Toast")))
        app.store.save_session(make_session(2))  # saved at once now, by the store itself
    assert [s.id for s in Store.open(data_dir).sessions()] == [make_session(1).id, make_session(2).id]
