"""The routine screen on a fake clock, with every refresh() on it counted: for bench_routine."""

from __future__ import annotations

from collections import Counter
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widget import Widget

from gluteui.screens.player import FRAMES_PER_SECOND, PlayerScreen
from tests.bench.terminal import HEIGHT, WIDTH
from tests.factory import FakeClock, make_app

FRAME_S = 1 / FRAMES_PER_SECOND


class Refreshes:
    """refresh() calls on one screen and its widgets, by id (or class name when none)."""

    def __init__(self) -> None:
        self.screen: PlayerScreen | None = None
        self.counts: Counter[str] = Counter()

    def record(self, widget: Widget) -> None:
        if self.screen is not None and self.screen in widget.ancestors_with_self:
            self.counts[widget.id or type(widget).__name__] += 1


@dataclass
class Player:
    pilot: Pilot
    screen: PlayerScreen
    clock: FakeClock
    refreshes: Refreshes

    async def settle(self) -> None:
        """Let pending messages run and a cue's flash (a real-time timer) end."""
        await self.pilot.pause()
        while self.screen.has_class("-flash"):
            await self.pilot.pause(FRAME_S)

    async def jump(self, elapsed: float) -> None:
        """Move the clock to `elapsed` seconds into the routine and show it."""
        self.clock.now = self.screen.start_clock + elapsed
        self.screen.tick()
        await self.settle()

    async def count_refreshes(self, ticks: int) -> Counter[str]:
        """refresh() calls per widget over `ticks` frames of the fake clock."""
        await self.settle()
        self.refreshes.counts.clear()
        for _ in range(ticks):
            self.clock.advance(FRAME_S)
            self.screen.tick()
            await self.pilot.pause()
        await self.settle()
        return Counter(self.refreshes.counts)


@asynccontextmanager
async def routine_player(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Player]:
    """The routine screen just started, on a fake clock, its ticker stopped: the caller ticks."""
    refreshes = Refreshes()
    refresh: Callable[..., Widget] = Widget.refresh

    def recording_refresh(widget: Widget, *args: object, **kwargs: object) -> Widget:
        refreshes.record(widget)
        return refresh(widget, *args, **kwargs)

    monkeypatch.setattr(Widget, "refresh", recording_refresh)
    # Animated, as for users (silent cues flash the screen), but only the caller moves the clock.
    app = make_app(data_dir, run_timers=True)
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await pilot.press("enter")
        screen = app.screen
        assert isinstance(screen, PlayerScreen), f"Enter on Home opened {type(screen).__name__}"
        assert screen.ticker is not None
        screen.ticker.stop()
        refreshes.screen = screen
        yield Player(pilot, screen, app.config.monotonic, refreshes)
