"""SoundPlayer: tones and spoken phrases, played on a thread of their own.

Everything slow happens on that thread, started by `start()` after the first screen is
drawn: importing playsound3 (it probes for players by running them), importing miniaudio,
writing the tone files, reading clips and running a speech engine. The UI thread only
queues requests. With no way to play, or with sound off, cues fall back to the caller's
bell-and-flash.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from gluteui.core.speech import SOUND_MODES
from gluteui.sound.schedule import SpeechQueue

LOG_NAME = "sound.log"
"""What the audio libraries said at the last start, in the cache folder (they never print)."""
TOLD_NO_CARD = "told-no-sound-card"
"""A marker in the cache folder: this machine has heard that it has no sound card."""

if TYPE_CHECKING:
    from gluteui.core.speech import Utterance
    from gluteui.sound.outputs import Clip, Output, Playing
    from gluteui.sound.voices import Voices



class SoundPlayer:
    """Plays cues and says utterances; `fallback(name)` runs when a cue cannot be heard."""

    def __init__(
        self,
        enabled: bool,
        folder: Callable[[], Path],
        fallback: Callable[[str], None] | None = None,
        voice_dir: Path | None = None,
    ) -> None:
        self.enabled = enabled
        """False for --no-sound: the mode is then "off" whatever it is set to."""
        self._muted = False
        self.folder = folder
        """Where the tone WAVs go, asked for on the sound thread (platformdirs is slow to import)."""
        self.fallback = fallback
        """Called with the cue's name when it cannot be heard (the App rings the bell)."""
        self.voice_dir = voice_dir
        """The shipped clips, <key>.wav (content/voice); None: only a speech engine speaks."""
        self.problem: str | None = None if enabled else "sound is off (--no-sound)"
        self.new_problem = True
        """False when the problem is one this machine was already told of (no sound card)."""
        self.log: list[str] = []
        """Why sound cannot play, in the libraries' words; written to LOG_NAME."""
        self.output_name: str | None = None
        """What plays the sound once ready, e.g. "miniaudio (ALSA)"."""
        self.ready = threading.Event()
        """Set once the player knows whether it can play (`available`)."""
        self._mode = "voice"
        self._paths: dict[str, Path] = {}
        self._lock = threading.Lock()
        """Guards the requests below, shared by the caller's thread and the sound thread."""
        self._kick = threading.Event()
        """Wakes the sound thread: a request came, or a device has finished and wants stopping."""
        self._tones: list[str] = []
        self._speech = SpeechQueue()
        self._cut = False
        """An utterance that cuts (Utterance.cuts) came: stop the one being said."""
        self._quiet = threading.Event()
        self._quiet.set()
        self._thread: threading.Thread | None = None
        self._closing = False

    @property
    def muted(self) -> bool:
        """Silent: nothing plays, not even the fallback; muting also cuts what is playing."""
        return self._muted

    @muted.setter
    def muted(self, value: bool) -> None:
        self._muted = value
        self._kick.set()

    @property
    def mode(self) -> str:
        """ "voice" (clips, else an engine, else the tone), "tones", or "off" (the fallback)."""
        return self._mode if self.enabled else "off"

    @mode.setter
    def mode(self, value: str) -> None:
        if value not in SOUND_MODES:
            raise ValueError(f"sound mode must be one of {', '.join(SOUND_MODES)}, not {value!r}")
        self._mode = value

    def start(self) -> None:
        """Begin preparing in the background: find a way to play, make the tone files.
        With sound off nothing starts, so no audio library is loaded until it is turned on."""
        if self.mode != "off" and self._thread is None:
            self._thread = threading.Thread(target=self._run, name="gluteui-sound", daemon=True)
            self._thread.start()

    @property
    def available(self) -> bool:
        return self.ready.is_set() and self.problem is None and not self._closing

    def play(self, name: str) -> None:
        """Cue `name` now: by sound when possible, else by the fallback; silent when muted."""
        if self.muted:
            return
        if self.mode != "off" and self.available:
            with self._lock:
                self._tones.append(name)
                self._quiet.clear()
            self._kick.set()
        elif self.fallback is not None:
            self.fallback(name)

    def say(self, utterance: Utterance) -> None:
        """Say `utterance` in voice mode (unless a more important one is being said); its
        tone in tones mode; the fallback with its tone when off or when nothing can play."""
        if self.muted:
            return
        if self.mode == "voice" and self.available:
            with self._lock:
                heard = self._speech.offer(utterance, time.monotonic())
                if heard:
                    self._quiet.clear()
                self._cut = self._cut or utterance.cuts
            if heard:
                self._kick.set()
        elif utterance.tone is not None:
            self.play(utterance.tone)

    def wait_until_quiet(self, timeout: float) -> bool:
        """Block until nothing is playing or waiting to play; False if `timeout` passed first."""
        return self._quiet.wait(timeout)

    # The sound thread.

    def _prepare(self) -> tuple[Output, Voices] | None:
        from gluteui.sound.cues import cue_files
        from gluteui.sound.outputs import NO_DEVICE, choose_output
        from gluteui.sound.voices import Voices, find_engine

        folder = self.folder()
        try:
            self._paths = cue_files(folder)
        except OSError as error:
            self.problem = f"cannot write sound files to {folder}: {error.strerror or error}"
            return None
        try:
            output, self.problem = choose_output(self._kick.set, self.log.append)
        finally:
            self._write_log(folder)
        if self.problem == NO_DEVICE:
            self.new_problem = not self._remember(folder / TOLD_NO_CARD)
        if output is None:
            return None
        self.output_name = output.name
        return output, Voices(self.voice_dir, find_engine(), folder)

    def _write_log(self, folder: Path) -> None:
        from gluteui.sound.quiet import messages

        self.log.extend(messages)
        messages.clear()
        try:
            (folder / LOG_NAME).write_text("".join(f"{line}\n" for line in self.log), encoding="utf-8")
        except OSError as error:
            self.log.append(f"cannot write {folder / LOG_NAME}: {error.strerror or error}")

    @staticmethod
    def _remember(marker: Path) -> bool:
        """Whether `marker` was there already; it is from now on (if the folder lets it be)."""
        if marker.exists():
            return True
        with contextlib.suppress(OSError):  # then the notice comes again next time: better than never
            marker.touch()
        return False

    def close(self, timeout: float = 1.0) -> None:
        """End the sound thread, stopping and releasing its device (the app is closing),
        once what is being said is over ("Routine done" is not cut by a quick quit), or
        after `timeout` at most."""
        if self._thread is not None and self.available:
            self.wait_until_quiet(timeout)
        self._closing = True
        self._kick.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        try:
            prepared = self._prepare()
        except Exception as error:  # noqa: BLE001 (the thread's last stop: anything else would print over the UI)
            self.problem = f"sound could not start: {error}"
            prepared = None
        self.ready.set()
        if prepared is None:
            self._quiet.set()
            return
        from gluteui.sound.outputs import play_errors

        output = prepared[0]
        try:
            _Worker(self, *prepared).run()
        except play_errors() as error:
            # Stop trying: from now on every cue uses the bell and flash instead.
            self.problem = "sound stopped working"
            self.log.append(f"sound failed: {' '.join(str(part) for part in error.args) or error!r}")
            self._write_log(self.folder())
        except Exception as error:  # noqa: BLE001 (the thread's last stop: anything else would print over the UI)
            self.problem = f"sound failed unexpectedly: {error!r}"
        finally:
            output.close()
            with self._lock:
                self._tones.clear()
                self._speech.waiting.clear()
            self._quiet.set()


class _Worker:
    """The sound thread's loop: tones start at once; an utterance's clips play one by one."""

    def __init__(self, player: SoundPlayer, output: Output, voices: Voices) -> None:
        self.player = player
        self.output = output
        self.voices = voices
        self.clips: dict[Path, Clip] = {}
        self.tones: list[tuple[Playing, float]] = []
        """Tones still sounding, with when they should end."""
        self.rest: list[Clip] = []
        """The clips of the utterance being said that are still to start."""
        self.phrase: tuple[Playing, float] | None = None
        """The clip being said, with when it should end."""
        self.settle_at: float | None = None
        """When the output next wants to stop or close its device."""

    def run(self) -> None:
        player = self.player
        while not player._closing:
            player._kick.wait(self._timeout())
            player._kick.clear()
            if player.muted:
                self._hush()
            with player._lock:
                cut, player._cut = player._cut, False
            if cut:
                self._stop_speech()
            now = time.monotonic()
            self.tones = [(p, end) for p, end in self.tones if not self._over(p, end, now)]
            if self.phrase is not None and self._over(*self.phrase, now):
                self.phrase = None
            with player._lock:
                names, player._tones = player._tones, []
                if self.phrase is None and not self.rest:
                    player._speech.finished()
                    utterance = player._speech.take(now)
                else:
                    utterance = None
            for name in names:
                clip = self._clip(player._paths[name])
                self.tones.append((self.output.play(clip), time.monotonic() + clip.seconds))
            if utterance is not None:
                self.rest = self._clips_for(utterance)  # may run a speech engine: not under the lock
                with player._lock:
                    player._speech.playing_for(sum(c.seconds for c in self.rest), time.monotonic())
            if self.phrase is None and self.rest:
                clip = self.rest.pop(0)
                self.phrase = (self.output.play(clip), time.monotonic() + clip.seconds)
            self.settle_at = self.output.settle(time.monotonic())
            with player._lock:  # under the lock: a request made meanwhile clears it after
                busy = self.tones or self.phrase or self.rest or player._tones or player._speech.waiting
                if not (busy or self.output.running):
                    player._quiet.set()

    def _stop_speech(self) -> None:
        """Stop the clip being said and forget the rest of its utterance."""
        if self.phrase is not None:
            self.phrase[0].stop()
            self.phrase = None
        self.rest = []

    def _hush(self) -> None:
        """Stop what sounds and forget what waits (mute pressed mid-sentence)."""
        for playing, _ in [*self.tones, *([self.phrase] if self.phrase else [])]:
            playing.stop()
        self.rest = []
        with self.player._lock:
            self.player._tones = []
            self.player._speech.waiting.clear()

    def _timeout(self) -> float | None:
        # Past a clip's length, poll its player briefly until it is done.
        ends = [end for _, end in self.tones] + ([self.phrase[1]] if self.phrase else [])
        if self.settle_at is not None:
            ends.append(self.settle_at)
        return max(0.01, min(ends) - time.monotonic()) if ends else None

    @staticmethod
    def _over(playing: Playing, ends_at: float, now: float) -> bool:
        return now >= ends_at and not playing.is_alive()

    def _clips_for(self, utterance: Utterance) -> list[Clip]:
        """Each phrase's clip; the utterance's tone alone if any phrase has no voice."""
        from gluteui.sound.voices import ENGINE_ERRORS

        paths = []
        for phrase in utterance.phrases:
            try:
                path = self.voices.clip(phrase)
            except ENGINE_ERRORS:
                path = None
            if path is None:
                tone = self.player._paths.get(utterance.tone or "")
                return [self._clip(tone)] if tone is not None else []
            paths.append(path)
        return [self._clip(path) for path in paths]

    def _clip(self, path: Path) -> Clip:
        if path not in self.clips:
            self.clips[path] = self.output.load(path)
        return self.clips[path]
