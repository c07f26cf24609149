"""Where a phrase's voice comes from: its shipped clip, else a speech engine on the machine.

Runs on the sound thread only: it looks for programs and may run one.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

from gluteui.core.speech import Phrase

ENGINE_ERRORS = (OSError, subprocess.SubprocessError)
"""An engine that is missing, fails or hangs: the phrase then has no voice."""
ENGINE_VERSION = "1"
"""Bump when the engine's command changes, so cached renderings are made anew."""


def find_engine() -> list[str] | None:
    """The command that writes a phrase to a WAV (the text and the file are appended), if any."""
    if espeak := shutil.which("espeak-ng"):
        return [espeak, "-s", "150", "-w"]
    if sys.platform == "darwin" and (say := shutil.which("say")):
        return [say, "--data-format=LEI16@16000", "-o"]
    return None


class Voices:
    """Finds the WAV for each phrase: content/voice/<key>.wav, or the engine's rendering."""

    def __init__(self, clips: Path | None, engine: list[str] | None, cache: Path) -> None:
        self.clips = clips
        self.engine = engine
        self.cache = cache / f"voice-engine-v{ENGINE_VERSION}"

    def clip(self, phrase: Phrase) -> Path | None:
        """The phrase's WAV, rendering it with the engine when there is no clip; None: no voice."""
        if self.clips is not None:
            shipped = self.clips / f"{phrase.key}.wav"
            if shipped.is_file():
                return shipped
        if self.engine is None:
            return None
        digest = hashlib.sha1(phrase.text.encode()).hexdigest()[:10]
        path = self.cache / f"{phrase.key}-{digest}.wav"
        if not path.exists():
            self.cache.mkdir(parents=True, exist_ok=True)
            temp = path.with_suffix(".tmp.wav")
            subprocess.run(
                [*self.engine, str(temp), phrase.text],
                check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                timeout=20,
            )
            temp.replace(path)
        return path
