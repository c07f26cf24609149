"""Fixtures for the benchmarks: ten years of history, an empty store, a private terminal."""

from __future__ import annotations

import compileall
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import gluteui
from gluteui.config import local_now
from gluteui.core.stats.question import run_question
from tests.bench.data import (
    EXPECTED_SESSIONS,
    TEN_YEARS_DAYS,
    BenchData,
    ten_years_history,
    write,
)
from tests.bench.measure import report, seconds
from tests.bench.terminal import Terminal


@pytest.fixture(scope="session", autouse=True)
def compiled_package() -> None:
    """Byte-compile gluteui, as `pip install` does, before anything is timed.

    Without this, a machine with PYTHONDONTWRITEBYTECODE set (this one has it) compiles
    every gluteui module from source on every launch, while Textual's were compiled when
    pip installed it: the benchmarks would time our compiler runs, not our start-up.
    """
    assert compileall.compile_dir(Path(gluteui.__file__).parent, quiet=1), "gluteui does not compile"


@pytest.fixture(scope="session")
def ten_years(tmp_path_factory: pytest.TempPathFactory) -> BenchData:
    """A data dir holding ten years of history ending yesterday, made once per run."""
    now = local_now()
    history = ten_years_history(now)
    start = time.perf_counter()
    store = write(tmp_path_factory.mktemp("ten-years"), history)
    written = time.perf_counter() - start
    # Home, not the "How was your run?" question, is the first screen the benchmarks wait for.
    saved = store.history()
    asked = run_question(saved, now)
    if asked is not None:
        store.set_setting("checkin_skipped", asked.day.isoformat())
    count = len(store.sessions())
    report(
        "data",
        f"{count} sessions, {len(history.checkins)} check-ins, {len(history.rest_days)} rest days "
        f"over {TEN_YEARS_DAYS} days; a {store.path.stat().st_size / 1e6:.1f} MB file, "
        f"written by one import_data in {seconds(written)}",
    )
    assert count in EXPECTED_SESSIONS, f"{count} sessions: not the ~11,000 the benchmarks are for"
    return BenchData(store.path.parent, now, count)


@pytest.fixture
def empty(tmp_path: Path) -> BenchData:
    """A data dir with no history, set up like ten_years in every other way."""
    store = write(tmp_path / "empty", None)
    return BenchData(store.path.parent, local_now(), 0)


@pytest.fixture(scope="session")
def terminal() -> Iterator[Terminal]:
    """One private tmux server for the whole run, killed however the run ends."""
    terminal = Terminal()
    try:
        terminal.start()
        yield terminal
    finally:
        terminal.stop()
