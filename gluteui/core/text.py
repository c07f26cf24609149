"""Formatting numbers for people, in one place: clock times and plurals."""

from __future__ import annotations

import math


def clock(seconds: float) -> str:
    """Seconds as m:ss, rounded up so a countdown never shows 0:00 early."""
    whole = math.ceil(max(seconds, 0.0) - 1e-9)
    return f"{whole // 60}:{whole % 60:02d}"


def plural(count: int, word: str, words: str | None = None) -> str:
    """ "1 day", "3 days"; `words` for an irregular plural ("1 rep", "2 reps" need none)."""
    return f"{count} {word if count == 1 else (words or word + 's')}"
