"""`make voice`: render content/voice/<key>.wav for every phrase and exercise name, with flite.

Each clip is flite's cmu_us_slt voice at 16 kHz mono 16-bit, trimmed of the silence around
it and brought to one loudness (the RMS of its voiced part), its peak kept below -1 dBFS.
It prints each clip's length, peak and loudness, so a clip that came out wrong shows.
The app never imports this: it only plays the files (see gluteui/sound).

    python tools/render_voice.py [CONTENT_DIR]
"""

from __future__ import annotations

import argparse
import array
import math
import shutil
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

VOICE = "slt"
"""cmu_us_slt: CMU ARCTIC's "slt" speaker, flite's clearest US English voice."""
STRETCH = "1.05"
"""flite's duration_stretch: a touch slower than its default, for a listener 2 m away."""
RATE = 16000
TARGET_DB = -18.0
"""Loudness of the voiced part (RMS over 20 ms windows above the gate), in dBFS."""
PEAK_DB = -1.0
GATE_DB = -45.0
"""A 10 ms window quieter than this counts as silence, for trimming and for loudness."""
LEAD_S, TAIL_S, FADE_S = 0.03, 0.06, 0.005
LIMIT_BYTES = 5 * 1024 * 1024
"""Every setup line and switch hint is a clip (about 2 MB of the whole): what a user on the
mat needs to hear; at 16 kHz mono the app's wheel stays a few MB."""
MANIFEST = "clips.toml"


def phrases(content: Path) -> dict[str, str]:
    """key -> text of every clip the app may ask for: the content's phrases (phrases.toml,
    then each exercise's name, setup lines and switch hint)."""
    from gluteui.core.content.load import load_content

    return load_content(content).phrases


def db(value: float) -> float:
    return 20 * math.log10(max(value, 1e-9))


def windows(samples: array.array, size: int) -> list[float]:
    """The RMS of each window of `size` samples, as a fraction of full scale."""
    out = []
    for start in range(0, len(samples), size):
        part = samples[start : start + size]
        out.append(math.sqrt(sum(v * v for v in part) / len(part)) / 32768)
    return out


def shape(samples: array.array) -> tuple[array.array, float]:
    """Trimmed, levelled and faded samples, and the gain applied in dB."""
    size = RATE // 100
    levels = windows(samples, size)
    loud = [i for i, level in enumerate(levels) if db(level) > GATE_DB]
    if not loud:
        raise SystemExit("flite wrote a silent clip")
    start = max(0, loud[0] * size - int(LEAD_S * RATE))
    end = min(len(samples), (loud[-1] + 1) * size + int(TAIL_S * RATE))
    samples = samples[start:end]
    voiced = [level for level in windows(samples, 2 * size) if db(level) > GATE_DB]
    rms = math.sqrt(sum(level * level for level in voiced) / len(voiced))
    peak = max(abs(v) for v in samples) / 32768
    gain_db = min(TARGET_DB - db(rms), PEAK_DB - db(peak))
    gain = 10 ** (gain_db / 20)
    fade = int(FADE_S * RATE)
    count = len(samples)
    shaped = array.array("h", (
        max(-32768, min(32767, round(v * gain * min(1.0, i / fade, (count - 1 - i) / fade))))
        for i, v in enumerate(samples)
    ))
    return shaped, gain_db


def render(text: str, flite: str) -> array.array:
    with tempfile.TemporaryDirectory() as temp:
        raw = Path(temp) / "raw.wav"
        subprocess.run(
            [flite, "-voice", VOICE, "--setf", f"duration_stretch={STRETCH}", "-t", text, "-o", str(raw)],
            check=True,
        )
        with wave.open(str(raw)) as wav:
            if (wav.getnchannels(), wav.getsampwidth(), wav.getframerate()) != (1, 2, RATE):
                raise SystemExit(f"flite wrote {wav.getparams()}, not {RATE} Hz mono 16-bit")
            return array.array("h", wav.readframes(wav.getnframes()))


def write(path: Path, samples: array.array) -> None:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(RATE)
        wav.writeframes(samples.tobytes())


def flite_version(flite: str) -> str:
    # flite --version prints its banner and exits with 1.
    out = subprocess.run([flite, "--version"], check=False, capture_output=True, text=True).stdout
    return next((line.split("version:", 1)[1].split("(")[0].strip()
                 for line in out.splitlines() if "version:" in line), "flite")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("content", nargs="?", type=Path, default=Path(__file__).parents[1] / "content")
    args = parser.parse_args(argv)
    flite = shutil.which("flite")
    if flite is None:
        print("make voice needs flite: apt-get install flite (Debian/Ubuntu)", file=sys.stderr)
        return 1
    folder = args.content / "voice"
    said = phrases(args.content)
    print(f"{'clip':<30} {'seconds':>7} {'peak dB':>8} {'rms dB':>7} {'gain dB':>8}")
    for key, text in said.items():
        samples, gain_db = shape(render(text, flite))
        write(folder / f"{key}.wav", samples)
        voiced = [v for v in windows(samples, RATE // 50) if db(v) > GATE_DB]
        rms = math.sqrt(sum(v * v for v in voiced) / len(voiced))
        peak = max(abs(v) for v in samples) / 32768
        print(f"{key:<30} {len(samples) / RATE:7.2f} {db(peak):8.1f} {db(rms):7.1f} {gain_db:8.1f}")
    for stale in sorted(set(folder.glob("*.wav")) - {folder / f"{key}.wav" for key in said}):
        print(f"removed {stale.name}: no phrase says it now")
        stale.unlink()
    lines = [
        "# Written by `make voice` (tools/render_voice.py): what each clip says, to tell when",
        "# phrases.toml or an exercise's name changed and the clips need rendering again.",
        f'engine = "{flite_version(flite)}"',
        f'voice = "cmu_us_{VOICE}"',
        "",
        "[clips]",
        *(f"{key} = {toml_string(text)}" for key, text in said.items()),
    ]
    (folder / MANIFEST).write_text("\n".join(lines) + "\n")
    total = sum(path.stat().st_size for path in folder.glob("*.wav"))
    print(f"{len(said)} clips, {total / 1024:.0f} KiB in all (limit {LIMIT_BYTES // 1024} KiB)")
    return 0 if total <= LIMIT_BYTES else 1


def toml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


if __name__ == "__main__":
    sys.exit(main())
