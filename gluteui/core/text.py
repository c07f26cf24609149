"""Formatting numbers for people, in one place: clock times and plurals."""

from __future__ import annotations

import math


def clock(seconds: float) -> str:
    """Seconds as m:ss, rounded up so a countdown never shows 0:00 early."""
    whole = math.ceil(max(seconds, 0.0) - 1e-9)
    return f"{whole // 60}:{whole % 60:02d}"


def plural(count: int, word: str, words: str | None = None) -> str:
    """The form of `word` that goes with `count`: "day" for 1, "days" otherwise.

    `words` is an irregular plural; the number itself is the caller's (it is often bold).
    """
    return word if count == 1 else (words or word + "s")
