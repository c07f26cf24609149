"""Checking one value of a record as it is built, each mistake naming its field: shared by
the history's records and the runs read from a watch, so neither imports the other's.

ValueError's message reads "field 'reps' must be ..., got ...": the store adds which
file and entry, so a damaged entry is reported precisely and skipped.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

# A file edited by hand, damaged or hostile can hold anything; these keep every value a
# record holds small enough to show, add up and sort without surprises.
MAX_TEXT = 500
MAX_COUNT = 1_000_000
FIRST_DAY = date(1970, 1, 1)
LAST_DAY = date(2199, 12, 31)
FUTURE_SLACK = timedelta(days=1)
"""How far after now a run or session may start: a watch set to another zone, or a clock a
little fast, is no reason to refuse it; later than this, it never happened."""
_FIRST_MOMENT = datetime.combine(FIRST_DAY, datetime.min.time(), timezone.utc)
_LAST_MOMENT = datetime.combine(LAST_DAY, datetime.max.time(), timezone.utc)


def shown(value: Any) -> str:
    """repr(value), cut short: a hostile file's value could be megabytes long."""
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def fail(name: str, problem: str, value: Any) -> ValueError:
    # The name too: it can hold a key from the file ("feel.<exercise>").
    return ValueError(f"field {shown(name)} {problem}, got {shown(value)}")


def text(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise fail(name, "must be non-empty text", value)
    if len(value) > MAX_TEXT:
        raise fail(name, f"must be at most {MAX_TEXT} characters", value)
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate, from a "\ud800" escape
            raise fail(name, "must be text, without lone surrogates", value) from None
    return value


def whole(name: str, value: Any, maximum: int = MAX_COUNT) -> int:
    # bool is an int in Python; a count must not accept true/false.
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise fail(name, "must be a whole number >= 0", value)
    if value > maximum:
        # A number of thousands of digits would make the message itself huge.
        raise fail(name, f"must be at most {maximum}", value if value < 10**20 else "a huge number")
    return value


def choice(name: str, value: Any, choices: tuple[str, ...]) -> str:
    if not isinstance(value, str) or value not in choices:
        raise fail(name, f"must be one of {', '.join(choices)}", value)
    return value


def aware(name: str, value: Any) -> datetime:
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise fail(name, "must be a timezone-aware date and time", value)
    if not _FIRST_MOMENT <= value <= _LAST_MOMENT:
        raise fail(name, f"must be between {FIRST_DAY.year} and {LAST_DAY.year}", value.isoformat())
    return value


def plain_date(name: str, value: Any) -> date:
    # datetime is a subclass of date; a day field must hold a plain date.
    if not isinstance(value, date) or isinstance(value, datetime):
        raise fail(name, "must be a date", value)
    if not FIRST_DAY <= value <= LAST_DAY:
        raise fail(name, f"must be between {FIRST_DAY.year} and {LAST_DAY.year}", value.isoformat())
    return value


def future_reason(start: datetime, now: datetime) -> str | None:
    """Why a run or session that started at `start` cannot be taken in at `now`, if it cannot."""
    if start > now + FUTURE_SLACK:
        return f"dated {start:%Y-%m-%d}, in the future (the clock that recorded it was wrong)"
    return None


def mapping(name: str, value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise fail(name, "must be an object", value)
    return value


def parse_day(name: str, value: Any) -> date:
    """Read an ISO date string such as "2024-05-01"; ValueError names `name` if it is not one."""
    try:
        day = date.fromisoformat(value)
    except (TypeError, ValueError):
        raise fail(name, "must be an ISO date (YYYY-MM-DD)", value) from None
    return plain_date(name, day)


def parse_moment(name: str, value: Any) -> datetime:
    """Read an ISO date-time string with a UTC offset; ValueError names `name` otherwise."""
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise fail(name, "must be an ISO date and time", value) from None
    return aware(name, moment)


def required(data: Any, name: str) -> Any:
    if not isinstance(data, dict):
        raise ValueError(f"must be an object, got {type(data).__name__}")
    if name not in data:
        raise ValueError(f"field {name!r} is missing")
    return data[name]
