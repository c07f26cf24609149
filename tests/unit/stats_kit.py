"""What the stats tests build their History from: a Thursday, sessions, check-ins and tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from itertools import count

from gluteui.core.history.records import Checkin, History, QuizResult, Session

TODAY = date(2026, 11, 26)
"""A Thursday, as in the app tests."""
MONDAY = date(2026, 11, 23)
"""The Monday of its week."""

_ids = count(1)


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def at(day: date, hour: int = 7, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def session(day: date, done: int = 40, planned: int = 40, reps: dict | None = None) -> Session:
    return Session(
        id=f"s{next(_ids)}",
        local_date=day,
        started_at=at(day),
        routine_id="standard",
        planned_reps=planned,
        done_reps=done,
        reps=reps if reps is not None else {"bridge": {"both": done}},
        duration_s=300.0,
        source="app",
        feel={},
    )


def checkin(day: date, score: int) -> Checkin:
    return Checkin(id=f"c{next(_ids)}", local_date=day, score=score, recorded_at=at(day, 20))


def quiz(day: date, verdict: str, red_flag: bool = False) -> QuizResult:
    return QuizResult(
        id=f"q{next(_ids)}", local_date=day, taken_at=at(day), scores={"left": 6, "right": 4},
        verdict=verdict, weaker_side="right", red_flag=red_flag,
    )


def history(
    sessions: list[Session] = (),
    rest: set[date] = frozenset(),
    checkins: list[Checkin] = (),
    quiz_results: list[QuizResult] = (),
    lessons_read: set[str] = frozenset(),
    settings: dict | None = None,
) -> History:
    return History(
        sessions=list(sessions), rest_days=set(rest), checkins=list(checkins),
        quiz_results=list(quiz_results), lessons_read=set(lessons_read), settings=settings or {},
    )
