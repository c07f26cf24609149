"""Files as real devices and services write them, made here in their own formats: Strava's
TCX with spaces before the declaration, several activities in one TCX, swims and
triathlons, a phone app's FIT with a bad record after its summary, a Connect IQ field named
like a native one, undeclared namespace prefixes, a point without a position."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from gluteui.core.runs.errors import RunFileError
from gluteui.core.runs.formats import read_run_data
from gluteui.core.runs.record import Run
from tests.unit.run_files import (
    Leg,
    damaged_after_summary,
    fit,
    fit_multisport,
    gpx,
    strava_csv,
    tcx,
    tcx_multisport,
    tcx_of,
    track,
    write,
)

START = datetime(2024, 5, 1, 6, 0, tzinfo=timezone.utc)
RUN = track(START, minutes=30, pace_m_s=3.0)  # 5.4 km in 30 minutes


def one_run(data: bytes, name: str) -> Run:
    (run,) = read_run_data(data, name).runs
    return run


def imported(cli) -> list[dict]:
    code, out, _ = cli("runs", "--json")
    assert code == 0
    return json.loads(out)


# Strava's bulk export, and other writers' prologues.

@pytest.mark.parametrize("prologue", [b"   ", b"\n\n  \t", b"\xef\xbb\xbf  ", b"  \xef\xbb\xbf"])
@pytest.mark.parametrize(("name", "make"), [("run.tcx", tcx), ("run.gpx", gpx)])
def test_spaces_or_a_byte_order_mark_before_the_declaration_still_read(prologue, name, make):
    run = one_run(prologue + make(RUN), name)
    assert run.start == START and run.distance_m == pytest.approx(5400, rel=0.001)


def test_a_strava_archive_of_tcx_files_with_leading_spaces_imports_every_run(cli, tmp_path: Path):
    export = tmp_path / "export"
    rows = []
    for n in range(3):
        write(export, f"activities/{n}.tcx", b"          " + tcx(track(START + timedelta(days=n))))
        rows.append((str(n), f"Run {n}", "Run", f"activities/{n}.tcx"))
    (export / "activities.csv").write_text(strava_csv(rows), encoding="utf-8")
    code, out, _ = cli("runs", "import", str(export))
    assert (code, out.strip()) == (0, "Runs: 3 new, 0 already there, 0 skipped.")


# Several activities in one TCX.

def test_three_runs_in_one_tcx_are_three_runs_each_with_its_own_time_and_distance(cli, tmp_path: Path):
    runs = [track(START + timedelta(hours=hours), minutes=minutes) for hours, minutes in ((0, 30), (6, 40), (30, 20))]
    path = write(tmp_path, "three.tcx", tcx_of(runs))
    read = read_run_data(path.read_bytes(), path.name).runs
    assert [(r.start, r.duration_s) for r in read] == [(t.start, t.duration_s) for t in runs]
    assert [round(r.distance_m) for r in read] == [round(t.length_m) for t in runs]
    assert len({r.id for r in read}) == 3
    cli("runs", "import", str(path))
    assert len(imported(cli)) == 3


# Other sports.

SWIM = track(START + timedelta(days=1), minutes=40, pace_m_s=0.8, sport="swimming")


@pytest.mark.parametrize(("name", "data"), [
    ("swim.fit", fit(SWIM, total_m=1900)),
    ("swim.tcx", tcx(SWIM, total_m=1900)),  # Sport="Other": the file names a sport, not a run
    ("swim.gpx", gpx(SWIM, sport="16")),  # Strava's code for Swim
])
def test_a_swim_is_left_out_unless_all_and_then_kept_as_what_the_file_says(cli, tmp_path: Path, name, data):
    path = write(tmp_path, name, data)
    out = cli("runs", "import", str(path), "--verbose")[1]
    assert out.splitlines()[0] == "Runs: 0 new, 0 already there, 1 skipped."
    assert "not a run" in out.splitlines()[1] and "--all imports it" in out.splitlines()[1]
    cli("runs", "import", str(path), "--all")
    (swim,) = imported(cli)
    assert swim["sport"] == ("other" if name.endswith(".tcx") else "swimming")


TRIATHLON = [Leg("swimming", 30, 1900), Leg("transition", 4, 0), Leg("cycling", 150, 90_000),
             Leg("transition", 3, 0), Leg("running", 100, 21_100)]


def test_a_triathlon_fit_is_one_multisport_activity_never_a_run(cli, tmp_path: Path):
    path = write(tmp_path, "ironman.fit", fit_multisport(START, TRIATHLON))
    (race,) = read_run_data(path.read_bytes(), path.name).runs
    assert race.sport == "multisport"
    assert race.start == START and race.duration_s == sum(leg.minutes for leg in TRIATHLON) * 60
    assert race.distance_m == sum(leg.metres for leg in TRIATHLON)
    out = cli("runs", "import", str(path), "--verbose")[1]
    assert "a multisport session, not a run (--all imports it as one activity)" in out
    assert imported(cli) == []
    cli("runs", "import", str(path), "--all")
    assert [r["sport"] for r in imported(cli)] == ["multisport"]


def test_a_bike_run_bike_tcx_is_a_multisport_session_not_a_course():
    legs = [track(START, minutes=60, pace_m_s=8, sport="cycling"),
            track(START + timedelta(minutes=61), minutes=20),
            track(START + timedelta(minutes=82), minutes=30, pace_m_s=8, sport="cycling")]
    (brick,) = read_run_data(tcx_multisport(legs), "brick.tcx").runs
    assert brick.sport == "multisport" and brick.start == START
    assert brick.end == legs[-1].start + timedelta(minutes=30)


def test_strava_rows_typed_swim_or_workout_are_not_runs(cli, tmp_path: Path):
    export = tmp_path / "export"
    write(export, "activities/1.gpx", gpx(track(START, sport="")))  # the GPX itself says nothing
    write(export, "activities/2.gpx", gpx(track(START + timedelta(days=1), sport="")))
    write(export, "activities/3.gpx", gpx(track(START + timedelta(days=2), sport="")))
    rows = [("1", "Pool", "Swim", "activities/1.gpx"), ("2", "Gym", "Workout", "activities/2.gpx"),
            ("3", "Easy", "Run", "activities/3.gpx")]
    (export / "activities.csv").write_text(strava_csv(rows), encoding="utf-8")
    out = cli("runs", "import", str(export))[1]
    assert out.strip() == "Runs: 1 new, 0 already there, 2 skipped (--verbose says why)."
    assert [r["name"] for r in imported(cli)] == ["Easy"]


def test_a_file_that_names_no_sport_is_imported_and_shown_as_unknown(cli, tmp_path: Path):
    cli("runs", "import", str(write(tmp_path, "phone.gpx", gpx(RUN, sport=None))))
    assert [r["sport"] for r in imported(cli)] == ["unknown"]
    header, row = cli("runs")[1].split("\n\n")[0].splitlines()
    assert header.split()[:5] == ["Start", "Distance", "Time", "Sport", "Activated"]
    assert " unknown " in row


# FIT files as phone apps and watches write them.

def test_a_fit_whose_last_record_is_damaged_keeps_its_session_and_says_so(cli, tmp_path: Path):
    path = write(tmp_path, "strava-android.fit", damaged_after_summary(fit(RUN, total_m=11_270)))
    found = read_run_data(path.read_bytes(), path.name)
    assert [run.distance_m for run in found.runs] == [11_270]
    assert "after its summary, which was kept" in found.note
    code, out, _ = cli("runs", "import", str(path))
    assert (code, out.strip()) == (0, "Runs: 1 new, 0 already there, 0 skipped (--verbose says why).")
    out = cli("runs", "import", str(path), "--verbose")[1]
    assert f"read {path}, though " in out and "summary, which was kept" in out


def test_a_fit_damaged_before_any_summary_is_still_refused():
    damaged = damaged_after_summary(fit(RUN, session=False))
    with pytest.raises(RunFileError, match="damaged FIT data"):
        read_run_data(damaged, "run.fit")


def test_a_developer_field_named_like_a_native_one_never_replaces_it():
    run = one_run(fit(RUN, total_m=5400, developer_distance_m=0), "connect-iq.fit")
    assert run.distance_m == 5400


def test_moving_time_and_elapsed_time_are_both_kept_and_the_runs_table_shows_moving(cli, tmp_path: Path):
    long = track(START, minutes=111)
    for name, data in (("watch.fit", fit(long, total_m=5400, timer_s=30 * 60)),
                       ("export.tcx", tcx(track(START + timedelta(days=1), minutes=111), timer_s=30 * 60))):
        run = one_run(data, name)
        assert (run.duration_s, run.moving_s) == (111 * 60, 30 * 60)
        write(tmp_path / "watch", name, data)
    cli("runs", "import", str(tmp_path / "watch"))
    assert {(r["duration_s"], r["moving_s"]) for r in imported(cli)} == {(111 * 60, 30 * 60)}
    table = cli("runs")[1].split("\n\n")[0]  # the comparison follows the runs
    assert all(" 30 min " in line for line in table.splitlines()[1:])
    assert one_run(gpx(RUN), "run.gpx").moving_s is None  # a GPX has no timer: elapsed is shown


# TCX and GPX as other writers make them.

def test_a_tcx_starts_at_its_first_time_not_at_an_id_rounded_to_the_minute():
    late = track(START + timedelta(seconds=47))
    data = tcx(late).replace(f"<Id>{late.start:%Y-%m-%dT%H:%M:%SZ}</Id>".encode(),
                             f"<Id>{START:%Y-%m-%dT%H:%M:%SZ}</Id>".encode())
    assert one_run(data, "run.tcx").start == late.start


UNDECLARED = gpx(RUN).replace(
    b"<ele>12.0</ele>", b"<ele>12.0</ele><extensions><gpxtpx:hr>140</gpxtpx:hr></extensions>")


def test_a_gpx_with_an_undeclared_namespace_prefix_is_read_whole_not_called_truncated():
    assert b"xmlns:gpxtpx" not in UNDECLARED
    run = one_run(UNDECLARED, "run.gpx")
    assert run.distance_m == pytest.approx(5400, rel=0.001) and run.duration_s == 1800


def test_reading_undeclared_prefixes_leniently_keeps_the_dtd_refusal():
    hostile = UNDECLARED.replace(b"<gpx ", b'<!DOCTYPE gpx [<!ENTITY a "aaaa">]>\n<gpx ', 1)
    with pytest.raises(RunFileError, match="declares a DTD"):
        read_run_data(hostile, "run.gpx")
    cut = UNDECLARED[: len(UNDECLARED) // 2]
    with pytest.raises(RunFileError, match="truncated"):
        read_run_data(cut, "run.gpx")


def test_a_gpx_point_without_a_position_is_skipped_not_the_file():
    data = gpx(RUN).replace(b'<trkpt lat="51.5016188" lon="-0.1200000">', b"<trkpt>", 1)
    run = one_run(data, "run.gpx")
    assert run.duration_s == 1800 and run.distance_m == pytest.approx(5400, rel=0.001)


def test_a_fit_whose_session_says_generic_takes_the_sport_from_its_sport_message():
    from garmin_fit_sdk import Encoder, Profile

    mesg = Profile["mesg_num"]
    encoder = Encoder()
    encoder.write_mesg({"mesg_num": mesg["FILE_ID"], "type": "activity", "manufacturer": "development",
                        "product": 1, "serial_number": 1, "time_created": START})
    encoder.write_mesg({"mesg_num": mesg["SPORT"], "sport": "swimming", "sub_sport": "lap_swimming"})
    encoder.write_mesg({"mesg_num": mesg["SESSION"], "timestamp": START + timedelta(minutes=40),
                        "start_time": START, "total_elapsed_time": 2400, "total_timer_time": 2400,
                        "total_distance": 1900, "sport": "generic"})
    assert one_run(encoder.close(), "pool.fit").sport == "swimming"
