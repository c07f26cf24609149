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
    reduced_motion: bool = False
    theme: str | None = None
    now: Callable[[], datetime] = local_now
    """Wall clock: which day it is. Tests freeze it."""
    monotonic: Callable[[], float] = time.monotonic
    """Timer clock for the routine. Tests drive it by hand."""
    animate: bool = True
    """False in snapshot tests: no tickers at all, the clock alone decides what shows."""
