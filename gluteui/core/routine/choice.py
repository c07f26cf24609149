"""Which routine Start activation runs, and the side a routine's extra set goes on.

Both follow from what the last squeeze test saved; a saved value that no longer fits the
content (a routine removed, a side spelled wrong by hand) falls back quietly.
"""

from __future__ import annotations

from collections.abc import Mapping

from gluteui.core.content.exercises import Routine
from gluteui.core.routine.timeline import Timeline
from gluteui.core.sides import Side, is_side

DEFAULT_ROUTINE_ID = "standard"


def recommended_routine(routines: Mapping[str, Routine], saved_id: object) -> Routine:
    """The squeeze test's pick when it still exists, else the standard one, else the first."""
    for routine_id in (saved_id, DEFAULT_ROUTINE_ID):
        if isinstance(routine_id, str) and routine_id in routines:
            return routines[routine_id]
    return next(iter(routines.values()))


def extra_set_side(routine: Routine, saved_side: object) -> Side | None:
    """The weaker side the squeeze test found, when `routine` adds a set on it."""
    if routine.extra_set_on_weaker_side and is_side(saved_side):
        return saved_side
    return None


def routine_seconds(routine: Routine, saved_side: object) -> float:
    """How long `routine` runs for this user, the extra set included."""
    return Timeline.from_routine(routine, extra_set_side(routine, saved_side)).total
