"""Ten years of history (~11,000 sessions): reading it, `gluteui stats`, the Progress screen,
first screen.

Each figure is compared with a baseline measured in the same run: parsing the file's JSON
for building its records, an empty interpreter for the command, an empty store for the
screens. The targets: building the records costs no more than parsing the JSON; elsewhere,
well under half a second more than the baseline.
"""

from __future__ import annotations

import gc
import json
import shlex
import subprocess
import time
from functools import partial
from pathlib import Path

import pytest
from textual.pilot import Pilot

from gluteui import locations
from gluteui.app import GluteApp
from gluteui.core.content.load import load_content
from gluteui.core.history.storage import AtomicJSONStorage
from gluteui.core.history.store import Store
from gluteui.core.stats.progress import progress_view
from gluteui.screens.home import HomeScreen
from gluteui.screens.progress import ProgressScreen
from tests.bench.bare_app import MARKER
from tests.bench.data import BenchData
from tests.bench.measure import (
    GLUTEUI,
    PYTHON,
    RUNS,
    interleaved,
    median,
    median_call,
    report,
    seconds,
    spread,
    timed,
    wall_time,
)
from tests.bench.terminal import Terminal
from tests.factory import make_app

MAX_EXTRA_S = 0.5


def test_building_ten_years_of_records_costs_no_more_than_parsing_their_json(ten_years: BenchData) -> None:
    path = ten_years.data_dir / "gluteui.json"
    raw = path.read_bytes()

    def first_read() -> float:
        """Seconds of the first store.history() after opening: building every record from
        the tables Store.open parsed (and the collection held off meanwhile)."""
        store = Store.open(ten_years.data_dir)
        start = time.perf_counter()
        history = store.history()
        took = time.perf_counter() - start
        assert len(history.sessions) == ten_years.sessions and history.checkins
        return took

    measures = {
        "json.loads": timed(lambda: json.loads(raw)),
        "store's parse": timed(lambda: AtomicJSONStorage(path).read()),
        "records": first_read,
    }
    for measure in measures.values():
        measure()
    samples = interleaved(RUNS, measures)
    parse_s, store_parse_s, records_s = (median(samples[name]) for name in measures)
    report(
        "history read",
        f"{ten_years.sessions} sessions, a {len(raw) / 1e6:.1f} MB file: building the records {seconds(records_s)} "
        f"{spread(samples['records'])} vs json.loads {seconds(parse_s)} {spread(samples['json.loads'])}, "
        f"ratio {records_s / parse_s:.2f}; vs the store's own parse (read, bounds.loads, collection held off) "
        f"{seconds(store_parse_s)}, ratio {records_s / store_parse_s:.2f} (target <= 1 for both); "
        f"medians of {RUNS}, interleaved",
    )
    for name, took in (("json.loads", parse_s), ("the store's parse", store_parse_s)):
        assert records_s <= took, f"building the records takes {records_s / took:.2f}x {name}"


def test_stats_on_ten_years_adds_under_half_a_second(ten_years: BenchData, empty: BenchData) -> None:
    def stats(data: BenchData, *flags: str) -> list[str | Path]:
        return [GLUTEUI, "--data-dir", data.data_dir, "stats", *flags]

    answer = json.loads(subprocess.run(stats(ten_years, "--json"), capture_output=True, check=True).stdout)
    assert answer["total_sessions"] == ten_years.sessions, "stats did not count the whole history"
    commands = {
        "python -c pass": [PYTHON, "-c", "pass"],
        "stats, empty store": stats(empty),
        "stats": stats(ten_years),
        "stats --json": stats(ten_years, "--json"),
    }
    measures = {name: partial(wall_time, command) for name, command in commands.items()}
    for measure in measures.values():
        measure()  # warm the file cache and the .pyc files
    samples = interleaved(RUNS, measures)
    base = median(samples["python -c pass"])
    empty_s = median(samples["stats, empty store"])
    report(
        "stats baseline",
        f"python -c pass {seconds(base)} {spread(samples['python -c pass'])}; "
        f"stats on an empty store {seconds(empty_s)} (+{seconds(empty_s - base)}: imports and startup)",
    )
    for name in ("stats", "stats --json"):
        took = median(samples[name])
        report(
            name,
            f"{ten_years.sessions} sessions {seconds(took)} {spread(samples[name])} vs python -c pass "
            f"{seconds(base)}: +{seconds(took - base)} (target < +{seconds(MAX_EXTRA_S)}), "
            f"ratio {took / base:.1f}; the history's own share +{seconds(took - empty_s)}",
        )
    for name in ("stats", "stats --json"):
        extra = median(samples[name]) - base
        assert extra < MAX_EXTRA_S, f"`gluteui {name}` takes {seconds(extra)} more than starting Python"


async def reach_home(app: GluteApp, pilot: Pilot) -> None:
    """Wait for the first screen, dismissing whatever opens over Home at launch (the run check-in)."""
    await pilot.pause()
    for _ in range(3):
        if isinstance(app.screen, HomeScreen):
            return
        await pilot.press("escape")
        await pilot.pause()
    pytest.fail(f"the app opened on {type(app.screen).__name__}, not Home")


async def time_to_progress(data: BenchData) -> float:
    """Seconds from pressing p on Home until the Progress screen is mounted and drawn."""
    app = make_app(data.data_dir, store=Store.open(data.data_dir), now=lambda: data.now)
    async with app.run_test(size=(100, 30)) as pilot:
        await reach_home(app, pilot)
        # The apps measured before this one are garbage still to be collected (Textual's
        # objects refer to each other). A user's app carries none: collected now, a full
        # collection of it (70-110 ms here) does not land in the time measured.
        gc.collect()
        start = time.perf_counter()
        await pilot.press("p")
        for _ in range(100):
            if isinstance(app.screen, ProgressScreen) and app.screen.is_mounted:
                break
            await pilot.pause()
        else:
            pytest.fail(f"p on Home opened {type(app.screen).__name__}, not Progress")
        await pilot.pause()
        took = time.perf_counter() - start
        streaks = str(app.screen.query_one("#progress-streaks").render())
        # What was timed drew the runs too: their panel, its table and its plot.
        panel = [str(widget.render()) for widget in app.screen.query("#progress-runs-panel .runs-title")]
        plots = len(app.screen.query("#runs-plot"))
    assert f"{data.sessions} sessions" in streaks, f"Progress shows {streaks!r}"
    if data.runs:
        assert panel and panel[0].startswith(f"Runs: {data.runs},") and plots == 1, f"Progress shows {panel!r}"
    return took


def report_breakdown(data: BenchData) -> None:
    """Where opening Progress spends its time: reading the store, then computing the view."""
    store = Store.open(data.data_dir)
    history = store.history()
    today = history.day_of(data.now)
    lesson_ids = {lesson.id for lesson in load_content(locations.content_dir()).lessons}
    open_s = median_call(lambda: Store.open(data.data_dir))
    parse_s = median_call(lambda: json.loads(store.path.read_bytes()))
    # A fresh Store each time: the store keeps what it read, so a second history() is free.
    history_s = median_call(lambda: Store.open(data.data_dir).history()) - open_s
    view_s = median_call(lambda: progress_view(history, today, lesson_ids))
    report(
        "progress breakdown",
        f"Store.open (reads and parses the file) {seconds(open_s)}, of which json.loads of the "
        f"{store.path.stat().st_size / 1e6:.1f} MB file alone {seconds(parse_s)}; first store.history() "
        f"(builds the records) {seconds(history_s)}; progress_view() {seconds(view_s)}; medians of {RUNS}",
    )


async def test_progress_on_ten_years_adds_under_half_a_second(
    ten_years: BenchData, empty: BenchData
) -> None:
    await time_to_progress(empty)  # warm up: imports the Progress screen, parses its CSS
    samples: dict[str, list[float]] = {"empty": [], "ten years": []}
    for _ in range(RUNS):
        samples["empty"].append(await time_to_progress(empty))
        samples["ten years"].append(await time_to_progress(ten_years))
    empty_s, full_s = median(samples["empty"]), median(samples["ten years"])
    report(
        "progress screen",
        f"p on Home -> Progress drawn: {ten_years.sessions} sessions {seconds(full_s)} "
        f"{spread(samples['ten years'])} vs empty store {seconds(empty_s)} {spread(samples['empty'])}: "
        f"+{seconds(full_s - empty_s)} (target < +{seconds(MAX_EXTRA_S)}), ratio {full_s / empty_s:.1f}; "
        f"in-process Pilot 100x30, medians of {RUNS}",
    )
    report_breakdown(ten_years)
    # The empty store's time is Textual pushing the screen (and Pilot's idle waits); the
    # difference is what the history costs.
    extra = full_s - empty_s
    assert extra < MAX_EXTRA_S, f"ten years of history add {seconds(extra)} to opening Progress"


def test_first_screen_on_ten_years_adds_under_half_a_second(
    terminal: Terminal, ten_years: BenchData, empty: BenchData
) -> None:
    def launch(data: BenchData) -> float:
        command = f"{shlex.quote(str(GLUTEUI))} --data-dir {shlex.quote(str(data.data_dir))}"
        return terminal.time_to_show(command, MARKER)

    measures = {"empty": partial(launch, empty), "ten years": partial(launch, ten_years)}
    for measure in measures.values():
        measure()
    samples = interleaved(RUNS, measures)
    empty_s, full_s = median(samples["empty"]), median(samples["ten years"])
    report(
        "startup on ten years",
        f"first screen with {ten_years.sessions} sessions {seconds(full_s)} {spread(samples['ten years'])} "
        f"vs empty store {seconds(empty_s)} {spread(samples['empty'])}: +{seconds(full_s - empty_s)} "
        f"(target < +{seconds(MAX_EXTRA_S)}), ratio {full_s / empty_s:.2f}; tmux, medians of {RUNS}",
    )
    assert full_s - empty_s < MAX_EXTRA_S, f"ten years of history add {seconds(full_s - empty_s)} to startup"
