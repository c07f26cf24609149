"""Sound: tone cues and spoken phrases, played off the UI thread.

Importing this package is cheap (standard library only): playsound3, miniaudio and the
clips are loaded on the player's own thread, which the App starts after the first screen.
"""

from gluteui.sound.cues import CUES, SAMPLE_RATE, cue_files, cue_wav
from gluteui.sound.player import SoundPlayer
from gluteui.sound.schedule import SpeechQueue

__all__ = ["CUES", "SAMPLE_RATE", "SoundPlayer", "SpeechQueue", "cue_files", "cue_wav"]
