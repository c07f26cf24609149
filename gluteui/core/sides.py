"""The one spelling of a side. A side is "left" or "right"; no side at all is None.

Content, the timeline, the squeeze test and the records all use these names. Only the
data file keeps its own key for reps done without a side (see history.records).
"""

from __future__ import annotations

from typing import Literal, TypeGuard

Side = Literal["left", "right"]
SIDES: tuple[Side, ...] = ("left", "right")
UNSIDED = "both"
"""The key a session's reps use for an exercise done without sides: JSON keys cannot be
None, and the data file has always said "both"."""


def is_side(value: object) -> TypeGuard[Side]:
    """True for "left" and "right", and for nothing else (None included)."""
    return value in SIDES

