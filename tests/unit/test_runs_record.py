"""A Run validates like the history records: a damaged stored run names its field."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from gluteui.core.runs.record import MAX_NAME, Run, clean_name, run_id

UTC = timezone.utc
START = datetime(2024, 5, 1, 7, 30, tzinfo=timezone(timedelta(hours=2)))


def a_run(**changes) -> Run:
    run = Run.new(START, 1800.0, 5000.0, "Morning Run", "running", "activities/1.gpx")
    return replace(run, **changes) if changes else run


def test_a_run_survives_the_round_trip_through_json_data_with_its_offset():
    run = a_run()
    back = Run.from_dict(run.to_dict())
    assert back == run
    assert back.start.utcoffset() == timedelta(hours=2)
    assert run.to_dict()["start"] == "2024-05-01T07:30:00+02:00"


def test_the_id_comes_from_the_start_instant_and_the_source_so_a_reread_file_is_the_same_run():
    same_instant_in_utc = START.astimezone(UTC)
    assert run_id(START, "a.gpx") == run_id(same_instant_in_utc, "a.gpx")
    assert run_id(START, "a.gpx") != run_id(START, "a.fit")
    assert run_id(START, "a.gpx") != run_id(START + timedelta(seconds=1), "a.gpx")
    assert a_run().id == run_id(START, "activities/1.gpx")


def test_the_end_is_start_plus_duration():
    assert a_run().end == START + timedelta(minutes=30)


def test_whole_numbers_from_json_are_read_as_seconds_and_metres():
    data = {**a_run().to_dict(), "duration_s": 1800, "distance_m": 5000}
    assert Run.from_dict(data).duration_s == 1800.0


@pytest.mark.parametrize(("field", "value"), [
    ("duration_s", -1.0),
    ("duration_s", 7 * 86400 + 1.0),
    ("duration_s", float("nan")),
    ("duration_s", True),
    ("distance_m", 1_000_001.0),
    ("distance_m", float("inf")),
    ("distance_m", "5 km"),
    ("sport", "quidditch"),
    ("name", "x" * (MAX_NAME + 1)),
    ("name", "Morning\nRun"),
    ("name", "  Morning Run"),
    ("source", ""),
    ("id", ""),
])
def test_a_bad_field_is_named(field: str, value):
    with pytest.raises(ValueError, match=field):
        a_run(**{field: value})


@pytest.mark.parametrize("start", [
    datetime(1969, 12, 31, 23, 0, tzinfo=UTC),
    datetime(2200, 1, 1, tzinfo=UTC),
    datetime(2024, 5, 1, 7, 30),
])
def test_a_start_outside_1970_to_2199_or_without_a_zone_is_refused(start: datetime):
    with pytest.raises(ValueError, match="start"):
        a_run(start=start)


@pytest.mark.parametrize("data", [
    {"id": "x"},
    {**Run.new(START, 1.0, 1.0, "", "running", "a.gpx").to_dict(), "start": "yesterday"},
    {**Run.new(START, 1.0, 1.0, "", "running", "a.gpx").to_dict(), "duration_s": 10**400},
    "not an object",
])
def test_damaged_stored_data_is_a_value_error_never_another_exception(data):
    with pytest.raises(ValueError):  # noqa: PT011 (any ValueError: the test is that it is one)
        Run.from_dict(data)


def test_a_missing_field_is_named():
    data = a_run().to_dict()
    del data["sport"]
    with pytest.raises(ValueError, match="'sport' is missing"):
        Run.from_dict(data)


def test_a_name_from_a_file_becomes_one_short_line():
    assert clean_name("  Morning\n\tRun\x00 ") == "Morning Run"
    long = clean_name("word " * 100)
    assert len(long) == MAX_NAME and long.endswith("…")
    assert clean_name(None) == ""
    assert clean_name("bad \ud800 byte") == "bad ? byte"
