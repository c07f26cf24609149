"""The speech queue: one utterance at a time; a stale lower one is dropped, a higher one waits."""

from __future__ import annotations

from gluteui.core.speech import NAME, STEP, TICK, Phrase, Utterance
from gluteui.sound.schedule import SpeechQueue

SECONDS = {"count-3": 0.4, "count-4": 0.4, "hold": 1.4, "rest": 0.5, "exercise-clamshell": 0.8,
           "switch-left": 1.6, "done": 1.7}
"""Clip lengths, as the shipped clips have them (roughly)."""


def say(key: str, priority: int) -> Utterance:
    return Utterance((Phrase(key, key),), priority)


class Voice:
    """Drives a SpeechQueue as the sound thread does, on a fake clock with known clip lengths."""

    def __init__(self) -> None:
        self.queue = SpeechQueue()
        self.heard: list[tuple[float, str]] = []
        self.clock = 0.0

    def offer(self, key: str, priority: int, now: float) -> bool:
        self.clock = now
        return self.queue.offer(say(key, priority), now)

    def run(self, end: float) -> None:
        """Say each waiting utterance as soon as it can be (after the last offer and the one
        playing), back to back, until `end`."""
        now = max(self.clock, self.queue.ends_at)
        while now <= end:
            taken = self.queue.take(now)
            if taken is not None:
                key = taken.phrases[0].key
                self.heard.append((now, key))
                self.queue.playing_for(SECONDS[key], now)
            if not self.queue.waiting:
                return
            now = self.queue.ends_at


def test_a_rep_tick_during_an_exercise_name_is_dropped():
    voice = Voice()
    assert voice.offer("exercise-clamshell", NAME, 0.0)
    voice.run(0.0)
    assert not voice.offer("count-3", TICK, 0.3)  # said at 0.8 s it would be stale
    voice.run(2.0)
    assert voice.heard == [(0.0, "exercise-clamshell")]


def test_a_tick_after_the_name_has_ended_is_said():
    voice = Voice()
    voice.offer("exercise-clamshell", NAME, 0.0)
    voice.run(0.0)
    assert voice.offer("count-3", TICK, 0.81)
    voice.run(0.81)
    assert voice.heard == [(0.0, "exercise-clamshell"), (0.81, "count-3")]


def test_a_name_waits_for_a_hold_and_replaces_a_waiting_tick():
    voice = Voice()
    voice.offer("hold", STEP, 0.0)
    voice.run(0.0)
    assert not voice.offer("count-3", TICK, 0.2)  # lower than the hold: dropped
    assert voice.offer("rest", STEP, 0.5)  # equal: waits
    assert voice.offer("switch-left", NAME, 0.9)  # higher: waits, and the rest is dropped
    assert [u.phrases[0].key for u in voice.queue.waiting] == ["switch-left"]
    voice.run(5.0)
    assert voice.heard == [(0.0, "hold"), (1.4, "switch-left")]


def test_a_tick_waits_behind_a_tick_and_order_is_kept():
    voice = Voice()
    voice.offer("count-3", TICK, 0.0)
    voice.run(0.0)
    assert voice.offer("count-4", TICK, 0.1)
    assert voice.offer("done", NAME, 0.2)  # replaces the waiting count-4
    assert not voice.offer("count-4", TICK, 0.3)  # would be said after the name: stale
    voice.run(5.0)
    assert voice.heard == [(0.0, "count-3"), (0.4, "done")]


def test_equal_priorities_keep_their_order_in_a_short_queue():
    voice = Voice()
    voice.offer("done", NAME, 0.0)
    voice.run(0.0)
    for key in ("switch-left", "exercise-clamshell", "hold", "rest"):
        assert voice.offer(key, NAME, 0.1)
    assert [u.phrases[0].key for u in voice.queue.waiting] == ["exercise-clamshell", "hold", "rest"]
    voice.run(10.0)
    assert [key for _, key in voice.heard] == ["done", "exercise-clamshell", "hold", "rest"]
    assert [t for t, _ in voice.heard] == [0.0, 1.7, 2.5, 3.9]


def test_nothing_is_taken_while_one_plays_with_no_length_yet():
    queue = SpeechQueue()
    queue.offer(say("hold", STEP), 0.0)
    assert queue.take(0.0) is not None
    queue.offer(say("rest", STEP), 0.1)
    assert queue.take(100.0) is None  # its clips are still being read: it has no end yet
    queue.playing_for(1.4, 100.0)
    assert queue.take(101.0) is None
    assert queue.take(101.4).phrases[0].key == "rest"


def test_finished_early_frees_the_voice():
    queue = SpeechQueue()
    queue.offer(say("hold", STEP), 0.0)
    queue.take(0.0)
    queue.playing_for(1.4, 0.0)
    queue.finished()
    assert queue.offer(say("count-3", TICK), 0.5)
    assert queue.take(0.5).phrases[0].key == "count-3"


def test_an_utterance_a_key_started_is_said_at_once_and_drops_what_waits():
    from gluteui.core.speech import NAME, STEP, Phrase, Utterance

    queue = SpeechQueue()
    setup = Utterance((Phrase("setup-clamshell-1", "Lie on your side."),), NAME)
    later = Utterance((Phrase("rest", "Rest."),), NAME)
    three = Utterance((Phrase("count-3", "Three."),), STEP, "countdown", cuts=True)
    queue.offer(setup, 0.0)
    queue.playing_for(5.0, queue.take(0.0) and 0.0)
    queue.offer(later, 1.0)
    assert queue.offer(three, 1.0), "a lower priority, yet not dropped"
    assert queue.take(1.0) == three
    assert queue.take(1.1) is None and queue.waiting == []
