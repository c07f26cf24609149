"""Sound cues: small WAVs made with the standard library, played by playsound3 off the UI thread.

playsound3 probes for audio backends (running subprocesses) when imported, so it is
imported in the player's own thread, after the first screen is drawn. With no backend,
or with sound turned off, every cue falls back to the caller's bell-and-flash.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from pathlib import Path

SAMPLE_RATE = 22050
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
SOUND_VERSION = "1"
"""Bump when CUES change, so cached files are made anew."""


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


class SoundPlayer:
    """Plays cues on a background thread; `fallback(name)` runs when sound cannot play."""

    def __init__(
        self, enabled: bool, folder: Callable[[], Path], fallback: Callable[[str], None] | None = None
    ) -> None:
        self.enabled = enabled
        self.muted = False
        self.folder = folder
        """Where the WAVs go, asked for on the sound thread (platformdirs is slow to import)."""
        self.fallback = fallback
        """Called with the cue's name when it cannot be heard (the App rings the bell)."""
        self.problem: str | None = None if enabled else "sound is off (--no-sound)"
        self._paths: dict[str, Path] = {}
        self._queue: queue.Queue[str] = queue.Queue()
        self.ready = threading.Event()
        """Set once the player knows whether it can play (`available`)."""
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Begin preparing in the background: make the WAVs, import playsound3."""
        if self.enabled and self._thread is None:
            self._thread = threading.Thread(target=self._run, name="gluteui-sound", daemon=True)
            self._thread.start()

    @property
    def available(self) -> bool:
        return self.ready.is_set() and self.problem is None

    def play(self, name: str) -> None:
        """Cue `name` now: by sound when possible, else by the fallback; silent when muted."""
        if self.muted:
            return
        if self.available:
            self._queue.put(name)
        elif self.fallback is not None:
            self.fallback(name)

    def _prepare(self) -> Callable[[Path], object] | None:
        folder = self.folder()
        try:
            self._paths = cue_files(folder)
        except OSError as error:
            self.problem = f"cannot write sound files to {folder}: {error.strerror or error}"
            return None
        from playsound3 import playsound
        from playsound3.playsound3 import DEFAULT_BACKEND

        if DEFAULT_BACKEND is None:
            self.problem = "no audio player found (install alsa-utils or gstreamer)"
            return None
        return lambda path: playsound(path, block=False)

    def _run(self) -> None:
        play = self._prepare()
        self.ready.set()
        if play is None:
            return
        from playsound3 import PlaysoundException

        while True:
            name = self._queue.get()
            try:
                play(self._paths[name])
            except (PlaysoundException, OSError) as error:
                # Stop trying: from now on every cue uses the bell and flash instead.
                self.problem = f"sound failed: {error}"
                return
