"""The one estimate of "does activating go with a calmer back on the run?": the difference
in mean check-in (runs after an activation minus runs without) with Welch's t interval.

Welch's interval keeps its coverage at small samples where the percentile bootstrap did
not (content-audit-2.md, section 3: 13.7 % of no-effect users got a "90 %" verdict at 5 a
side; Hesterberg 2015, Am Stat 69:371). It does not assume the two sides vary alike.

What may be said is decided here once, for Progress, Home and the command line: no verdict
below MIN_RUNS_EACH answers a side, none when a side's answers are all the same score (a
spread of 0 says nothing of how much a back varies from run to run), and the interval is
read against MIN_IMPORTANT_DIFFERENCE. The words themselves are core/stats/answer_words.py's.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import fmean, variance
from typing import Literal

from gluteui.core.scales import MAX_CHECKIN_SCORE
from gluteui.core.stats.tdist import t_quantile

MIN_RUNS_EACH = 10
"""No verdict with fewer answered runs than this on either side (the audit asks for 10-15)."""
CONFIDENCE = 0.90
MIN_IMPORTANT_DIFFERENCE = 2.0
"""Points on the 0-10 scale: a smaller change in back pain is unlikely to matter to the
person (Ostelo et al. 2008, Spine 33(1):90-94; about 2 points or 30 %)."""

Direction = Literal["lower", "higher", "unclear"]
"""Which way the interval says the scores went after activating; "unclear" holds 0."""
Withheld = Literal["too few", "no spread"]
"""Why no verdict is given: too few answers on a side, or a side whose answers are all one score."""
Against = Literal["small", "may matter", "matters"]
"""The interval against MIN_IMPORTANT_DIFFERENCE: all of it smaller, some of it as large or
larger, or all of it larger."""
Side = Literal["with", "without"]
"""Runs after an activation, or runs without one."""


@dataclass(frozen=True)
class Interval:
    """A difference's CONFIDENCE interval, and the degrees of freedom of the t behind it."""

    low: float
    high: float
    df: float

    @property
    def holds_one_that_matters(self) -> bool:
        """Whether the interval reaches MIN_IMPORTANT_DIFFERENCE either way: these runs
        cannot rule out a difference that would matter."""
        return self.low <= -MIN_IMPORTANT_DIFFERENCE or self.high >= MIN_IMPORTANT_DIFFERENCE

    @property
    def against_yardstick(self) -> Against:
        """How the interval reads against MIN_IMPORTANT_DIFFERENCE."""
        if self.high <= -MIN_IMPORTANT_DIFFERENCE or self.low >= MIN_IMPORTANT_DIFFERENCE:
            return "matters"
        return "may matter" if self.holds_one_that_matters else "small"


@dataclass(frozen=True)
class Estimate:
    """Check-ins on runs after an activation and without, compared.

    `difference` is mean_with - mean_without (below 0: lower after activating); None until
    each side has an answer. `interval` is None until each side has two answers and one
    side has some spread, so it never has a width of 0. `withheld` says why no verdict may
    be given (None: one may); `unvarying` names the sides whose answers are all one score.
    """

    with_count: int
    without_count: int
    mean_with: float | None
    mean_without: float | None
    difference: float | None
    interval: Interval | None
    withheld: Withheld | None
    unvarying: tuple[Side, ...] = ()

    @property
    def verdict_allowed(self) -> bool:
        """Whether the interval may be read as a verdict (enough runs, spread on both sides)."""
        return self.withheld is None and self.interval is not None

    @property
    def direction(self) -> Direction | None:
        """Which way the scores went after activating, once a verdict is allowed; None before."""
        if not self.verdict_allowed or self.interval is None:
            return None
        if self.interval.high < 0:
            return "lower"
        return "higher" if self.interval.low > 0 else "unclear"


def checked_scores(name: str, scores: Iterable[int]) -> list[int]:
    """`scores` as a list; ValueError naming `name` for one that is not a whole number 0-10."""
    values = list(scores)
    for score in values:
        if type(score) is not int or not 0 <= score <= MAX_CHECKIN_SCORE:
            raise ValueError(f"{name} must hold whole numbers from 0 to {MAX_CHECKIN_SCORE}, got {score!r}")
    return values


def welch_interval(with_values: Sequence[float], without_values: Sequence[float],
                   confidence: float = CONFIDENCE) -> Interval | None:
    """Welch's t interval for mean(with) - mean(without), or None when a side has fewer than
    two values or neither side varies (its width would be 0, which is not evidence)."""
    n1, n2 = len(with_values), len(without_values)
    if min(n1, n2) < 2:
        return None
    share1, share2 = variance(with_values) / n1, variance(without_values) / n2
    spread = share1 + share2
    if spread <= 0.0:
        return None
    # Welch-Satterthwaite; a side with no spread adds nothing, so df is the other side's n - 1.
    df = spread**2 / (share1**2 / (n1 - 1) + share2**2 / (n2 - 1))
    half = t_quantile((1 + confidence) / 2, df) * math.sqrt(spread)
    difference = fmean(with_values) - fmean(without_values)
    return Interval(difference - half, difference + half, df)


def estimate_difference(with_scores: Iterable[int], without_scores: Iterable[int]) -> Estimate:
    """Compare check-ins (whole numbers 0-10) on runs with and without an activation before.

    Raises ValueError for a score off the scale. Pure and deterministic: the same scores
    always give the same Estimate.
    """
    with_values = checked_scores("with_scores", with_scores)
    without_values = checked_scores("without_scores", without_scores)
    mean_with = fmean(with_values) if with_values else None
    mean_without = fmean(without_values) if without_values else None
    difference = None if mean_with is None or mean_without is None else mean_with - mean_without
    sides: tuple[tuple[Side, list[int]], ...] = (("with", with_values), ("without", without_values))
    unvarying = tuple(side for side, values in sides if len(set(values)) == 1)
    withheld: Withheld | None = None
    if min(len(with_values), len(without_values)) < MIN_RUNS_EACH:
        withheld = "too few"
    elif unvarying:
        withheld = "no spread"
    return Estimate(len(with_values), len(without_values), mean_with, mean_without, difference,
                    welch_interval(with_values, without_values), withheld, unvarying)
