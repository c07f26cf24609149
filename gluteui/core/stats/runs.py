"""Run check-ins: when a run after an activation can be asked about (`run_could_have_followed`);
the one rule for what "How was your run?" asks about is core/stats/question.py's.

How the check-ins compare, with and without an activation before the run, is
core/stats/comparison.py's job, over runs linked to activations (core/stats/run_log.py).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from gluteui.core.history.records import Session

CHECKIN_WINDOW_DAYS = 2
"""Home asks about a run only while it is fresh; an older one waits on Progress."""

RUN_AFTER = timedelta(hours=1)
"""How long after an activation ends a run could have followed (half an hour's run, begun
straight away, and back): before that, "How was your run?" asks about a run not yet had."""


def run_could_have_followed(session: Session, now: datetime, today: date) -> bool:
    """True once a run after `session` is plausible: RUN_AFTER has passed since it ended, or
    the day it counts for is over."""
    ended = session.started_at + timedelta(seconds=session.duration_s)
    return session.local_date < today or now - ended >= RUN_AFTER
