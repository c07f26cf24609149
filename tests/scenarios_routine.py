"""Snapshot and screenshot scenarios of the routine player (collected by tests/scenarios.py).

The standard routine starts with a 5 s get-ready; a clamshell rep is 2 s up, 0.5 s hold
and 2 s down, so 15.0 s in is the middle of rep 3's lift and 16.2 s its hold.
"""

from __future__ import annotations

from tests.scenario_base import Scenario, seen_welcome

START = ("enter",)

SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        "routine-get-ready",
        shows="One second into the standard routine: the get-ready countdown at 4 for the "
        "left-side clamshell, its setup instructions, and the side banner LEFT.",
        press=START, prepare=seen_welcome, advance=1.0,
    ),
    Scenario(
        "routine-mid-rep",
        shows="Halfway through the lift of clamshell rep 3 of 15 on the left: the figure in "
        "between poses, the LIFT phase bar half full, and the form cue.",
        press=START, prepare=seen_welcome, advance=15.0,
    ),
    Scenario(
        "routine-hold",
        shows="The top of clamshell rep 3 on the left: SQUEEZE AND HOLD with its bar counting "
        "down and the figure at full lift.",
        press=START, prepare=seen_welcome, advance=16.2,
    ),
    Scenario(
        "routine-switch-sides",
        shows="The break after the left clamshell set: Switch sides: RIGHT with its countdown, "
        "how to roll over, and the side banner turned to RIGHT.",
        press=START, prepare=seen_welcome, advance=74.0,
    ),
    Scenario(
        "routine-reduced-motion",
        shows="The same moment as routine-mid-rep with reduced motion on: the figure shows the "
        "lifted pose outright instead of an in-between frame, everything else unchanged.",
        press=START, prepare=seen_welcome, advance=15.0,
        overrides={"reduced_motion": True},
    ),
    Scenario(
        "routine-summary",
        shows="After the whole standard routine: done in 5:23 with 66 of 66 reps, reps per "
        "exercise and side, and the feel check asking where each move landed.",
        press=START, prepare=seen_welcome, advance=400.0,
    ),
)
