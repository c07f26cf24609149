"""What one run of the app is given: folders, switches and the clocks (injected for tests)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path


def local_now() -> datetime:
    """The wall clock, aware, in the user's own zone; in UTC when that zone is a day or
    more from UTC (a mistyped TZ), which Python cannot represent (see zone_notice)."""
    try:
        return datetime.now().astimezone()
    except (ValueError, OverflowError):
        return datetime.now(timezone.utc)


def zone_notice() -> str | None:
    """What to tell the user when local_now() had to fall back to UTC, else None."""
    try:
        datetime.now().astimezone()
    except (ValueError, OverflowError):
        setting = os.environ.get("TZ")
        named = f" (TZ={setting})" if setting else ""
        return (f"the local time zone{named} is a day or more from UTC, which no place is; "
                "GluteUI uses UTC instead")
    return None


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
    remote: bool = False
    """--remote: start the phone remote with the app, for this run (the palette starts it too)."""
    remote_host: str | None = None
    """Where the phone remote listens: None for this machine's address on the local network;
    tests use 127.0.0.1."""
    cache_dir: Path | None = None
    """Where this machine's own files are (the nudge record, the desk nudges' log); None:
    locations.cache_dir().
    Tests and snapshots give their own, so a developer's desk nudges never show in them."""
    routine: str | None = None
    """`gluteui desk`: play this routine at once, and close the app when it ends (done or stopped)."""
    background_writer: bool = True
    """Changes are saved by a writer on a thread of its own (gluteui.writer). False saves
    each change as it is made, as the command line does: for tests that read the file back
    at a chosen moment, and snapshots."""
