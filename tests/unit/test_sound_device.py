"""A tone and a voice clip reach a real ALSA device, on a machine with only aplay (or with mpg123).

Each run is a subprocess whose HOME holds an .asoundrc that sends the default device to a
file, and whose PATH holds only the players under test (symlinks into a temp folder; the
machine is left as it is). With aplay alone playsound3 finds no backend (its alsa one also
wants mpg123) and miniaudio plays; with mpg123 too, playsound3 runs aplay. The file must
hold exactly the sounds, about as long as they are: a device left running would add
hundreds of megabytes of silence.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import time
import wave
from pathlib import Path

import pytest

from gluteui.sound import SAMPLE_RATE, cue_wav

VOICE = Path(__file__).parents[2] / "content" / "voice"
CLIP = "get-ready"
BYTES_PER_S = SAMPLE_RATE * 2
SLACK_S = 0.5
"""Silence allowed beyond the sounds: the tail that flushes a device, and period rounding."""
RUNAWAY_BYTES = 20_000_000

PLAY = """
import json, sys, time
from pathlib import Path
from gluteui.core.speech import NAME, Phrase, Utterance
from gluteui.sound import SoundPlayer

cache, voice, sink = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
size = lambda: sink.stat().st_size if sink.exists() else 0
player = SoundPlayer(True, lambda: cache, lambda name: sys.exit(f"fell back to the bell for {name}"),
                     voice_dir=voice)
player.start()
assert player.ready.wait(20), "the player never got ready"
assert player.available, player.problem
player.play("hold_start")
assert player.wait_until_quiet(10), "the tone never ended"
after_tone = sink.read_bytes()
said = time.monotonic()
player.say(Utterance((Phrase(sys.argv[4], "Get ready."),), NAME, "switch"))
deadline = said + 10  # waiting for a device, not for our own clock
while size() <= len(after_tone) and time.monotonic() < deadline:
    time.sleep(0.001)
started = time.monotonic() - said
assert player.wait_until_quiet(10), "the clip never ended"
Path(sys.argv[5]).write_text(json.dumps({
    "output": player.output_name, "start_s": started,
    "after_tone": after_tone.hex(), "after_clip": sink.read_bytes().hex(),
}))
"""


def pcm(wav_bytes: bytes) -> bytes:
    with wave.open(io.BytesIO(wav_bytes)) as wav:
        assert (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) == (1, 2, SAMPLE_RATE)
        return wav.readframes(wav.getnframes())


def needed(*programs: str) -> list[str]:
    """The programs' paths; skips without them, but fails in CI (.ci/run installs them)."""
    missing = [name for name in programs if shutil.which(name) is None]
    if missing:
        reason = f"{', '.join(missing)} not installed (apt-get install alsa-utils mpg123)"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}: .ci/run should have installed it")
        pytest.skip(reason)
    return [shutil.which(name) for name in programs]


def play_into_a_file(tmp_path: Path, programs: list[str]) -> tuple[dict, Path]:
    sink, result = tmp_path / "device.raw", tmp_path / "result.json"
    home = tmp_path / "home"
    home.mkdir()
    (home / ".asoundrc").write_text(
        f'pcm.!default {{ type file; slave.pcm "null"; file "{sink}"; format "raw" }}\n'
    )
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for program in [*programs, sys.executable]:
        (bin_dir / Path(program).name).symlink_to(program)
    env = {
        key: value for key, value in os.environ.items()
        if key not in ("PLAYSOUND3_BACKEND", "PULSE_SERVER", "XDG_RUNTIME_DIR")
    }
    # Only the file sink: no PulseAudio or PipeWire server to find instead of ALSA.
    env.update(HOME=str(home), PATH=str(bin_dir), PULSE_SERVER=str(tmp_path / "no-pulse"),
               XDG_RUNTIME_DIR=str(tmp_path))
    child = subprocess.Popen(
        [sys.executable, "-c", PLAY, str(tmp_path / "cache"), str(VOICE), str(sink), CLIP, str(result)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    # A device that is never stopped fills the disk at hundreds of MB/s: stop it early.
    deadline = time.monotonic() + 60
    while child.poll() is None:
        runaway = sink.exists() and sink.stat().st_size > RUNAWAY_BYTES
        if runaway or time.monotonic() > deadline:
            child.kill()
            child.communicate()
            pytest.fail("the device kept writing: never stopped" if runaway else "the player hung")
        time.sleep(0.02)
    _, err = child.communicate()
    assert child.returncode == 0, err
    return json.loads(result.read_text()), sink


def assert_holds(sound: bytes, sink: bytes, extra: bytes = b"") -> None:
    """`sink` holds `sound` sample for sample, and little more than it (and `extra`)."""
    assert sound in sink
    assert any(sound)  # not silence
    assert len(sink) <= len(sound) + len(extra) + SLACK_S * BYTES_PER_S, (
        f"{len(sink)} bytes for {len(sound) + len(extra)} of sound: the device was not stopped"
    )


def test_with_only_aplay_miniaudio_plays_into_alsa(tmp_path: Path):
    result, _ = play_into_a_file(tmp_path, needed("aplay"))
    assert result["output"] == "miniaudio (ALSA)"
    tone, clip = pcm(cue_wav("hold_start")), pcm((VOICE / f"{CLIP}.wav").read_bytes())
    after_tone, after_clip = bytes.fromhex(result["after_tone"]), bytes.fromhex(result["after_clip"])
    assert_holds(tone, after_tone)
    # One device for both, kept open between them: the file holds the tone, then the clip.
    assert after_clip.startswith(after_tone)
    assert_holds(clip, after_clip[len(after_tone):])
    assert_holds(tone, after_clip, extra=clip)
    print(f"miniaudio: say() to the first sample written: {result['start_s'] * 1000:.1f} ms; "
          f"the file: {len(after_clip)} bytes for {len(tone) + len(clip)} of sound")


def test_with_aplay_and_mpg123_playsound3_plays_into_alsa(tmp_path: Path):
    result, _ = play_into_a_file(tmp_path, needed("aplay", "mpg123"))
    assert result["output"] == "playsound3 (alsa)"
    tone, clip = pcm(cue_wav("hold_start")), pcm((VOICE / f"{CLIP}.wav").read_bytes())
    # Each aplay opens the device afresh, and the file plugin truncates the file then.
    assert_holds(tone, bytes.fromhex(result["after_tone"]))
    assert_holds(clip, bytes.fromhex(result["after_clip"]))
    print(f"playsound3: say() to the first sample written: {result['start_s'] * 1000:.1f} ms")
