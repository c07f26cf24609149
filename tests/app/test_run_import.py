"""Importing runs from the app, as a user does it: the palette's "Import runs…" or i on
Progress, a path typed (Tab completes it), Enter; the watch's own files read on a thread,
the summary `gluteui runs import` prints, and the runs on Progress straight after."""

from __future__ import annotations

import asyncio
from datetime import timedelta
from pathlib import Path

from textual import events
from textual.command import CommandList

from gluteui.core.history.store import Store
from gluteui.widgets.path_input import PathInput
from gluteui.widgets.run_import import RunImportDialog
from tests.factory import FROZEN_NOW, make_app, screen_text, visible
from tests.unit.run_files import fit, gpx, tcx, track, write

MARKUP_NAME = "Hill [red]repeats[/] [b]"


def a_watch_folder(root: Path) -> Path:
    """A GPX, a FIT and a TCX run on three mornings (the GPX's name looks like markup), a
    ride, and a file that is no run file at all."""
    morning = FROZEN_NOW.replace(hour=6, minute=0)
    write(root, "monday.gpx", gpx(track(morning - timedelta(days=3), name=MARKUP_NAME)))
    write(root, "tuesday.fit", fit(track(morning - timedelta(days=2))))
    write(root, "wednesday.tcx", tcx(track(morning - timedelta(days=1))))
    write(root / "rides", "sunday.gpx", gpx(track(morning - timedelta(days=4), sport="cycling")))
    write(root, "notes [b].fit", b"not a FIT file at all")
    return root


async def settle(pilot) -> None:
    """Let the import's worker finish, and what it asked of the screen be drawn."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def until(pilot, check, what: str) -> None:
    """Let the app run until `check()` holds: a search or a folder listing ends on its own time."""
    for _ in range(500):
        if check():
            return
        await pilot.pause(0.01)
    raise AssertionError(f"never: {what}\n{screen_text(pilot.app)}")


async def from_palette(pilot, title: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*title)
    await settle(pilot)
    # The palette searches as it is typed: Enter once the command is listed (and lit).
    def listed() -> bool:
        found = pilot.app.screen.query(CommandList)
        if not found or found.first().highlighted is None:
            return False
        results = found.first()
        lit = results.get_option_at_index(results.highlighted).prompt
        return title in str(getattr(lit, "plain", lit))
    await until(pilot, listed, f"{title} in the palette")
    await pilot.press("enter")
    await settle(pilot)


async def paste(pilot, path: str) -> None:
    """Paste `path` into the dialog's box, as a path copied from a file manager is (typing
    a long path a key at a time makes a slow test)."""
    assert isinstance(pilot.app.screen, RunImportDialog)
    pilot.app.screen.query_one(PathInput).post_message(events.Paste(path))
    await pilot.pause()


async def import_path(pilot, path: str, everything: bool = False) -> str:
    """Type `path` into the dialog (and tick "Other sports too"), Enter; what the screen shows."""
    await paste(pilot, path)
    if everything:
        await pilot.click("#import-everything")
    await pilot.press("enter")
    await settle(pilot)
    return visible(screen_text(pilot.app))


async def test_the_palette_imports_a_folder_says_what_the_cli_says_and_progress_shows_the_runs(data_dir, tmp_path):
    watch = a_watch_folder(tmp_path / "watch")
    app = make_app(data_dir)
    async with app.run_test(size=(120, 40)) as pilot:
        await from_palette(pilot, "Import runs")
        text = await import_path(pilot, str(watch))
        assert "Runs: 3 new, 0 already there, 2 skipped." in text
        assert "5 of 5 files read" in text
        assert "skipped notes [b].fit: not a FIT file" in text, "named from the folder imported"
        assert '("Other sports too" imports it)' in text and "--all" not in text
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, RunImportDialog)
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("pagedown", "pagedown")
        await pilot.pause()
        text = screen_text(app)
    assert "Runs: 3, 0 after an activation" in text
    assert MARKUP_NAME in text, "a run's name is shown as written, never read as markup"
    assert len(Store.open(data_dir).runs()) == 3


async def test_i_on_progress_imports_other_sports_too_and_the_runs_show_there_at_once(data_dir, tmp_path):
    watch = a_watch_folder(tmp_path / "watch")
    app = make_app(data_dir)
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        assert "i Import" in screen_text(app).splitlines()[-1]
        await pilot.press("i")
        await pilot.pause()
        text = await import_path(pilot, str(watch), everything=True)
        assert "Runs: 4 new, 0 already there, 1 skipped." in text
        assert "Enter or Esc closes" in text, "the keys stay in view at 60x20"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert app.screen.place == "progress"
        assert app.screen.query("#progress-runs-panel"), "Progress read the history again"
        assert not app.screen.query("#progress-runs")
    assert {run.sport for run in Store.open(data_dir).runs()} == {"running", "cycling"}


async def test_importing_again_finds_every_run_already_there(data_dir, tmp_path):
    watch = a_watch_folder(tmp_path / "watch")
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        for expected in ("Runs: 3 new, 0 already there, 2 skipped.", "Runs: 0 new, 3 already there, 2 skipped."):
            await from_palette(pilot, "Import runs")
            assert expected in await import_path(pilot, str(watch))
            await pilot.press("enter")
            await pilot.pause()


async def test_a_path_that_is_not_there_is_named_in_one_line_and_nothing_is_written(data_dir, tmp_path, monkeypatch):
    # A short path, so its line does not wrap whatever the test's folder is called.
    monkeypatch.chdir(tmp_path)
    app = make_app(data_dir)
    history = data_dir / "history.json"
    before = history.read_bytes() if history.exists() else None
    async with app.run_test(size=(80, 24)) as pilot:
        await from_palette(pilot, "Import runs")
        await import_path(pilot, "no [b]such")
        message = "no [b]such: no such file or folder"
        await until(pilot, lambda: message in visible(screen_text(app)), "the message drawn")
        assert isinstance(app.screen, RunImportDialog), "the path can be put right"
        await pilot.press("backspace")
        await until(pilot, lambda: "no such file or folder" not in visible(screen_text(app)),
                    "the message gone once the path is changed")
    assert Store.open(data_dir).runs() == []
    assert (history.read_bytes() if history.exists() else None) == before


async def test_the_home_folder_is_tilde_and_tab_completes_a_folder(data_dir, tmp_path, monkeypatch):
    a_watch_folder(tmp_path / "home" / "watch-export")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await from_palette(pilot, "Import runs")
        await pilot.press(*"~/wat")
        await settle(pilot)
        path_box = app.screen.query_one("#import-path")
        # The suggestion is looked up on a thread as it is typed.
        await until(pilot, lambda: path_box._suggestion == "~/watch-export/", "the folder suggested")
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.query_one("#import-path").value == "~/watch-export/"
        await pilot.press("enter")
        await settle(pilot)
        assert "Runs: 3 new, 0 already there, 2 skipped." in visible(screen_text(app))


async def test_esc_cancels_without_writing_anything(data_dir, tmp_path):
    watch = a_watch_folder(tmp_path / "watch")
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await from_palette(pilot, "Import runs")
        await paste(pilot, str(watch))
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, RunImportDialog)
    assert Store.open(data_dir).runs() == []
    assert not (data_dir / "backups").exists() or not any((data_dir / "backups").glob("*before-import*"))


async def test_the_palette_offers_import_once_on_progress(data_dir):
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("p")
        await pilot.pause()
        titles = [command.title for command in app.get_system_commands(app.screen)]
    assert titles.count("Import runs…") == 1 and "Import runs" not in titles


async def test_esc_while_files_are_read_stops_the_reading_and_saves_nothing(data_dir, tmp_path, monkeypatch):
    import threading

    from gluteui.widgets import run_import

    watch = a_watch_folder(tmp_path / "watch")
    esc_pressed = threading.Event()
    real_read_paths = run_import.read_paths

    def slow_read_paths(paths):
        for n, entry in enumerate(real_read_paths(paths)):
            if n == 1:
                esc_pressed.wait(5)  # a large folder: the user gives up part-way
            yield entry

    monkeypatch.setattr(run_import, "read_paths", slow_read_paths)
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await from_palette(pilot, "Import runs")
        await paste(pilot, str(watch))
        await pilot.press("enter")
        await pilot.pause()
        assert "Esc stops: nothing is saved" in visible(screen_text(app))
        await pilot.press("escape")
        esc_pressed.set()
        await settle(pilot)
        assert not isinstance(app.screen, RunImportDialog)
        assert "Something went wrong" not in screen_text(app), "the reading stopped, it did not fail"
    # The reading's thread outlives its cancelled worker: wait until it has really ended.
    await asyncio.get_running_loop().shutdown_default_executor()
    assert Store.open(data_dir).runs() == []
