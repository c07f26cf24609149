"""The user's settings: what each known one may hold, and reading one safely.

Kept apart from records so that reading a setting (the theme, whether the welcome was
seen) needs neither the record classes nor a History: Home's first frame needs settings
and nothing else from the store.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any

from gluteui.core.health import HEALTH_QUESTION_IDS, is_health_answers
from gluteui.core.lead_in import LEAD_IN_CHOICES
from gluteui.core.sides import is_side
from gluteui.core.speech import SOUND_MODES
from gluteui.core.values import fail


def _is_day(value: Any) -> bool:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return True


def _is_moment(value: Any) -> bool:
    """An ISO date and time with its offset, as `datetime.isoformat` writes an aware one."""
    try:
        return isinstance(value, str) and datetime.fromisoformat(value).tzinfo is not None
    except ValueError:
        return False


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""Weekday names as `--days` takes them and the `reminder` setting keeps them; index = date.weekday()."""


def _is_reminder(value: Any) -> bool:
    """The `reminder` setting: {"times": {"mon": "17:40", ...}, "learned": bool, "on": bool}."""
    if not (isinstance(value, dict) and isinstance(value.get("times"), dict) and value["times"]):
        return False
    if not all(isinstance(value.get(key, False), bool) for key in ("learned", "on")):
        return False
    return all(day in WEEKDAYS and _is_clock(at) for day, at in value["times"].items())


def _is_clock(value: Any) -> bool:
    if not (isinstance(value, str) and len(value) == 5 and value[2] == ":"):
        return False
    hours, minutes = value[:2], value[3:]
    return hours.isdigit() and minutes.isdigit() and int(hours) <= 23 and int(minutes) <= 59


def _is_desk_reminder(value: Any) -> bool:
    """The `desk_reminder` setting: {"start": "09:00", "end": "17:00", "every_min": 60,
    "days": ["mon", ...], "on": bool}."""
    if not (isinstance(value, dict) and _is_clock(value.get("start")) and _is_clock(value.get("end"))):
        return False
    every, days = value.get("every_min"), value.get("days")
    return (type(every) is int and 15 <= every <= 24 * 60 and value["start"] < value["end"]
            and isinstance(days, list) and bool(days) and all(day in WEEKDAYS for day in days)
            and isinstance(value.get("on", True), bool))


DEFAULT_WEEKLY_TARGET = 3
"""Activated days that make a week count, until the user sets their own."""

# What each known setting may hold; a file edited by hand or an import can hold anything.
SETTING_RULES: dict[str, tuple[str, Callable[[Any], bool]]] = {
    "day_start_hour": ("a whole number from 0 to 23", lambda v: type(v) is int and 0 <= v <= 23),
    "weekly_target": ("a whole number from 1 to 7", lambda v: type(v) is int and 1 <= v <= 7),
    "welcome_seen": ("true or false", lambda v: isinstance(v, bool)),
    "theme": ("text", lambda v: isinstance(v, str)),
    "recommended_routine": ("text", lambda v: isinstance(v, str)),
    "extra_set_side": ("left, right or null", lambda v: v is None or is_side(v)),
    "checkin_skipped": ("a date (YYYY-MM-DD)", _is_day),
    "sound": ("voice, tones or off", lambda v: v in SOUND_MODES),
    # How long before each set to get into position (core/routine/phases.py LeadIn).
    "lead_in": (f"one of {', '.join(LEAD_IN_CHOICES)}", lambda v: v in LEAD_IN_CHOICES),
    # The id of the red-flagged squeeze test the user said was checked (core/safety.py).
    "red_flag_cleared": ("the id of a squeeze-test result", lambda v: isinstance(v, str) and bool(v.strip())),
    "health_answers": (
        f"an object with true or false for any of {', '.join(HEALTH_QUESTION_IDS)}", is_health_answers,
    ),
    # When they were last answered (core/health.py asks again after months, or after pain).
    "health_asked_at": ("a date and time with its offset", _is_moment),
    # The yes answers the user said were checked, so they no longer hold a routine back.
    "health_cleared": (
        "a list of health question ids",
        lambda v: isinstance(v, list) and all(isinstance(i, str) and i.strip() for i in v),
    ),
    # When `gluteui nudge` may nudge (core/stats/schedule.py), and whether the timer is set up.
    "reminder": ("an object with times by weekday (\"mon\": \"17:40\"), learned and on", _is_reminder),
    # When `gluteui nudge --desk` may nudge (core/stats/desk.py), and whether its timer is set up.
    "desk_reminder": ("an object with start, end, every_min, days and on", _is_desk_reminder),
}


def check_setting(key: str, value: Any) -> None:
    """Raise ValueError if `value` is not what the known setting `key` may hold."""
    rule = SETTING_RULES.get(key)
    if rule is not None and not rule[1](value):
        raise fail(f"settings.{key}", f"must be {rule[0]}", value)  # a hostile value is cut short


def setting_value(settings: Mapping[str, Any], key: str, default: Any) -> Any:
    """`settings[key]`, or `default` when it is unset or not a value that setting may hold."""
    value = settings.get(key, default)
    try:
        check_setting(key, value)
    except ValueError:
        return default
    return value
