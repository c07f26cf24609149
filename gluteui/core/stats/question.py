"""What "How was your run?" asks about, in one rule, for Home and anything else that asks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from gluteui.core.history.records import History
from gluteui.core.runs.record import Run
from gluteui.core.stats.run_log import run_to_ask_about
from gluteui.core.stats.runs import checkin_due
from gluteui.core.text import distance


@dataclass(frozen=True)
class RunQuestion:
    """What the question is about: the day, and the imported run when there is one."""

    day: date
    run: Run | None
    experiment: bool = False
    """A run day of the self-experiment, asked about whether it was activated or not."""

    def described(self, now: datetime) -> str | None:
        """The run as the question names it ("07:00, 5.4 km"), in `now`'s zone; None for
        the run after a day's activation, which has no more to it than its day."""
        if self.run is None:
            return "a run day of your experiment" if self.experiment else None
        return f"{self.run.start.astimezone(now.tzinfo):%H:%M}, {distance(self.run.distance_m)}"


def run_question(history: History, now: datetime) -> RunQuestion | None:
    """The latest imported run with no check-in first (`run_to_ask_about`); else the run
    after the latest activation (`checkin_due`) or the latest run day of a self-experiment
    (trial_today.checkin_due), whichever is later; None when there is nothing to ask."""
    imported = run_to_ask_about(history, now)
    if imported is not None:
        return RunQuestion(imported[1], imported[0])
    day = checkin_due(history, now)
    from gluteui.core.stats.trial_today import checkin_due as experiment_day_due

    planned = experiment_day_due(history, history.day_of(now))
    if planned is not None and (day is None or planned > day):
        return RunQuestion(planned, None, experiment=True)
    return None if day is None else RunQuestion(day, None)
