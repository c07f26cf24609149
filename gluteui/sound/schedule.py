"""Which utterance is said next: one at a time, a stale lower one dropped. Pure; time is an argument."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gluteui.core.speech import Utterance

MAX_WAITING = 3
"""Utterances kept waiting at most; past that the oldest goes (it would be said late anyway)."""


class SpeechQueue:
    """The utterance playing now and the few waiting behind it.

    While one plays (from `take` until the seconds given to `playing_for` have passed), a new
    one of lower priority than it is dropped: a rep count said late is wrong. One of equal or
    higher priority waits, and the waiting ones of lower priority than the newcomer are dropped,
    so a rep tick never delays an exercise's name or a side switch.
    """

    def __init__(self, max_waiting: int = MAX_WAITING) -> None:
        self.max_waiting = max_waiting
        self.waiting: list[Utterance] = []
        self.playing: Utterance | None = None
        self.ends_at = 0.0
        """When the one playing ends: infinity between `take` and `playing_for`."""

    def busy(self, now: float) -> bool:
        """Whether an utterance is still being said at `now`."""
        return self.playing is not None and now < self.ends_at

    def offer(self, utterance: Utterance, now: float) -> bool:
        """Queue `utterance` to be said; False when it is dropped as stale. One that cuts
        (see Utterance.cuts) is next, alone: the caller stops the one playing."""
        if utterance.cuts:
            self.playing, self.waiting = None, [utterance]
            return True
        if not self.busy(now):
            self.playing = None
        ahead = [u.priority for u in self.waiting] + ([self.playing.priority] if self.playing else [])
        if ahead and utterance.priority < max(ahead):
            return False
        self.waiting = [u for u in self.waiting if u.priority >= utterance.priority]
        self.waiting.append(utterance)
        del self.waiting[: -self.max_waiting]
        return True

    def take(self, now: float) -> Utterance | None:
        """The utterance to start saying at `now`, if nothing is being said; it counts as
        playing, with no end yet, until `playing_for` says how long it lasts."""
        if self.busy(now) or not self.waiting:
            return None
        self.playing = self.waiting.pop(0)
        self.ends_at = float("inf")
        return self.playing

    def playing_for(self, seconds: float, now: float) -> None:
        """The utterance taken last lasts `seconds` from `now` (the sum of its clips)."""
        self.ends_at = now + seconds

    def finished(self) -> None:
        """The utterance playing has ended (its clips are done, or it could not be said)."""
        self.playing = None
