"""The one answer to "does activating go with a calmer back on the run?", as Progress, Home
and the command line show it: the estimate, the adjusted figure beside it and the readings
kept at milestones, all from the same answered runs (core/stats/answers.py).

The sums take a moment on a long history, so the app works this out on a thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo
from typing import Any

from gluteui.core.stats.adjusted import Adjusted, adjusted_difference
from gluteui.core.stats.answer_words import adjusted_words, estimate_words, reading_words
from gluteui.core.stats.answers import RunAnswer, split_scores
from gluteui.core.stats.estimate import (
    CONFIDENCE,
    MIN_IMPORTANT_DIFFERENCE,
    MIN_RUNS_EACH,
    Estimate,
    Interval,
    estimate_difference,
)
from gluteui.core.stats.milestones import Reading, milestone_readings


@dataclass(frozen=True)
class Comparison:
    """The estimate over every answered run, the adjusted figure and the milestone readings."""

    estimate: Estimate
    adjusted: Adjusted
    readings: list[Reading]

    def estimate_words(self) -> list[str]:
        """The estimate's sentences (answer_words.estimate_words)."""
        return estimate_words(self.estimate)

    def adjusted_words(self) -> list[str]:
        """The unadjusted and adjusted figures side by side, or why there is no adjusted one;
        nothing before a verdict is allowed."""
        return adjusted_words(self.adjusted, self.estimate)

    def words(self) -> list[str]:
        """Every sentence of the answer: the estimate's, then the adjusted figure's."""
        return [*self.estimate_words(), *self.adjusted_words()]

    def history_words(self, zone: tzinfo | None) -> list[str]:
        """The readings kept at milestones, one line each, earliest first."""
        return [reading_words(reading, zone) for reading in self.readings]

    def to_dict(self, zone: tzinfo | None) -> dict[str, Any]:
        """What `gluteui stats --json` prints of the comparison."""
        estimate, adjusted = self.estimate, self.adjusted
        return {
            "with_count": estimate.with_count,
            "without_count": estimate.without_count,
            "mean_with": estimate.mean_with,
            "mean_without": estimate.mean_without,
            "difference": estimate.difference,
            "interval": _interval(estimate.interval),
            "confidence": CONFIDENCE,
            "verdict": estimate.direction,
            "withheld": estimate.withheld,
            "min_runs_each": MIN_RUNS_EACH,
            "min_important_difference": MIN_IMPORTANT_DIFFERENCE,
            "adjusted": {
                "difference": adjusted.difference,
                "interval": _interval(adjusted.interval),
                "allowed_for": list(adjusted.allowed_for),
                "fallback": adjusted.fallback,
            },
            "readings": [
                {"milestone": reading.milestone, "reached_at": reading.reached_at.isoformat(),
                 "difference": reading.estimate.difference, "interval": _interval(reading.estimate.interval),
                 "verdict": reading.estimate.direction}
                for reading in self.readings
            ],
            "words": self.words(),
            "history": self.history_words(zone),
        }


def _interval(interval: Interval | None) -> list[float] | None:
    return None if interval is None else [interval.low, interval.high]


def comparison_of(answers: list[RunAnswer]) -> Comparison:
    """The comparison over `answers` (core/stats/answers.answers_from_rows)."""
    return Comparison(estimate_difference(*split_scores(answers)), adjusted_difference(answers),
                      milestone_readings(answers))

