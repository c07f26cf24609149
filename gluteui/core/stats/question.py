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

    def described(self, now: datetime) -> str | None:
        """The run as the question names it ("07:00, 5.4 km"), in `now`'s zone; None for
        the run after a day's activation, which has no more to it than its day."""
        if self.run is None:
            return None
        return f"{self.run.start.astimezone(now.tzinfo):%H:%M}, {distance(self.run.distance_m)}"


def run_question(history: History, now: datetime) -> RunQuestion | None:
    """The latest imported run with no check-in first (`run_to_ask_about`); else the run
    after the latest activation (`checkin_due`); None when there is nothing to ask."""
    imported = run_to_ask_about(history, now)
    if imported is not None:
        return RunQuestion(imported[1], imported[0])
    day = checkin_due(history, now)
    return None if day is None else RunQuestion(day, None)
