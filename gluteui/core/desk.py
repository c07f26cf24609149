"""The desk routine: a short standing squeeze during the working day, counted apart.

Its sessions never make an activation day, never make a run "activated" and never move a
ladder: the pre-run habit is what the streak measures, and a minute at the desk at 11:00 is
not glutes woken before a 19:00 run. The history keeps them as sessions of this routine id
(older files read as before), and the reader hands them out apart (History.desk_sessions),
so every figure that reads History.sessions leaves them out without knowing they exist.
"""

from __future__ import annotations

DESK_ROUTINE = "desk"
"""The desk routine's id in content/routines.toml, and `routine_id` of its sessions."""
NOT_STARTED = "No desk wake-up done: turned down before it began, so nothing was saved."
"""`gluteui desk`'s line when a health question, a hold or today's plan was turned down."""


def is_desk(routine_id: str) -> bool:
    """Whether a session of `routine_id` is a desk wake-up (counted apart)."""
    return routine_id == DESK_ROUTINE


def farewell(done_reps: int, planned_reps: int, finished: bool) -> str:
    """The line `gluteui desk` leaves in the shell: what was done, and that it counts apart."""
    if done_reps == 0:
        return "Desk wake-up stopped before a squeeze: nothing to save."
    how = "done" if finished and done_reps >= planned_reps else "stopped"
    return (f"Desk wake-up {how}: {done_reps} of {planned_reps} squeezes, saved. "
            "It counts in Progress's desk line, not in your pre-run streak.")
