"""Launch order: the menu first, content/ and the history just after it, and what can go wrong then."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from textual.app import App

from gluteui import locations, tui
from gluteui.cli import main
from gluteui.core.history.store import Store
from gluteui.errors import UserError
from gluteui.screens.home import HomeScreen
from tests.factory import FROZEN_NOW, make_app, make_config


@pytest.fixture
def broken_content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(locations.content_dir(), folder)
    exercises = folder / "exercises.toml"
    exercises.write_text(exercises.read_text().replace("reps = 15", 'reps = "fifteen"', 1))
    return folder


async def test_home_fills_in_status_and_next_routine_once_content_is_loaded(app):
    assert not app.services.content_loaded, "content/ is not read before the first frame"
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.services.content_loaded
        status = str(app.screen.query_one("#today").render())
        assert "Not activated yet today" in status and "Lessons read 0 of 9" in status
        assert "Standard" in str(app.screen.query_one("#next-routine").render())


async def test_broken_content_stops_the_app_with_one_line_naming_the_file(data_dir, broken_content):
    app = make_app(data_dir, content_dir=broken_content)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    assert app.return_code == 2
    assert app.failure is not None
    assert app.failure.startswith("exercises.toml: ") and "reps" in app.failure
    assert "\n" not in app.failure


async def test_a_key_pressed_before_content_loads_still_opens_its_screen(app):
    async with app.run_test(size=(80, 24)) as pilot:
        app._content = None  # as if "l" arrived before the load just after the first frame
        await pilot.press("l")
        await pilot.pause()
        assert type(app.screen).__name__ == "LessonsScreen"
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


def test_run_tui_reports_broken_content_as_a_user_error(
    data_dir, broken_content, monkeypatch: pytest.MonkeyPatch
):
    # No terminal in the test run: the same app, headless.
    original_run = App.run
    monkeypatch.setattr(App, "run", lambda self: original_run(self, headless=True))
    with pytest.raises(UserError, match=r"^exercises\.toml: .*reps"):
        tui.run_tui(make_config(data_dir, content_dir=broken_content))


@pytest.mark.parametrize("size", [(60, 20), (80, 24), (120, 40), (200, 50)])
async def test_the_health_note_is_on_screen_not_under_the_footer(app, size):
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        note = app.screen.query_one("#home-note")
        assert "Education, not diagnosis" in str(note.render())
        widget, _ = app.screen.get_widget_at(note.region.x + 2, note.region.y)
        assert widget is note, f"{widget} covers the health note"


async def test_a_damaged_entry_found_after_the_first_frame_is_still_reported(data_dir):
    for day in ("2026-11-24", "2026-11-25"):
        assert main(["--data-dir", str(data_dir), "log", "--date", day], now=lambda: FROZEN_NOW) == 0
    data_file = data_dir / "gluteui.json"
    raw = json.loads(data_file.read_text())
    next(iter(raw["sessions"].values()))["done_reps"] = "lots"
    data_file.write_text(json.dumps(raw))
    app = make_app(data_dir, store=Store.open(data_dir))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        toasts = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert any("Skipped damaged sessions entry" in toast for toast in toasts), toasts
