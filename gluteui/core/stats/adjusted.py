"""The difference allowed for what else goes with activating: a small linear model of the
check-in on activation (0/1) plus the run's duration, its time of day and the days since
the first answered run (calendar time: a season that started in a bad spell and got better
as the habit grew).

The activation coefficient is the difference between runs alike in those three things; its
interval is t with n - p degrees of freedom. It can only allow for what is measured: a back
that already hurt that morning is not, and no model can adjust for it (the randomised
self-experiment can).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from statistics import fmean
from typing import Literal

from gluteui.core.stats.answers import RunAnswer, split_scores
from gluteui.core.stats.estimate import CONFIDENCE, MIN_RUNS_EACH, Interval
from gluteui.core.stats.ols import SingularModel, least_squares
from gluteui.core.stats.tdist import t_quantile

COVARIATES: dict[str, Callable[[RunAnswer, RunAnswer], float]] = {
    "duration": lambda run, _first: (run.duration_s or 0.0) / 60.0,
    "time of day": lambda run, _first: run.hour,
    "calendar time": lambda run, first: (run.start - first.start).total_seconds() / 86400.0,
}
"""What the model allows for, each read from a run (and the first run, for calendar time)."""
MIN_RESIDUAL_DF = 10
"""Runs beyond the model's columns: fewer and the noise, and so the interval, is a guess."""

Fallback = Literal["too few", "no duration", "cannot separate"]
"""Why there is no adjusted figure: too few runs for the model, runs without a duration
(known only by their day), or activation moving in step with the covariates."""


@dataclass(frozen=True)
class Adjusted:
    """The adjusted difference (after activating minus without) and its interval, or the
    reason there is none (`fallback`: show the unadjusted estimate alone)."""

    difference: float | None
    interval: Interval | None
    runs: int
    allowed_for: tuple[str, ...]
    """The covariates in the model; one the runs never vary in is left out."""
    fallback: Fallback | None


def _fallback(reason: Fallback, runs: int) -> Adjusted:
    return Adjusted(None, None, runs, (), reason)


def adjusted_difference(answers: Sequence[RunAnswer], confidence: float = CONFIDENCE) -> Adjusted:
    """The activation coefficient of score ~ 1 + activated + duration + time of day +
    calendar time, over `answers` (any order); a fallback with its reason when the model
    cannot be fitted honestly."""
    if any(answer.duration_s is None for answer in answers):
        return _fallback("no duration", len(answers))
    with_scores, without_scores = split_scores(answers)
    if min(len(with_scores), len(without_scores)) < MIN_RUNS_EACH:
        return _fallback("too few", len(answers))
    first = min(answers, key=lambda answer: answer.start)
    columns: dict[str, list[float]] = {}
    for name, read in COVARIATES.items():
        values = [read(answer, first) for answer in answers]
        if max(values) > min(values):  # a constant is the intercept again
            centre = fmean(values)
            columns[name] = [value - centre for value in values]
    if len(answers) - 2 - len(columns) < MIN_RESIDUAL_DF:
        return _fallback("too few", len(answers))
    rows = [[1.0, 1.0 if answer.activated else 0.0, *(column[i] for column in columns.values())]
            for i, answer in enumerate(answers)]
    try:
        fit = least_squares(rows, [float(answer.score) for answer in answers])
    except SingularModel:
        return _fallback("cannot separate", len(answers))
    difference = fit.coefficients[1]
    error = fit.standard_error(1)
    if error <= 0.0:  # every run fitted exactly: no noise to make an interval from
        return _fallback("cannot separate", len(answers))
    half = t_quantile((1 + confidence) / 2, fit.df) * error
    return Adjusted(difference, Interval(difference - half, difference + half, fit.df),
                    len(answers), tuple(columns), None)
