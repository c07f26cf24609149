"""Whether to nudge now, what the nudge and the one-line status say, and the day's nudge record.

Pure: today's facts, the schedule, what was already sent today and "now" are arguments.
The rules (Loop skips a reminder when the habit is done; nagging gets reminders turned off):
- never on a day already activated (ACTIVATION_THRESHOLD of a session's reps) or a rest day;
- not before today's time in the schedule, and never on a weekday without one;
- at most one nudge a day, and one snoozed repeat after it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from gluteui.core.history.records import History
    from gluteui.core.stats.schedule import Schedule

SNOOZE = timedelta(minutes=30)


@dataclass(frozen=True)
class Today:
    """What the nudge and the status line need to know about today."""

    day: date
    activated: bool
    rest: bool
    streak: int
    """Activated days in the run that reaches today (today not yet done does not break it)."""


def today_facts(history: History, now: datetime) -> Today:
    """Today's facts from the history, under the user's day_start_hour."""
    # Imported here: `gluteui status` reads these facts from its cache, without the records.
    from gluteui.core.stats.overview import streak_summary

    day = history.day_of(now)
    summary = streak_summary(history, day)
    return Today(day, summary.today_activated, summary.today_rest, summary.current_streak)


@dataclass(frozen=True)
class Sent:
    """What was sent on `day`: kept between runs of `gluteui nudge` (a small file per machine)."""

    day: date
    nudged: bool = False
    snoozed_until: datetime | None = None
    repeated: bool = False
    """The snoozed nudge came too."""

    def to_dict(self) -> dict[str, Any]:
        """JSON-able."""
        until = self.snoozed_until.isoformat() if self.snoozed_until else None
        return {"day": self.day.isoformat(), "nudged": self.nudged, "snoozed_until": until,
                "repeated": self.repeated}

    @classmethod
    def from_dict(cls, data: Any, today: date) -> Sent:
        """The record read back; anything unreadable, or another day's, is a fresh record for `today`."""
        try:
            day = date.fromisoformat(data["day"])
            until = data["snoozed_until"]
            sent = cls(day, data["nudged"] is True,
                       datetime.fromisoformat(until) if until is not None else None, data["repeated"] is True)
        except (TypeError, KeyError, ValueError):
            return cls(today)
        if sent.day != today or (sent.snoozed_until is not None and sent.snoozed_until.tzinfo is None):
            return cls(today)
        return sent


@dataclass(frozen=True)
class Decision:
    """A nudge to send (`message` set) or why not (`reason`), and the record after it."""

    message: str | None
    reason: str
    sent: Sent


def nudge_message(streak: int) -> str:
    """The nudge's one line: the streak at stake."""
    if streak == 0:
        return "Glutes before your run: five minutes starts a streak."
    return f"Glutes before your run: five minutes keeps your {streak}-day streak."


def decide(today: Today, schedule: Schedule | None, sent: Sent, now: datetime) -> Decision:
    """Whether to nudge at `now` (see the module's rules). With no schedule at all (a nudge
    run by hand or from the user's own cron), any time of day may nudge."""
    sent = sent if sent.day == today.day else Sent(today.day)
    if today.activated:
        return Decision(None, "today is already activated", sent)
    if today.rest:
        return Decision(None, "today is a rest day", sent)
    if schedule is not None:
        at = schedule.at(now.weekday())
        if at is None:
            return Decision(None, f"no nudge is set for {now:%A}s", sent)
        if now.time().replace(tzinfo=None) < at:
            return Decision(None, f"today's nudge is not before {at:%H:%M}", sent)
    message = nudge_message(today.streak)
    if not sent.nudged:
        return Decision(message, "today is not activated yet", replace(sent, nudged=True))
    if sent.snoozed_until is None:
        return Decision(None, "today's nudge was sent already", sent)
    if sent.repeated:
        return Decision(None, "today's nudge and its snoozed repeat were sent already", sent)
    if now < sent.snoozed_until:
        return Decision(None, f"snoozed until {sent.snoozed_until:%H:%M}", sent)
    return Decision(message, "the snooze is over", replace(sent, repeated=True))


def next_check(schedule: Schedule | None, sent: Sent, now: datetime) -> datetime | None:
    """The next moment after `now` at which `decide` may say yes when it says no at `now`:
    the end of today's snooze, or the next time in the schedule (today's, or a later
    weekday's). None when the schedule has no time at all.

    A wake-up moment, not a promise: `decide` is asked again then, and the day may be
    activated meanwhile."""
    if schedule is None or not schedule.times:
        return None
    moments = []
    if sent.nudged and not sent.repeated and sent.snoozed_until is not None and sent.snoozed_until > now:
        moments.append(sent.snoozed_until)
    for ahead in range(8):
        day = now.date() + timedelta(days=ahead)
        at = schedule.at(day.weekday())
        if at is not None and datetime.combine(day, at, now.tzinfo) > now:
            moments.append(datetime.combine(day, at, now.tzinfo))
            break
    return min(moments, default=None)


def snooze(sent: Sent, today: date, now: datetime) -> tuple[Sent, str]:
    """Snooze today's nudge by SNOOZE; the record after it and a line saying what happened.
    Only a nudge already sent can be snoozed, and only once a day."""
    if sent.day != today or not sent.nudged:
        return sent, "no nudge was sent today: nothing to snooze"
    if sent.snoozed_until is not None:
        return sent, f"today's nudge was snoozed once already (until {sent.snoozed_until:%H:%M}): one snooze a day"
    until = now + SNOOZE
    return replace(sent, snoozed_until=until), f"snoozed until {until:%H:%M}"


STATUS_WORDS = {"activate": "activate today (experiment)", "skip": "skip today (experiment)"}
"""`gluteui status`'s state on a self-experiment's run day not yet activated, by the day's
draw (trial_today.status_state); here, not there, for status's imports."""


def status_line(today: Today, schedule: Schedule | None, weekday: int, experiment: str | None = None) -> str:
    """The one line for tmux or a prompt: "glutes: not yet today · streak 12 · nudge at 17:40".

    `experiment`: the self-experiment's state today (a STATUS_WORDS value), said in place
    of "not yet today"; on a skip day there is no nudge to announce."""
    if today.activated:
        state = "done today"
    elif today.rest:
        state = "rest day"
    else:
        state = experiment or "not yet today"
    parts = [f"glutes: {state}", f"streak {today.streak}"]
    at = schedule.at(weekday) if schedule is not None and schedule.on else None
    skipping = experiment == STATUS_WORDS["skip"]
    if at is not None and not (today.activated or today.rest or skipping):
        parts.append(f"nudge at {at:%H:%M}")
    return " · ".join(parts)
