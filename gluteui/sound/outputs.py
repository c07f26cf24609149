"""The two ways a WAV reaches the speakers: playsound3's players, else miniaudio's own device.

Both are made and used on the sound thread only. playsound3 needs a player program
(gst-play-1.0, ffplay, or aplay with mpg123); miniaudio bundles its C library and talks to
ALSA or PulseAudio itself, so a machine with just libasound2 still hears the cues.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from gluteui.sound.cues import SAMPLE_RATE

NO_PLAYER = (
    "no audio player: install gstreamer1.0-tools (gst-play-1.0), ffmpeg (ffplay) "
    "or alsa-utils with mpg123; or pip install miniaudio"
)
NO_DEVICE = "no sound card"
"""The machine has nothing to play on (no card, no PulseAudio): installing a player would not help."""


class Playing(Protocol):
    def is_alive(self) -> bool: ...

    def stop(self) -> None: ...


@dataclass(frozen=True)
class Clip:
    path: Path
    seconds: float
    pcm: bytes = b""
    """Mono 16-bit samples at SAMPLE_RATE, for miniaudio (playsound3 plays the file)."""


class Output(Protocol):
    name: str

    def load(self, path: Path) -> Clip: ...

    def play(self, clip: Clip) -> Playing: ...

    def settle(self, now: float) -> float | None:
        """Stop a device whose sounds are done; when to call again (it also wakes the caller)."""
        ...

    @property
    def running(self) -> bool:
        """Whether a device is still playing (or flushing) what it was given."""
        ...

    def close(self) -> None:
        """Stop and release the device: the app is closing, or sound failed."""
        ...


def wav_seconds(path: Path) -> float:
    import wave

    with wave.open(str(path), "rb") as wav:
        return wav.getnframes() / wav.getframerate()


class PlaysoundOutput:
    """One player process per WAV, through playsound3's backend."""

    def __init__(self, backend: str) -> None:
        from playsound3 import playsound

        self.name = f"playsound3 ({backend})"
        self._playsound = playsound

    def load(self, path: Path) -> Clip:
        return Clip(path, wav_seconds(path))

    def play(self, clip: Clip) -> Playing:
        return self._playsound(clip.path, block=False)

    def settle(self, now: float) -> float | None:
        return None

    @property
    def running(self) -> bool:
        return False

    def close(self) -> None:
        """Nothing to release: each clip's player process ends with its clip."""


class _Source:
    def __init__(self, pcm: bytes) -> None:
        self.pcm = pcm
        self.position = 0

    def is_alive(self) -> bool:
        return self.position < len(self.pcm)

    def stop(self) -> None:
        self.position = len(self.pcm)  # read on the audio thread: an int store is atomic


class MiniaudioOutput:
    """One miniaudio playback device, started for a burst of sounds and stopped right after.

    A device left running writes silence for ever, and one with no clock (an ALSA null or
    file sink) writes it as fast as it can: so once the sounds are used up the stream adds
    `TAIL_S` of silence (enough to push the last sound out of a real device's buffer), then
    wakes the sound thread, which stops the device. It is closed after `IDLE_S` of quiet,
    so the sound card is free again between routines, and reopening is not paid per clip.
    """

    PERIOD_MS = 20
    TAIL_S = 0.12
    IDLE_S = 10.0

    def __init__(self, wake: Callable[[], None]) -> None:
        import miniaudio

        self._miniaudio = miniaudio
        self._wake = wake
        self._lock = threading.Lock()
        """Guards the sources and the silence count, shared with the audio callback's thread."""
        self._sources: list[_Source] = []
        self._silent_frames = 0
        self._tail_frames = int(SAMPLE_RATE * self.TAIL_S)
        self._kick = threading.Event()
        self._device: Any = None
        self._stopped_at = 0.0
        self.running = False
        self.name = "miniaudio"

    def probe(self, log: Callable[[str], None]) -> str | None:
        """Open and close the default device once; NO_DEVICE if it cannot (why goes to `log`)."""
        try:
            device = self._open()
        except self._miniaudio.MiniaudioError as error:
            log(f"miniaudio: {' '.join(str(part) for part in error.args)}")
            return NO_DEVICE
        backend = device.backend
        device.close()
        if backend.lower() == "null":
            log("miniaudio: only its null backend opened")
            return NO_DEVICE
        self.name = f"miniaudio ({backend})"
        return None

    def load(self, path: Path) -> Clip:
        ma = self._miniaudio
        sound = ma.decode_file(
            str(path), output_format=ma.SampleFormat.SIGNED16, nchannels=1, sample_rate=SAMPLE_RATE
        )
        pcm = sound.samples.tobytes()
        return Clip(path, len(pcm) / 2 / SAMPLE_RATE, pcm)

    def play(self, clip: Clip) -> Playing:
        source = _Source(clip.pcm)
        with self._lock:
            self._sources.append(source)
            self._silent_frames = 0
        self._kick.set()
        if self._device is None:
            self._device = self._open()
        if not self.running:
            stream = self._stream()
            next(stream)
            self._device.start(stream)
            self.running = True
        return source

    def settle(self, now: float) -> float | None:
        if self.running:
            with self._lock:
                done = not self._sources and self._silent_frames >= self._tail_frames
            if not done:
                return now + 0.1  # the stream wakes us sooner, when it is done
            # The callback is most likely waiting (see _stream): the device stops when it
            # returns. Waking it would be worse: a clockless device calls a stopping device's
            # emptied callback at once, writing megabytes of silence before the stop lands.
            self._device.stop()
            self.running = False
            self._stopped_at = now
        if self._device is None:
            return None
        if now - self._stopped_at >= self.IDLE_S:
            self._device.close()
            self._device = None
            return None
        return self._stopped_at + self.IDLE_S

    def close(self) -> None:
        """Stop the device if it runs and close it, whatever state the sounds are in."""
        with self._lock:
            self._sources.clear()
        if self._device is not None:
            if self.running:
                self._device.stop()
                self.running = False
            self._device.close()
            self._device = None

    def _open(self) -> Any:
        ma = self._miniaudio
        return ma.PlaybackDevice(
            output_format=ma.SampleFormat.SIGNED16, nchannels=1, sample_rate=SAMPLE_RATE,
            buffersize_msec=self.PERIOD_MS, app_name="GluteUI",
        )

    def _stream(self) -> Generator[bytes, int, None]:  # miniaudio sends the frames it wants, gets bytes back
        frames = yield b""
        while True:
            with self._lock:
                chunk = self._mix(frames)
                self._silent_frames += frames - len(chunk) // 2
                drained = not self._sources and self._silent_frames >= self._tail_frames
            if drained:
                self._wake()
                # Without a clock the device asks again at once: wait here to be stopped (or
                # for a new sound) instead, so it writes silence no faster than in real time.
                self._kick.wait(self.PERIOD_MS / 1000)
                self._kick.clear()
            frames = yield chunk

    def _mix(self, frames: int) -> bytes:
        size = frames * 2
        parts = []
        for source in self._sources:
            parts.append(source.pcm[source.position : source.position + size])
            source.position += size
        self._sources = [source for source in self._sources if source.is_alive()]
        if len(parts) <= 1:
            return parts[0] if parts else b""
        from array import array

        total = [0] * max(len(part) // 2 for part in parts)
        for part in parts:
            for i, value in enumerate(array("h", part)):
                total[i] += value
        return array("h", (max(-32768, min(32767, value)) for value in total)).tobytes()


def choose_output(
    wake: Callable[[], None], log: Callable[[str], None]
) -> tuple[Output | None, str | None]:
    """playsound3 where it found a player, else miniaudio; or None with NO_DEVICE or what to
    install. miniaudio's probe comes first either way: a player program on a machine with no
    sound card fails in silence, and the bell and flash would never stand in."""
    import logging

    from gluteui.sound.quiet import quiet_alsa

    quiet_alsa()  # before the first thing that may load libasound
    # Its import logs "No supported audio backends" to stderr, under the app's screen.
    logging.getLogger("playsound3").setLevel(logging.ERROR)
    from playsound3.playsound3 import DEFAULT_BACKEND

    try:
        device: MiniaudioOutput | None = MiniaudioOutput(wake)
    except ImportError:
        device = None
    if device is not None and (problem := device.probe(log)) is not None:
        return None, problem
    if DEFAULT_BACKEND is not None:
        return PlaysoundOutput(DEFAULT_BACKEND), None
    return (device, None) if device is not None else (None, NO_PLAYER)


def play_errors() -> tuple[type[Exception], ...]:
    """What playing can raise: a player that fails, a device that fails, a clip that is broken."""
    import wave

    from playsound3 import PlaysoundException

    errors: tuple[type[Exception], ...] = (PlaysoundException, OSError, EOFError, wave.Error)
    try:
        from miniaudio import MiniaudioError
    except ImportError:
        return errors
    return (*errors, MiniaudioError)
