"""Sound cues: valid WAVs, the bell-and-flash fallback, and a cue through a real ALSA backend."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from gluteui.sound import CUES, SoundPlayer, cue_files, cue_wav


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


PLAY_THROUGH_PLAYER = """
import sys, time
from pathlib import Path
from gluteui.sound import SoundPlayer
player = SoundPlayer(True, lambda: Path(sys.argv[1]), lambda name: sys.exit("fell back to the bell"))
player.start()
assert player.ready.wait(20), "player never got ready"
assert player.available, player.problem
player.play("hold_start")
out = Path(sys.argv[2])
deadline = time.monotonic() + 20  # waiting for aplay, an outside process, not for our clock
while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < int(sys.argv[3])):
    time.sleep(0.05)
"""


@pytest.mark.skipif(
    not (shutil.which("aplay") and shutil.which("mpg123")),
    reason="aplay and mpg123 (alsa-utils, mpg123) are needed for playsound3's alsa backend",
)
def test_a_cue_reaches_a_real_alsa_device(tmp_path: Path):
    out = tmp_path / "device.raw"
    home = tmp_path / "home"
    home.mkdir()
    (home / ".asoundrc").write_text(
        f'pcm.!default {{ type file; slave.pcm "null"; file "{out}"; format "raw" }}\n'
    )
    with wave.open(io.BytesIO(cue_wav("hold_start"))) as wav:
        pcm = wav.readframes(wav.getnframes())
    env = dict(os.environ, HOME=str(home), PLAYSOUND3_BACKEND="alsa")
    subprocess.run(
        [sys.executable, "-c", PLAY_THROUGH_PLAYER, str(tmp_path / "cache"), str(out), str(len(pcm))],
        check=True, env=env, timeout=60,
    )
    assert pcm in out.read_bytes()
