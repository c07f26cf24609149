"""Desk wake-ups: when `gluteui nudge --desk` may nudge, and the week's figure.

Pure: "now", the work hours, what the desktop said about the session and the log of nudges
offered are arguments; gluteui/cli_data/presence.py asks the desktop, and the log lives in
the cache dir (gluteui/desk_log.py). The rules, in the order they are checked:
- never over SSH, and never on a text console: nobody at the desk sees it;
- only on a work day, from the start of the hours to their end;
- never on a day a self-experiment draws as "skip": a standing squeeze is an activation, and
  it would blur the comparison the user agreed to;
- never while the screen is locked, or after IDLE_LIMIT without a key or the mouse;
- never when a desk wake-up was done in the last interval, nor when one was offered in the
  last half interval (a timer that fired late, or a nudge run by hand).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from gluteui.core.history.settings import WEEKDAYS
from gluteui.core.stats.schedule import days_text
from gluteui.core.stats.streaks import week_start

IDLE_LIMIT = timedelta(minutes=5)
"""Longer than this without input, the user is away (a meeting, lunch): a nudge would wait
on the screen for nobody."""
EVERY_MIN = timedelta(minutes=15)
"""More often than this is nagging, not a break."""
WORK_DAYS = (0, 1, 2, 3, 4)
"""`--days` left out: Monday to Friday."""
LOG_KEEP = timedelta(weeks=8)
"""How long the log of desk nudges offered keeps each one: the week's figure needs one week."""
INTERVAL = re.compile(r"(?:(\d{1,3})h)?(?:(\d{1,4})(?:m|min)?)?")
"""`--every`: hours, minutes or both ("1h30m", "90m", "90"); no sign, and few enough digits to stay a timedelta."""
"""Full names, so that "wed-fri" or "monx" is never read as its first three letters."""
DESK_MESSAGE = "Desk wake-up: stand and squeeze each glute, about 90 s. Start it with: gluteui desk"


@dataclass(frozen=True)
class DeskHours:
    """When desk nudges may come: work hours on work days, one every `every`."""

    start: time
    end: time
    every: timedelta
    days: tuple[int, ...] = WORK_DAYS
    on: bool = True
    """The timer is set up (`gluteui remind --desk`); off, the hours are kept but nothing fires."""

    def times(self) -> list[time]:
        """The nudges' times in a day: one interval after the start, then every interval, to the end."""
        start = self.start.hour * 60 + self.start.minute
        end = self.end.hour * 60 + self.end.minute
        step = int(self.every.total_seconds() // 60)
        return [time(minute // 60, minute % 60) for minute in range(start + step, end + 1, step)]

    def describe(self) -> str:
        """"mon-fri 09:00-17:00, every 60 min"."""
        return f"{days_text(self.days)} {self.start:%H:%M}-{self.end:%H:%M}, every {self.minutes} min"

    @property
    def minutes(self) -> int:
        return int(self.every.total_seconds() // 60)

    def to_setting(self) -> dict[str, Any]:
        """The `desk_reminder` setting's value (history/settings.py checks it)."""
        return {"start": f"{self.start:%H:%M}", "end": f"{self.end:%H:%M}", "every_min": self.minutes,
                "days": [WEEKDAYS[day] for day in self.days], "on": self.on}

    @classmethod
    def from_setting(cls, value: Any) -> DeskHours | None:
        """The hours the `desk_reminder` setting holds (already checked by its rule), None if unset."""
        if not isinstance(value, dict):
            return None
        return cls(time.fromisoformat(value["start"]), time.fromisoformat(value["end"]),
                   timedelta(minutes=value["every_min"]),
                   tuple(sorted(WEEKDAYS.index(day) for day in value["days"])), bool(value.get("on", True)))


def parse_hours(text: str, parse_clock: Callable[[str], time]) -> tuple[time, time]:
    """"09:00-17:00" as (start, end); ValueError names what was wrong."""
    first, sep, last = text.partition("-")
    if not sep:
        raise ValueError(f"{text!r} is not work hours like 09:00-17:00")
    start, end = parse_clock(first), parse_clock(last)
    if end <= start:
        raise ValueError(f"{text!r}: the hours must end after they start, on the same day")
    return start, end


def parse_every(text: str) -> timedelta:
    """"60m", "90", "1h" or "1h30m" as a timedelta of at least EVERY_MIN; ValueError otherwise."""
    # Whole numbers only: int() alone took "-1h90m" for 30 minutes.
    spoken = INTERVAL.fullmatch(text.strip().lower())
    if spoken is None or not any(spoken.groups()):
        raise ValueError(f"{text!r} is not an interval like 60m or 1h30m")
    hours, minutes = (int(part or 0) for part in spoken.groups())
    every = timedelta(hours=hours, minutes=minutes)
    if every < EVERY_MIN:
        raise ValueError(f"{text!r}: desk nudges come {int(EVERY_MIN.total_seconds() // 60)} minutes apart at the least")
    return every


@dataclass(frozen=True)
class Presence:
    """What the machine says about the person at it; None: the desktop did not say."""

    idle: timedelta | None = None
    locked: bool | None = None
    remote: bool = False
    """The command runs over SSH."""
    console: bool = False
    """The session is a text console: no desktop to show a nudge on."""


@dataclass(frozen=True)
class DeskDecision:
    """A desk nudge to send (`message` set) or why not (`reason`)."""

    message: str | None
    reason: str


def decide_desk(now: datetime, hours: DeskHours, presence: Presence,
                offered: Iterable[datetime], done: Iterable[datetime], skip_day: bool = False,
                hurt_today: bool = False) -> DeskDecision:
    """Whether to nudge for a desk wake-up at `now` (see the module's rules). `offered` and
    `done` are when desk nudges were shown and desk wake-ups started (aware times);
    `skip_day`: today the self-experiment asks for no activation; `hurt_today`: "it hurts"
    was pressed in a routine today."""
    if presence.remote:
        return DeskDecision(None, "this runs over SSH: the nudge would show on a screen nobody watches")
    if presence.console:
        return DeskDecision(None, "this is a text console, not a desktop")
    if now.weekday() not in hours.days:
        return DeskDecision(None, f"{now:%A} is not a work day ({days_text(hours.days)})")
    if skip_day:
        return DeskDecision(None, "your self-experiment asks you to skip the activation today, "
                                  "and a desk wake-up is one")
    if hurt_today:
        # The app never urges more glute work after pain; the next day starts afresh.
        return DeskDecision(None, "it hurt in a routine today: no desk wake-ups until tomorrow")
    minute = now.hour * 60 + now.minute
    if not hours.start.hour * 60 + hours.start.minute <= minute <= hours.end.hour * 60 + hours.end.minute:
        return DeskDecision(None, f"outside work hours ({hours.start:%H:%M}-{hours.end:%H:%M})")
    if presence.locked:
        return DeskDecision(None, "the screen is locked")
    if presence.idle is not None and presence.idle > IDLE_LIMIT:
        return DeskDecision(None, f"no key or mouse for {int(presence.idle.total_seconds() // 60)} min: away")
    last_done = max((moment for moment in done if moment <= now), default=None)
    if last_done is not None and now - last_done < hours.every:
        return DeskDecision(None, f"a desk wake-up was done at {last_done.astimezone(now.tzinfo):%H:%M}")
    last_offer = max((moment for moment in offered if moment <= now), default=None)
    if last_offer is not None and now - last_offer < hours.every / 2:
        return DeskDecision(None, f"a desk nudge came at {last_offer.astimezone(now.tzinfo):%H:%M}")
    return DeskDecision(DESK_MESSAGE, "inside work hours, at the desk, not done lately")


@dataclass(frozen=True)
class DeskWeek:
    """This Monday-to-today's desk wake-ups: done (sessions of the desk routine) and offered (nudges shown)."""

    done: int
    offered: int

    def line(self) -> str:
        """"Desk wake-ups this week: 3 of 8 offered"; done without a nudge can outnumber them."""
        if self.done > self.offered:
            return f"Desk wake-ups this week: {self.done} ({self.offered} offered)"
        return f"Desk wake-ups this week: {self.done} of {self.offered} offered"


def desk_week(done_days: Iterable[date], offered: Iterable[datetime], today: date,
              day_of: Callable[[datetime], date]) -> DeskWeek:
    """The week's figure for `today`: desk sessions on `done_days` and nudges `offered`, each
    counted for the day `day_of` gives it, from this Monday to today."""
    monday = week_start(today)
    return DeskWeek(sum(1 for day in done_days if monday <= day <= today),
                    sum(1 for moment in offered if monday <= day_of(moment) <= today))


def offered_from_data(data: Any) -> list[datetime]:
    """The log's times read back: anything unreadable, or without a zone, is left out."""
    found = []
    for text in data.get("offered", []) if isinstance(data, dict) else []:
        try:
            moment = datetime.fromisoformat(text)
        except (TypeError, ValueError):
            continue
        if moment.tzinfo is not None:
            found.append(moment)
    return sorted(found)


def offered_to_data(offered: Iterable[datetime], now: datetime) -> dict[str, Any]:
    """The log as JSON-able data, the offers older than LOG_KEEP dropped."""
    return {"offered": [moment.isoformat() for moment in sorted(offered) if now - moment <= LOG_KEEP]}
