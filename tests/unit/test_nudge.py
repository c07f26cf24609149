"""The nudge's rules, the learned schedule and the status line: pure, the clock given."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

from gluteui.core.history.settings import check_setting
from gluteui.core.runs.record import Run
from gluteui.core.stats.nudge import Decision, Sent, Today, decide, next_check, nudge_message, snooze, status_line
from gluteui.core.stats.schedule import Schedule, chosen, learned, parse_clock, parse_days

ZONE = timezone(timedelta(hours=1))
MONDAY = date(2026, 12, 7)
SCHEDULE = chosen(time(18, 0), [0, 2, 4])


def at(hour: int, minute: int = 0, day: date = MONDAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZONE)


def today(activated: bool = False, rest: bool = False, streak: int = 12) -> Today:
    return Today(MONDAY, activated, rest, streak)


def test_a_day_not_done_is_nudged_once_with_the_streak_at_stake() -> None:
    first = decide(today(), SCHEDULE, Sent(MONDAY), at(18, 5))
    assert first.message == "Glutes before your run: five minutes keeps your 12-day streak." and first.sent.nudged
    assert decide(today(), SCHEDULE, first.sent, at(19)).message is None


@pytest.mark.parametrize("facts, reason", [
    (today(activated=True), "already activated"), (today(rest=True), "rest day"),
])
def test_never_on_a_done_or_rest_day(facts: Today, reason: str) -> None:
    decision = decide(facts, SCHEDULE, Sent(MONDAY), at(18, 5))
    assert decision.message is None and reason in decision.reason and not decision.sent.nudged


def test_not_before_the_time_nor_on_a_day_without_one() -> None:
    assert "not before 18:00" in decide(today(), SCHEDULE, Sent(MONDAY), at(17, 59)).reason
    tuesday = Today(MONDAY + timedelta(days=1), False, False, 3)
    assert "Tuesday" in decide(tuesday, SCHEDULE, Sent(MONDAY), at(18, 5, tuesday.day)).reason
    # No schedule (run by hand): any time.
    assert decide(today(), None, Sent(MONDAY), at(7)).message is not None


def test_one_snooze_a_day_then_one_repeat() -> None:
    first = decide(today(), SCHEDULE, Sent(MONDAY), at(18)).sent
    snoozed, said = snooze(first, MONDAY, at(18, 1))
    assert snoozed.snoozed_until == at(18, 31) and "18:31" in said
    again, said = snooze(snoozed, MONDAY, at(18, 2))
    assert again == snoozed and "one snooze a day" in said
    assert "snoozed until 18:31" in decide(today(), SCHEDULE, snoozed, at(18, 30)).reason
    repeat = decide(today(), SCHEDULE, snoozed, at(18, 31))
    assert repeat.message is not None and repeat.sent.repeated
    assert decide(today(), SCHEDULE, repeat.sent, at(20)).message is None
    # Activated meanwhile: the repeat does not come.
    assert decide(today(activated=True), SCHEDULE, snoozed, at(18, 40)).message is None


def test_nothing_to_snooze_before_a_nudge_and_a_new_day_starts_afresh() -> None:
    assert "nothing to snooze" in snooze(Sent(MONDAY), MONDAY, at(9))[1]
    yesterday = Sent(MONDAY - timedelta(days=1), nudged=True, snoozed_until=at(9), repeated=True)
    assert decide(today(), SCHEDULE, yesterday, at(18)).message is not None


def test_the_record_survives_its_file_and_a_damaged_one_starts_afresh() -> None:
    sent = Sent(MONDAY, True, at(18, 30), False)
    assert Sent.from_dict(sent.to_dict(), MONDAY) == sent
    assert Sent.from_dict(sent.to_dict(), MONDAY + timedelta(days=1)) == Sent(MONDAY + timedelta(days=1))
    for damaged in (None, [], {"day": "x"}, {"day": "2026-12-07", "nudged": True, "snoozed_until": 3}):
        assert Sent.from_dict(damaged, MONDAY) == Sent(MONDAY)


def test_the_streak_at_stake_starting_from_none() -> None:
    assert nudge_message(0) == "Glutes before your run: five minutes starts a streak."
    assert "your 1-day streak" in nudge_message(1)


def test_status_line() -> None:
    assert status_line(today(), SCHEDULE, 0) == "glutes: not yet today · streak 12 · nudge at 18:00"
    assert status_line(today(), SCHEDULE, 1) == "glutes: not yet today · streak 12"
    assert status_line(today(activated=True), SCHEDULE, 0) == "glutes: done today · streak 12"
    assert status_line(today(rest=True), None, 0) == "glutes: rest day · streak 12"
    off = Schedule(SCHEDULE.times, on=False)
    assert status_line(today(), off, 0) == "glutes: not yet today · streak 12"


def run_at(moment: datetime) -> Run:
    return Run.new(moment, 1800.0, 5000.0, "Run", "running", f"{moment.isoformat()}.gpx")


def test_learned_from_the_median_start_per_weekday_twenty_minutes_before() -> None:
    now = at(12, day=date(2026, 12, 12))  # a Saturday
    mondays = [run_at(at(18, minute, MONDAY - timedelta(weeks=week))) for week, minute in
               enumerate((0, 10, 30, 5))]
    saturdays = [run_at(at(8, 0, date(2026, 12, 5) - timedelta(weeks=w))) for w in range(2)]
    old = [run_at(at(6, 0, MONDAY - timedelta(weeks=30 + w))) for w in range(5)]
    schedule = learned(mondays + saturdays + old, now, ZONE)
    # Mondays: 18:00, 18:05, 18:10, 18:30 -> the lower middle start 18:05, less 20 min.
    assert schedule.times == {0: time(17, 45)} and schedule.learned
    assert learned([], now, ZONE).times == {}


def test_the_setting_round_trips_and_is_checked() -> None:
    schedule = Schedule({0: time(17, 45), 5: time(7, 40)}, learned=True)
    value = schedule.to_setting()
    check_setting("reminder", value)
    assert Schedule.from_setting(value) == schedule
    assert schedule.describe() == "mon 17:45; sat 07:40"
    for bad in ({"times": {}}, {"times": {"mon": "25:00"}}, {"times": {"moon": "10:00"}}, {"times": {"mon": "10:00"}, "on": 1}):
        with pytest.raises(ValueError, match=r"settings\.reminder"):
            check_setting("reminder", bad)


def test_parse_clock_and_days() -> None:
    assert parse_clock("7:05") == time(7, 5)
    assert parse_days("Mon, wednesday,fri") == [0, 2, 4]
    assert parse_days("daily") == list(range(7))
    for bad in ("18", "18:0", "24:00", "x:yz"):
        with pytest.raises(ValueError, match="not a time"):
            parse_clock(bad)
    with pytest.raises(ValueError, match="'fun' is not a weekday"):
        parse_days("mon,fun")
    assert parse_days("mon-fri") == [0, 1, 2, 3, 4], "a range, not Monday alone"
    with pytest.raises(ValueError, match="'monx' is not a weekday"):
        parse_days("monx")


def test_decision_is_what_it_says() -> None:
    decision = decide(today(), SCHEDULE, Sent(MONDAY), at(18))
    assert isinstance(decision, Decision) and decision.reason == "today is not activated yet"


def test_the_open_app_wakes_when_a_nudge_may_next_be_due_and_never_in_the_past() -> None:
    fresh = Sent(MONDAY)
    assert next_check(SCHEDULE, fresh, at(9)) == at(18), "today's time"
    assert next_check(SCHEDULE, fresh, at(18)) == at(18, day=MONDAY + timedelta(days=2)), "Wednesday's, after Tuesday's none"
    nudged = decide(today(), SCHEDULE, fresh, at(18)).sent
    snoozed, _ = snooze(nudged, MONDAY, at(18, 10))
    assert next_check(SCHEDULE, snoozed, at(18, 10)) == at(18, 40), "the snooze's end"
    repeated = decide(today(), SCHEDULE, snoozed, at(18, 40)).sent
    assert next_check(SCHEDULE, repeated, at(18, 40)) == at(18, day=MONDAY + timedelta(days=2))
    friday_night = at(23, day=MONDAY + timedelta(days=4))
    assert next_check(SCHEDULE, fresh, friday_night) == at(18, day=MONDAY + timedelta(days=7)), "over the weekend"
    assert next_check(None, fresh, at(9)) is None
    assert next_check(Schedule({}), fresh, at(9)) is None
    every_day = chosen(time(18), range(7))
    for hour in range(24):
        for minute in (0, 1, 59):
            now = at(hour, minute)
            woken = next_check(every_day, fresh, now)
            assert woken is not None and now < woken <= now + timedelta(days=1)
