"""What the routine player shows, derived from timeline states.

The screen asks `player_view(state)` on every tick and applies only what changed. What it
cues, by voice or tone, is gluteui.core.routine.spoken's one rule.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from gluteui.core.content.exercises import Exercise, Routine
from gluteui.core.lead_in import COUNTDOWN_FROM
from gluteui.core.routine.timeline import REP_KINDS, Phase, Timeline, TimelineState
from gluteui.core.sides import Side
from gluteui.core.text import clock

BREAK_WORDS = {
    "get_ready": "Get ready",
    "intro": "Next up",
    "switch": "Switch sides",
    "rest": "Rest",
    "done": "Done",
}
"""What the player calls each break; the parts of a rep are named by each exercise."""
BAND_WORDS = {
    "none": "",
    "knees": "Mini-band just above the knees.",
    "ankles": "Mini-band around the ankles.",
    "feet": "Mini-band around the feet.",
}

@dataclass(frozen=True)
class PlayerView:
    """Everything the routine player shows at one instant."""

    kind: str
    is_break: bool
    exercise_id: str | None
    exercise_name: str
    where: str
    side: Side | None
    """The side being worked, or in a break the side that comes next."""
    side_note: str
    """What that side means for this move, e.g. "LEFT: lie on your right side; ..."."""
    rep: int | None
    reps: int | None
    phase_word: str
    phase_progress: float
    frame: int
    cue: str
    break_title: str
    break_text: str
    phase_seconds_left: int
    routine_progress: float
    time_left: str
    set_label: str
    next_up: str = ""
    """What follows: in a set, what comes after it; in a break, the set it leads to."""


def side_note(exercise: Exercise | None, side: Side | None) -> str:
    """ "LEFT: lie on your right side; the left knee opens", or "" without a side."""
    if exercise is None or side is None or side not in exercise.sides:
        return ""
    return f"{side.upper()}: {exercise.sides[side]}."


def figure_frame(kind: str, progress: float, frames: int, reduced_motion: bool) -> int:
    """Which figure frame follows the rep: rising on 'up', top on 'hold', falling on 'down'."""
    top = frames - 1
    if reduced_motion or kind == "hold":
        # Held still under reduced motion: the top of the rep shows what the move is.
        return top
    if kind == "up":
        return round(progress * top)
    if kind == "down":
        return round((1.0 - progress) * top)
    return 0


def _setup(exercise: Exercise, band: str) -> str:
    """The setup a line at a time, as it is said: easier to follow from the mat than a paragraph."""
    return "\n".join(line for line in (*exercise.setup, band) if line)


def _break_words(
    state: TimelineState, exercise: Exercise | None, upcoming: Exercise | None, band: str, note: str,
    hurt: bool,
) -> tuple[str, str]:
    kind = state.kind
    if kind == "done":
        if hurt:
            return "Routine done", "Something hurt today: read the safety lesson before you run."
        return "Routine done", "Nice work. Did you feel it where you should? Go and run."
    side = state.side or state.next_side
    if kind == "switch" and exercise is not None:
        return f"Switch sides: {side.upper() if side else ''}", f"{exercise.switch_hint}. {note}".strip()
    if kind == "rest":
        if upcoming is None:
            return "Rest", "Breathe and shake the legs out."
        if exercise is not None and upcoming.id == exercise.id:
            # The extra set on the weaker side: same move, same setup.
            return f"Rest, then {side.upper() if side else 'the next'} side again", note
        return f"Rest. Up next: {upcoming.name}", "\n".join(filter(None, (note, _setup(upcoming, band))))
    if exercise is None:
        return BREAK_WORDS[kind], ""
    named = f" - {side.upper()} side" if side else ""
    return f"{BREAK_WORDS[kind]}: {exercise.name}{named}", "\n".join(filter(None, (note, _setup(exercise, band))))


def _cue(exercise: Exercise, kind: str, rep: int | None) -> str:
    """The form cue for this part of the rep, turning over from one rep to the next."""
    cues = exercise.cues.get(kind, ())
    return cues[((rep or 1) - 1) % len(cues)] if cues else ""


def player_view(
    state: TimelineState, timeline: Timeline, routine: Routine, reduced_motion: bool, hurt: bool = False,
) -> PlayerView:
    """Everything the routine player shows at one moment; `hurt`: something hurt in this run."""
    steps = {step.exercise.id: step for step in routine.steps}
    exercise = steps[state.exercise_id].exercise if state.exercise_id in steps else None
    upcoming = steps[state.next_exercise_id].exercise if state.next_exercise_id in steps else None
    # In a rest between two moves, the one coming up is what the screen is about.
    shown = upcoming if state.kind == "rest" and upcoming is not None else exercise or upcoming
    band = BAND_WORDS[steps[shown.id].band] if shown else ""
    is_break = state.kind not in REP_KINDS
    side = state.side or (state.next_side if is_break and state.kind != "done" else None)
    note = side_note(shown, side)
    title, text = _break_words(state, exercise, upcoming, band, note, hurt) if is_break else ("", "")
    frames = len(shown.figure) if shown else 1
    in_rep = None if is_break else shown  # the exercise whose rep is on; None in a break
    sets = len(timeline.sets)
    # In a break, the set it leads to: the label keeps one form from start to end.
    on = state.set_index if state.set_index is not None else state.next_set_index
    set_number = None if on is None or state.finished else on + 1
    total = timeline.total
    return PlayerView(
        kind=state.kind,
        is_break=is_break,
        exercise_id=shown.id if shown else None,
        exercise_name=shown.name if shown else "",
        where=f"Feel it: {shown.feel_it} {band}".strip() if shown else "",
        side=side,
        side_note=note,
        rep=state.rep,
        reps=state.reps,
        phase_word=in_rep.words[_shown_part(state)] if in_rep else BREAK_WORDS[state.kind],
        phase_progress=1.0 if _shown_part(state) != state.kind else state.progress,
        frame=figure_frame(state.kind, state.progress, frames, reduced_motion),
        cue=_cue(in_rep, _shown_part(state), state.rep) if in_rep else "",
        break_title=title,
        break_text=text,
        phase_seconds_left=math.ceil(max(state.phase.end - state.elapsed, 0.0) - 1e-9)
        if not state.finished else 0,
        routine_progress=min(state.elapsed / total, 1.0) if total else 1.0,
        time_left=clock(state.time_left),
        next_up=coming_next(timeline, state, {step.exercise.id: step.exercise.name for step in routine.steps}),
        set_label=f"set {set_number} of {sets}" if set_number else f"{sets} sets",
    )


SHOWN_HOLD_S = 1.0
"""A hold shorter than this is drawn as the top of the lift, not a word of its own: "HOLD"
for half a second only flickers, and cannot be read from the mat."""


def _shown_part(state: TimelineState) -> str:
    """The part of the rep the screen names: a short hold stays the lift that reached it."""
    return "up" if state.kind == "hold" and state.phase.duration < SHOWN_HOLD_S else state.kind


def counted_down(before: TimelineState, after: TimelineState) -> int | None:
    """The second (3, 2 or 1) the count-in reached between two ticks, if any: only in the
    break a set follows straight on, so a rest and the setup after it count in once."""
    if not before.phase.same_as(after.phase) or not after.leads_in:
        return None
    left_before = math.ceil(before.phase.end - before.elapsed - 1e-9)
    left_after = math.ceil(after.phase.end - after.elapsed - 1e-9)
    return left_after if left_after < left_before and 1 <= left_after <= COUNTDOWN_FROM else None


def coming_next(timeline: Timeline, state: TimelineState, names: Mapping[str, str]) -> str:
    """What follows: in a set, what comes after it; in a break, the set it leads to.

    `names` maps exercise ids to the names shown. Empty once the routine is done.
    """
    if state.finished:
        return ""
    phases = timeline.phases
    # Phases are laid end to end with no zero-length ones: starts are strictly increasing.
    here = bisect_left(phases, state.phase.start, key=lambda phase: phase.start)
    later = phases[here + 1:]
    if state.kind in REP_KINDS:
        after = next(p for p in later if p.kind not in REP_KINDS or p.set_index != state.set_index)
        return _after_set(after, later, names)
    rep = next((p for p in later if p.kind in REP_KINDS), None)
    if rep is None:
        return "Routine done"
    name = names.get(rep.exercise_id or "", "")
    return f"{name}, {rep.reps} reps" if rep.rep == 1 else f"{name}, rep {rep.rep} of {rep.reps}"


def _after_set(after: Phase, later: Sequence[Phase], names: Mapping[str, str]) -> str:
    if after.kind == "done":
        return "Routine done"
    if after.kind == "switch":
        return f"Switch to the {(after.side or '').upper()} side"
    if after.kind == "rest":
        coming = next((p for p in later if p.start > after.start and p.kind in REP_KINDS), None)
        name = names.get(coming.exercise_id or "", "") if coming else ""
        return f"Rest, then {name}" if name else "Rest"
    return names.get(after.exercise_id or "", "")
