"""Importing a watch's export: 1,000 run files (GPX, TCX and FIT, points every 10 s) read
and stored by `gluteui runs import`, against the same command on an empty folder; and
1,000 FIT files of a watch recording every second, with its sensors (heart rate, cadence,
altitude, speed) in every record, as most watches do.

Target: each import under 20 s on this 2-core machine.
"""

from __future__ import annotations

import json
import subprocess
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tests.bench.measure import GLUTEUI, report, seconds, wall_time
from tests.unit.run_files import fit, gpx, tcx, track, write

START = datetime(2023, 1, 1, 7, 0, tzinfo=timezone.utc)

FILES = 1000
TARGET_S = 20.0


def watch_folder(folder: Path) -> None:
    start = START
    makers = (lambda t: ("fit", fit(t, total_m=5400)), lambda t: ("gpx", gpx(t)),
              lambda t: ("tcx", tcx(t, total_m=5400)))
    for n in range(FILES):
        run = track(start + timedelta(days=n), every_s=10)
        kind, data = makers[n % 3](run)
        write(folder, f"{n:04d}.{kind}", data)


def test_importing_a_thousand_run_files(tmp_path: Path) -> None:
    watch, empty = tmp_path / "watch", tmp_path / "empty"
    watch_folder(watch)
    empty.mkdir()
    baseline = wall_time([GLUTEUI, "--data-dir", tmp_path / "d0", "runs", "import", empty])
    took = wall_time([GLUTEUI, "--data-dir", tmp_path / "d1", "runs", "import", watch])
    again = wall_time([GLUTEUI, "--data-dir", tmp_path / "d1", "runs", "import", watch])
    listed = subprocess.run([GLUTEUI, "--data-dir", tmp_path / "d1", "runs", "--json"],
                            capture_output=True, check=True, text=True).stdout
    assert len(json.loads(listed)) == FILES
    report("runs import", f"{FILES} files {took:.1f} s (again, all already there: {again:.1f} s) "
           f"vs an empty folder {seconds(baseline)}; target < {TARGET_S:.0f} s, "
           f"{took / TARGET_S:.0%} of it")
    assert took < TARGET_S


def every_second_folder(folder: Path) -> None:
    for n in range(FILES):
        run = track(START + timedelta(days=n), every_s=1)
        write(folder, f"{n:04d}.fit", fit(run, total_m=5400, cumulative_m=5400, sensors=True))


def full_decode(path: Path) -> None:
    """What #15's reader did with a FIT file: decode every message with fitdecode."""
    import fitdecode

    with fitdecode.FitReader(str(path), check_crc=fitdecode.CrcCheck.RAISE) as reader:
        for _frame in reader:
            pass


def test_importing_a_thousand_fit_files_recorded_every_second(tmp_path: Path) -> None:
    from gluteui.core.runs.formats import read_run_file
    from tests.bench.measure import median_call

    watch = tmp_path / "watch"
    every_second_folder(watch)
    files = sorted(watch.iterdir())
    size = sum(path.stat().st_size for path in files) / len(files)
    took = wall_time([GLUTEUI, "--data-dir", tmp_path / "d1", "runs", "import", watch])
    listed = subprocess.run([GLUTEUI, "--data-dir", tmp_path / "d1", "runs", "--json"],
                            capture_output=True, check=True, text=True).stdout
    assert len(json.loads(listed)) == FILES
    ours = median_call(lambda: [read_run_file(path) for path in files[:20]], runs=3) / 20
    before = median_call(lambda: [full_decode(path) for path in files[:20]], runs=3) / 20
    report("runs import, 1 s FIT", f"{FILES} files of 30 min at 1 s ({size / 1024:.0f} KB each) "
           f"{took:.1f} s; target < {TARGET_S:.0f} s. One file read: {seconds(ours)}, "
           f"against {seconds(before)} decoding every record with fitdecode as #15 did")
    assert took < TARGET_S


PROGRESS_TARGET_S = 0.100


async def test_progress_with_a_thousand_runs_opens_within_100_ms_of_an_empty_history(tmp_path: Path) -> None:
    from gluteui.core.history.records import Checkin
    from gluteui.core.history.store import Store
    from gluteui.core.runs.record import Run
    from tests.bench.bench_history import time_to_progress
    from tests.bench.data import BenchData
    from tests.bench.measure import RUNS, median, spread
    from tests.factory import FROZEN_NOW

    empty = BenchData(tmp_path / "empty", FROZEN_NOW, 0)
    full = BenchData(tmp_path / "runs", FROZEN_NOW, 0, runs=FILES)
    for data in (empty, full):
        Store.open(data.data_dir).set_setting("welcome_seen", True)
    store = Store.open(full.data_dir)
    runs = [Run.new(FROZEN_NOW - timedelta(days=FILES - n, hours=2), 1800.0, 5000.0, "", "running", f"{n}.fit")
            for n in range(FILES)]
    store.import_runs(runs)
    store.import_data({"format": "gluteui", "schema_version": 1, "checkins": [
        Checkin.new(run.start.date(), n % 11, run.start, run.id).to_dict() for n, run in enumerate(runs)]})

    # Warm up: import the Progress screen and parse its CSS; and for runs, import the plot.
    await time_to_progress(empty)
    await time_to_progress(full)
    samples: dict[str, list[float]] = {"empty": [], "runs": []}
    for _ in range(RUNS):
        samples["empty"].append(await time_to_progress(empty))
        samples["runs"].append(await time_to_progress(full))
    empty_s, full_s = median(samples["empty"]), median(samples["runs"])
    report("progress with runs", f"p on Home -> Progress drawn: {FILES} runs with check-ins {seconds(full_s)} "
           f"{spread(samples['runs'])} vs empty {seconds(empty_s)} {spread(samples['empty'])}: "
           f"+{seconds(full_s - empty_s)} (target < +{seconds(PROGRESS_TARGET_S)})")
    assert full_s - empty_s < PROGRESS_TARGET_S
