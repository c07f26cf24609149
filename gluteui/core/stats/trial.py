"""The randomised self-experiment's days: which planned run days draw "activate" and which
"skip", and whether each draw was followed.

After AHRQ's Design and Implementation of N-of-1 Trials: A User's Guide (2014): the days
are drawn in balanced blocks, here pairs of consecutive planned run days, one of each in a
random order, so a few weeks cannot end lopsided and a slow change in the back falls on
both sides alike. The draws come from random.Random(seed) over the whole plan at once, so
the same experiment always draws the same days, and stopping early changes none of them.

Safety: never "skip" on the first planned run day after pain was reported (see
`pain_days`), however many days lie between: pain on a Monday of a Mon/Wed/Fri plan makes
Wednesday "activate", whatever was drawn, and its draw is kept beside it. Only pain known by
that day counts, so an answer given late about an older run never rewrites a day that has
passed. The pair is not rebalanced: moving the "skip" to the pair's other day would let pain
decide that day too. The day stays in the comparison under its draw, as a day that did not
go as drawn does (intention to treat): leaving it out would let pain, an outcome, choose
which days are compared.
"""

from __future__ import annotations

import random
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from gluteui.core.history.experiment import SelfExperiment
from gluteui.core.history.records import History
from gluteui.core.safety import HIGH_CHECKIN
from gluteui.core.stats.streaks import activated_days, day_records

Draw = Literal["activate", "skip"]
PAIN_SCORE = HIGH_CHECKIN
"""A run check-in from this (of 10) counts as pain reported: the score at which the app
points to the safety lesson (core/safety.py). Lower is the everyday discomfort the experiment
measures: with the move's limit (4) a back that usually sits at 4 would make nearly every
run day "activate", and the experiment could never compare."""


@dataclass(frozen=True)
class Assignment:
    """One planned run day: what the pair drew for it, and whether pain since the planned
    run day before overrode the draw."""

    day: date
    block: int
    drawn: Draw
    after_pain: bool

    @property
    def assigned(self) -> Draw:
        """What the user is asked to do that day: the draw, or "activate" after pain."""
        return "activate" if self.after_pain else self.drawn


def planned_days(experiment: SelfExperiment) -> list[date]:
    """Every planned run day of the full plan, stopped or not, in order."""
    days = (experiment.started_on + timedelta(days=offset) for offset in range(7 * experiment.weeks))
    return [day for day in days if day.weekday() in experiment.run_days]


def draws(experiment: SelfExperiment) -> list[tuple[date, int, Draw]]:
    """Each planned day, its block and its draw: pairs of days, one "activate" and one
    "skip" in random order; an odd last day draws alone, either with even chances."""
    rng = random.Random(experiment.seed)
    days = planned_days(experiment)
    drawn: list[tuple[date, int, Draw]] = []
    for block, first in enumerate(range(0, len(days), 2)):
        pair: tuple[Draw, Draw] = ("activate", "skip") if rng.random() < 0.5 else ("skip", "activate")
        drawn.extend((day, block, draw) for day, draw in zip(days[first:first + 2], pair, strict=False))
    return drawn


def schedule(experiment: SelfExperiment, pain: Mapping[date, date]) -> list[Assignment]:
    """The assignments up to the experiment's last day (its end, or the day it was stopped).
    A day is made "activate" when `pain` (pain day -> the day it was known, see `pain_days`)
    has pain on or after the planned run day before it (the day before, for the first),
    known by that day."""
    assignments = []
    before: date | None = None
    for day, block, draw in draws(experiment):
        if day >= experiment.last_day:
            break
        since = before if before is not None else day - timedelta(days=1)
        hurt = any(since <= pained < day and known <= day for pained, known in pain.items())
        assignments.append(Assignment(day, block, draw, hurt))
        before = day
    return assignments


def assignment_on(experiment: SelfExperiment, day: date, pain: Mapping[date, date]) -> Assignment | None:
    """Today's assignment, for Home and the status command; None on a day with no run planned,
    before the start, after the end or once stopped."""
    return next((found for found in schedule(experiment, pain) if found.day == day), None)


def pain_days(history: History) -> dict[date, date]:
    """Days on which pain was reported, each with the day it was first known: a run check-in
    of PAIN_SCORE or more for the lower back or the hamstrings (known the day it was given),
    or "it hurts" pressed during a routine, the desk's included (known that day)."""
    days: dict[date, date] = {}

    def reported(day: date, known: date) -> None:
        days[day] = min(known, days.get(day, known))

    for checkin in history.checkins:
        if max(checkin.score, checkin.hamstrings or 0) >= PAIN_SCORE:
            reported(checkin.local_date, history.day_of(checkin.recorded_at))
    for session in (*history.sessions, *history.desk_sessions):
        if session.hurt or session.pain:
            reported(session.local_date, session.local_date)
    return days


def activation_days(history: History) -> set[date]:
    """Days with an activation (the streaks' rule), for whether an assignment was followed."""
    return activated_days(day_records(history))


def followed(assignment: Assignment, activated: Collection[date], today: date) -> bool | None:
    """Whether the day went as assigned; None while it can still change (today or later,
    unless "activate" is already done)."""
    done = assignment.day in activated
    if assignment.day >= today and not done:
        return None
    return done == (assignment.assigned == "activate")


def day_scores(history: History) -> dict[date, int]:
    """Each day's run check-in: the latest given that day (a second run that day is rare, and
    the experiment assigns days, not runs)."""
    latest: dict[date, tuple[datetime, int]] = {}
    for checkin in history.checkins:
        known = latest.get(checkin.local_date)
        if known is None or checkin.recorded_at >= known[0]:
            latest[checkin.local_date] = (checkin.recorded_at, checkin.score)
    return {day: score for day, (_, score) in latest.items()}

