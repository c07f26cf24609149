"""The app as tests and the screenshot script see it: frozen clocks, no sound, no tickers."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from rich.console import Console

from gluteui import locations
from gluteui.app import GluteApp, create_app
from gluteui.config import AppConfig
from gluteui.core.health import NO_TO_ALL
from gluteui.core.history.store import Store

FROZEN_NOW = datetime(2026, 11, 26, 7, 30, tzinfo=timezone.utc)
"""A Thursday morning: the 'today' of every app test and screenshot."""


@dataclass
class FakeClock:
    """A monotonic clock that moves only when a test says so."""

    now: float = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def make_config(data_dir: Path, **overrides: object) -> AppConfig:
    settings: dict = dict(
        data_dir=data_dir,
        content_dir=locations.content_dir(),
        sound=False,
        reduced_motion=False,
        now=lambda: FROZEN_NOW,
        monotonic=FakeClock(),
        run_timers=False,
        cache_dir=data_dir.parent / "cache",
    )
    settings.update(overrides)
    return AppConfig(**settings)


def make_app(
    data_dir: Path, store: Store | None = None, health_answered: bool = True, **overrides: object
) -> GluteApp:
    """The app on `data_dir`. `health_answered`: as for a returning user, the health questions
    asked before the first test or routine count as answered "no" (unless already answered);
    the tests of those questions pass False."""
    if health_answered:
        store = store or Store.open(data_dir)
        if store.setting("health_answers") is None:
            store.set_setting("health_answers", NO_TO_ALL)
            store.set_setting("health_asked_at", FROZEN_NOW.isoformat())
    return create_app(make_config(data_dir, **overrides), store=store)


async def advance_clock(pilot, seconds: float, ticks: int = 1) -> None:
    """Let `seconds` pass on the fake monotonic clock, then let the screen on top catch up.

    Screens start no timers in tests (run_timers=False), so this makes the tick(s) their
    timer would have made; `ticks=2` checks that a second look changes nothing.
    """
    pilot.app.config.monotonic.advance(seconds)
    for _ in range(ticks):
        pilot.app.screen.tick()
    await pilot.pause()


def screen_text(app) -> str:
    """Everything the terminal shows now, screen and dialogs, as plain text lines."""
    console = Console(width=app.size.width, height=app.size.height, record=True, file=io.StringIO(),
                      legacy_windows=False, safe_box=False)
    console.print(app.screen._compositor.render_update(full=True, screen_stack=app._background_screens))
    return console.export_text()


_BORDERS = re.compile(r"[│┃║▌▐█▊▎|▁▂▃▄▅▆▇]")
"""Box sides, and the scroll bar's thumb drawn beside a line of text."""


def visible(text: str) -> str:
    """The screen's text with box sides removed and each run of spaces and lines as one space,
    so a phrase wrapped inside a box still reads as one."""
    return " ".join(_BORDERS.sub(" ", text).split())


def panels(text: str) -> str:
    """The same text read down each panel: the runs between box sides that start in the same
    column, top to bottom, so a phrase wrapped in a panel beside another still reads as one."""
    runs: dict[int, list[str]] = {}
    for line in text.splitlines():
        for run in re.finditer(f"[^{_BORDERS.pattern[1:-1]}]+", line):
            runs.setdefault(run.start(), []).append(run.group())
    return " ".join(" ".join(" ".join(column).split()) for _, column in sorted(runs.items()))


def shown(widget) -> str:
    """What a Static holding rich renderables (a table, a group) shows, as plain text."""
    console = Console(width=widget.size.width, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()
