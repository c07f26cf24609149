"""`gluteui runs import`, `gluteui runs`, `log --at` and `checkin --run`, as a runner uses
them: a watch's folder of real GPX, TCX and FIT files made here, imported twice."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from tests.factory import FROZEN_NOW
from tests.unit.run_files import fit, gpx, gzipped, tcx, track, write

NOW = FROZEN_NOW
MORNING = (NOW - timedelta(days=2)).replace(hour=7, minute=0)
EVENING = (NOW - timedelta(days=1)).replace(hour=18, minute=0)


@pytest.fixture
def watch(tmp_path: Path) -> Path:
    """A watch's export: one morning run as FIT and GPX (the same run), one evening run as
    gzipped TCX, a ride, and a damaged file."""
    folder = tmp_path / "watch"
    morning, evening = track(MORNING), track(EVENING, minutes=40)
    write(folder, "2026-11-24-morning.fit", fit(morning, total_m=5400))
    write(folder, "phone/morning.gpx", gpx(morning))
    write(folder, "evening.tcx.gz", gzipped(tcx(evening, total_m=7200)))
    write(folder, "ride.gpx", gpx(track(EVENING - timedelta(days=3), sport="cycling")))
    write(folder, "broken.fit", b"\x0e\x10garbage")
    return folder


def runs_json(cli) -> list[dict]:
    code, out, _ = cli("runs", "--json")
    assert code == 0
    return json.loads(out)


def test_a_watch_folder_imports_each_run_once_and_again_changes_nothing(cli, watch: Path):
    code, out, _ = cli("runs", "import", str(watch))
    assert code == 0
    assert out.strip() == "Runs: 2 new, 0 already there, 1 copy of a new run in another file, 2 skipped (--verbose says why)."
    runs = runs_json(cli)
    assert [run["start"] for run in runs] == [EVENING.isoformat(), MORNING.isoformat()]  # newest first
    assert runs[1]["source"] == "2026-11-24-morning.fit"  # the watch's own copy, not the phone's
    assert runs[1]["distance_m"] == 5400 and runs[0]["duration_s"] == 40 * 60
    assert {run["activated"] for run in runs} == {False} and {run["checkin"] for run in runs} == {None}

    code, out, _ = cli("runs", "import", str(watch), "--verbose")
    assert out.splitlines()[0] == "Runs: 0 new, 3 already there, 2 skipped."
    assert any("ride.gpx: a cycling activity, not a run (--all imports it)" in line for line in out.splitlines())
    assert any("broken.fit:" in line for line in out.splitlines())
    assert len(runs_json(cli)) == 2


def test_an_activation_logged_with_its_time_marks_the_run_after_it(cli, watch: Path):
    cli("runs", "import", str(watch))
    before = (EVENING - timedelta(hours=1)).strftime("%Y-%m-%d %H:%M")
    code, out, _ = cli("log", "--at", before)
    assert code == 0 and out.strip().endswith(f"at {EVENING - timedelta(hours=1):%H:%M}.")
    evening, morning = runs_json(cli)
    assert (evening["activated"], morning["activated"]) == (True, False)
    stats = json.loads(cli("stats", "--json")[1])
    assert (stats["runs"], stats["activated_runs"]) == (2, 1)


def test_a_check_in_attaches_to_the_run_it_names(cli, watch: Path):
    cli("runs", "import", str(watch))
    evening = runs_json(cli)[0]
    code, _, _ = cli("checkin", "3", "--run", evening["id"][:8])
    assert code == 0
    assert [run["checkin"] for run in runs_json(cli)] == [3, None]


def test_a_check_in_asks_the_hamstrings_apart_and_a_second_one_replaces_the_first(cli, watch: Path, data_dir: Path):
    from gluteui.core.history.store import Store

    cli("runs", "import", str(watch))
    evening = runs_json(cli)[0]
    code, out, _ = cli("checkin", "3", "--hamstrings", "2", "--run", evening["id"][:8])
    assert code == 0 and out.strip() == (f"Run on {EVENING:%a %d %b} (18:00, 7.2 km) recorded: "
                                         "lower back 3/10, hamstrings 2/10.")
    assert [(run["checkin"], run["hamstrings"]) for run in runs_json(cli)] == [(3, 2), (None, None)]
    code, out, _ = cli("checkin", "5", "--run", evening["id"][:8])
    assert code == 0 and out.strip().endswith("lower back 5/10 (in place of the earlier answer).")
    assert [(c.score, c.hamstrings) for c in Store.open(data_dir).checkins()] == [(5, None)]
    assert "Hamstrings" in cli("runs")[1]


def test_undo_with_run_removes_that_runs_check_in_only(cli, watch: Path, data_dir: Path):
    from gluteui.core.history.store import Store

    cli("runs", "import", str(watch))
    evening, morning = runs_json(cli)
    cli("checkin", "4", "--run", evening["id"][:8])
    cli("checkin", "6", "--run", morning["id"][:8])
    cli("checkin", "2")  # today's run, not imported
    code, out, _ = cli("checkin", "--undo", "--run", evening["id"][:8])
    assert code == 0 and out.strip() == f"Run on {EVENING:%a %d %b} (18:00, 7.2 km): check-in deleted."
    assert sorted(c.score for c in Store.open(data_dir).checkins()) == [2, 6]
    code, out, _ = cli("checkin", "--undo", "--run", evening["id"][:8])
    assert code == 0 and out.strip().endswith("it had no check-in.")


def test_no_run_marks_an_activation_day_and_undo_takes_it_back(cli, data_dir: Path):
    from gluteui.core.history.store import Store

    day = (NOW - timedelta(days=1)).date()
    cli("log", "--date", day.isoformat())
    code, out, _ = cli("checkin", "--no-run", "--date", day.isoformat())
    assert code == 0 and out.strip() == f"{day:%a %d %b}: no run that day, so no question waits about it."
    assert Store.open(data_dir).history().no_run_days == {day}
    assert cli("checkin", "--undo", "--no-run", "--date", day.isoformat())[0] == 0
    assert Store.open(data_dir).history().no_run_days == set()


@pytest.mark.parametrize(("args", "message"), [
    (("log", "--at", "yesterday"), "--at 'yesterday' is not a time like"),
    (("log", "--at", (NOW + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M")), "is in the future"),
    (("checkin", "3", "--run", "nope"), "--run 'nope' matches 0 runs"),
    (("checkin", "3", "--hamstrings", "11"), "--hamstrings '11' must be a whole number from 0 to 10"),
    (("checkin", "--undo", "3"), "checkin --undo takes no score"),
    (("checkin", "--undo", "--hamstrings", "3"), "checkin --undo takes no score"),
    (("checkin", "3", "--run", "x", "--date", "2026-11-25"), "checkin takes --run or --date, not both"),
    (("checkin", "--no-run", "--run", "x"), "checkin --no-run is about a day without an imported run"),
    (("runs", "import", "/no/such/folder"), "/no/such/folder: no such file or folder"),
])
def test_mistakes_get_one_line_and_exit_2(cli, args: tuple[str, ...], message: str):
    code, _, err = cli(*args)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_runs_and_stats_json_tell_the_estimate_and_no_verdict_below_ten_a_side(cli, store):
    from tests.app.test_runs_panel import runs_with_checkins

    runs_with_checkins(store, 18)
    code, out, _ = cli("runs")
    assert code == 0
    assert "9 answered runs after activating and 9 without." in out
    assert "so there is no verdict yet" in out and "Lower" not in out
    comparison = json.loads(cli("stats", "--json")[1])["comparison"]
    assert (comparison["with_count"], comparison["without_count"]) == (9, 9)
    assert comparison["verdict"] is None and comparison["withheld"] == "too few"


def test_runs_and_stats_json_at_twelve_a_side_give_the_interval_the_adjusted_figure_and_a_reading(cli, store):
    from tests.app.test_runs_panel import runs_with_checkins

    runs_with_checkins(store, 24)
    code, out, _ = cli("runs")
    assert code == 0
    assert "\u22123.0 points (90% interval \u22123.6 to \u22122.4)." in out
    assert "Lower on runs after activating." in out and "(Ostelo et al. 2008, Spine)" in out
    assert "Allowing for how far into the season: " in out
    assert "Readings kept at milestones:" in out and "  At 10 a side (" in out
    comparison = json.loads(cli("stats", "--json")[1])["comparison"]
    assert comparison["verdict"] == "lower" and comparison["difference"] == -3.0
    assert [round(end, 1) for end in comparison["interval"]] == [-3.6, -2.4]
    assert comparison["adjusted"]["allowed_for"] == ["calendar time"]
    assert comparison["readings"][0]["milestone"] == 10
