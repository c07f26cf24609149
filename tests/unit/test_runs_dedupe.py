"""Each run counts once, however many files of it were imported and in whatever order."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from gluteui.core.runs.dedupe import SAME_DISTANCE, SAME_START, merge_runs, same_run
from gluteui.core.runs.folder import read_paths
from gluteui.core.runs.record import Run
from tests.unit.run_files import UTC, fit, gpx, tcx, track, write

START = datetime(2024, 5, 1, 6, 0, tzinfo=UTC)


def run(source: str, start: datetime = START, distance: float = 5000.0, name: str = "") -> Run:
    return Run.new(start, 1800.0, distance, name, "running", source)


def test_the_same_run_from_a_gpx_and_a_fit_counts_once_and_the_watchs_fit_is_kept(tmp_path: Path):
    one = track(START)
    write(tmp_path, "phone/run.gpx", gpx(one))
    write(tmp_path, "watch/run.fit", fit(one, total_m=5480.0))  # the watch measured 1.5 % more
    write(tmp_path, "garmin-connect/run.tcx", tcx(one, total_m=5450.0))
    read = [run for _path, result in read_paths([tmp_path]) for run in result.runs]
    merged = merge_runs([], read)
    assert [r.source for r in merged.kept] == ["watch/run.fit"]
    assert merged.added == merged.kept
    # Both new: the other two are copies of a new run, not runs that were already there.
    assert merged.already_there == [] and len(merged.copies) == 2


def test_importing_the_same_files_again_adds_nothing():
    first = merge_runs([], [run("a.gpx"), run("b.gpx", START + timedelta(days=1))])
    again = merge_runs(first.kept, [run("a.gpx"), run("b.gpx", START + timedelta(days=1))])
    assert again.kept == first.kept
    assert again.added == []
    assert len(again.already_there) == 2


def test_a_file_imported_twice_in_one_go_counts_once():
    merged = merge_runs([], [run("a.gpx"), run("a.gpx")])
    assert len(merged.kept) == 1 and len(merged.added) == 1 and len(merged.copies) == 1


def test_a_better_copy_of_a_stored_run_takes_its_place_but_is_not_a_new_run():
    stored = run("phone.gpx", name="Morning Run")
    merged = merge_runs([stored], [run("watch.fit", START + timedelta(seconds=20), 5100.0)])
    assert [r.source for r in merged.kept] == ["watch.fit"]
    assert merged.added == [] and [r.source for r in merged.already_there] == ["watch.fit"]


def test_a_named_copy_is_preferred_to_an_unnamed_one_of_the_same_format():
    merged = merge_runs([], [run("watch/1.fit"), run("strava/1.fit.gz", name="Canal loop")])
    assert [r.name for r in merged.kept] == ["Canal loop"]


def test_the_edges_of_same_start_and_same_distance():
    base = run("a.fit", distance=10_000.0)
    assert same_run(base, run("b.gpx", START + SAME_START, 10_000.0))
    assert not same_run(base, run("b.gpx", START + SAME_START + timedelta(seconds=1), 10_000.0))
    assert same_run(base, run("b.gpx", START, 10_000.0 * (1 - SAME_DISTANCE)))
    assert not same_run(base, run("b.gpx", START, 10_000.0 * (1 - SAME_DISTANCE) - 1))
    assert same_run(run("a.fit", distance=0.0), run("b.gpx", distance=0.0))  # a treadmill without a pod


def test_two_runs_on_one_day_stay_two():
    morning, evening = run("am.fit"), run("pm.fit", START + timedelta(hours=10))
    assert len(merge_runs([], [morning, evening]).kept) == 2
    # Same start, clearly different distance: not the same run (a bike computer and a run
    # would not start together, but nothing is merged on a guess).
    assert len(merge_runs([], [run("a.fit", distance=5000.0), run("b.fit", distance=8000.0)]).kept) == 2


def test_offsets_do_not_matter_only_instants():
    paris = START.astimezone(timezone(timedelta(hours=2)))
    assert len(merge_runs([], [run("a.gpx", paris), run("b.fit", START)]).kept) == 1


# Order never matters: any order and any split into imports end with the same runs.

FORMATS = ("fit", "tcx", "gpx", "gpx.gz", "fit.gz")


@st.composite
def copies_of_runs(draw: st.DrawFn) -> tuple[int, list[Run]]:
    """Some distinct runs (at least 10 minutes apart), each as one to four files of
    different formats whose starts and distances disagree as real files do."""
    count = draw(st.integers(1, 6))
    gaps = draw(st.lists(st.integers(10, 3000), min_size=count, max_size=count))
    copies = []
    start = START
    for number, gap in enumerate(gaps):
        start += timedelta(minutes=gap)
        distance = draw(st.floats(0, 50_000))
        formats = draw(st.lists(st.sampled_from(FORMATS), min_size=1, max_size=4, unique=True))
        for suffix in formats:
            jitter = timedelta(seconds=draw(st.integers(-30, 30)))
            scale = 1 + draw(st.floats(-0.015, 0.015))
            name = draw(st.sampled_from(["", "Morning Run"]))
            copies.append(Run.new(start + jitter, 1800.0, distance * scale, name, "running",
                                  f"run{number}.{suffix}"))
    return count, copies


@settings(max_examples=200, deadline=None)
@given(copies_of_runs(), st.randoms(use_true_random=False), st.data())
def test_any_order_and_any_batches_give_the_same_runs(runs_and_copies, rng, data):
    count, copies = runs_and_copies
    at_once = merge_runs([], copies).kept
    assert len(at_once) == count
    shuffled = list(copies)
    rng.shuffle(shuffled)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(shuffled)), max_size=4)))
    kept: list[Run] = []
    for begin, end in zip([0, *cuts], [*cuts, len(shuffled)], strict=True):
        kept = merge_runs(kept, shuffled[begin:end]).kept
    assert kept == at_once
    # And importing everything once more changes nothing.
    assert merge_runs(kept, copies).added == []
    assert merge_runs(kept, copies).kept == at_once


@settings(max_examples=100, deadline=None)
@given(copies_of_runs(), st.randoms(use_true_random=False))
def test_what_was_added_plus_what_was_there_is_everything_imported(runs_and_copies, rng):
    _count, copies = runs_and_copies
    half = len(copies) // 2
    first = merge_runs([], copies[:half])
    second = merge_runs(first.kept, copies[half:])
    assert len(second.added) + len(second.already_there) + len(second.copies) == len(copies) - half
    assert len(first.kept) + len(second.added) == len(second.kept)


def test_two_copies_either_side_of_a_dst_change_are_one_run_in_real_time():
    from zoneinfo import ZoneInfo

    new_york = ZoneInfo("America/New_York")
    # 01:59 EST and 03:00 EDT on 10 March 2024 are a minute apart, though the wall says 61.
    before = run("a.fit", datetime(2024, 3, 10, 1, 59, tzinfo=new_york))
    after = run("b.gpx", datetime(2024, 3, 10, 3, 0, tzinfo=new_york))
    assert same_run(before, after)
    assert len(merge_runs([], [before, after]).kept) == 1
