"""The randomised self-experiment's days: which planned run days draw "activate" and which
"skip", and whether each draw was followed.

After AHRQ's Design and Implementation of N-of-1 Trials: A User's Guide (2014): the days
are drawn in balanced blocks, here pairs of consecutive planned run days, one of each in a
random order, so a few weeks cannot end lopsided and a slow change in the back falls on
both sides alike. The draws come from random.Random(seed) over the whole plan at once, so
the same experiment always draws the same days, and stopping early changes none of them.

Safety: never "skip" on a day after pain was reported (see `pain_days`). Such a day is
"activate", whatever was drawn, and its draw is kept beside it. The pair is not rebalanced:
moving the "skip" to the pair's other day would let pain decide that day too, and the
comparison would again be between days chosen by how the back felt. Instead every day
after pain, whatever it drew, is left out of the randomised comparison: it was not a day
on which chance decided.
"""

from __future__ import annotations

import random
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from gluteui.core.history.experiment import SelfExperiment
from gluteui.core.history.records import History
from gluteui.core.pain import MOVE_LIMIT
from gluteui.core.stats.streaks import activated_days, day_records

Draw = Literal["activate", "skip"]
PAIN_SCORE = MOVE_LIMIT + 1
"""A run check-in from this (of 10) counts as pain reported: the level at which the routine
stops a move (core/pain.py); lower is the everyday discomfort the experiment is about."""


@dataclass(frozen=True)
class Assignment:
    """One planned run day: what the pair drew for it, and whether pain the day before
    overrode the draw."""

    day: date
    block: int
    drawn: Draw
    after_pain: bool

    @property
    def assigned(self) -> Draw:
        """What the user is asked to do that day: the draw, or "activate" after pain."""
        return "activate" if self.after_pain else self.drawn

    @property
    def randomised(self) -> bool:
        """Whether chance decided the day (not a day after pain)."""
        return not self.after_pain


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


def schedule(experiment: SelfExperiment, pain: Collection[date]) -> list[Assignment]:
    """The assignments up to the experiment's last day (its end, or the day it was stopped),
    each day after a day in `pain` made "activate"."""
    return [Assignment(day, block, draw, day - timedelta(days=1) in pain)
            for day, block, draw in draws(experiment) if day < experiment.last_day]


def assignment_on(experiment: SelfExperiment, day: date, pain: Collection[date]) -> Assignment | None:
    """Today's assignment, for Home and the status command; None on a day with no run planned,
    before the start, after the end or once stopped."""
    return next((found for found in schedule(experiment, pain) if found.day == day), None)


def pain_days(history: History) -> set[date]:
    """Days on which pain was reported: a run check-in of PAIN_SCORE or more, or "it hurts"
    pressed during a routine."""
    days = {checkin.local_date for checkin in history.checkins if checkin.score >= PAIN_SCORE}
    days.update(session.local_date for session in history.sessions if session.hurt or session.pain)
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

