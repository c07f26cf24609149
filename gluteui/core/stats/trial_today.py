"""The self-experiment as the app tells it: which one is running, today's assignment, how far
along it is, what a new one starts with, and the report once it has ended.

One place for Home, Progress, `gluteui status` and `gluteui experiment`, so they never
disagree about the day. The draws and the report are trial.py's and trial_report.py's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from gluteui.core.history.experiment import MAX_SEED, SelfExperiment
from gluteui.core.stats.nudge import STATUS_WORDS
from gluteui.core.stats.trial import Assignment, activation_days, assignment_on, day_scores, draws, pain_days

if TYPE_CHECKING:
    from gluteui.core.history.records import History
    from gluteui.core.stats.trial_report import TrialReport

# The report's words (trial_report) and the system's randomness are imported where they are
# needed: `gluteui status` asks only for today's state, and it is timed.

DEFAULT_WEEKS = 8
"""On three run days a week, twelve days on each side: room for a few without a check-in
before falling under the MIN_RUNS_EACH a verdict needs (six weeks would give nine, never enough)."""
FALLBACK_DAYS = (0, 2, 4)
"""Monday, Wednesday and Friday, when neither the reminder nor the runs say when you run."""
STOP_COMMAND = "Stop the self-experiment"
"""The command palette's title for stopping it, which the hints name."""
STOP_HINT = f"(you can stop it any time: Ctrl+P, {STOP_COMMAND})"
SKIP_DAY = ("Today is a skip day. If you activate anyway, Enter still starts {routine}; "
            "the day then counts as not followed.")
"""Home's note in place of the routine's offer on a skip day."""


def fresh_seed() -> int:
    """A seed for a new experiment's draws: from the system's randomness, so nobody (the user
    included) can know or pick the days in advance."""
    import secrets

    return secrets.randbelow(MAX_SEED + 1)


def days_each(weeks: int, run_days: int) -> int:
    """About how many planned run days each side gets: the pairs split them evenly."""
    return weeks * run_days // 2


def latest(history: History) -> SelfExperiment | None:
    """The experiment started last, running or ended."""
    return history.experiments[-1] if history.experiments else None


def running(history: History, today: date) -> SelfExperiment | None:
    """The experiment under way on `today`: started and not yet ended or stopped."""
    experiment = latest(history)
    if experiment is None or not experiment.started_on <= today < experiment.last_day:
        return None
    return experiment


def today_assignment(history: History, today: date) -> Assignment | None:
    """Today's assignment; None without a running experiment or on a day with no run planned."""
    experiment = running(history, today)
    return None if experiment is None else assignment_on(experiment, today, pain_days(history))


def status_state(history: History, today: date) -> str | None:
    """What the status line says in place of "not yet today" on an experiment's run day."""
    assignment = today_assignment(history, today)
    return None if assignment is None else STATUS_WORDS[assignment.assigned]


def planned_run_days(history: History, today: date) -> set[date]:
    """Every run day the self-experiments planned before `today`: each waits for "How was
    your run?" whether it was activated or not, since the randomised comparison is made of
    these answers (without imported runs the question would come only after activations)."""
    return {day for experiment in history.experiments for day, _, _ in draws(experiment)
            if day < today and day < experiment.last_day}


def assignment_words(assignment: Assignment) -> str:
    """Today's assignment in a sentence, and why when pain overrode the draw."""
    if assignment.assigned == "skip":
        return "Experiment: skip the activation today"
    if assignment.after_pain:
        return ("Experiment: activate today. Pain was reported since your last run day, and the "
                "experiment never asks you to skip the run day after pain")
    return "Experiment: activate today"


def start(history: History, now: datetime, weeks: int, run_days: tuple[int, ...], seed: int) -> SelfExperiment:
    """A new experiment from today; ValueError when one is running already or the plan is bad."""
    today = history.day_of(now)
    under_way = running(history, today)
    if under_way is not None:
        raise ValueError(f"a self-experiment is already running (started {under_way.started_on:%a %d %b}); "
                         "stop it first")
    return SelfExperiment.new(today, weeks, run_days, seed, now)


def stop(experiment: SelfExperiment, today: date) -> SelfExperiment:
    """`experiment` stopped today: today and the days after it have no draw; the days
    before stay for the report."""
    return replace(experiment, stopped_on=today)


def default_run_days(history: History, now: datetime) -> tuple[int, ...]:
    """The run days a new experiment offers: the reminder's days, else the weekdays learned
    from the imported runs, else FALLBACK_DAYS."""
    from gluteui.core.stats.schedule import Schedule, learned

    schedule = Schedule.from_setting(history.setting("reminder", None))
    if schedule is not None and schedule.times:
        return tuple(sorted(schedule.times))
    days = learned(history.runs, now, now.tzinfo).times
    return tuple(sorted(days)) if days else FALLBACK_DAYS


@dataclass(frozen=True)
class Standing:
    """The latest experiment on `today`: its week, and its report on the days so far."""

    experiment: SelfExperiment
    today: date
    report: TrialReport

    @property
    def ended(self) -> bool:
        """Its weeks are over, or it was stopped."""
        return self.today >= self.experiment.last_day

    @property
    def week(self) -> int:
        """The week under way, from 1 (the last week once ended)."""
        days = (min(self.today, self.experiment.last_day - timedelta(days=1)) - self.experiment.started_on).days
        return max(1, min(self.experiment.weeks, days // 7 + 1))  # 1 on a clock set back before the start

    @property
    def decided(self) -> int:
        """Assignments whose day is over (or already activated)."""
        return self.report.followed + self.report.not_followed

    def running_line(self) -> str:
        """While it runs: "Self-experiment: week 2 of 6, ends Mon 13 Apr; 3 of 4 assignments followed so far."."""
        so_far = (f"{self.report.followed} of {self.decided} assignments followed so far" if self.decided
                  else "no assignment's day is over yet")
        return (f"Self-experiment: week {self.week} of {self.experiment.weeks}, ends "
                f"{self.experiment.ends_on - timedelta(days=1):%a %d %b}; {so_far}.")

    def ended_line(self) -> str:
        """Once over: when it ended, and how."""
        last = self.experiment.last_day - timedelta(days=1)
        if self.experiment.stopped_on is not None:
            return f"Self-experiment: stopped on {self.experiment.stopped_on:%a %d %b %Y}. Its report:"
        return f"Self-experiment: ended on {last:%a %d %b %Y} after {self.experiment.weeks} weeks. Its report:"

    def words(self) -> list[str]:
        """What Progress and `gluteui experiment` say: one line while it runs, the report after."""
        if not self.ended:
            return [self.running_line(), "Its report comes when it ends, or when you stop it."]
        return [self.ended_line(), *self.report.words()]

    def to_dict(self) -> dict[str, Any]:
        """`gluteui experiment report --json`: the plan, the counts and the comparison."""
        estimate = self.report.estimate
        interval = estimate.interval
        return {
            "experiment": self.experiment.to_dict(),
            "ended": self.ended,
            "week": self.week,
            "planned": self.report.planned,
            "followed": self.report.followed,
            "not_followed": self.report.not_followed,
            "after_pain": self.report.after_pain,
            "activate_count": estimate.with_count,
            "skip_count": estimate.without_count,
            "mean_activate": estimate.mean_with,
            "mean_skip": estimate.mean_without,
            "difference": estimate.difference,
            "interval": None if interval is None else [interval.low, interval.high],
            "verdict": estimate.direction,
            "words": self.words(),
        }


def standing(history: History, today: date) -> Standing | None:
    """The latest experiment's standing on `today`; None when none was ever started."""
    from gluteui.core.stats.trial_report import trial_report

    experiment = latest(history)
    if experiment is None:
        return None
    report = trial_report(experiment, pain_days(history), activation_days(history), day_scores(history), today)
    return Standing(experiment, today, report)
