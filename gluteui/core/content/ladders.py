"""Ladders: content/ladders.toml, validated. How each move grows from its easiest rung up.

A rung is an exercise with the band and tempo it is done with; the routine's steps name a
ladder, and gluteui.core.routine.progression decides the rung from the user's history.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from gluteui.core.content.exercises import (
    BANDS,
    REPS_MAX,
    REST_MAX_S,
    Exercise,
    Tempo,
    tempo_of,
)
from gluteui.core.content.fields import Entry, Problems, read_toml

FILE = "ladders.toml"
HOLD_CAP_MAX_S = 10
"""The most a rules table may allow for a hold: past that it is an isometric workout."""


@dataclass(frozen=True)
class Rung:
    """One step of a ladder: an exercise, with its band and tempo."""

    id: str
    name: str
    exercise: Exercise
    band: str
    tempo: Tempo
    tested_by: tuple[str, ...]
    """Squeeze-test steps that, all at their best, show this rung is a safe place to start."""
    needs: str = ""
    """What to have at hand for this rung, as Home says it ("a mini band"); "" for nothing."""


@dataclass(frozen=True)
class Ladder:
    """A move's rungs from the easiest up, and what replaces it in pregnancy."""

    id: str
    name: str
    rungs: tuple[Rung, ...]
    while_pregnant: Exercise | None

    def rung(self, rung_id: str) -> int | None:
        """The position of the rung called `rung_id`, or None (content changed since)."""
        return next((n for n, rung in enumerate(self.rungs) if rung.id == rung_id), None)


def same_move(ladders: Mapping[str, Ladder], exercise_id: str) -> set[str]:
    """Every exercise of the ladder `exercise_id` is on: one move at any of its rungs."""
    for ladder in ladders.values():
        ids = {rung.exercise.id for rung in ladder.rungs}
        if exercise_id in ids:
            return ids
    return {exercise_id}


@dataclass(frozen=True)
class LadderRules:
    """When a move goes up, and how far it may go."""

    clean_sessions: int
    max_reps: int
    max_hold_s: float
    max_routine_s: float
    rep_step: int
    hold_step: float


def load_ladders(
    folder: Path, exercises: dict[str, Exercise], problems: Problems,
) -> tuple[dict[str, Ladder], LadderRules]:
    """Read and check content/ladders.toml; every exercise must be on a ladder (or stand in
    for one in pregnancy), so none is left without a way to grow or shrink."""
    data = read_toml(folder / FILE, problems)
    if data is None:  # the file's own problem is recorded; listing every field too is noise
        return {}, LadderRules(1, 1, 0, 60, 1, 1)
    rules_entry = Entry(FILE, "rules", data.get("rules", {}), problems)
    rules = LadderRules(
        clean_sessions=rules_entry.integer("clean_sessions", minimum=1, maximum=10),
        max_reps=rules_entry.integer("max_reps", minimum=1, maximum=REPS_MAX),
        max_hold_s=rules_entry.number("max_hold_s", maximum=HOLD_CAP_MAX_S),
        max_routine_s=rules_entry.number("max_routine_s", minimum=60, maximum=2 * REST_MAX_S),
        rep_step=rules_entry.integer("rep_step", minimum=1, maximum=10),
        hold_step=rules_entry.number("hold_step", maximum=HOLD_CAP_MAX_S, exclusive=True),
    )
    rules_entry.finish()
    ladders: dict[str, Ladder] = {}
    for ladder_id, raw in data.items():
        if ladder_id == "rules":
            continue
        entry = Entry(FILE, ladder_id, raw, problems)
        rungs = [rung for n, raw_rung in enumerate(entry.tables("rungs"), start=1)
                 if (rung := _rung(Entry(FILE, f"{ladder_id}.rungs[{n}]", raw_rung, problems),
                                   exercises)) is not None]
        if not rungs:
            entry.fail("rungs", "must list at least one rung")
        pregnant_id = entry.optional_text("while_pregnant")
        pregnant = exercises.get(pregnant_id or "")
        if pregnant_id and pregnant is None:
            entry.fail("while_pregnant", f"unknown exercise {pregnant_id!r}")
        ladders[ladder_id] = Ladder(ladder_id, entry.text("name"), tuple(rungs), pregnant)
        entry.finish()
    _check(ladders, exercises, problems)
    return ladders, rules


def _rung(entry: Entry, exercises: dict[str, Exercise]) -> Rung | None:
    exercise_id = entry.text("exercise")
    exercise = exercises.get(exercise_id)
    if exercise is None:
        entry.fail("exercise", f"unknown exercise {exercise_id!r}")
        return None
    tested_by = entry.texts("tested_by", default=[], non_empty=False)
    band = entry.choice("band", BANDS, default="none")
    needs = entry.optional_text("needs") or ""
    if band != "none" and not needs:
        entry.fail("needs", "a rung with a band must say what to have at hand (needs = \"a mini band\")")
    rung = Rung(entry.text("id"), entry.text("name"), exercise, band, tempo_of(entry, exercise.tempo), tested_by,
                needs)
    entry.finish()
    return rung


def needs(ladders: Mapping[str, Ladder], rungs: Mapping[str, int]) -> list[str]:
    """What to have at hand for the moves on `rungs` (ladder id -> rung index), each once, in order."""
    found: list[str] = []
    for ladder_id, index in rungs.items():
        ladder = ladders.get(ladder_id)
        if ladder is not None and index < len(ladder.rungs) and ladder.rungs[index].needs not in ("", *found):
            found.append(ladder.rungs[index].needs)
    return found


def _check(ladders: dict[str, Ladder], exercises: dict[str, Exercise], problems: Problems) -> None:
    on_a_ladder = {rung.exercise.id for ladder in ladders.values() for rung in ladder.rungs}
    on_a_ladder |= {ladder.while_pregnant.id for ladder in ladders.values() if ladder.while_pregnant}
    for exercise_id in exercises:
        if exercise_id not in on_a_ladder:
            problems.add(FILE, "", "", f"exercise {exercise_id!r} is on no ladder: how would it grow or shrink?")
    for ladder in ladders.values():
        ids = [rung.id for rung in ladder.rungs]
        for repeated in sorted({i for i in ids if ids.count(i) > 1}):
            problems.add(FILE, ladder.id, "rungs", f"{repeated!r} names more than one rung")


def check_tested_by(ladders: dict[str, Ladder], quiz_steps: set[str], problems: Problems) -> None:
    """Every squeeze-test step a rung names must be one quiz.toml has (read after the ladders)."""
    for ladder in ladders.values():
        for number, rung in enumerate(ladder.rungs, start=1):
            for step in rung.tested_by:
                if step not in quiz_steps:
                    problems.add(FILE, f"{ladder.id}.rungs[{number}]", "tested_by",
                                 f"{step!r} is not a squeeze-test step in quiz.toml")
