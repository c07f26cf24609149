"""The app's writer on a real thread, with a real second process holding the lock: a change
is shown at once, waits while the lock is held, is said once to be waiting, and is saved
(and said so) when the lock comes free; nothing is lost or reordered while changes pour in."""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from gluteui.core.history import storage
from gluteui.writer import Writer
from tests.unit.history_kit import data_file, open_store, session

ROOT = Path(__file__).resolve().parents[2]
QUICK = (0.05, 0.2)
"""Retry delays for tests: the same doubling, without seconds of waiting."""


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    return tmp_path / "data", tmp_path / "work"


@pytest.fixture
def short_lock_wait(monkeypatch: pytest.MonkeyPatch) -> None:
    """Give up on another copy's lock after 0.3 s rather than the app's 10 s."""
    monkeypatch.setattr(storage, "LOCK_TIMEOUT_S", 0.3)


class Running:
    """A store in deferred mode with its writer on a thread, and what the writer reported."""

    def __init__(self, data: Path, work: Path) -> None:
        self.store = open_store(data, work=work)
        self.reports: queue.Queue[str | None] = queue.Queue()
        self.writer = Writer(self.store, self.reports.put, retry_s=QUICK)
        self.store.defer(self.writer.wake)
        self.thread = threading.Thread(target=self.writer.run)
        self.thread.start()

    def stop(self) -> None:
        self.writer.stop()
        self.thread.join(timeout=30)
        assert not self.thread.is_alive()


@pytest.fixture
def running(folders: tuple[Path, Path]) -> Iterator[Running]:
    app = Running(*folders)
    yield app
    app.stop()


def hold_lock(data: Path, work: Path) -> subprocess.Popen[str]:
    """Another process holding the lock until a line is written to its stdin."""
    holder = subprocess.Popen([sys.executable, "-m", "tests.lock_holder", str(data), str(work)], cwd=ROOT,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
    return holder


def release(holder: subprocess.Popen[str]) -> None:
    assert holder.stdin is not None
    holder.stdin.write("\n")
    holder.stdin.flush()
    holder.wait(timeout=10)


def test_a_change_made_while_another_copy_holds_the_lock_is_shown_then_saved(
        short_lock_wait: None, folders: tuple[Path, Path], running: Running):
    holder = hold_lock(*folders)
    try:
        running.store.save_session(session("s1"))  # returns at once: only memory changes
        assert [s.id for s in running.store.history().sessions] == ["s1"], "shown at once"
        problem = running.reports.get(timeout=20)
        assert problem is not None and "Another GluteUI has held" in problem
        assert not data_file(folders[0]).exists(), "nothing written while the lock is held"
        running.store.save_session(session("s2"))
        assert running.reports.empty() or running.reports.get(timeout=5) == problem
    finally:
        release(holder)
    assert running.reports.get(timeout=20) is None, "said once that it is saved now"
    assert [s.id for s in open_store(folders[0], work=folders[1]).sessions()] == ["s1", "s2"]
    assert running.store.pending == []


def test_changes_poured_in_from_another_thread_are_all_saved_in_order(folders: tuple[Path, Path]):
    app = Running(*folders)
    first = session("kept", done=0)
    for done in range(1, 200):
        app.store.save_session(replace(first, done_reps=done))  # the same session, growing
        app.store.save_session(session(f"s{done:03}", day=done))
    app.stop()
    assert app.reports.empty(), "nothing failed"
    saved = {s.id: s for s in open_store(*folders).sessions()}
    assert saved["kept"].done_reps == 199, "the last change wins, as it was made last"
    assert len(saved) == 200


def test_a_last_save_on_quit_and_the_writer_never_write_the_same_changes_twice(folders: tuple[Path, Path]):
    app = Running(*folders)
    for n in range(100):
        app.store.save_session(session(f"s{n:03}", day=n))
        if n % 10 == 0:
            app.store.save_pending()  # what quitting does, while the writer writes too
    app.stop()
    assert len(open_store(*folders).sessions()) == 100
