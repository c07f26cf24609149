"""The hamstrings beside the comparison, which is on the lower back: the same estimate over
the runs whose check-in asked about them apart, told in one line."""

from __future__ import annotations

from collections.abc import Iterable

from gluteui.core.stats.answer_words import WORDS, figure
from gluteui.core.stats.estimate import MIN_IMPORTANT_DIFFERENCE, Estimate, estimate_difference
from gluteui.core.stats.run_log import RunRow
from gluteui.core.text import plural


def hamstrings_estimate(rows: Iterable[RunRow]) -> Estimate:
    """After activating minus without, over the runs with a hamstrings score."""
    with_scores: list[int] = []
    without_scores: list[int] = []
    for row in rows:
        if row.hamstrings is not None:
            (with_scores if row.activated else without_scores).append(row.hamstrings)
    return estimate_difference(with_scores, without_scores)


def hamstrings_words(estimate: Estimate) -> str | None:
    """ "Hamstrings, asked apart on 12 runs after activating and 9 without: ..." with the
    figure, which way it went and how it stands against the yardstick once a verdict is
    allowed; None before any run has a hamstrings score (older check-ins asked about both
    at once)."""
    if not estimate.with_count and not estimate.without_count:
        return None
    head = (f"Hamstrings, asked apart on {estimate.with_count} {plural(estimate.with_count, 'run')} "
            f"after activating and {estimate.without_count} without")
    direction = estimate.direction
    if direction is None or estimate.difference is None or estimate.interval is None:
        return f"{head}: no verdict yet."
    # As for the back: which way it went, and whether the interval still holds a difference
    # that would matter ("no clear difference" means "cannot tell").
    size = WORDS[estimate.interval.against_yardstick].format(mid=f"{MIN_IMPORTANT_DIFFERENCE:g}")
    return f"{head}: {figure(estimate.difference, estimate.interval)}. {WORDS[direction]} {size}"
