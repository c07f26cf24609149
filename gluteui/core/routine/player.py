"""What the routine player shows and which cues it sounds, derived from timeline states.

The screen asks `player_view(state)` on every tick and applies only what changed;
`cues_between(before, after)` says which sounds the step between two ticks deserves.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from gluteui.core.content.exercises import Exercise, Routine
from gluteui.core.routine.timeline import REP_KINDS, Timeline, TimelineState

PHASE_WORDS = {
    "get_ready": "Get ready",
    "intro": "Next up",
    "up": "Lift",
    "hold": "Squeeze and hold",
    "down": "Lower",
    "switch": "Switch sides",
    "rest": "Rest",
    "done": "Done",
}
BREAK_KINDS = ("get_ready", "intro", "switch", "rest", "done")
BAND_WORDS = {
    "none": "",
    "knees": "Mini-band just above the knees.",
    "ankles": "Mini-band around the ankles.",
    "feet": "Mini-band around the feet.",
}
COUNTDOWN_FROM = 3
"""The last seconds of a break are counted down aloud: 3, 2, 1."""


@dataclass(frozen=True)
class PlayerView:
    """Everything the routine screen shows at one instant."""

    kind: str
    is_break: bool
    exercise_id: str | None
    exercise_name: str
    where: str
    side: str | None
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


def clock(seconds: float) -> str:
    """Seconds as m:ss, rounded up so a countdown never shows 0:00 early."""
    whole = math.ceil(max(seconds, 0.0) - 1e-9)
    return f"{whole // 60}:{whole % 60:02d}"


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


def _break_words(
    state: TimelineState, exercise: Exercise | None, upcoming: Exercise | None, band: str
) -> tuple[str, str]:
    kind = state.kind
    side = f" - {state.side.upper()} side" if state.side else ""
    if kind == "done":
        return "Routine done", "Nice work. Feel that warmth in the right spot? Go and run."
    if kind == "switch" and exercise is not None:
        return f"Switch sides: {state.side.upper() if state.side else ''}", exercise.switch_hint
    if kind == "rest":
        if upcoming is not None:
            return "Rest", f"Up next: {upcoming.name}. Breathe, shake the legs out."
        return "Rest", "Breathe and shake the legs out."
    if exercise is None:
        return PHASE_WORDS[kind], ""
    return f"{PHASE_WORDS[kind]}: {exercise.name}{side}", " ".join((*exercise.setup, band)).strip()


def player_view(
    state: TimelineState, timeline: Timeline, routine: Routine, reduced_motion: bool
) -> PlayerView:
    """Everything the routine screen shows at one moment."""
    steps = {step.exercise.id: step for step in routine.steps}
    exercise = steps[state.exercise_id].exercise if state.exercise_id in steps else None
    upcoming = steps[state.next_exercise_id].exercise if state.next_exercise_id in steps else None
    shown = exercise or upcoming
    band = BAND_WORDS[steps[shown.id].band] if shown else ""
    is_break = state.kind in BREAK_KINDS
    title, text = _break_words(state, exercise, upcoming, band) if is_break else ("", "")
    frames = len(shown.figure) if shown else 1
    cue = ""
    if shown is not None and state.kind in REP_KINDS and shown.cues:
        cue = shown.cues[((state.rep or 1) - 1) % len(shown.cues)]
    total = timeline.total
    sets = len(timeline.sets)
    set_number = (state.set_index + 1) if state.set_index is not None else None
    return PlayerView(
        kind=state.kind,
        is_break=is_break,
        exercise_id=shown.id if shown else None,
        exercise_name=shown.name if shown else "",
        where=f"Feel it: {shown.feel_it} {band}".strip() if shown else "",
        side=state.side,
        rep=state.rep,
        reps=state.reps,
        phase_word=PHASE_WORDS[state.kind],
        phase_progress=state.progress,
        frame=figure_frame(state.kind, state.progress, frames, reduced_motion),
        cue=cue,
        break_title=title,
        break_text=text,
        phase_seconds_left=math.ceil(max(state.phase.end - state.elapsed, 0.0) - 1e-9)
        if not state.finished else 0,
        routine_progress=min(state.elapsed / total, 1.0) if total else 1.0,
        time_left=clock(state.time_left),
        set_label=f"set {set_number} of {sets}" if set_number else f"{sets} sets",
    )


def cues_between(before: TimelineState | None, after: TimelineState) -> list[str]:
    """The sounds for moving from `before` to `after` (one tick). Late ticks cue only the latest."""
    if before is not None and before.phase == after.phase:
        if after.kind in ("get_ready", "switch", "rest", "intro"):
            left_before = math.ceil(before.phase.end - before.elapsed - 1e-9)
            left_after = math.ceil(after.phase.end - after.elapsed - 1e-9)
            if left_after < left_before and 1 <= left_after <= COUNTDOWN_FROM:
                return ["countdown"]
        return []
    kind = after.kind
    if kind == "done":
        return ["routine_done"]
    if kind == "up":
        return ["rep"]
    if kind == "hold":
        return ["hold_start"]
    if kind == "down":
        return ["hold_end"] if before is not None and before.kind == "hold" else []
    if kind == "switch":
        return ["switch"]
    if kind in ("rest", "intro") and before is not None and before.kind in REP_KINDS:
        return ["exercise_done"] if before.exercise_id != after.next_exercise_id else []
    return []
