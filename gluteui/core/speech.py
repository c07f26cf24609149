"""What the app says aloud: phrases (one clip each) and utterances (what to say at once).

Pure data shared by the routine (which decides what to say when) and the sound layer
(which finds a clip for each phrase, or a speech engine, or a tone).
"""

from __future__ import annotations

from dataclasses import dataclass

SOUND_MODES = ("voice", "tones", "off")
"""How the app cues: spoken words (with tones where no words fit), tones only, or silence
(the bell and a flash stand in)."""
DEFAULT_SOUND_MODE = "voice"

SPOKEN_KEYS = ("get-ready", "hold", "release", "rest", "up-next", "side-left",
               "switch-left", "switch-right", "done", "done-hurt", "paused", "go")
"""The phrases the routine says (content/voice/phrases.toml must give each one its words);
counts (count-1, ...) fall back to the number itself, exercises to their names. Every
exercise starts on the left, so the right side is only ever reached by a switch."""

CHARS_PER_S = 14.0
"""A little slower than the clips speak (15 to 17 characters a second): a lead-in is made
long enough to say its setup before the count-in (tests/unit/test_spoken.py checks each)."""


def speaking_s(lines: tuple[str, ...] | list[str]) -> float:
    """About how long saying `lines` takes, one after the other."""
    return sum(len(line) for line in lines) / CHARS_PER_S


TICK, STEP, NAME = 1, 2, 3
"""Priorities. A rep count (TICK) never cuts a hold or a rest (STEP), and neither cuts an
exercise's name or a side switch (NAME): a lower one is dropped while a higher one plays."""


@dataclass(frozen=True)
class Phrase:
    """One clip: `key` names content/voice/<key>.wav; `text` is what it says."""

    key: str
    text: str


@dataclass(frozen=True)
class Utterance:
    """Phrases said one after the other, at one priority, with the tone to use without a voice."""

    phrases: tuple[Phrase, ...]
    priority: int
    tone: str | None = None
    """The cue (see gluteui.sound.CUES) that stands in when the app is set to tones."""
    cuts: bool = False
    """Said at once, cutting short whatever is being said and dropping what waits: the user
    pressed a key (pause, resume, redo), so what was being said no longer applies."""

    @property
    def text(self) -> str:
        return " ".join(phrase.text for phrase in self.phrases)
