"""Self-experiments for tests: a plan whose draw on a given day is known, found by trying seeds
(the draws come from the seed alone, so the same seed always draws the same days)."""

from __future__ import annotations

from datetime import date, datetime

from gluteui.core.history.experiment import SelfExperiment
from gluteui.core.stats.trial import Draw, assignment_on


def experiment_drawing(draw: Draw, on: date, started_on: date, created_at: datetime, weeks: int = 8,
                       run_days: tuple[int, ...] = (0, 1, 2, 3, 4, 5, 6)) -> SelfExperiment:
    """An experiment started on `started_on` whose draw on `on` is `draw`."""
    for seed in range(200):
        experiment = SelfExperiment.new(started_on, weeks, run_days, seed, created_at)
        found = assignment_on(experiment, on, {})
        if found is not None and found.drawn == draw:
            return experiment
    raise AssertionError(f"no seed draws {draw} on {on}")
