"""The shipped voice clips: one per phrase and exercise name, valid, level, small, and current."""

from __future__ import annotations

import array
import math
import tomllib
import wave
from pathlib import Path

import pytest

from gluteui.core.content.load import load_content
from gluteui.sound import SAMPLE_RATE

CONTENT = Path(__file__).parents[2] / "content"
VOICE = CONTENT / "voice"
LIMIT_BYTES = 5 * 1024 * 1024
"""A clip for every setup line and switch hint is about 2 MB of it (see tools/render_voice.py)."""
TARGET_DB = -18.0
"""The loudness `make voice` levels every clip to (tools/render_voice.py)."""


def spoken() -> dict[str, str]:
    """key -> text for every clip the app may ask for, as `make voice` renders them."""
    return load_content(CONTENT).phrases


def samples(path: Path) -> array.array:
    with wave.open(str(path)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, SAMPLE_RATE)
        return array.array("h", wav.readframes(wav.getnframes()))


def db(value: float) -> float:
    return 20 * math.log10(max(value, 1e-9))


def voiced_rms_db(values: array.array) -> float:
    """Loudness over the 20 ms windows louder than -45 dBFS, as the renderer measures it."""
    size = SAMPLE_RATE // 50
    levels = []
    for start in range(0, len(values), size):
        part = values[start : start + size]
        levels.append(math.sqrt(sum(v * v for v in part) / len(part)) / 32768)
    voiced = [level for level in levels if db(level) > -45]
    return db(math.sqrt(sum(level * level for level in voiced) / len(voiced)))


def test_the_exercise_names_are_spoken():
    assert {"exercise-clamshell", "exercise-single_leg_bridge", "exercise-lateral_band_walk"} <= set(spoken())


def test_the_squeeze_test_s_positions_are_spoken():
    assert {"position-stance_left", "position-bridge_right", "start-hold", "time"} <= set(spoken())


def test_every_phrase_has_a_clip_and_no_clip_is_left_over():
    clips = {path.stem for path in VOICE.glob("*.wav")}
    assert sorted(set(spoken()) - clips) == [], "run `make voice`"
    assert sorted(clips - set(spoken())) == []


def test_each_clip_says_the_current_text():
    with (VOICE / "clips.toml").open("rb") as file:
        rendered = tomllib.load(file)
    assert rendered["clips"] == spoken(), "a phrase changed since its clip was made: run `make voice`"
    assert rendered["voice"] == "cmu_us_slt"


@pytest.mark.parametrize("key", sorted(spoken()))
def test_each_clip_is_short_clear_and_as_loud_as_the_others(key: str):
    values = samples(VOICE / f"{key}.wav")
    seconds = len(values) / SAMPLE_RATE
    # Said between reps, a clip must be short; a setup line is said in a lead-in made long
    # enough for it (test_spoken checks each one fits).
    assert 0.25 < seconds < (8.0 if key.startswith(("setup-", "hint-")) else 3.0)
    peak = max(abs(v) for v in values) / 32768
    assert -14 < db(peak) <= -0.9  # loud enough across a room, never clipped
    assert voiced_rms_db(values) == pytest.approx(TARGET_DB, abs=1.5)
    # Trimmed: it starts and ends within 0.1 s of speech.
    edge = int(0.1 * SAMPLE_RATE)
    assert max(abs(v) for v in values[:edge]) > 300 and max(abs(v) for v in values[-edge:]) > 100


def test_all_clips_fit_in_five_megabytes():
    total = sum(path.stat().st_size for path in VOICE.glob("*.wav"))
    assert 0 < total <= LIMIT_BYTES
