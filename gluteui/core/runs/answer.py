"""The question GluteUI exists to help answer: were the check-ins lower on runs that had
an activation before them?

Discomfort check-ins (0 fine .. 10 very bad) on runs with and without one, the difference
of their means, and a bootstrap interval for it. The interval is what keeps "1.2 points
lower" honest: with a handful of noisy runs it straddles 0, and the verdict says so. The
verdict words say which way the scores went, never why: the user chose when to activate,
so anything that goes with that choice (a bad spell, a longer run) can make the difference.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from gluteui.core.scales import MAX_CHECKIN_SCORE

MIN_RUNS_EACH = 10
"""Fewer check-ins than this on either side and any difference is mostly chance. With no
effect at all, the percentile bootstrap's "90%" interval gave a verdict to about 14-15% of
simulated users at 5 a side, 11-13% at 10 (content-audit-2.md, section 3, and a re-run on
whole-number scores): still above the 10% it should be, so the interval is redone later."""
CONFIDENCE = 0.90
RESAMPLES = 2000
"""Enough for the interval's ends to settle to about 0.1 point; a blink to compute."""
TOO_FEW = "too few runs to tell"
LOWER = "lower after activating"
HIGHER = "higher after activating"
UNCLEAR = "can't tell yet"
"""The interval holds 0: not "no effect", only that these runs cannot tell."""
MIN_IMPORTANT_DIFFERENCE = 2.0
"""Points on the 0-10 scale: a smaller change in back pain is unlikely to matter to the
person (Ostelo et al. 2008, Spine 33(1):90-94, a consensus on minimal important change)."""


@dataclass(frozen=True)
class Answer:
    """Check-ins with and without an activation before the run, compared.

    `difference` is mean_with - mean_without: below 0, the check-ins were lower after an
    activation. `low`..`high` is its CONFIDENCE bootstrap interval. The difference and
    interval are None when either side has fewer than MIN_RUNS_EACH check-ins.
    """

    with_count: int
    without_count: int
    mean_with: float | None
    mean_without: float | None
    difference: float | None
    low: float | None
    high: float | None
    verdict: str

    @property
    def enough(self) -> bool:
        """Whether both sides have MIN_RUNS_EACH check-ins, so the comparison means something."""
        return min(self.with_count, self.without_count) >= MIN_RUNS_EACH


def _checked(name: str, scores: Iterable[int]) -> list[int]:
    values = list(scores)
    for score in values:
        if type(score) is not int or not 0 <= score <= MAX_CHECKIN_SCORE:
            raise ValueError(f"{name} must hold whole numbers from 0 to {MAX_CHECKIN_SCORE}, got {score!r}")
    return values


def _mean(values: Sequence[int]) -> float | None:
    return sum(values) / len(values) if values else None


def compare_discomfort(with_scores: Iterable[int], without_scores: Iterable[int], *,
                       seed: int = 0, resamples: int = RESAMPLES) -> Answer:
    """Compare check-in scores on runs with and without an activation before them.

    The interval resamples each side with replacement, `resamples` times, from
    random.Random(seed): the same scores and seed always give the same interval.
    Raises ValueError for a score that is not a whole number from 0 to 10.
    """
    with_values = _checked("with_scores", with_scores)
    without_values = _checked("without_scores", without_scores)
    mean_with, mean_without = _mean(with_values), _mean(without_values)
    counts = (len(with_values), len(without_values))
    if mean_with is None or mean_without is None or min(counts) < MIN_RUNS_EACH:
        return Answer(*counts, mean_with, mean_without, None, None, None, TOO_FEW)
    rng = random.Random(seed)
    differences = sorted(
        sum(rng.choices(with_values, k=counts[0])) / counts[0]
        - sum(rng.choices(without_values, k=counts[1])) / counts[1]
        for _ in range(resamples)
    )
    tail = (1 - CONFIDENCE) / 2
    low = differences[math.floor(tail * resamples)]
    high = differences[math.ceil((1 - tail) * resamples) - 1]
    verdict = LOWER if high < 0 else HIGHER if low > 0 else UNCLEAR
    return Answer(*counts, mean_with, mean_without, mean_with - mean_without, low, high, verdict)
