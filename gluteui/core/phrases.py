"""A phrase by its key, with its words from content/voice/phrases.toml, for whatever speaks.

Shared by the squeeze test (gluteui.core.quiz.hold) and the routine's cues
(gluteui.core.routine.spoken).
"""

from __future__ import annotations

from collections.abc import Mapping

from gluteui.core.speech import Phrase

HOLD_KEYS = ("position", "start-hold", "time")
"""The phrases a timed check of the squeeze test says besides counts and its position:
"get into position", "hold" and "time" (content/voice/phrases.toml must give each its words)."""


def phrase(phrases: Mapping[str, str], key: str, fallback: str | None = None) -> Phrase:
    """The phrase `key` with its text from content/voice/phrases.toml (or `fallback`)."""
    return Phrase(key, phrases.get(key, fallback if fallback is not None else key))


def count(phrases: Mapping[str, str], number: int) -> Phrase:
    """A number said aloud: count-<number>, or the number itself without a clip."""
    return phrase(phrases, f"count-{number}", f"{number}.")
