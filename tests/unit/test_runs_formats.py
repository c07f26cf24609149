"""Reading one run file: what a runner sees is the run's start (in the zone the file was
written in), its length and distance, its sport, or a one-line reason it was not read."""

from __future__ import annotations

import gzip
import io
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from gluteui.core.runs.errors import RunFileError
from gluteui.core.runs.formats import is_run_file, read_run_data, read_run_file
from gluteui.core.runs.raw import MAX_UNPACKED_BYTES
from gluteui.core.runs.record import Run
from tests.unit.run_files import UTC, fit, gpx, gzipped, iso, tcx, track, write

START = datetime(2024, 5, 1, 6, 0, tzinfo=UTC)
PARIS_SUMMER = timezone(timedelta(hours=2))
RUN = track(START, minutes=30, pace_m_s=3.0)  # 5.4 km in 30 minutes


def one_run(data: bytes, name: str) -> Run:
    """The one run a file holds (each of these files holds one)."""
    (run,) = read_run_data(data, name).runs
    return run


def reason(data: bytes, name: str) -> str:
    with pytest.raises(RunFileError) as caught:
        read_run_data(data, name)
    return caught.value.reason


# What each format says of the same run.

@pytest.mark.parametrize(("name", "data"), [
    ("run.gpx", gpx(RUN)),
    ("run.tcx", tcx(RUN)),
    ("run.fit", fit(RUN)),
    ("run.gpx.gz", gzipped(gpx(RUN))),
    ("run.tcx.gz", gzipped(tcx(RUN))),
    ("run.FIT.gz", gzipped(fit(RUN))),
])
def test_every_format_gives_the_same_start_length_distance_and_sport(name: str, data: bytes):
    run = one_run(data, name)
    assert run.start == START
    assert run.duration_s == 1800
    assert run.distance_m == pytest.approx(5400, rel=0.001)
    assert run.sport == "running"
    assert run.source == name


def test_a_gpx_keeps_its_name_and_the_offset_its_times_were_written_in():
    run = one_run(gpx(RUN, offset=PARIS_SUMMER), "run.gpx")
    assert run.name == "Morning Run"
    assert run.start == START
    assert run.start.isoformat() == "2024-05-01T08:00:00+02:00"


def test_a_gpx_time_without_a_zone_is_utc_as_gpx_defines():
    run = one_run(gpx(RUN, offset=None), "run.gpx")
    assert run.start == START and run.start.utcoffset() == timedelta(0)


def test_a_tcx_time_with_an_offset_is_honoured():
    run = one_run(tcx(RUN, offset=timezone(timedelta(hours=-4))), "run.tcx")
    assert run.start == START
    assert run.start.isoformat() == "2024-05-01T02:00:00-04:00"


def test_a_fit_file_is_utc_but_shown_at_the_watchs_local_time():
    run = one_run(fit(RUN, local_offset=timedelta(hours=1)), "run.fit")
    assert run.start == START
    assert run.start.isoformat() == "2024-05-01T07:00:00+01:00"


@pytest.mark.parametrize(("label", "sport"), [("9", "running"), ("cycling", "cycling"), (None, "unknown"), ("16", "swimming")])
def test_the_gpx_type_gives_the_sport(label, sport):
    assert one_run(gpx(RUN, sport=label), "run.gpx").sport == sport


def test_a_ride_is_read_not_refused_the_caller_decides_what_to_keep():
    ride = track(START, sport="cycling", pace_m_s=8.0)
    assert one_run(fit(ride), "ride.fit").sport == "cycling"
    assert one_run(tcx(ride), "ride.tcx").sport == "cycling"


def test_an_old_gps_writing_iso_8859_1_still_gives_its_name():
    data = gpx(track(START, name="Café run")).decode().replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
    assert one_run(data.encode("iso-8859-1"), "run.gpx").name == "Café run"


# Distance: the file's own total first.

def test_a_tcx_lap_distance_wins_over_the_points():
    assert one_run(tcx(RUN, total_m=5555.0), "run.tcx").distance_m == 5555.0


def test_a_tcx_without_totals_or_cumulative_distance_is_measured_along_its_points():
    run = one_run(tcx(RUN, cumulative=False), "run.tcx")
    assert run.distance_m == pytest.approx(5400, rel=0.001)


def test_a_fit_session_total_wins_over_the_records():
    assert one_run(fit(RUN, total_m=5612.5), "run.fit").distance_m == 5612.5


def test_a_fit_without_a_session_is_timed_and_measured_from_its_records():
    run = one_run(fit(RUN, session=False), "run.fit")
    assert run.start == START and run.duration_s == 1800
    assert run.distance_m == pytest.approx(5400, rel=0.001)


def test_a_fit_without_a_session_total_takes_the_records_own_distance():
    # A foot pod or the watch's own measure, not the GPS line: 5.1 km, not 5.4.
    assert one_run(fit(RUN, session=False, cumulative_m=5100.0), "run.fit").distance_m == pytest.approx(5100.0)


def test_the_gap_between_two_gpx_segments_a_pause_is_not_distance():
    text = gpx(RUN).decode()
    points = text.split("<trkpt")
    middle = len(points) // 2
    paused = "<trkpt".join(points[:middle]) + "</trkseg><trkseg><trkpt" + "<trkpt".join(points[middle:])
    # Same points, split in two: the step between the halves (one of 30) is left out.
    assert one_run(paused.encode(), "run.gpx").distance_m == pytest.approx(5400 * 29 / 30, rel=0.001)


def test_points_off_the_globe_are_skipped_not_counted():
    text = gpx(RUN).decode().replace('lat="51.5000000"', 'lat="95.0000000"', 1)
    assert one_run(text.encode(), "run.gpx").distance_m == pytest.approx(5400 * 29 / 30, rel=0.001)


# Reasons, one line each.

@pytest.mark.parametrize("name", ["run.gpx", "run.tcx", "run.fit", "run.gpx.gz"])
def test_an_empty_file_says_so(name: str):
    data = gzipped(b"") if name.endswith(".gz") else b""
    assert reason(data, name) == "empty file"
    assert reason(b"  \n", "run.gpx") == "empty file"


def test_a_file_of_another_format_under_a_run_suffix_is_not_that_format():
    assert reason(fit(RUN), "run.gpx") == "not a GPX file"
    assert reason(gpx(RUN), "run.tcx") == "not a TCX file"
    assert reason(gpx(RUN), "run.fit") == "not a FIT file"
    assert reason(b"hello", "run.gpx.gz") == "not a gzip file"
    assert reason(b"hello", "notes.txt") == "not a GPX, TCX or FIT file"


@pytest.mark.parametrize(("name", "data"), [
    ("run.gpx", gpx(RUN)), ("run.tcx", tcx(RUN)), ("run.fit", fit(RUN)), ("run.gpx.gz", gzipped(gpx(RUN))),
])
def test_a_file_cut_short_is_truncated(name: str, data: bytes):
    assert reason(data[: len(data) * 2 // 3], name) == "truncated"


def test_a_damaged_middle_is_damaged_xml_not_truncated():
    data = gpx(RUN).replace(b"</trkpt>", b"</trkpx>", 1)
    assert reason(data, "run.gpx") == "damaged XML"


def test_a_fit_file_with_a_changed_byte_fails_its_checksum():
    data = bytearray(fit(RUN))
    data[len(data) // 2] ^= 0x01
    assert "checksum" in reason(bytes(data), "run.fit")


def test_a_route_planned_on_a_map_has_no_timestamps():
    assert reason(gpx(RUN, times=False), "run.gpx") == "no timestamps"
    nothing = b'<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk/></gpx>'
    assert reason(nothing, "run.gpx") == "no track points"


def test_a_watchs_settings_file_is_not_an_activity():
    assert reason(fit(RUN, file_type="settings"), "Settings.fit") == "the watch's settings, not a workout"
    assert reason(fit(RUN, file_type="monitoring_b"), "monitor.fit") == "daily activity data, not a workout"


def test_a_tcx_course_is_not_a_run():
    course = b'<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Courses/></TrainingCenterDatabase>'
    assert "no activity" in reason(course, "route.tcx")


@pytest.mark.parametrize(("year", "why"), [(1960, "dated outside 1970-2199"), (2250, "dated outside 1970-2199")])
def test_a_clock_far_off_is_a_reason(year: int, why: str):
    assert reason(gpx(track(START.replace(year=year))), "run.gpx") == why


def test_over_a_week_or_1000_km_is_not_a_run():
    week = track(START, minutes=8 * 24 * 60, every_s=86400)
    assert reason(gpx(week), "run.gpx") == "lasts over 7 days"
    flight = track(START, minutes=120, pace_m_s=200.0)  # 1440 km
    assert reason(gpx(flight), "run.gpx") == "over 1000 km"


# Hostile files.

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE gpx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<gpx version="1.1"><trk><name>&d;&d;&d;&d;&d;&d;&d;&d;</name></trk></gpx>"""


def test_a_dtd_is_refused_before_any_entity_is_expanded():
    assert "DTD" in reason(BILLION_LAUGHS, "run.gpx")
    local_file = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY f SYSTEM "file:///etc/passwd">]>'
    assert "DTD" in reason(local_file + b"<TrainingCenterDatabase>&f;</TrainingCenterDatabase>", "run.tcx")


def test_a_gzip_bomb_stops_at_the_unpacked_limit():
    packed = io.BytesIO()
    with gzip.GzipFile(fileobj=packed, mode="wb", mtime=0) as bomb:
        chunk = b"\0" * (1024 * 1024)
        for _ in range(MAX_UNPACKED_BYTES // len(chunk) + 1):
            bomb.write(chunk)
    assert len(packed.getvalue()) < 200_000
    assert reason(packed.getvalue(), "run.gpx.gz") == "unpacks to over the 50 MB limit"


def test_a_file_over_50_mb_is_refused_without_being_read(tmp_path: Path):
    path = tmp_path / "huge.gpx"
    with path.open("wb") as handle:
        handle.truncate(51 * 1024 * 1024)  # sparse: no 51 MB written
    with pytest.raises(RunFileError, match="over the 50 MB limit"):
        read_run_file(path)


def test_a_fifo_named_like_a_run_file_is_not_waited_on(tmp_path: Path):
    path = tmp_path / "run.gpx"
    os.mkfifo(path)
    with pytest.raises(RunFileError, match="not a regular file"):
        read_run_file(path)


def test_a_missing_file_is_a_reason(tmp_path: Path):
    with pytest.raises(RunFileError, match="could not be read"):
        read_run_file(tmp_path / "gone.fit")


def test_reading_from_disk_names_the_source_after_the_file(tmp_path: Path):
    path = write(tmp_path, "run.gpx", gpx(RUN))
    assert read_run_file(path).runs[0].source == "run.gpx"
    assert read_run_file(path, source="2024/run.gpx").runs[0].source == "2024/run.gpx"


def test_a_file_name_utf8_cannot_hold_still_gives_a_source_a_record_can_keep(tmp_path: Path):
    path = write(tmp_path, os.fsdecode(b"run-\xff\n.gpx"), gpx(RUN))
    assert read_run_file(path).runs[0].source == "run-\ufffd?.gpx"


def test_which_names_are_run_files():
    assert all(map(is_run_file, ["a.gpx", "a.TCX", "a.fit", "a.fit.gz", "A.GPX.GZ"]))
    assert not any(map(is_run_file, ["activities.csv", "a.gz", "a.jpg", "gpx", "a.zip"]))


def test_iso_helper_writes_z_for_utc():
    assert iso(START, UTC) == "2024-05-01T06:00:00Z"
