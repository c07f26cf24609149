"""Checking one value of a record as it is built, each mistake naming its field.

ValueError's message reads "field 'reps' must be ..., got ...": the store adds which
file and entry, so a damaged entry is reported precisely and skipped.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any


def fail(name: str, problem: str, value: Any) -> ValueError:
    return ValueError(f"field {name!r} {problem}, got {value!r}")


def text(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise fail(name, "must be non-empty text", value)
    return value


def whole(name: str, value: Any, maximum: int | None = None) -> int:
    # bool is an int in Python; a count must not accept true/false.
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise fail(name, "must be a whole number >= 0", value)
    if maximum is not None and value > maximum:
        raise fail(name, f"must be at most {maximum}", value)
    return value


def choice(name: str, value: Any, choices: tuple[str, ...]) -> str:
    if value not in choices:
        raise fail(name, f"must be one of {', '.join(choices)}", value)
    return value


def aware(name: str, value: Any) -> datetime:
    if not isinstance(value, datetime) or value.utcoffset() is None:
        raise fail(name, "must be a timezone-aware date and time", value)
    return value


def plain_date(name: str, value: Any) -> date:
    # datetime is a subclass of date; a day field must hold a plain date.
    if not isinstance(value, date) or isinstance(value, datetime):
        raise fail(name, "must be a date", value)
    return value


def mapping(name: str, value: Any) -> dict:
    if not isinstance(value, dict):
        raise fail(name, "must be an object", value)
    return value


def parse_day(name: str, value: Any) -> date:
    """Read an ISO date string such as "2024-05-01"; ValueError names `name` if it is not one."""
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise fail(name, "must be an ISO date (YYYY-MM-DD)", value) from None


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
