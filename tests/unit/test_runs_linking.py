"""A run counts as activated when a session started 0 to 3 hours before it: measured in
real time, across midnight and DST changes alike."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from gluteui.core.runs.linking import (
    ACTIVATION_WINDOW,
    activation_before,
    link_runs,
    run_day,
)
from gluteui.core.runs.record import Run

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
UTC = timezone.utc


def run_at(start: datetime, source: str = "run.fit") -> Run:
    return Run.new(start, 1800.0, 5000.0, "", "running", source)


def linked(run_start: datetime, *session_starts: datetime) -> datetime | None:
    return link_runs([run_at(run_start)], session_starts)[0].activation


def test_an_activation_an_hour_before_counts_and_one_after_the_run_does_not():
    run = datetime(2024, 5, 1, 18, 0, tzinfo=LONDON)
    assert linked(run, run - timedelta(hours=1)) == run - timedelta(hours=1)
    assert linked(run, run + timedelta(minutes=5)) is None


def test_the_window_includes_both_its_edges_and_no_more():
    run = datetime(2024, 5, 1, 18, 0, tzinfo=LONDON)
    assert linked(run, run) == run
    assert linked(run, run - ACTIVATION_WINDOW) == run - ACTIVATION_WINDOW
    assert linked(run, run - ACTIVATION_WINDOW - timedelta(seconds=1)) is None
    assert linked(run, run + timedelta(seconds=1)) is None


def test_the_latest_activation_before_the_run_is_the_one_linked():
    run = datetime(2024, 5, 1, 18, 0, tzinfo=UTC)
    earlier, later = run - timedelta(hours=2), run - timedelta(minutes=20)
    assert linked(run, later, earlier) == later


def test_one_activation_can_serve_two_runs_within_the_window():
    session = datetime(2024, 5, 1, 7, 0, tzinfo=UTC)
    runs = [run_at(session + timedelta(minutes=10), "a.fit"), run_at(session + timedelta(hours=2), "b.fit")]
    assert [item.activated for item in link_runs(runs, [session])] == [True, True]


def test_an_activation_late_at_night_counts_for_a_run_after_midnight_and_both_keep_the_day():
    session = datetime(2024, 5, 1, 23, 30, tzinfo=LONDON)
    run = run_at(datetime(2024, 5, 2, 0, 45, tzinfo=LONDON))
    item = link_runs([run], [session])[0]
    assert item.activated
    # With the default day_start_hour of 4, the 00:45 run is the evening before's, like the session.
    assert run_day(run, LONDON) == date(2024, 5, 1)
    assert run_day(run, LONDON, day_start_hour=0) == date(2024, 5, 2)


def test_the_day_is_the_users_zone_not_the_zone_the_file_was_written_in():
    in_utc = run_at(datetime(2024, 5, 1, 23, 30, tzinfo=UTC))  # 00:30 BST on the 2nd
    assert run_day(in_utc, LONDON, day_start_hour=0) == date(2024, 5, 2)
    assert run_day(in_utc, UTC, day_start_hour=0) == date(2024, 5, 1)


def test_on_the_night_clocks_go_forward_the_real_time_between_counts():
    # New York, 10 March 2024: 02:00 EST becomes 03:00 EDT. 00:30 to 03:15 on the wall is
    # 2 h 45 min, but only 1 h 45 min really passed.
    session = datetime(2024, 3, 10, 0, 30, tzinfo=NEW_YORK)
    run = datetime(2024, 3, 10, 3, 15, tzinfo=NEW_YORK)
    assert run - session == timedelta(hours=2, minutes=45)  # wall-clock subtraction: misleading
    assert linked(run, session) == session
    late = datetime(2024, 3, 10, 4, 15, tzinfo=NEW_YORK)  # 3 h 45 min on the wall, 2 h 45 min really
    assert linked(late, session) == session


def test_on_the_night_clocks_go_back_the_repeated_hour_counts_too():
    # London, 27 October 2024: 02:00 BST becomes 01:00 GMT. 00:30 to 02:45 on the wall is
    # 2 h 15 min, but 3 h 15 min really passed: too long.
    session = datetime(2024, 10, 27, 0, 30, tzinfo=LONDON)
    run = datetime(2024, 10, 27, 2, 45, tzinfo=LONDON)
    assert linked(run, session) is None
    # The run at the second 01:30 (GMT, fold=1) is 2 h after the session: linked.
    second_half_past_one = datetime(2024, 10, 27, 1, 30, fold=1, tzinfo=LONDON)
    assert linked(second_half_past_one, session) == session
    # And from a file, which writes the offset: the same instants, the same answers.
    assert linked(run.astimezone(timezone(timedelta(hours=0))), session) is None


def test_the_end_of_a_run_across_the_change_is_real_time_later():
    run = Run.new(datetime(2024, 3, 10, 1, 30, tzinfo=NEW_YORK), 3600.0, 9000.0, "", "running", "a.fit")
    assert run.end == datetime(2024, 3, 10, 3, 30, tzinfo=NEW_YORK)  # 01:30 EST + 1 h = 03:30 EDT


def test_runs_come_back_in_start_order_whatever_order_they_were_given():
    runs = [run_at(datetime(2024, 5, d, 7, 0, tzinfo=UTC), f"{d}.fit") for d in (3, 1, 2)]
    assert [item.run.source for item in link_runs(runs, [])] == ["1.fit", "2.fit", "3.fit"]


def test_a_naive_session_time_is_refused_it_has_no_instant():
    with pytest.raises(ValueError, match="timezone-aware"):
        link_runs([run_at(datetime(2024, 5, 1, 7, 0, tzinfo=UTC))], [datetime(2024, 5, 1, 6, 0)])


def test_activation_before_with_nothing_to_find():
    assert activation_before(datetime(2024, 5, 1, tzinfo=UTC), []) is None
