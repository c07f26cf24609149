"""Run check-ins: when a run after an activation can be asked about (`checkin_due`); the one
rule for what "How was your run?" asks about is core/stats/question.py's.

How the check-ins compare, with and without an activation before the run, is
core/stats/comparison.py's job, over runs linked to activations (core/stats/run_log.py).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from gluteui.core.history.records import History, Session
from gluteui.core.stats.streaks import is_activated

CHECKIN_WINDOW_DAYS = 2
"""Ask about a run only while it is fresh: an activation older than this is left alone."""

RUN_AFTER = timedelta(hours=1)
"""How long after an activation ends a run could have followed (half an hour's run, begun
straight away, and back): before that, "How was your run?" asks about a run not yet had."""


def run_could_have_followed(session: Session, now: datetime, today: date) -> bool:
    """True once a run after `session` is plausible: RUN_AFTER has passed since it ended, or
    the day it counts for is over."""
    ended = session.started_at + timedelta(seconds=session.duration_s)
    return session.local_date < today or now - ended >= RUN_AFTER


def checkin_due(history: History, now: datetime) -> date | None:
    """The day of the latest activation whose run can be asked about and has not been
    checked in or skipped yet; None when there is nothing to ask.

    An activation is asked about only once a run could have followed it (see
    `run_could_have_followed`, timed from that day's first activation) and within
    CHECKIN_WINDOW_DAYS.
    """
    today = history.day_of(now)
    firsts: dict[date, Session] = {}
    for session in history.sessions:
        if not is_activated(session.planned_reps, session.done_reps):
            continue
        if not 0 <= (today - session.local_date).days <= CHECKIN_WINDOW_DAYS:
            continue
        known = firsts.get(session.local_date)
        if known is None or session.started_at < known.started_at:
            firsts[session.local_date] = session
    askable = [day for day, session in firsts.items() if run_could_have_followed(session, now, today)]
    if not askable:
        return None
    latest = max(askable)
    answered = {checkin.local_date for checkin in history.checkins}
    if latest in answered or history.settings.get("checkin_skipped") == latest.isoformat():
        return None
    return latest

