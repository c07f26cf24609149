"""Ten years of dense made-up history, written the way `gluteui demo-data` writes it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from gluteui import locations
from gluteui.core.content.load import load_content
from gluteui.core.demo import demo_history
from gluteui.core.history import transfer
from gluteui.core.history.records import History
from gluteui.core.history.store import Store

TEN_YEARS_DAYS = 3653
SESSIONS_PER_ACTIVE_DAY = 4.0
"""About 11,000 sessions over ten years; 3.0 gives only ~8,200, as about one day in four
has none (rest days, days off)."""
EXPECTED_SESSIONS = range(10_000, 12_500)


@dataclass(frozen=True)
class BenchData:
    data_dir: Path
    now: datetime
    """The wall clock the data was made for: its last day is the day before."""
    sessions: int
    runs: int = 0


def export(history: History | None) -> dict:
    """An export holding `history` (None: nothing), as `gluteui demo-data` writes it."""
    if history is None:
        return {"format": "gluteui", "schema_version": 1, "settings": {"welcome_seen": True}}
    return transfer.export(history)


def ten_years_history(now: datetime) -> History:
    content = load_content(locations.content_dir())
    return demo_history(content, now.date(), days=TEN_YEARS_DAYS, per_day=SESSIONS_PER_ACTIVE_DAY)


def write(data_dir: Path, history: History | None) -> Store:
    """Fill an empty data dir in one import (one atomic write, however long the history)."""
    store = Store.open(data_dir)
    store.import_data(export(history))
    return store
