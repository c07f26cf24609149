"""What one run of the app is given: folders, switches and the clocks (injected for tests)."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


def local_now() -> datetime:
    """The wall clock, aware, in the user's own zone."""
    return datetime.now().astimezone()


@dataclass(frozen=True)
class AppConfig:
    """Everything the app is started with: where things live, the user's options and the clocks."""

    data_dir: Path
    content_dir: Path
    sound: bool = True
    """False with --no-sound: nothing plays, whatever the setting says."""
    sound_mode: str | None = None
    """"voice" or "tones" from the command line for this run; None: the user's setting."""
    reduced_motion: bool = False
    theme: str | None = None
    now: Callable[[], datetime] = local_now
    """Wall clock: which day it is. Tests freeze it."""
    monotonic: Callable[[], float] = time.monotonic
    """Timer clock for the routine. Tests drive it by hand."""
    run_timers: bool = True
    """False in tests and snapshots: screens start no timers of their own (no ticking
    player or countdown, no flashing), so the injected clock alone decides what shows."""
