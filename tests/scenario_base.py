"""What a scenario is: a named state of the app for snapshots and screenshots."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from gluteui.core.history.store import Store

if TYPE_CHECKING:
    from gluteui.app import GluteApp


@dataclass(frozen=True)
class Scenario:
    name: str
    shows: str
    """One sentence: what the snapshot shows and why that state is worth keeping an eye on."""
    press: tuple[str, ...] = ()
    prepare: Callable[[Store], None] = lambda store: None
    """Fills the store before the app starts (demo history, a seen welcome...)."""
    overrides: dict = field(default_factory=dict)
    """AppConfig fields to change, e.g. reduced_motion=True."""
    advance: float = 0.0
    """Seconds the fake monotonic clock moves after the keys are pressed (routine states)."""
    then: tuple[str, ...] = ()
    """Keys pressed after the clock has moved (pausing mid-rep)."""
    size: tuple[int, int] | None = None
    """Terminal columns and rows; None: 80x24 for the snapshot, 100x30 for the screenshot."""
    core: Callable[[GluteApp], list[str]] | None = None
    """What the screen means to show, worked out from its core view (not from the screen):
    short texts that must all be visible at every size (tests/snapshots/test_snapshots.py)."""
    fresh_at_each_size: bool = False
    """Its keys move by what fits on screen (a calendar page, the end of a lesson, a scroll
    that keeps a question in view), so the snapshot test starts it afresh at each size
    rather than resizing one app."""


def seen_welcome(store: Store) -> None:
    store.set_setting("welcome_seen", True)
