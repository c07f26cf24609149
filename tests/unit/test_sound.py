"""Sound: valid tone WAVs, the fallback, the modes, and where each phrase's voice comes from.

The sound thread runs for real here, with a fake output that records what it was given
(clips of no length, so nothing waits for time); tests/unit/test_sound_device.py plays
through real ALSA devices.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from gluteui.core.speech import NAME, STEP, TICK, Phrase, Utterance
from gluteui.sound import CUES, SoundPlayer, cue_files, cue_wav, outputs, voices
from gluteui.sound.outputs import NO_PLAYER, Clip


@pytest.mark.parametrize("name", CUES)
def test_each_cue_is_a_short_mono_wav(name: str):
    with wave.open(io.BytesIO(cue_wav(name))) as wav:
        seconds = wav.getnframes() / wav.getframerate()
        assert wav.getnchannels() == 1
        assert 0.04 < seconds < 1.0
        assert seconds == pytest.approx(sum(s for _, s in CUES[name]), abs=0.01)


def test_cue_files_are_written_once(tmp_path: Path):
    paths = cue_files(tmp_path)
    assert set(paths) == set(CUES)
    first = paths["rep"].stat().st_mtime_ns
    cue_files(tmp_path)
    assert paths["rep"].stat().st_mtime_ns == first


def test_sound_off_uses_the_fallback_for_every_cue(tmp_path: Path):
    heard: list[str] = []
    player = SoundPlayer(False, lambda: tmp_path, heard.append)
    player.start()
    player.play("switch")
    assert heard == ["switch"]
    assert "--no-sound" in (player.problem or "")


def test_muted_is_silent_even_for_the_fallback(tmp_path: Path):
    heard: list[str] = []
    player = SoundPlayer(False, lambda: tmp_path, heard.append)
    player.muted = True
    player.play("rep")
    assert heard == []


def test_unwritable_cache_falls_back_with_a_reason(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    heard: list[str] = []
    player = SoundPlayer(True, lambda: blocker / "cache", heard.append)
    player.start()
    assert player.ready.wait(10)
    player.play("rep")
    assert heard == ["rep"]
    assert "cannot write sound files" in (player.problem or "")


class Sounding:
    """A clip being played: alive until its length is up (never, for 0 s) or it is stopped."""

    def __init__(self, endless: bool) -> None:
        self.endless = endless
        self.stopped = False

    def is_alive(self) -> bool:
        return self.endless and not self.stopped

    def stop(self) -> None:
        self.stopped = True


class FakeOutput:
    """Records the file of each clip it is asked to play; every clip lasts no time."""

    name = "fake"
    running = False

    def __init__(self) -> None:
        self.played: list[str] = []
        self.seconds = 0.0
        self.endless = False
        self.sounding: list[Sounding] = []

    def load(self, path: Path) -> Clip:
        return Clip(path, self.seconds)

    def play(self, clip: Clip) -> Sounding:
        self.played.append(clip.path.name)
        self.sounding.append(Sounding(self.endless))
        return self.sounding[-1]

    def settle(self, now: float) -> None:
        return None

    closed = False
    broken: set[str] = set()
    """Clip file names whose playing fails, as a device or a damaged clip would."""

    def close(self) -> None:
        self.closed = True


ENGINE = """
import sys, wave
with wave.open(sys.argv[1], "wb") as out:
    out.setnchannels(1); out.setsampwidth(2); out.setframerate(16000)
    out.writeframes(bytes(3200))
"""


@pytest.fixture
def clips(tmp_path: Path) -> Path:
    folder = tmp_path / "voice"
    folder.mkdir()
    for key in ("get-ready", "exercise-clamshell", "count-3"):
        (folder / f"{key}.wav").write_bytes(cue_wav("rep"))
    return folder


@pytest.fixture
def output(monkeypatch: pytest.MonkeyPatch) -> FakeOutput:
    fake = FakeOutput()
    monkeypatch.setattr(outputs, "choose_output", lambda wake, log: (fake, None))
    monkeypatch.setattr(voices, "find_engine", lambda: None)
    return fake


def ready_player(tmp_path: Path, clips: Path | None, heard: list[str] | None = None) -> SoundPlayer:
    fallback = heard.append if heard is not None else None
    player = SoundPlayer(True, lambda: tmp_path / "cache", fallback, voice_dir=clips)
    player.start()
    assert player.ready.wait(10) and player.available, player.problem
    return player


def said(*keys: str, priority: int = NAME, tone: str | None = "switch") -> Utterance:
    return Utterance(tuple(Phrase(key, key.replace("-", " ") + ".") for key in keys), priority, tone)


def heard_after(player: SoundPlayer, output: FakeOutput, *utterances: Utterance) -> list[str]:
    for utterance in utterances:
        player.say(utterance)
    assert player.wait_until_quiet(10)
    return output.played


def test_voice_says_each_phrase_clip_in_order(tmp_path: Path, clips: Path, output: FakeOutput):
    player = ready_player(tmp_path, clips)
    assert heard_after(player, output, said("get-ready", "exercise-clamshell")) == [
        "get-ready.wav", "exercise-clamshell.wav"]


def test_a_phrase_without_a_clip_or_engine_plays_the_tone_instead(
    tmp_path: Path, clips: Path, output: FakeOutput
):
    player = ready_player(tmp_path, clips)
    assert heard_after(player, output, said("get-ready", "exercise-side_plank")) == ["switch.wav"]


def test_without_a_clip_or_a_tone_nothing_is_played(tmp_path: Path, output: FakeOutput):
    player = ready_player(tmp_path, None)
    assert heard_after(player, output, said("get-ready", tone=None)) == []


def test_a_phrase_without_a_clip_is_spoken_by_the_engine(
    tmp_path: Path, clips: Path, output: FakeOutput, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(voices, "find_engine", lambda: [sys.executable, "-c", ENGINE])
    player = ready_player(tmp_path, clips)
    played = heard_after(player, output, said("get-ready", "exercise-side_plank"))
    assert played[0] == "get-ready.wav"
    assert played[1].startswith("exercise-side_plank-") and len(played) == 2
    rendered = next((tmp_path / "cache").glob("voice-engine-*/exercise-side_plank-*.wav"))
    with wave.open(str(rendered)) as wav:
        assert wav.getnframes() == 1600


def test_an_engine_that_fails_gives_the_tone(
    tmp_path: Path, clips: Path, output: FakeOutput, monkeypatch: pytest.MonkeyPatch
):
    monkeypatch.setattr(voices, "find_engine", lambda: [sys.executable, "-c", "raise SystemExit(3)"])
    player = ready_player(tmp_path, clips)
    assert heard_after(player, output, said("exercise-side_plank", tone="rep")) == ["rep.wav"]


def test_a_tick_said_right_after_a_name_is_dropped(tmp_path: Path, clips: Path, output: FakeOutput):
    output.seconds = 0.3  # the tick comes well within the name
    player = ready_player(tmp_path, clips)
    name, tick = said("exercise-clamshell"), said("count-3", priority=TICK, tone="rep")
    assert heard_after(player, output, name, tick) == ["exercise-clamshell.wav"]


def test_tones_mode_plays_the_utterances_tone(tmp_path: Path, clips: Path, output: FakeOutput):
    player = ready_player(tmp_path, clips)
    player.mode = "tones"
    assert heard_after(player, output, said("get-ready"), said("count-3", tone=None)) == ["switch.wav"]


def test_play_still_plays_a_tone_in_voice_mode(tmp_path: Path, clips: Path, output: FakeOutput):
    player = ready_player(tmp_path, clips)
    player.play("hold_start")
    assert player.wait_until_quiet(10)
    assert output.played == ["hold_start.wav"]


def test_off_mode_calls_the_fallback_with_the_tone(tmp_path: Path, clips: Path, output: FakeOutput):
    heard: list[str] = []
    player = ready_player(tmp_path, clips, heard)
    player.mode = "off"
    player.say(said("get-ready", priority=STEP, tone="countdown"))
    player.say(said("count-3", tone=None))
    player.play("rep")
    assert heard == ["countdown", "rep"]
    assert player.wait_until_quiet(10) and output.played == []


def test_no_sound_is_off_whatever_the_mode(tmp_path: Path):
    heard: list[str] = []
    player = SoundPlayer(False, lambda: tmp_path, heard.append, voice_dir=tmp_path)
    player.mode = "voice"
    assert player.mode == "off"
    player.start()
    player.say(said("get-ready"))
    assert heard == ["switch"]


def test_muted_says_nothing(tmp_path: Path, clips: Path, output: FakeOutput):
    heard: list[str] = []
    player = ready_player(tmp_path, clips, heard)
    player.muted = True
    for mode in ("voice", "tones", "off"):
        player.mode = mode
        player.say(said("get-ready"))
    assert player.wait_until_quiet(10) and output.played == [] and heard == []


def test_muting_cuts_the_clip_playing_and_drops_the_rest(
    tmp_path: Path, clips: Path, output: FakeOutput
):
    output.endless = True  # each clip plays until it is stopped
    player = ready_player(tmp_path, clips)
    player.say(said("get-ready", "exercise-clamshell"))
    player.say(said("count-3"))
    assert not player.wait_until_quiet(0.05)
    player.muted = True
    assert player.wait_until_quiet(10)
    assert output.played == ["get-ready.wav"]
    assert output.sounding[0].stopped


def test_a_failing_clip_releases_the_device_and_the_bell_takes_over(
    tmp_path: Path, clips: Path, output: FakeOutput
):
    heard: list[str] = []
    player = ready_player(tmp_path, clips, heard)
    played = output.play

    def fail_on_hold(clip: Clip) -> Sounding:
        if clip.path.name == "count-3.wav":
            raise OSError(5, "Input/output error")
        return played(clip)

    output.play = fail_on_hold  # type: ignore[method-assign]
    player.say(said("count-3", tone="countdown"))
    assert player.wait_until_quiet(10)
    player._thread.join(10)
    assert output.closed, "the device is stopped and closed when playing fails"
    assert player.problem == "sound stopped working" and not player.available
    assert "Input/output error" in (tmp_path / "cache" / "sound.log").read_text()
    player.say(said("get-ready", tone="switch"))
    assert heard == ["switch"], "from then on the fallback stands in"


def test_close_ends_the_sound_thread_and_releases_the_device(tmp_path: Path, clips: Path, output: FakeOutput):
    player = ready_player(tmp_path, clips)
    player.close()
    assert not player._thread.is_alive() and output.closed and not player.available


def test_an_unknown_mode_is_refused(tmp_path: Path):
    player = SoundPlayer(True, lambda: tmp_path)
    with pytest.raises(ValueError, match="voice, tones, off"):
        player.mode = "loud"


def test_with_no_player_at_all_the_problem_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import playsound3.playsound3

    monkeypatch.setattr(playsound3.playsound3, "DEFAULT_BACKEND", None)
    monkeypatch.setitem(sys.modules, "miniaudio", None)  # as if not installed
    heard: list[str] = []
    player = SoundPlayer(True, lambda: tmp_path, heard.append)
    player.start()
    assert player.ready.wait(10)
    assert player.problem == NO_PLAYER
    assert all(name in NO_PLAYER for name in ("gst-play-1.0", "ffplay", "mpg123", "miniaudio"))
    player.say(said("get-ready"))
    assert heard == ["switch"]


NO_CARD = """
import sys, time
from gluteui.sound import SoundPlayer
player = SoundPlayer(True, lambda: __import__("pathlib").Path(sys.argv[1]))
player.start()
assert player.ready.wait(20), "the player never got ready"
print(player.problem, player.new_problem)
"""


@pytest.mark.skipif(not Path("/usr/share/alsa/alsa.conf").exists(), reason="needs ALSA's configuration")
def test_without_a_sound_card_alsa_prints_nothing_and_the_machine_is_told_once(tmp_path: Path):
    """A real ALSA, pointed at a card that is not there: its ~30 complaints reach the log only."""
    (tmp_path / ".asoundrc").write_text("pcm.!default { type hw card 7 }\nctl.!default { type hw card 7 }\n")
    env = {**os.environ, "HOME": str(tmp_path), "PULSE_SERVER": "unix:/nonexistent", "PATH": ""}
    runs = [subprocess.run([sys.executable, "-c", NO_CARD, str(tmp_path / "cache")], env=env,
                           capture_output=True, text=True, check=True) for _ in range(2)]
    assert [run.stdout.strip() for run in runs] == ["no sound card True", "no sound card False"]
    assert all(run.stderr == "" for run in runs), runs[0].stderr
    log = (tmp_path / "cache" / "sound.log").read_text()
    assert "ALSA lib" in log and "miniaudio:" in log


def test_sound_off_starts_nothing(tmp_path: Path):
    player = SoundPlayer(True, lambda: tmp_path)
    player.mode = "off"
    player.start()
    assert player._thread is None


def test_importing_sound_loads_nothing_heavy():
    probe = "import sys, json, gluteui.sound; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    loaded = set(json.loads(out.stdout))
    heavy = {"playsound3", "miniaudio", "_cffi_backend", "wave", "tomllib", "gluteui.sound.outputs",
             "gluteui.sound.voices"}
    assert not loaded & heavy
