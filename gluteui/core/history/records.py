"""What the store keeps: sessions, check-ins and quiz results as frozen dataclasses.

Each record converts to and from a plain JSON-able dict (dates as ISO strings). Building
one validates it, and a mistake raises ValueError naming the field. A History bundles
everything from one read of the store.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, TypeVar

from gluteui.core.days import DEFAULT_DAY_START_HOUR, session_day
from gluteui.core.history.experiment import SelfExperiment
from gluteui.core.history.record_checks import (
    check_session,
    sound_checkin,
    sound_session,
)
from gluteui.core.history.session_record import session_record_from_dict, session_record_to_dict
from gluteui.core.history.settings import DEFAULT_WEEKLY_TARGET, setting_value
from gluteui.core.runs.record import Run
from gluteui.core.scales import MAX_CHECKIN_SCORE
from gluteui.core.sides import SIDES
from gluteui.core.values import (
    aware,
    choice,
    fail,
    mapping,
    parse_day,
    parse_moment,
    plain_date,
    required,
    text,
    whole,
)

_Record = TypeVar("_Record")


def _checked_already(cls: type[_Record], fields: dict[str, Any]) -> _Record:
    """The record `cls(**fields)` would build, without its __post_init__: `fields` have been
    checked in one pass (record_checks), and a long history is thousands of records."""
    record = object.__new__(cls)
    object.__setattr__(record, "__dict__", fields)  # frozen: its own __setattr__ refuses
    return record


@dataclass(frozen=True)
class Session:
    """One activation routine, done in the app, logged by hand, imported or made up for a demo."""

    id: str
    local_date: date
    started_at: datetime
    routine_id: str
    planned_reps: int
    done_reps: int
    reps: dict[str, dict[str, int]]
    duration_s: float
    source: str
    feel: dict[str, str]
    pain: dict[str, str] = field(default_factory=dict)
    """Exercise id -> what was done after "it hurts" in the routine (see record_checks.PAIN)."""
    hurt: dict[str, dict[str, str]] = field(default_factory=dict)
    """Exercise id -> where it hurt ("where": a key of core.pain.PLACES) and on which side
    ("side"), from the "it hurts" dialog."""
    easier: dict[str, str] = field(default_factory=dict)
    """Exercise id -> the easier version done, in its words: the next session starts there."""
    dose: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Ladder id -> the step its move was done at: "rung" (its id), "add_reps", "add_hold_s",
    and "planned" (the move's reps planned, both sides): see gluteui.core.routine.progression."""
    declined: tuple[str, ...] = ()
    """The changes to the routine the user turned down that day ("bridge:up")."""
    planned: dict[str, dict[str, int]] = field(default_factory=dict)
    """Exercise id -> side -> reps planned, shaped as `reps` (older sessions kept only the
    total, planned_reps)."""
    skipped: dict[str, dict[str, int]] = field(default_factory=dict)
    """Exercise id -> side -> sets skipped before a rep of them was done ("next set", or
    "it hurts" and skip the move)."""
    shortened: dict[str, dict[str, int]] = field(default_factory=dict)
    """Exercise id -> side -> sets ended early, after some of their reps."""
    pauses: int = 0
    """Times the routine was held and went on again (a pause the routine ended in is not one)."""
    paused_s: float = 0.0
    """Seconds those pauses lasted, all together."""
    note: str = ""
    """The user's own words about the session, one line (see core.history.notes); "" for none."""

    def __post_init__(self) -> None:
        check_session(self)

    @property
    def worth_keeping(self) -> bool:
        """A run in which every set was skipped (no rep done, no pain told) is not saved."""
        return self.done_reps > 0 or bool(self.pain)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON-able data, dates as ISO strings."""
        return {
            "id": self.id,
            "local_date": self.local_date.isoformat(),
            "started_at": self.started_at.isoformat(),
            "routine_id": self.routine_id,
            "planned_reps": self.planned_reps,
            "done_reps": self.done_reps,
            "reps": {exercise: dict(sides) for exercise, sides in self.reps.items()},
            "duration_s": self.duration_s,
            "source": self.source,
            "feel": dict(self.feel),
            "pain": dict(self.pain),
            **({"hurt": {e: dict(r) for e, r in self.hurt.items()}} if self.hurt else {}),
            **({"easier": dict(self.easier)} if self.easier else {}),
            **({"dose": {ladder: dict(record) for ladder, record in self.dose.items()}} if self.dose else {}),
            **({"declined": list(self.declined)} if self.declined else {}),
            **session_record_to_dict(self),
        }

    @classmethod
    def from_dict(cls, data: Any) -> Session:
        """Build a Session from `to_dict` output; ValueError names the first bad field."""
        fields = sound_session(data)
        if fields is not None:
            return _checked_already(cls, fields)
        if not isinstance(data, dict):
            raise ValueError(f"must be an object, got {type(data).__name__}")
        try:
            duration = data["duration_s"]
            # check_session (in __post_init__) names the first bad field; this only converts
            # JSON types to Python ones. Objects are kept as parsed (see record_checks).
            return cls(
                id=data["id"],
                local_date=parse_day("local_date", data["local_date"]),
                started_at=parse_moment("started_at", data["started_at"]),
                routine_id=data["routine_id"],
                planned_reps=data["planned_reps"],
                done_reps=data["done_reps"],
                reps=data["reps"],
                # JSON has one number type; an int duration is still a duration.
                # (float() of a huge int overflows; __post_init__ refuses it as it is.)
                duration_s=float(duration) if type(duration) is int and duration < 2**53 else duration,
                source=data["source"],
                feel=data["feel"],
                # Older files have none of these: nothing of the kind happened.
                pain=data.get("pain", {}),
                hurt=data.get("hurt", {}),
                easier=data.get("easier", {}),
                dose=data.get("dose", {}),
                declined=tuple(data["declined"]) if isinstance(data.get("declined"), list) else data.get("declined", ()),
                **session_record_from_dict(data),
            )
        except KeyError as missing:
            raise ValueError(f"field {missing.args[0]!r} is missing") from None


@dataclass(frozen=True)
class Checkin:
    """How a run went: `score` is the lower back, `hamstrings` the hamstrings, each 0 (no
    discomfort) to 10 (worst imaginable).

    Older check-ins asked about both at once and have no `hamstrings`: their one score is
    read as the back's. `run_id` names the imported run it is about; None for a check-in
    about the day's run typed before runs were imported (or without any).
    """

    id: str
    local_date: date
    score: int
    recorded_at: datetime
    run_id: str | None = None
    hamstrings: int | None = None

    @classmethod
    def new(cls, local_date: date, score: int, recorded_at: datetime, run_id: str | None = None,
            hamstrings: int | None = None) -> Checkin:
        """A fresh check-in for the run on `local_date`, with an id of its own."""
        return cls(uuid.uuid4().hex, local_date, score, recorded_at, run_id, hamstrings)

    def __post_init__(self) -> None:
        text("id", self.id)
        plain_date("local_date", self.local_date)
        whole("score", self.score, maximum=MAX_CHECKIN_SCORE)
        aware("recorded_at", self.recorded_at)
        if self.run_id is not None:
            text("run_id", self.run_id)
        if self.hamstrings is not None:
            whole("hamstrings", self.hamstrings, maximum=MAX_CHECKIN_SCORE)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON-able data, dates as ISO strings."""
        data = {
            "id": self.id,
            "local_date": self.local_date.isoformat(),
            "score": self.score,
            "recorded_at": self.recorded_at.isoformat(),
        }
        if self.run_id is not None:  # older GluteUIs read a check-in without it as before
            data["run_id"] = self.run_id
        if self.hamstrings is not None:
            data["hamstrings"] = self.hamstrings
        return data

    @classmethod
    def from_dict(cls, data: Any) -> Checkin:
        """Build a Checkin from `to_dict` output; ValueError names the first bad field."""
        fields = sound_checkin(data)
        if fields is not None:
            return _checked_already(cls, fields)
        return cls(
            id=required(data, "id"),
            local_date=parse_day("local_date", required(data, "local_date")),
            score=required(data, "score"),
            recorded_at=parse_moment("recorded_at", required(data, "recorded_at")),
            run_id=data.get("run_id"),
            hamstrings=data.get("hamstrings"),
        )


@dataclass(frozen=True)
class QuizResult:
    """One go at the squeeze quiz: a score per side and what it concluded."""

    id: str
    local_date: date
    taken_at: datetime
    scores: dict[str, int]
    verdict: str
    weaker_side: str | None
    red_flag: bool
    steps: dict[str, int] = field(default_factory=dict)
    """Step id -> the score of its answer: which moves the test showed safe to start higher
    (older results kept only the sides' totals)."""

    def __post_init__(self) -> None:
        text("id", self.id)
        plain_date("local_date", self.local_date)
        aware("taken_at", self.taken_at)
        for step, score in mapping("steps", self.steps).items():
            whole(f"steps.{step}", score)
        for side, score in mapping("scores", self.scores).items():
            choice("scores", side, SIDES)
            whole(f"scores.{side}", score)
        text("verdict", self.verdict)
        if self.weaker_side is not None:
            choice("weaker_side", self.weaker_side, SIDES)
        if not isinstance(self.red_flag, bool):
            raise fail("red_flag", "must be true or false", self.red_flag)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON-able data, dates as ISO strings."""
        return {
            "id": self.id,
            "local_date": self.local_date.isoformat(),
            "taken_at": self.taken_at.isoformat(),
            "scores": dict(self.scores),
            "verdict": self.verdict,
            "weaker_side": self.weaker_side,
            "red_flag": self.red_flag,
            **({"steps": dict(self.steps)} if self.steps else {}),
        }

    @classmethod
    def from_dict(cls, data: Any) -> QuizResult:
        """Build a QuizResult from `to_dict` output; ValueError names the first bad field."""
        return cls(
            id=required(data, "id"),
            local_date=parse_day("local_date", required(data, "local_date")),
            taken_at=parse_moment("taken_at", required(data, "taken_at")),
            scores=dict(mapping("scores", required(data, "scores"))),
            verdict=required(data, "verdict"),
            weaker_side=required(data, "weaker_side"),
            red_flag=required(data, "red_flag"),
            steps=dict(mapping("steps", data.get("steps", {}))),
        )


@dataclass(frozen=True)
class History:
    """Everything the store holds, from a single read, so screens compute from one snapshot."""

    sessions: list[Session]
    rest_days: set[date]
    checkins: list[Checkin]
    quiz_results: list[QuizResult]
    lessons_read: set[str]
    settings: dict[str, Any]
    runs: list[Run] = field(default_factory=list)
    """Runs imported from the user's watch, by start."""
    desk_sessions: list[Session] = field(default_factory=list)
    """Sessions of the desk routine (core/desk.py), by start: kept apart from `sessions`, so no
    streak, activation, run link or ladder counts them."""
    experiments: list[SelfExperiment] = field(default_factory=list)
    """The randomised self-experiments, running or ended, by when each was started."""
    no_run_days: set[date] = field(default_factory=set)
    """Days the user said they did not run on after all: no question waits about them."""

    def setting(self, key: str, default: Any) -> Any:
        """A setting's value, or `default` when it is unset or not a value it may hold."""
        return setting_value(self.settings, key, default)

    @property
    def weekly_target(self) -> int:
        """The user's weekly_target setting, or the default."""
        return int(self.setting("weekly_target", DEFAULT_WEEKLY_TARGET))

    @property
    def day_start_hour(self) -> int:
        """The user's day_start_hour setting: earlier sessions and runs count for the day before."""
        return int(self.setting("day_start_hour", DEFAULT_DAY_START_HOUR))

    def day_of(self, now: datetime) -> date:
        """The day an aware `now` counts for under the user's day_start_hour setting."""
        return session_day(now, self.day_start_hour)
