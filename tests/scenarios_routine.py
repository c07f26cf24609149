"""Snapshot and screenshot scenarios of the routine player (collected by tests/scenarios.py).

Moments are found in the standard routine's own timeline, so a change of tempo in
content/ moves them with it: the middle of clamshell rep 3's opening, the top of the first
bridge (a new user's two-leg bridge, with its 1 s squeeze), the first switch of sides.
"""

from __future__ import annotations

from gluteui import locations
from gluteui.core.content.load import load_content
from gluteui.core.lead_in import LeadIn
from gluteui.core.routine.timeline import Timeline
from tests.scenario_base import Scenario, seen_welcome

START = ("enter",)
BIG = (200, 50)
"""The player is followed from a mat 2 m away: the big terminal is where it must shine."""

_PHASES = Timeline.from_routine(load_content(locations.content_dir()).routines["standard"], None, LeadIn()).phases
_REP_3 = next(p for p in _PHASES if p.kind == "up" and p.rep == 3)
_BRIDGE_HOLD = next(p for p in _PHASES if p.kind == "hold" and p.exercise_id == "glute_bridge")
_SWITCH = next(p for p in _PHASES if p.kind == "switch")
MID_REP = _REP_3.start + _REP_3.duration / 2
HOLD = _BRIDGE_HOLD.start + 0.5
SWITCH = _SWITCH.start + 1.0


def summary_core(app) -> list[str]:
    """The summary: the reps the saved session holds, and each feel question it asks."""
    from gluteui.core.text import plural

    session = app.services.store.sessions()[-1]
    exercises = app.services.content.exercises
    return [f"{session.done_reps} of {session.planned_reps} {plural(session.planned_reps, 'rep')}"] + [
        exercises[e].feel_check for e, done in session.reps.items() if sum(done.values())
    ]


def moments(suffix: str, size: tuple[int, int] | None) -> tuple[Scenario, ...]:
    """Mid-rep, hold, switch and paused at one terminal size."""
    where = f" at {size[0]}x{size[1]}" if size else ""
    return (
        Scenario(
            f"routine-mid-rep{suffix}",
            shows=f"Halfway through opening clamshell rep 3 of 15 on the left{where}: the side "
            "band LEFT, the big rep number and OPEN, the phase bar half full, the figure between "
            "poses, the cue for opening and what LEFT means for a clamshell.",
            press=START, prepare=seen_welcome, advance=MID_REP, size=size,
        ),
        Scenario(
            f"routine-hold{suffix}",
            shows=f"Half a second into the 1 s squeeze at the top of a new user's first two-leg bridge{where}: "
            "SQUEEZE with a cue about squeezing (not lowering), and no side: both legs work.",
            press=START, prepare=seen_welcome, advance=HOLD, size=size,
        ),
        Scenario(
            f"routine-switch-sides{suffix}",
            shows=f"The break after the left clamshell set{where}: Switch sides: RIGHT with its "
            "countdown in big digits, how to roll over and what RIGHT means, the band turned RIGHT.",
            press=START, prepare=seen_welcome, advance=SWITCH, size=size,
        ),
        Scenario(
            f"routine-paused{suffix}",
            shows=f"Paused mid-rep{where}: PAUSED fills the stage, the keys to resume or stop say "
            "what happens, and the footer offers Resume rather than Pause.",
            press=START, prepare=seen_welcome, advance=MID_REP, then=("space",), size=size,
        ),
    )


SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "routine-get-ready",
        shows="One second into the standard routine: the get-ready countdown for the left-side "
        "clamshell, what LEFT means, its setup instructions, and the side band LEFT.",
        press=START, prepare=seen_welcome, advance=1.0,
    ),
    *moments("", None),
    *moments("-200x50", BIG),
    Scenario(
        "routine-reduced-motion",
        shows="The same moment as routine-mid-rep with reduced motion on: the figure shows the "
        "top of the move outright instead of an in-between frame, everything else unchanged.",
        press=START, prepare=seen_welcome, advance=MID_REP,
        overrides={"reduced_motion": True},
    ),
    Scenario(
        "routine-summary",
        shows="After the whole standard routine: done in 5:23 with 66 of 66 reps, reps per "
        "exercise and side, and the feel check asking where each move landed, the first "
        "question with its four answers; at 60x20 all three questions still fit.",
        press=START, prepare=seen_welcome, advance=400.0, core=summary_core,
    ),
    Scenario(
        "routine-stopped",
        shows="Stopped part-way through the clamshells' right side: the summary says what was "
        "done and that it is saved, and asks the feel check for the clamshell only.",
        press=START, prepare=seen_welcome, advance=SWITCH + 20, then=("escape", "s"), core=summary_core,
    ),
)
