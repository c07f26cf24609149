"""Exercises: content/exercises.toml, validated; and the shapes of routines (loaded by
gluteui.core.content.routines, once the ladders are known).

Each loader records every mistake in `problems` (file, entry, field) and carries on, so
`gluteui check-content` can list them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gluteui.core.content.fields import Entry, Problems, read_toml
from gluteui.core.sides import SIDES, Side

BANDS = ("none", "knees", "ankles", "feet")
REP_PARTS = ("up", "hold", "down")
"""The parts of one rep, in order; the timeline calls its phases by the same names."""
FIGURE_FRAME_BREAK = "~~~"
FIGURE_MAX_LINES = 9
FIGURE_MAX_WIDTH = 34
REPS_MAX = 100
"""Reps in one set: the bundled sets have 5-15; a hundred is no longer an activation primer."""
REP_PART_MAX_S = 60
"""Seconds for one part of a rep (up, hold or down): the bundled parts take 0.5-2 s. A
minute is already a long isometric hold; more is a typo, such as milliseconds for seconds."""
POSITION_MAX_S = 120
"""Seconds to get into position (get_ready_s before the first set, switch_s between sides):
two minutes is plenty to lie down or roll over; 0 leaves the pause out."""
REST_MAX_S = 600
"""Seconds of rest between exercises: ten minutes would let the glutes go back to sleep."""

@dataclass(frozen=True)
class Tempo:
    """Seconds for each part of one rep."""

    up_s: float
    hold_s: float
    down_s: float


@dataclass(frozen=True)
class Mistake:
    """A common way to get an exercise wrong, and how to put it right."""

    mistake: str
    fix: str


@dataclass(frozen=True)
class Exercise:
    """One activation move as the routine coaches it, read from exercises.toml."""

    id: str
    name: str
    target: str
    feel_it: str
    setup: tuple[str, ...]
    per_side: bool
    switch_hint: str
    sides: dict[Side, str]
    """What each side means for this move ("lie on your right side; the left knee opens");
    empty when the move is not done per side."""
    reps: int
    tempo: Tempo
    words: dict[str, str]
    """What the player calls each part of a rep: "up", "hold" and "down" -> e.g. "Open"."""
    cues: dict[str, tuple[str, ...]]
    """Form cues for each part of a rep; the player shows one for the part you are in."""
    mistakes: tuple[Mistake, ...]
    easier: tuple[str, ...]
    """Easier ways to do the move, for pain or difficulty: offered by the routine and the feel check."""
    feel_check: str
    figure: tuple[str, ...]
    """Frames from rest (first) to the top of the rep (last)."""


@dataclass(frozen=True)
class RoutineStep:
    """One exercise within a routine, as it is done: the exercise, reps a side, tempo and band.

    `ladder` names the move's ladder (content/ladders.toml): the routine as loaded stands on
    its first rung, and the progression puts each step on the user's own rung.
    """

    exercise: Exercise
    reps: int
    tempo: Tempo
    band: str
    ladder: str = ""


@dataclass(frozen=True)
class Routine:
    """A named sequence of exercises with its timings, read from routines.toml."""

    id: str
    name: str
    summary: str
    get_ready_s: float
    switch_s: float
    rest_s: float
    steps: tuple[RoutineStep, ...]
    extra_set_on_weaker_side: bool

    @property
    def planned_reps(self) -> int:
        """Reps asked for in all, both sides counted, before any extra set."""
        return sum(step.reps * (2 if step.exercise.per_side else 1) for step in self.steps)


def _load_figure(folder: Path, exercise_id: str, entry: Entry) -> tuple[str, ...]:
    name = entry.text("figure")
    path = folder / "figures" / f"{name}.txt"
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        entry.fail("figure", f"no file figures/{name}.txt")
        return ()
    except (OSError, UnicodeDecodeError) as error:
        entry.fail("figure", f"figures/{name}.txt cannot be read ({error})")
        return ()
    frames = tuple(
        frame.strip("\n") for frame in text.split(f"\n{FIGURE_FRAME_BREAK}\n") if frame.strip()
    )
    where = f"figures/{name}.txt"
    if len(frames) < 2:
        entry.problems.add(where, exercise_id, "frames", "needs at least 2 frames")
    for number, frame in enumerate(frames, start=1):
        lines = frame.splitlines()
        if len(lines) > FIGURE_MAX_LINES or max(map(len, lines), default=0) > FIGURE_MAX_WIDTH:
            entry.problems.add(
                where, exercise_id, f"frame {number}",
                f"must fit in {FIGURE_MAX_WIDTH}x{FIGURE_MAX_LINES} characters",
            )
    # Pad every frame to the tallest at the top (figures stand on the floor), so the
    # animation never jumps and trailing-space-stripping editors cannot break it.
    height = max((len(frame.splitlines()) for frame in frames), default=0)
    return tuple("\n" * (height - len(frame.splitlines())) + frame for frame in frames)


def tempo_of(entry: Entry, fallback: Tempo | None = None) -> Tempo:
    """The up, hold and down seconds of `entry`, each defaulting to `fallback`'s when given."""
    def part(name: str, default: float | None) -> float:
        # A rep with no lift or no lowering would vanish from the timeline yet count as
        # planned; a hold of 0 is simply left out.
        above_zero = name != "hold_s"
        if default is None:
            return entry.number(name, maximum=REP_PART_MAX_S, exclusive=above_zero)
        return entry.number(name, default, maximum=REP_PART_MAX_S, exclusive=above_zero)

    return Tempo(
        up_s=part("up_s", fallback.up_s if fallback else None),
        hold_s=part("hold_s", fallback.hold_s if fallback else None),
        down_s=part("down_s", fallback.down_s if fallback else None),
    )


def _words(entry: Entry) -> dict[str, str]:
    words = {part: entry.text(part) for part in REP_PARTS}
    entry.finish()
    return words


def _cues(entry: Entry) -> dict[str, tuple[str, ...]]:
    cues = {part: entry.texts(part, default=[], non_empty=False) for part in REP_PARTS}
    if not any(cues.values()):
        entry.fail("", "must give at least one cue (up, hold or down)")
    entry.finish()
    return cues


def _sides(entry: Entry, per_side: bool) -> dict[Side, str]:
    if not per_side:
        if "sides" in entry.data:
            entry.fail("sides", "is only for exercises done per side")
        entry.seen.add("sides")
        return {}
    table = entry.table("sides")
    sides = {side: table.text(side) for side in SIDES}
    table.finish()
    return sides


def load_exercises(folder: Path, problems: Problems) -> dict[str, Exercise]:
    file = "exercises.toml"
    exercises: dict[str, Exercise] = {}
    for exercise_id, data in (read_toml(folder / file, problems) or {}).items():
        entry = Entry(file, exercise_id, data, problems)
        mistakes = []
        for number, raw in enumerate(entry.tables("mistakes"), start=1):
            item = Entry(file, f"{exercise_id}.mistakes[{number}]", raw, problems)
            mistakes.append(Mistake(mistake=item.text("mistake"), fix=item.text("fix")))
            item.finish()
        tempo = tempo_of(entry)
        per_side = entry.boolean("per_side")
        exercises[exercise_id] = Exercise(
            id=exercise_id,
            name=entry.text("name"),
            target=entry.text("target"),
            feel_it=entry.text("feel_it"),
            setup=entry.texts("setup"),
            per_side=per_side,
            switch_hint=entry.text("switch_hint", default=""),
            reps=entry.integer("reps", minimum=1, maximum=REPS_MAX),
            tempo=tempo,
            words=_words(entry.table("words")),
            cues=_cues(entry.table("cues")),
            sides=_sides(entry, per_side),
            mistakes=tuple(mistakes),
            easier=entry.texts("easier"),
            feel_check=entry.text("feel_check"),
            figure=_load_figure(folder, exercise_id, entry),
        )
        if exercises[exercise_id].per_side and not exercises[exercise_id].switch_hint:
            entry.fail("switch_hint", "is needed when per_side is true")
        entry.finish()
    if not exercises and not problems.lines:
        problems.add(file, "", "", "defines no exercise")
    return exercises
