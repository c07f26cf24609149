"""The comparison in words, once, for Progress, Home and the command line.

The sentences are data (WORDS, keyed by the situation); the functions only pick and fill
them. They say which way the scores went, never why ("lower on runs after activating",
never "calmer with activation"), and "no clear difference" always says whether the
interval still holds a difference that would matter: it means "cannot tell", not "no effect".
"""

from __future__ import annotations

from datetime import tzinfo

from gluteui.core.stats.adjusted import Adjusted
from gluteui.core.stats.estimate import CONFIDENCE, MIN_IMPORTANT_DIFFERENCE, MIN_RUNS_EACH, Estimate, Interval
from gluteui.core.stats.milestones import Reading
from gluteui.core.text import plural

WORDS: dict[str, str] = {
    "counts": "{with_count} answered {with_runs} after activating and {without_count} without.",
    "too few": "A comparison needs {need} answered runs on each side, so there is no verdict yet.",
    "no spread with": "Every answer after activating is {score} of 10.",
    "no spread without": "Every answer without an activation is {score} of 10.",
    "no spread": ("With no spread there is no telling how much your back varies from run to run, "
                  "so there is no verdict yet."),
    "means": "Your lower back after activating: {mean_with} of 10 on average; without: {mean_without}.",
    "figure": "{difference} points ({confidence} interval {low} to {high})",
    "lower": "Lower on runs after activating.",
    "higher": "Higher on runs after activating.",
    "unclear": "No clear difference yet.",
    "small": ("The whole interval is within {mid} points either way: any difference is likely "
              "too small to matter."),
    "may matter": ("The interval includes differences of {mid} points or more, which would matter: "
                   "these runs cannot rule them out."),
    "matters": "All of the interval is {mid} points or more from 0: a difference of a size that matters.",
    "yardstick": ("A difference under {mid} points (about 30 %) on a 0-10 scale is unlikely to matter "
                  "(Ostelo et al. 2008, Spine)."),
    "not a trial": ("Your own runs, not a trial: you chose when to activate, so anything that goes with "
                    "that choice (a longer run, a bad spell, a back that already hurt) can make a "
                    "difference here."),
    "regression": ("If you started during a bad spell, your back would likely have improved anyway, "
                   "activating or not: a bad patch is usually followed by a better one."),
    "adjusted": "Allowing for {allowed}: {figure}.",
    "unadjusted": "Before allowing for anything: {figure}.",
    "fallback too few": ("Not yet allowed for run length, time of day and how far into the season: "
                         "that needs {need} answered runs on each side and a few more."),
    "fallback no duration": ("Not allowed for run length, time of day and how far into the season: "
                             "some answered runs are known only by their day."),
    "fallback cannot separate": ("Not allowed for run length, time of day and how far into the season: "
                                 "your activated runs differ from the others in those too much to tell apart."),
    "drawn counts": "{with_count} answered {with_runs} on days drawn to activate and {without_count} on days drawn to skip.",
    "drawn means": "Your lower back on days drawn to activate: {mean_with} of 10 on average; to skip: {mean_without}.",
    "drawn no spread with": "Every answer on a day drawn to activate is {score} of 10.",
    "drawn no spread without": "Every answer on a day drawn to skip is {score} of 10.",
    "drawn lower": "Lower on days drawn to activate.",
    "drawn higher": "Higher on days drawn to activate.",
    "drawn unclear": "No clear difference yet.",
    "reading": "At {milestone} a side ({day}): {figure}.",
    "reading withheld": "At {milestone} a side ({day}): {figure}, no verdict.",
}
"""Every sentence the comparison is told in, by situation."""

COVARIATE_WORDS = {"duration": "run length", "time of day": "time of day", "calendar time": "how far into the season"}
"""How each of the adjusted model's covariates (adjusted.COVARIATES) is named."""


def signed(value: float) -> str:
    """A difference with its sign, to one decimal: "+0.8", "\u22121.6", and "0.0" for a
    difference that rounds to nothing (never "-0.0")."""
    shown = f"{abs(value):.1f}"
    if shown == "0.0":
        return shown
    return ("+" if value > 0 else "\u2212") + shown


def figure(difference: float, interval: Interval) -> str:
    """ "\u22120.4 points (90% interval \u22121.6 to +0.8)" """
    return WORDS["figure"].format(difference=signed(difference), confidence=f"{CONFIDENCE:.0%}",
                                  low=signed(interval.low), high=signed(interval.high))


def _mid() -> str:
    return f"{MIN_IMPORTANT_DIFFERENCE:g}"


def estimate_words(estimate: Estimate, *, observational: bool = True) -> list[str]:
    """The estimate in sentences: the counts, then the means, the figure, what it says and
    how to read it, or why there is no verdict yet; then, for the user's own choices
    (`observational`), that it is not a trial. The self-experiment's comparison
    (observational False) is told by the draw, and its report says the rest."""
    frame = "" if observational else "drawn "
    sentences = [WORDS[frame + "counts"].format(with_count=estimate.with_count,
                                        with_runs=plural(estimate.with_count, "run"),
                                        without_count=estimate.without_count)]
    if estimate.withheld == "too few":
        sentences.append(WORDS["too few"].format(need=MIN_RUNS_EACH))
    if estimate.mean_with is not None and estimate.mean_without is not None:
        sentences.append(WORDS[frame + "means"].format(mean_with=f"{estimate.mean_with:.1f}",
                                               mean_without=f"{estimate.mean_without:.1f}"))
    if estimate.withheld == "no spread":
        means = {"with": estimate.mean_with, "without": estimate.mean_without}
        sentences.extend(WORDS[f"{frame}no spread {side}"].format(score=f"{means[side]:g}") for side in estimate.unvarying)
        sentences.append(WORDS["no spread"])
    direction = estimate.direction
    if direction is not None and estimate.interval is not None and estimate.difference is not None:
        sentences.append(figure(estimate.difference, estimate.interval) + ".")
        sentences.append(WORDS[frame + direction])
        sentences.append(WORDS[estimate.interval.against_yardstick].format(mid=_mid()))
        sentences.append(WORDS["yardstick"].format(mid=_mid()))
    if observational:
        sentences.append(WORDS["not a trial"])
        sentences.append(WORDS["regression"])
    return sentences


def adjusted_words(adjusted: Adjusted, estimate: Estimate) -> list[str]:
    """The unadjusted and adjusted figures side by side, or why there is no adjusted one.
    Only once the estimate allows a verdict: before that neither figure is shown."""
    if not estimate.verdict_allowed or estimate.difference is None or estimate.interval is None:
        return []
    sentences = [WORDS["unadjusted"].format(figure=figure(estimate.difference, estimate.interval))]
    if adjusted.fallback is not None or adjusted.difference is None or adjusted.interval is None:
        sentences.append(WORDS[f"fallback {adjusted.fallback}"].format(need=MIN_RUNS_EACH))
        return sentences
    names = [COVARIATE_WORDS[name] for name in adjusted.allowed_for]
    allowed = " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
    sentences.append(WORDS["adjusted"].format(allowed=allowed,
                                              figure=figure(adjusted.difference, adjusted.interval)))
    return sentences


def reading_words(reading: Reading, zone: tzinfo | None) -> str:
    """One line of the readings' history: "At 10 a side (12 May): \u22120.4 points (...)"."""
    estimate = reading.estimate
    day = f"{reading.reached_at.astimezone(zone):%d %b %Y}"
    if estimate.difference is None or estimate.interval is None:
        return WORDS["reading withheld"].format(milestone=reading.milestone, day=day,
                                                figure="no interval")
    key = "reading" if estimate.verdict_allowed else "reading withheld"
    return WORDS[key].format(milestone=reading.milestone, day=day,
                             figure=figure(estimate.difference, estimate.interval))
