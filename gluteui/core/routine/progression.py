"""Where each move of a routine stands today: a rung of its ladder and what was added on top,
worked out from the user's own sessions every time, never stored as a number of its own.

- A move starts on its ladder's first rung, or higher when the squeeze test showed that rung
  is safe (content/ladders.toml, `tested_by`).
- It goes one step up after `clean_sessions` sessions in a row at its current step with every
  rep done, no pain and the feel check answered "yes". Past the top rung the steps add reps a
  side, then hold time, never past the caps; a change that would take the routine past its
  length cap is not offered.
- Any "it hurts" in the last session with the move takes it one step down; the easier version
  chosen then is carried forward; a move that hurt in two of its last three sessions is left
  out, with "have it checked".
- In pregnancy, a move done lying on the back is swapped for its standing stand-in.

Every change comes with a one-line reason, and the user may turn any of them down; a
session keeps what it was done at (`Session.dose`) and what was turned down
(`Session.declined`), so the next plan follows from the history alone.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import islice
from typing import Literal

from gluteui.core.content.exercises import Routine, RoutineStep
from gluteui.core.content.ladders import Ladder, LadderRules, same_move
from gluteui.core.content.quiz import Quiz
from gluteui.core.history.records import QuizResult, Session
from gluteui.core.pain import WITHIN, hurt_again
from gluteui.core.routine.timeline import Timeline

ChangeKind = Literal["start", "up", "down", "easier", "left_out", "swap"]
FOLLOWED = ("app", "demo")
"""The sources of sessions whose moves were done as the app laid them out."""
RETEST_AFTER_DAYS = 28
"""A squeeze test this old is worth taking again: the moves may have grown past it."""


def retest_due(results: Sequence[QuizResult], today: date) -> int | None:
    """Days since the latest squeeze test, once it is RETEST_AFTER_DAYS old; None before
    (or with no test: Home's welcome already offers one)."""
    if not results:
        return None
    days = (today - results[-1].local_date).days
    return days if days >= RETEST_AFTER_DAYS else None


@dataclass(frozen=True, order=True)
class Dose:
    """A step on a ladder: the rung, and the reps a side and hold seconds added on top."""

    rung: int
    add_reps: int = 0
    add_hold_s: float = 0.0


@dataclass(frozen=True)
class Change:
    """One way today differs from the last session, with its reason in one line."""

    ladder: str
    kind: ChangeKind
    line: str

    @property
    def key(self) -> str:
        """How a session records that this change was turned down: "bridge:up"."""
        return f"{self.ladder}:{self.kind}"


@dataclass(frozen=True)
class Plan:
    """Today's routine with every move on its step, and why it differs from last time."""

    routine: Routine
    doses: dict[str, Dose]
    """Ladder id -> the step its move is done at today (moves left out or swapped: absent)."""
    changes: tuple[Change, ...]
    declined: frozenset[str]
    """The keys of the changes turned down for today."""
    easier: dict[str, str]
    """Exercise id -> the easier version carried over from last time."""
    moves: tuple[str, ...] = ()
    """Today's moves by name, in order: "Clamshell", "Two-leg bridge", ..."""

    def records(self, ladders: Mapping[str, Ladder], planned: Mapping[str, int]) -> dict[str, dict[str, object]]:
        """What a session keeps of each move's step (`Session.dose`); `planned` is the reps
        planned for each exercise, both sides and any extra set counted."""
        out: dict[str, dict[str, object]] = {}
        for step in self.routine.steps:
            dose = self.doses.get(step.ladder)
            if dose is not None and step.ladder in ladders:
                out[step.ladder] = dose_record(dose, ladders[step.ladder], planned.get(step.exercise.id, 0))
        return out


def steps(ladder: Ladder, base_reps: int, rules: LadderRules) -> list[Dose]:
    """Every step of `ladder` from the first rung up, for a routine asking `base_reps` a side:
    the rungs, then `rep_step` more reps at a time, then `hold_step` more seconds of hold
    (only where the top rung holds a second or more), within the caps."""
    top = len(ladder.rungs) - 1
    out = [Dose(rung) for rung in range(top + 1)]
    added = rules.rep_step
    while base_reps + added <= rules.max_reps:
        out.append(Dose(top, added))
        added += rules.rep_step
    hold = ladder.rungs[top].tempo.hold_s
    if hold >= 1:
        more = rules.hold_step
        while hold + more <= rules.max_hold_s + 1e-9:
            out.append(Dose(top, out[-1].add_reps, more))
            more += rules.hold_step
    return out


def step_name(ladder: Ladder, dose: Dose, base_reps: int) -> str:
    """How a step reads: "Single-leg bridge", "Single-leg bridge, 12 reps a side, 3 s squeeze"."""
    rung = ladder.rungs[dose.rung]
    parts = [rung.name]
    if dose.add_reps:
        parts.append(f"{base_reps + dose.add_reps} reps" + (" a side" if rung.exercise.per_side else ""))
    if dose.add_hold_s:
        parts.append(f"{rung.tempo.hold_s + dose.add_hold_s:g} s hold")
    return ", ".join(parts)


def apply(step: RoutineStep, ladder: Ladder, dose: Dose) -> RoutineStep:
    """`step` done at `dose`: the rung's exercise, band and tempo, with what was added."""
    rung = ladder.rungs[dose.rung]
    tempo = replace(rung.tempo, hold_s=rung.tempo.hold_s + dose.add_hold_s)
    return RoutineStep(rung.exercise, step.reps + dose.add_reps, tempo, rung.band, ladder.id)


def dose_record(dose: Dose, ladder: Ladder, planned: int) -> dict[str, object]:
    """What a session keeps of a move's step: the rung by its id, so content may grow."""
    return {"rung": ladder.rungs[dose.rung].id, "add_reps": dose.add_reps, "add_hold_s": dose.add_hold_s,
            "planned": planned}


def _done_at(session: Session, ladder: Ladder) -> Dose | None:
    """The step `session` did the move at: as recorded, or (older sessions) the first rung
    whose exercise it did. None when it did not do the move on a rung (left out, swapped)."""
    record = session.dose.get(ladder.id)
    if record is not None:
        rung = ladder.rung(str(record.get("rung")))
        if rung is None:
            return None
        return Dose(rung, int(record.get("add_reps", 0) or 0), float(record.get("add_hold_s", 0) or 0))
    return next((Dose(n) for n, rung in enumerate(ladder.rungs) if rung.exercise.id in session.reps), None)


def _clean(session: Session, ladder: Ladder, dose: Dose) -> bool:
    """Every planned rep of the move done, no pain, and felt where it should be."""
    exercise = ladder.rungs[dose.rung].exercise.id
    record = session.dose.get(ladder.id)
    if record is None:
        return False  # an older session does not say how many reps were planned
    done = sum(session.reps.get(exercise, {}).values())
    return (done >= int(record.get("planned", 0) or 0) and exercise not in session.pain
            and session.feel.get(exercise) == "yes")


def _position(seq: Sequence[Dose], dose: Dose) -> int:
    """Where `dose` stands in `seq`: its place, or the highest step not above it."""
    return max((n for n, step in enumerate(seq) if step <= dose), default=0)


def _start(ladder: Ladder, quiz: Quiz, results: Sequence[QuizResult]) -> tuple[int, str | None]:
    """The first rung, or the highest rung the latest squeeze test showed safe, and why."""
    latest = next((r for r in reversed(results) if not r.red_flag), None)
    best = {step.id: max(o.score for o in step.options) for step in quiz.steps}
    for number in range(len(ladder.rungs) - 1, 0, -1):
        tested = ladder.rungs[number].tested_by
        if tested and latest is not None and all(latest.steps.get(s) == best.get(s) for s in tested):
            return number, f"{ladder.rungs[number].name} from the start: you did it cleanly in your squeeze test."
    return 0, None


@dataclass(frozen=True)
class _Move:
    """What the history says of one move today, before anything is turned down."""

    position: int
    change: Change | None = None
    left_out: Change | None = None
    easier: tuple[str, str] | None = None


def _recent(sessions: Sequence[Session], ladder: Ladder, count: int) -> list[tuple[Session, Dose]]:
    """The last `count` sessions that did the move on a rung, with the step each did it at,
    oldest first. Walked from the newest: a decade of sessions costs no more than a week."""
    found = ((s, dose) for s in reversed(sessions) if (dose := _done_at(s, ladder)) is not None)
    return list(islice(found, count))[::-1]


def _move(ladder: Ladder, seq: Sequence[Dose], base_reps: int, sessions: Sequence[Session],
          quiz: Quiz, results: Sequence[QuizResult], rules: LadderRules) -> _Move:
    # Enough to tell a streak of clean sessions and a move that keeps hurting.
    done = _recent(sessions, ladder, max(rules.clean_sessions, WITHIN))
    if not done:
        start, reason = _start(ladder, quiz, results)
        change = Change(ladder.id, "start", reason) if reason else None
        return _Move(_position(seq, Dose(start)), change)
    last, last_dose = done[-1]
    position = _position(seq, last_dose)
    exercise = ladder.rungs[last_dose.rung].exercise
    if exercise.id in last.pain:
        lower = max(position - 1, 0)
        said = step_name(ladder, seq[lower], base_reps)
        line = (f"{said} today: it hurt last time." if lower < position
                else f"{said} today, its easiest step: it hurt last time.")
        repeated = hurt_again([session for session, _ in done], same_move({ladder.id: ladder}, exercise.id))
        left_out = None
        if repeated is not None:
            left_out = Change(ladder.id, "left_out", f"{repeated.words(exercise.name)} Left out today.")
        easier = (exercise.id, last.easier[exercise.id]) if exercise.id in last.easier else None
        return _Move(lower, Change(ladder.id, "down", line), left_out, easier)
    clean = 0
    for session, dose in reversed(done):
        if _position(seq, dose) != position or f"{ladder.id}:up" in session.declined or not _clean(
                session, ladder, dose):
            break
        clean += 1
    if clean >= rules.clean_sessions and position + 1 < len(seq):
        said = step_name(ladder, seq[position + 1], base_reps)
        noun = ladder.name.lower()
        return _Move(position + 1, Change(ladder.id, "up", f"{said} today: your last {clean} {noun}s were clean."))
    return _Move(position)


def plan(
    routine: Routine, ladders: Mapping[str, Ladder], rules: LadderRules, quiz: Quiz,
    sessions: Sequence[Session], results: Sequence[QuizResult], pregnant: bool = False,
    declined: Collection[str] = (), extra_set_side: str | None = None,
) -> Plan:
    """Today's `routine` for someone with these `sessions` (in the order they were done) and
    squeeze-test `results`, with the changes in `declined` (their keys) turned down."""
    # Routines done in the app (or made up for the demo) say what was done; one logged by
    # hand or imported says only how many reps, so it moves no move up or down.
    said = [s for s in sessions if s.source in FOLLOWED]
    steps_today: list[RoutineStep] = []
    doses: dict[str, Dose] = {}
    changes: list[Change] = []
    easier: dict[str, str] = {}
    for step in routine.steps:
        ladder = ladders.get(step.ladder)
        if ladder is None:
            steps_today.append(step)
            continue
        seq = steps(ladder, step.reps, rules)
        move = _move(ladder, seq, step.reps, said, quiz, results, rules)
        position = move.position
        if move.change is not None:
            changes.append(move.change)
            if move.change.key in declined:
                position = _unchanged(ladder, seq, said, position, move.change)
        if move.left_out is not None:
            changes.append(move.left_out)
            if move.left_out.key not in declined:
                continue
        if pregnant and ladder.while_pregnant is not None:
            stand_in = ladder.while_pregnant
            swap = Change(ladder.id, "swap", f"{stand_in.name} instead of the {ladder.name.lower()}: in pregnancy, "
                                             "lying on your back can make you light-headed.")
            changes.append(swap)
            if swap.key not in declined:
                steps_today.append(RoutineStep(stand_in, step.reps, stand_in.tempo, "none", ladder.id))
                continue
        if move.easier is not None:
            carried = Change(ladder.id, "easier", f"{ladder.rungs[seq[position].rung].name} the easier way you "
                                                  f"chose last time: {move.easier[1]}.")
            changes.append(carried)
            if carried.key not in declined:
                easier[move.easier[0]] = move.easier[1]
        doses[ladder.id] = seq[position]
        steps_today.append(apply(step, ladder, seq[position]))
    today = replace(routine, steps=tuple(steps_today))
    capped = _capped(Plan(today, doses, tuple(changes), frozenset(declined), easier), routine, ladders, rules,
                     extra_set_side)
    return replace(capped, moves=tuple(_name(step, ladders, capped.doses, routine) for step in capped.routine.steps))


def _name(step: RoutineStep, ladders: Mapping[str, Ladder], doses: Mapping[str, Dose], template: Routine) -> str:
    """A move of today's routine by name: its step on the ladder, or its exercise when swapped."""
    dose, ladder = doses.get(step.ladder), ladders.get(step.ladder)
    if dose is None or ladder is None:
        return step.exercise.name
    base = next(s.reps for s in template.steps if s.ladder == step.ladder)
    return step_name(ladder, dose, base)


def _unchanged(ladder: Ladder, seq: Sequence[Dose], sessions: Sequence[Session], position: int,
               change: Change) -> int:
    """The step a move stays at when its change is turned down: where it was last time."""
    if change.kind == "start":
        return 0
    done = _recent(sessions, ladder, 1)
    return _position(seq, done[-1][1]) if done else position


def _capped(plan_: Plan, template: Routine, ladders: Mapping[str, Ladder], rules: LadderRules,
            extra_set_side: str | None) -> Plan:
    """`plan_`, with steps up dropped (the last first) while the routine runs past its cap."""
    ups = [c for c in plan_.changes if c.kind == "up" and c.key not in plan_.declined]
    while ups and Timeline.from_routine(plan_.routine, extra_set_side).total > rules.max_routine_s:
        dropped = ups.pop()
        base = next(step for step in template.steps if step.ladder == dropped.ladder)
        ladder = ladders[dropped.ladder]
        seq = steps(ladder, base.reps, rules)
        dose = seq[_position(seq, plan_.doses[dropped.ladder]) - 1]
        routine = replace(plan_.routine, steps=tuple(
            apply(base, ladder, dose) if step.ladder == dropped.ladder else step for step in plan_.routine.steps))
        plan_ = replace(plan_, routine=routine, doses=plan_.doses | {dropped.ladder: dose},
                        changes=tuple(c for c in plan_.changes if c != dropped))
    return plan_
