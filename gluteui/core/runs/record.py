"""One run, read from a file: when it started, how long and far it went, and what it was.

Like the history records, a Run validates as it is built and converts to and from plain
JSON-able data, each mistake a ValueError naming the field.
"""

from __future__ import annotations

import math
import re
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from gluteui.core.runs.sports import SPORTS
from gluteui.core.values import (
    aware,
    choice,
    fail,
    parse_moment,
    required,
    text,
)

MAX_DURATION_S = 7 * 24 * 3600
"""A week: the longest ultra is days, not weeks; longer is a broken clock in the file."""
MAX_DISTANCE_M = 1_000_000.0
"""1000 km: beyond any run on foot (or any one ride) a watch records."""
MAX_NAME = 200
"""A name is one line in a table; files can hold kilobytes of "description" in it."""

_RUN_IDS = uuid.UUID("8f0c6a52-3c1e-4d55-9a7e-2f4b1d9c0e61")
"""The namespace of run ids, so they never collide with another uuid5 of the same text."""


def run_id(start: datetime, source: str) -> str:
    """The id of the run that `source` (a file) says started at `start`.

    Derived, not random: reading the same file again gives the same Run, equal to the first,
    so importing a file twice is visibly a no-op and a merge is a pure function of its
    inputs. The instant is taken in UTC, so the offset a file writes it with does not matter.
    """
    moment = start.astimezone(timezone.utc).isoformat()
    return uuid.uuid5(_RUN_IDS, f"{moment}|{source}").hex


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


def clean_name(raw: str | None) -> str:
    """A file's name for a run as one short line: whitespace and control characters
    collapsed, cut to MAX_NAME (a name too long should not cost the user the run)."""
    if not raw:
        return ""
    name = " ".join(_CONTROL.sub(" ", raw).split())
    # A lone surrogate (from a bad byte sequence) could not be saved as UTF-8.
    name = name.encode("utf-8", "replace").decode("utf-8")
    return name if len(name) <= MAX_NAME else name[: MAX_NAME - 1] + "…"


def _amount(name: str, value: Any, maximum: float) -> float:
    # Compared as it is: math.isfinite() of a 400-digit int overflows.
    if (not isinstance(value, (int, float)) or isinstance(value, bool)
            or (isinstance(value, float) and not math.isfinite(value)) or not 0 <= value <= maximum):
        # A number thousands of digits long would make the message itself huge (or fail).
        shown = value if not isinstance(value, int) or abs(value) < 10**20 else "a huge number"
        raise fail(name, f"must be a number from 0 to {maximum:g}", shown)
    return float(value)


def _json_number(value: Any) -> Any:
    # JSON has one number type: a whole number of seconds or metres is still one.
    # (float() of a huge int overflows; __post_init__ refuses it as it is.)
    return float(value) if type(value) is int and abs(value) < 2**53 else value


@dataclass(frozen=True)
class Run:
    """One run (or ride, or walk) as a file recorded it. `source` is the file it came from,
    relative to what was imported, with "/" between folders.

    `duration_s` is the elapsed time, start to finish, pauses included; `moving_s` is the
    watch's timer (what it counted while running, pauses left out), None when the file
    does not say (a GPX, an older record).
    """

    id: str
    start: datetime
    duration_s: float
    distance_m: float
    name: str
    sport: str
    source: str
    moving_s: float | None = None

    @classmethod
    def new(cls, start: datetime, duration_s: float, distance_m: float, name: str,
            sport: str, source: str, moving_s: float | None = None) -> Run:
        """A Run with the id `run_id` derives from its start and source."""
        return cls(run_id(start, source), start, duration_s, distance_m, name, sport, source, moving_s)

    @property
    def shown_s(self) -> float:
        """The time a runner reads as the run's: the watch's timer where the file has it,
        else the elapsed time."""
        return self.duration_s if self.moving_s is None else self.moving_s

    def __post_init__(self) -> None:
        text("id", self.id)
        aware("start", self.start)
        _amount("duration_s", self.duration_s, MAX_DURATION_S)
        _amount("distance_m", self.distance_m, MAX_DISTANCE_M)
        if self.moving_s is not None:
            _amount("moving_s", self.moving_s, MAX_DURATION_S)
        if not isinstance(self.name, str) or len(self.name) > MAX_NAME:
            raise fail("name", f"must be text of at most {MAX_NAME} characters", self.name)
        if clean_name(self.name) != self.name:
            # What a reader makes of it, so a hand-edited store cannot break a table row.
            raise fail("name", "must be one line of text, without doubled spaces", self.name)
        choice("sport", self.sport, SPORTS)
        text("source", self.source)

    @property
    def end(self) -> datetime:
        """When the run finished, in the start's zone (added in UTC: across a DST change a
        zone's wall clock would be an hour out)."""
        finish = self.start.astimezone(timezone.utc) + timedelta(seconds=self.duration_s)
        return finish.astimezone(self.start.tzinfo)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON-able data, the start as an ISO string with its offset."""
        return {
            "id": self.id,
            "start": self.start.isoformat(),
            "duration_s": self.duration_s,
            "distance_m": self.distance_m,
            "name": self.name,
            "sport": self.sport,
            "source": self.source,
            **({} if self.moving_s is None else {"moving_s": self.moving_s}),
        }

    @classmethod
    def from_dict(cls, data: Any) -> Run:
        """Build a Run from `to_dict` output; ValueError names the first bad field."""
        duration, distance = required(data, "duration_s"), required(data, "distance_m")
        moving = data.get("moving_s")
        return cls(
            id=required(data, "id"),
            start=parse_moment("start", required(data, "start")),
            duration_s=_json_number(duration),
            distance_m=_json_number(distance),
            name=required(data, "name"),
            sport=required(data, "sport"),
            source=required(data, "source"),
            moving_s=_json_number(moving),
        )
