"""Simulated runners for the honesty tests: deterministic (random.Random(seed)), whole-number
check-ins from 0 to 10 like the app's, and no effect of activating unless a test says so."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from gluteui.core.stats.answers import RunAnswer

START = datetime(2026, 3, 2, 7, 0, tzinfo=timezone.utc)


def score(rng: random.Random, mean: float, sd: float) -> int:
    """A check-in: a normal draw rounded to a whole number and kept on the 0-10 scale."""
    return min(10, max(0, round(rng.gauss(mean, sd))))


def run(index: int, day: float, activated: bool, value: int, *, hour: float = 7.0,
        minutes: float = 40.0, answered_after: timedelta = timedelta(hours=2)) -> RunAnswer:
    """The `index`th run, `day` days after START at `hour`, answered `answered_after` it."""
    start = START.replace(hour=0) + timedelta(days=day, hours=hour)
    return RunAnswer(f"run{index:04d}", start, activated, value, start + answered_after, minutes * 60)


def bad_spell_user(rng: random.Random, runs: int = 60, days: int = 120) -> list[RunAnswer]:
    """Started the app in a bad spell that eased over the season, and activated more as the
    habit grew; activating itself does nothing."""
    season = []
    for index in range(runs):
        day = index * days / runs
        season.append(run(index, day, rng.random() < 0.15 + 0.7 * day / days,
                          score(rng, 6.0 - 3.5 * day / days, 1.5),
                          hour=rng.choice((6.5, 7.0, 12.5, 18.0, 19.0)), minutes=rng.uniform(25, 70)))
    return season


def indication_user(rng: random.Random, runs: int = 60) -> tuple[list[RunAnswer], list[float]]:
    """Activates more on days the back already hurts (a spell that drifts from day to day);
    activating itself does nothing. Also returns each day's morning back score, which the
    app does not ask for."""
    season, mornings = [], []
    back = 3.0
    for index in range(runs):
        back = 3.0 + 0.8 * (back - 3.0) + rng.gauss(0, 1.2)
        mornings.append(back)
        activated = rng.random() < (0.8 if back > 3.0 else 0.2)
        season.append(run(index, 2 * index, activated, score(rng, back, 1.0),
                          hour=rng.choice((6.5, 7.0, 18.0)), minutes=rng.uniform(25, 70)))
    return season, mornings
