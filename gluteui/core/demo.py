"""Made-up but plausible history, for screenshots, benchmarks and `gluteui --demo`.

The made-up runs and their check-ins hold no effect of activating: every score is drawn
from one distribution, whatever came before the run, so Progress shows what it shows for
a runner whose activation makes no difference (what it would be honest to find).
"""

from __future__ import annotations

import random
import uuid
from dataclasses import replace
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from gluteui.core.content.exercises import Routine
from gluteui.core.content.load import Content
from gluteui.core.history.records import Checkin, History, QuizResult, Session
from gluteui.core.quiz.attempt import weaker_side
from gluteui.core.routine.progression import Dose, apply, dose_record
from gluteui.core.runs.record import Run
from gluteui.core.sides import SIDES, UNSIDED

DEMO_LESSONS_READ = frozenset({"runners-paradox", "gluteal-amnesia", "who-steps-in"})
CHECKIN_MEAN = 4.5
CHECKIN_SD = 1.5
"""Every demo check-in, after an activation or not, is drawn from one distribution: made-up
data must not show an effect that nobody measured (the README's screenshots come from it)."""
RUN_SEED_OFFSET = 1
"""The runs' own stream (times and lengths). With no effect, 1 user in 10 still sees an
interval that excludes 0 by chance; this one gives the demo the usual result instead."""
RECORD_SEED_OFFSET = 2
"""The pauses and notes have a stream of their own too: the sessions stay as they were drawn."""
DEMO_NOTES = (
    "Left hip tight at the start; fine by the bridges.",
    "Done in a rush before the club run.",
    "Felt the clamshells in the right place today.",
    "Hotel room floor, no band: lighter than usual.",
)
"""What a demo session's note may say (one session in twenty has one)."""


HAMSTRINGS_SEED_OFFSET = 3
"""The hamstrings' scores have a stream of their own, so every other figure is drawn as it
was before they were asked apart."""


def _checkin_score(rng: random.Random) -> int:
    return max(0, min(10, round(rng.gauss(CHECKIN_MEAN, CHECKIN_SD))))


def _run(rng: random.Random, start: datetime, number: int) -> Run:
    """A made-up easy run of 25 to 70 minutes at about 5:30 to 6:30 a kilometre."""
    minutes = rng.uniform(25, 70)
    return Run.new(start, round(minutes * 60), round(minutes * 1000 / rng.uniform(5.5, 6.5)),
                   f"Demo run {number}", "running", f"demo-{number}.fit")


DEMO_RUNGS = {"clamshell": "band", "bridge": "single_leg", "band_walk": "knees"}
"""Where half a year of practice has taken the made-up user's moves."""


def _grown(routine: Routine, content: Content) -> tuple[Routine, dict[str, dict[str, object]]]:
    """`routine` with its moves on DEMO_RUNGS, and what a session keeps of that (Session.dose)."""
    steps, records = [], {}
    for step in routine.steps:
        ladder = content.ladders.get(step.ladder)
        rung = ladder.rung(DEMO_RUNGS.get(step.ladder, "")) if ladder else None
        if ladder is None or rung is None:
            steps.append(step)
            continue
        grown = apply(step, ladder, Dose(rung))
        steps.append(grown)
        records[ladder.id] = dose_record(Dose(rung), ladder, grown.reps * (2 if grown.exercise.per_side else 1))
    return replace(routine, steps=tuple(steps)), records


def _planned(routine: Routine) -> dict[str, dict[str, int]]:
    return {step.exercise.id: dict.fromkeys(SIDES if step.exercise.per_side else (UNSIDED,), step.reps)
            for step in routine.steps}


def _record(rng: random.Random, routine: Routine, reps: dict[str, dict[str, int]]) -> dict[str, Any]:
    """How a made-up session went: the plan per side, each set short of it skipped (none
    done) or ended early (as _reps_done does them, a set a side), now and then a pause or a note."""
    planned = _planned(routine)
    skipped: dict[str, dict[str, int]] = {}
    shortened: dict[str, dict[str, int]] = {}
    for exercise, sides in planned.items():
        for side, count in sides.items():
            done = reps[exercise][side]
            if done < count:
                (shortened if done else skipped).setdefault(exercise, {})[side] = 1
    pauses = 1 if rng.random() < 0.1 else 0
    note = rng.choice(DEMO_NOTES) if rng.random() < 0.05 else ""
    return {"planned": planned, "skipped": skipped, "shortened": shortened, "pauses": pauses,
            "paused_s": float(rng.randrange(10, 90)) if pauses else 0.0, "note": note}


def _reps_done(routine: Routine, share: float) -> tuple[dict[str, dict[str, int]], int]:
    reps: dict[str, dict[str, int]] = {}
    total = 0
    for step in routine.steps:
        done = round(step.reps * share)
        sides = SIDES if step.exercise.per_side else (UNSIDED,)
        reps[step.exercise.id] = {side: done for side in sides}
        total += done * len(sides)
    return reps, total


def demo_history(
    content: Content, today: date, days: int, seed: int = 7, per_day: float = 1.0
) -> History:
    """`days` of history ending yesterday: most days activated, some partial, rest days, and
    runs with check-ins that do not depend on whether an activation came before the run.

    `per_day` scales how many sessions an active day holds (benchmarks ask for dense data).
    Same seed, same history.
    """
    routines = {rid: _grown(routine, content) for rid, routine in content.routines.items()}
    top = content.quiz.max_score
    rng = random.Random(seed)
    ids = uuid.UUID(int=rng.getrandbits(128))
    counter = 0

    def next_id() -> str:
        nonlocal counter
        counter += 1
        return uuid.uuid5(ids, str(counter)).hex

    zone = timezone.utc
    sessions: list[Session] = []
    rest: set[date] = set()
    checkins: list[Checkin] = []
    runs: list[Run] = []

    # The runs' times and lengths have a stream of their own, so the sessions (Home's and
    # Progress's figures) are drawn exactly as before runs were added to the demo.
    run_rng = random.Random(seed + RUN_SEED_OFFSET)
    record_rng = random.Random(seed + RECORD_SEED_OFFSET)
    hamstrings_rng = random.Random(seed + HAMSTRINGS_SEED_OFFSET)

    def ran(start: datetime, scores: random.Random = rng) -> None:
        checkin_id, score = next_id(), _checkin_score(scores)
        run = _run(run_rng, start, len(runs) + 1)
        runs.append(run)
        answered = start + timedelta(seconds=run.duration_s + 1800)
        checkins.append(Checkin(checkin_id, day, score, answered, run.id, _checkin_score(hamstrings_rng)))

    quiz: list[QuizResult] = []
    routine_ids: list[str] = [rid for rid in ("standard", "quick", "focus") if rid in routines] or list(routines)
    skill = 0.3  # how well the glutes fire; it improves with practice
    for offset in range(days, 0, -1):
        day = today - timedelta(days=offset)
        if day.day == 1:
            scores = {
                "left": max(0, min(top, round(top * (0.2 + 0.8 * skill) + rng.uniform(-1, 1)))),
                "right": max(0, min(top, round(top * (0.1 + 0.8 * skill) + rng.uniform(-1, 1)))),
            }
            verdict = next(v for v in content.quiz.verdicts if min(scores.values()) >= v.min_score)
            quiz.append(QuizResult(
                next_id(), day, datetime.combine(day, time(7), zone), scores, verdict.id,
                weaker_side(content.quiz.rules, scores), False,
            ))
        roll = rng.random()
        if day.weekday() == 0 and roll < 0.6:
            rest.add(day)
            continue
        if roll < 0.2:
            if rng.random() < 0.5:  # a run without an activation before it
                ran(datetime.combine(day, time(run_rng.randrange(7, 19), run_rng.randrange(60)), zone))
            continue
        count = max(1, round(rng.gauss(per_day, per_day / 3)))
        for number in range(count):
            routine, dose = routines[rng.choice(routine_ids)]
            share = 1.0 if rng.random() < 0.8 else rng.choice((0.4, 0.6, 0.75, 0.9))
            reps, done = _reps_done(routine, share)
            started = datetime.combine(day, time(6 + 2 * number % 14, rng.randrange(60)), zone)
            sessions.append(Session(
                id=next_id(), local_date=day, started_at=started, routine_id=routine.id,
                planned_reps=routine.planned_reps, done_reps=done, reps=reps,
                duration_s=round(300 * share, 1), source="demo", feel={}, dose=dose,
                **_record(record_rng, routine, reps),
            ))
        skill = min(1.0, skill + 0.004)
        if rng.random() < 0.6:  # a run after the activation: the same scores as without one
            ran(min(session.started_at for session in sessions[-count:]) + timedelta(minutes=run_rng.randrange(20, 90)))
        elif run_rng.random() < 0.3:  # an evening run, long after the morning's activation
            ran(datetime.combine(day, time(18, run_rng.randrange(60)), zone), run_rng)
    return History(
        sessions=sessions, rest_days=rest, checkins=checkins, quiz_results=quiz, runs=runs,
        lessons_read=set(DEMO_LESSONS_READ), settings={"welcome_seen": True},
    )
