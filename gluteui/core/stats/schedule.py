"""When to nudge: a time per weekday, chosen by the user or learned from imported runs.

Pure: the runs, the zone and "now" are arguments. The schedule is kept as the `reminder`
setting (history/settings.py says what it may hold), so the timer's calendar and the
nudge's own "not before" check read the same times.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

from gluteui.core.history.settings import WEEKDAYS

if TYPE_CHECKING:
    from gluteui.core.runs.record import Run

LEAD = timedelta(minutes=20)
"""How long before the usual start of a run the nudge comes: five minutes of routine and
time to change."""
LEARN_WEEKS = 26
"""Runs older than this do not say when you run now."""
LEARN_MIN_RUNS = 3
"""A weekday is learned once this many runs in LEARN_WEEKS started on it: one run is not a habit."""


@dataclass(frozen=True)
class Schedule:
    """The nudge's time on each weekday that has one (0 = Monday), and whether it was learned."""

    times: Mapping[int, time]
    learned: bool = False
    on: bool = True
    """The reminder is set up (`gluteui remind`); off, the schedule is kept but nothing fires."""

    def at(self, weekday: int) -> time | None:
        """The nudge's time on `weekday`, None on a day without one."""
        return self.times.get(weekday)

    def describe(self) -> str:
        """The times as a line: "mon, wed 17:40; sat 08:40"."""
        by_time: dict[time, list[str]] = {}
        for weekday in sorted(self.times):
            by_time.setdefault(self.times[weekday], []).append(WEEKDAYS[weekday])
        return "; ".join(f"{', '.join(days)} {at:%H:%M}" for at, days in by_time.items())

    def to_setting(self) -> dict[str, Any]:
        """The `reminder` setting's value."""
        return {
            "times": {WEEKDAYS[day]: f"{at:%H:%M}" for day, at in sorted(self.times.items())},
            "learned": self.learned, "on": self.on,
        }

    @classmethod
    def from_setting(cls, value: Any) -> Schedule | None:
        """The schedule the `reminder` setting holds (already checked by its rule), None if unset."""
        if not isinstance(value, dict):
            return None
        times = {WEEKDAYS.index(day): parse_clock(text) for day, text in value["times"].items()}
        return cls(times, bool(value.get("learned", False)), bool(value.get("on", True)))


def parse_clock(text: str) -> time:
    """"HH:MM" (24-hour) as a time; ValueError names what was wrong."""
    hours, sep, minutes = text.strip().partition(":")
    if not (sep and hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        raise ValueError(f"{text!r} is not a time like 18:00")
    if not (0 <= int(hours) <= 23 and 0 <= int(minutes) <= 59):
        raise ValueError(f"{text!r} is not a time of day (00:00 to 23:59)")
    return time(int(hours), int(minutes))


DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def parse_days(text: str) -> list[int]:
    """Days and ranges, comma-separated, as weekday numbers: "mon-fri", "mon-wed,fri",
    "sat-mon" (a range wraps past Sunday), "mon,wed" or "daily"; ValueError names the text
    and the part not understood (a "monx" is refused, never read as Monday)."""
    days: set[int] = set()
    for part in text.strip().lower().split(","):
        piece = part.strip()
        if piece in ("daily", "all"):
            days.update(range(7))
            continue
        first, _, last = piece.partition("-")
        try:
            start = _one_day(first)
            end = _one_day(last) if "-" in piece else start
        except ValueError:
            raise ValueError(f"{text!r}: {piece!r} is not a weekday or a range like mon-fri") from None
        days.update((start + offset) % 7 for offset in range((end - start) % 7 + 1))
    return sorted(days)


def days_text(days: Sequence[int]) -> str:
    """Weekdays (sorted numbers) as "daily", "mon-fri" (three or more in a row) or "mon, wed, fri":
    the words parse_days reads back."""
    if len(days) == 7:
        return "daily"
    if len(days) > 2 and list(days) == list(range(days[0], days[-1] + 1)):
        return f"{WEEKDAYS[days[0]]}-{WEEKDAYS[days[-1]]}"
    return ", ".join(WEEKDAYS[day] for day in days)


def _one_day(name: str) -> int:
    """"mon", "Tues", "wednesday": the weekday a name of three letters or more begins; ValueError else."""
    found = [day for day, full in enumerate(DAY_NAMES) if len(name) >= 3 and full.startswith(name)]
    if not found:
        raise ValueError(name)
    return found[0]


def chosen(at: time, days: Iterable[int]) -> Schedule:
    """The schedule `--at HH:MM --days ...` asks for."""
    return Schedule({day: at for day in days})


def learned(runs: Iterable[Run], now: datetime, zone: tzinfo | None) -> Schedule:
    """The schedule learned from `runs`: on each weekday where at least LEARN_MIN_RUNS of the
    runs of the last LEARN_WEEKS started (in `zone`), LEAD before the median start (the lower
    middle one of an even count, so it is a time you really started), rounded down to 5 minutes.

    Empty when no weekday has enough runs.
    """
    import statistics  # here: `gluteui status` reads a schedule and never learns one

    since = now - timedelta(weeks=LEARN_WEEKS)
    starts: dict[int, list[int]] = {}
    for run in runs:
        if since <= run.start <= now:
            local = run.start.astimezone(zone)
            starts.setdefault(local.weekday(), []).append(local.hour * 60 + local.minute)
    times = {}
    for weekday, minutes in starts.items():
        if len(minutes) >= LEARN_MIN_RUNS:
            at = max(0, statistics.median_low(minutes) - int(LEAD.total_seconds()) // 60)
            at -= at % 5
            times[weekday] = time(at // 60, at % 60)
    return Schedule(times, learned=True)
