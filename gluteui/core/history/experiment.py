"""The randomised self-experiment as the store would keep it: the plan it was started with
and the day it was stopped. Everything else (each day's draw, whether a day was after pain,
whether the draw was followed) is worked out from this and the history, so there is one
record to keep and nothing to get out of step.

The Store keeps it in a table of its own ("experiments", keyed by id), so it syncs and merges
like the check-ins; stopping it early saves the same record with `stopped_on`. Like the other
records it validates as it is built and converts to and from plain JSON-able data, each
mistake a ValueError naming the field.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from gluteui.core.values import aware, fail, parse_day, parse_moment, plain_date, required, text, whole

MAX_WEEKS = 26
"""Half a year: longer and the back, the season and the runner have changed under it."""
MIN_WEEKS = 2
"""Fewer weeks than this give too few runs on each side to say anything."""
MAX_SEED = 2**63 - 1
WEEKDAYS = range(7)
"""Monday 0 to Sunday 6, as date.weekday() counts them."""


@dataclass(frozen=True)
class SelfExperiment:
    """An n-of-1 experiment: `weeks` weeks from `started_on`, drawing "activate" or "skip"
    for each planned run day (`run_days`, weekdays 0-6) from random.Random(`seed`).
    `stopped_on` is the first day without a draw when the user stopped it early."""

    id: str
    started_on: date
    weeks: int
    run_days: tuple[int, ...]
    seed: int
    created_at: datetime
    stopped_on: date | None = None

    @classmethod
    def new(cls, started_on: date, weeks: int, run_days: tuple[int, ...], seed: int,
            created_at: datetime) -> SelfExperiment:
        """A fresh experiment with an id of its own (the seed is the caller's, so tests fix it)."""
        return cls(uuid.uuid4().hex, started_on, weeks, tuple(sorted(set(run_days))), seed, created_at)

    def __post_init__(self) -> None:
        text("id", self.id)
        plain_date("started_on", self.started_on)
        if whole("weeks", self.weeks, maximum=MAX_WEEKS) < MIN_WEEKS:
            raise fail("weeks", f"must be at least {MIN_WEEKS}", self.weeks)
        if not isinstance(self.run_days, tuple) or not self.run_days:
            raise fail("run_days", "must be a list of weekdays 0-6", self.run_days)
        for day in self.run_days:
            whole("run_days", day, maximum=WEEKDAYS[-1])
        if list(self.run_days) != sorted(set(self.run_days)):
            raise fail("run_days", "must hold each weekday once, in order", self.run_days)
        whole("seed", self.seed, maximum=MAX_SEED)
        aware("created_at", self.created_at)
        if self.stopped_on is not None:
            plain_date("stopped_on", self.stopped_on)
            if not self.started_on <= self.stopped_on <= self.ends_on:
                raise fail("stopped_on", "must be within the experiment's weeks", self.stopped_on.isoformat())

    @property
    def ends_on(self) -> date:
        """The first day after the planned weeks."""
        return self.started_on + timedelta(weeks=self.weeks)

    @property
    def last_day(self) -> date:
        """The first day without a draw: the planned end, or the day it was stopped."""
        return self.ends_on if self.stopped_on is None else self.stopped_on

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON-able data, dates as ISO strings."""
        data: dict[str, Any] = {
            "id": self.id,
            "started_on": self.started_on.isoformat(),
            "weeks": self.weeks,
            "run_days": list(self.run_days),
            "seed": self.seed,
            "created_at": self.created_at.isoformat(),
        }
        if self.stopped_on is not None:
            data["stopped_on"] = self.stopped_on.isoformat()
        return data

    @classmethod
    def from_dict(cls, data: Any) -> SelfExperiment:
        """Build a SelfExperiment from `to_dict` output; ValueError names the first bad field."""
        days = required(data, "run_days")
        if not isinstance(days, list):
            raise fail("run_days", "must be a list", days)
        stopped = data.get("stopped_on")
        return cls(
            id=required(data, "id"),
            started_on=parse_day("started_on", required(data, "started_on")),
            weeks=required(data, "weeks"),
            run_days=tuple(days),
            seed=required(data, "seed"),
            created_at=parse_moment("created_at", required(data, "created_at")),
            stopped_on=None if stopped is None else parse_day("stopped_on", stopped),
        )
