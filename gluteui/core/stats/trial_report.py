"""The self-experiment's end report: the randomised comparison, how many draws were followed,
and in plain words what it can and cannot say.

The comparison is by the draw, followed or not (intention to treat): that keeps what the
randomisation bought, and not following a draw only pulls the difference towards 0. A day
made "activate" after pain is compared by its draw too (core/stats/trial.py). The interval
and the verdict rules are the one estimate's (core/stats/estimate.py), so the report and
Progress never disagree about what counts as enough.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date

from gluteui.core.history.experiment import SelfExperiment
from gluteui.core.stats.answer_words import estimate_words
from gluteui.core.stats.estimate import Estimate, estimate_difference
from gluteui.core.stats.trial import followed, schedule
from gluteui.core.text import plural

TRIAL_WORDS: dict[str, str] = {
    "followed": "{followed} of {decided} {days} went as drawn.",
    "after pain": ("{count} {days} after pain {were} set to activate whatever the draw, and {are} compared "
                   "by the draw like the rest."),
    "stopped": "Stopped on {day}, before the {weeks} weeks planned: the report uses the days before.",
    "randomised": ("Chance chose which side each day is compared on, not how your back felt, so a bad "
                   "spell or a sore morning cannot decide it."),
    "one person": ("It is about you, on these runs, in these weeks: not about anyone else, and not "
                   "about a different season."),
    "unblinded": ("You knew which days you activated, and expecting a difference can make one."),
    "carry-over": ("If activating helps for longer than a day, the skipped days got some of it too, "
                   "and the difference looks smaller than it is."),
    "not followed": ("Compared by the draw, followed or not: each day that went the other way pulls "
                     "the difference towards 0."),
    "source": ("Designed after AHRQ's Design and Implementation of N-of-1 Trials: A User's Guide (2014)."),
}
"""The report's sentences, by situation (the comparison's own are answer_words.WORDS)."""


@dataclass(frozen=True)
class TrialReport:
    """The randomised comparison (activate days minus skip days, by the draw) and its counts."""

    estimate: Estimate
    planned: int
    """Days with a draw up to the end, or to the day it was stopped."""
    after_pain: int
    followed: int
    not_followed: int
    stopped_on: date | None
    weeks: int

    def words(self) -> list[str]:
        """The report in sentences: the comparison, the counts, then what it cannot say."""
        decided = self.followed + self.not_followed
        sentences = estimate_words(self.estimate, observational=False)
        sentences.append(TRIAL_WORDS["followed"].format(followed=self.followed, decided=decided,
                                                        days=plural(decided, "day")))
        if self.after_pain:
            sentences.append(TRIAL_WORDS["after pain"].format(count=self.after_pain,
                                                              days=plural(self.after_pain, "day"),
                                                              were="was" if self.after_pain == 1 else "were",
                                                              are="is" if self.after_pain == 1 else "are"))
        if self.stopped_on is not None:
            sentences.append(TRIAL_WORDS["stopped"].format(day=f"{self.stopped_on:%d %b %Y}", weeks=self.weeks))
        sentences.extend(TRIAL_WORDS[key] for key in ("randomised", "one person", "unblinded", "carry-over"))
        if self.not_followed:
            sentences.append(TRIAL_WORDS["not followed"])
        sentences.append(TRIAL_WORDS["source"])
        return sentences


def trial_report(experiment: SelfExperiment, pain: Mapping[date, date], activated: Collection[date],
                 scores: Mapping[date, int], today: date) -> TrialReport:
    """The report on the days so far (the end report once `today` is past the last day).

    `pain` and `activated` are the days with pain reported and with an activation
    (trial.pain_days, trial.activation_days); `scores` each day's run check-in
    (trial.day_scores). Every day with a check-in is compared, by its draw.
    """
    days = [day for day in schedule(experiment, pain) if day.day < today or day.day in activated]
    outcomes = [followed(day, activated, today) for day in days]
    drawn = [day for day in days if day.day in scores]
    return TrialReport(
        estimate=estimate_difference([scores[day.day] for day in drawn if day.drawn == "activate"],
                                     [scores[day.day] for day in drawn if day.drawn == "skip"]),
        planned=len(schedule(experiment, pain)),
        after_pain=sum(day.after_pain for day in days),
        followed=sum(outcome is True for outcome in outcomes),
        not_followed=sum(outcome is False for outcome in outcomes),
        stopped_on=experiment.stopped_on,
        weeks=experiment.weeks,
    )
