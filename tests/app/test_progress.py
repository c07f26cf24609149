"""Progress as a user meets it: the calendar over all of a long history and as wide as the
terminal, r and t saying what they did, nothing below the fold out of reach, every key in help."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from gluteui.core.history.store import Store
from gluteui.widgets.calendar import CalendarHeatmap
from tests.factory import FROZEN_NOW, make_app, screen_text
from tests.scenarios_progress import demo_history, demo_without_runs, three_years

TODAY = FROZEN_NOW.date()


def progress_app(data_dir: Path, prepare=demo_history):
    store = Store.open(data_dir)
    prepare(store)
    return make_app(data_dir, store=store)


def day_panel(app) -> str:
    return str(app.screen.query_one("#progress-day").render())


def streaks(app) -> str:
    return str(app.screen.query_one("#progress-streaks").render())


# The imported runs below make the page scroll at every size: its scrollbar takes a week.
@pytest.mark.parametrize(("size", "weeks"), [((60, 20), 24), ((80, 24), 34), ((120, 40), 54), ((200, 50), 94)])
async def test_the_calendar_shows_as_many_weeks_as_fit_and_never_wraps(data_dir, size, weeks):
    app = progress_app(data_dir, three_years)
    async with app.run_test(size=size) as pilot:
        await pilot.press("p")
        await pilot.pause()
        calendar = app.screen.query_one(CalendarHeatmap)
        assert calendar.shown == weeks
        region = calendar.region
        rows = [line for line in screen_text(app).splitlines()[region.y:region.bottom]
                if "│" in line and line.lstrip(" │").startswith(("Mon", "Wed", "Sun"))]
        assert len(rows) == 3, "each weekday is one line"
        assert all(row.rstrip().endswith("│") for row in rows), "inside the border, not cut"


async def test_browsing_reaches_the_first_day_of_a_three_year_history_and_back(data_dir):
    app = progress_app(data_dir, three_years)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        calendar = app.screen.query_one(CalendarHeatmap)
        first = calendar.span.first
        assert (TODAY - first).days > 3 * 365 - 7
        # Far back, past what the calendar showed at first (each move's rule: the core's
        # tests/unit/test_stats_calendar.py).
        await pilot.press("shift+left", "left")
        back = TODAY - timedelta(weeks=calendar.shown + 1)
        assert calendar.selected == back
        assert f"{back:%a %d %b %Y}" in day_panel(app)
        assert "End: today" in str(calendar.border_title)
        await pilot.press("home")
        assert calendar.selected == first
        assert f"{first:%a %d %b %Y}" in day_panel(app)
        assert str(calendar.border_title).startswith(f"{first:%b %Y} to ")
        await pilot.press("left", "up")
        assert calendar.selected == first, "nothing before the history"
        await pilot.press("shift+right")
        assert calendar.selected == first + timedelta(weeks=calendar.shown)
        await pilot.press("end")
        assert calendar.selected == TODAY
        assert "End: today" not in str(calendar.border_title)
        await pilot.press("right", "down")
        assert calendar.selected == TODAY, "nothing after today"


async def test_r_refuses_a_day_with_an_activation_and_says_why(data_dir):
    app = progress_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "left", "left", "up")  # Wed 11 Nov: a full routine
        await pilot.press("r")
        await pilot.pause()
        assert "Not marked: a day with an activation is no rest day." in day_panel(app)
        assert TODAY - timedelta(days=15) not in Store.open(data_dir).rest_days()
        await pilot.press("up")
        assert "Not marked" not in day_panel(app), "the note goes with the cursor"


async def test_r_marks_and_unmarks_a_day_without_a_session_and_says_so(data_dir):
    app = progress_app(data_dir, lambda store: store.set_setting("welcome_seen", True))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", "up")
        await pilot.press("r")
        await pilot.pause()
        yesterday = TODAY - timedelta(days=1)
        assert Store.open(data_dir).rest_days() == {yesterday}
        assert "rest day" in day_panel(app) and "Marked as a rest day: it bridges your streak" in day_panel(app)
        await pilot.press("r")
        await pilot.pause()
        assert Store.open(data_dir).rest_days() == set()
        assert "No longer a rest day." in day_panel(app)


async def test_t_cycles_the_weekly_target_1_to_7_inline_without_a_toast(data_dir, monkeypatch):
    app = progress_app(data_dir)
    toasts: list[str] = []
    monkeypatch.setattr(app, "notify", lambda message, **options: toasts.append(message))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        for target in [4, 5, 6, 7, 1, 2, 3]:
            await pilot.press("t")
            shown = f"Weekly target {target} {'day' if target == 1 else 'days'}:"
            for _ in range(200):  # on a busy machine the redraw may take more than one pause
                await pilot.pause()
                if shown in streaks(app):
                    break
            assert Store.open(data_dir).setting("weekly_target") == target
            assert shown in streaks(app)
    assert toasts == []


async def test_plus_and_minus_stop_at_7_and_1(data_dir):
    app = progress_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p", *("plus",) * 6)
        assert Store.open(data_dir).setting("weekly_target") == 7
        await pilot.press(*("minus",) * 9)
        assert Store.open(data_dir).setting("weekly_target") == 1
        assert "Weekly target 1 day:" in streaks(app)


async def test_at_80x24_everything_above_the_check_ins_fits_without_scrolling(data_dir):
    app = progress_app(data_dir, demo_without_runs)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert app.screen.query_one("#progress-body").scroll_y == 0
        text = screen_text(app)
        assert "Runs: none imported yet" in text and "gluteui runs import FOLDER" in text
        await pilot.press("pagedown")
        await pilot.pause()
        assert "No answer yet: " in screen_text(app), "PgDn reaches the check-ins"


async def test_check_ins_are_compared_only_on_imported_runs_never_by_day(data_dir):
    """Check-ins on days with and without an activation but no imported run: Progress shows
    no averages of them, only where the run-linked comparison comes from."""
    app = progress_app(data_dir, demo_without_runs)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        text = " ".join(screen_text(app).split())
        assert "Back after runs" not in text and "Averages once" not in text
        assert "to compare your back on runs with and without an activation, from 10 of each." in text
        assert not app.screen.query("#progress-runs-panel")


async def test_at_60x20_pgdn_reaches_the_runs_and_a_move_brings_the_calendar_back(data_dir):
    app = progress_app(data_dir, demo_without_runs)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert "none imported yet" not in screen_text(app)
        await pilot.press("pagedown")
        await pilot.pause()
        assert "none imported yet" in screen_text(app)
        assert "│ Mon " not in screen_text(app)
        await pilot.press("up")
        await pilot.pause()
        text = screen_text(app)
        assert "│ Mon " in text and "│ Sun " in text, "the calendar is back in sight"
        assert f"{TODAY - timedelta(days=1):%a %d %b %Y}" in text


async def test_help_lists_every_key_of_progress_and_the_footer_fits_80_columns(data_dir):
    app = progress_app(data_dir)
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        footer = screen_text(app).splitlines()[-1]
        for key in ("Esc Back", "r Rest day", "t Target", "i Import", "c Check in", "? Help", "Ctrl+P palette"):
            assert key in footer
        await pilot.press("question_mark")
        await pilot.pause()
        text = screen_text(app)
    for row in ("←/→ h/l  A week back / on", "↑/↓ k/j  A day back / on", "Shift+←/→  A calendar's width back / on",
                "Home  The oldest day", "End  Back to today", "PgUp/PgDn  Scroll the page", "Esc  Back",
                "r  Rest day", "t  Target", "+/-  Weekly target up / down"):
        assert row in text, row
