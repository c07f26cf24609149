"""Tone cues: small WAVs made with the standard library, written once to the cache folder."""

from __future__ import annotations

from pathlib import Path

SAMPLE_RATE = 16000
"""The rate of every sound the app plays: the tones here and the voice clips (see content/voice)."""
VOLUME = 0.45
# cue -> notes as (frequency in Hz, seconds); 0 Hz is a short silence.
CUES: dict[str, tuple[tuple[float, float], ...]] = {
    "rep": ((880, 0.05),),
    "hold_start": ((660, 0.09), (990, 0.12)),
    "hold_end": ((990, 0.09), (660, 0.12)),
    "switch": ((523, 0.12), (0, 0.05), (784, 0.12), (0, 0.05), (1047, 0.18)),
    "countdown": ((740, 0.08),),
    "exercise_done": ((784, 0.12), (1047, 0.22)),
    "routine_done": ((523, 0.14), (659, 0.14), (784, 0.14), (1047, 0.35)),
}
SOUND_VERSION = "2"
"""Bump when CUES or SAMPLE_RATE change, so cached files are made anew."""


def cue_wav(name: str) -> bytes:
    """The cue as a mono 16-bit WAV, with short fades so it does not click."""
    # Imported here: WAVs are made on the sound thread, after the first screen.
    import io
    import math
    import struct
    import wave

    frames = bytearray()
    for frequency, seconds in CUES[name]:
        count = int(SAMPLE_RATE * seconds)
        fade = max(1, min(count // 4, int(SAMPLE_RATE * 0.01)))
        for i in range(count):
            envelope = min(1.0, i / fade, (count - 1 - i) / fade)
            value = math.sin(2 * math.pi * frequency * i / SAMPLE_RATE) if frequency else 0.0
            frames += struct.pack("<h", int(32767 * VOLUME * envelope * value))
    out = io.BytesIO()
    with wave.open(out, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(SAMPLE_RATE)
        wav.writeframes(bytes(frames))
    return out.getvalue()


def cue_files(folder: Path) -> dict[str, Path]:
    """Write any missing cue WAVs into `folder` and return their paths."""
    folder = folder / f"sounds-v{SOUND_VERSION}"
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name in CUES:
        path = folder / f"{name}.wav"
        if not path.exists():
            temp = path.with_suffix(".tmp")
            temp.write_bytes(cue_wav(name))
            temp.replace(path)
        paths[name] = path
    return paths
