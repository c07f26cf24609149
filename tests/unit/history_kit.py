"""Shared by the history tests: a clock the test moves, sessions, raw data files, the CLI."""

from __future__ import annotations

import contextlib
import errno
import io
import json
import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from gluteui.cli import main
from gluteui.core.history.records import Session
from gluteui.core.history.store import Store

START = datetime(2024, 12, 1, 10, 15, tzinfo=UTC)


@dataclass
class Clock:
    """The wall clock of one machine: it moves only when the test says so."""

    now: datetime = START

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def session(name: str, day: int = 0, done: int = 30) -> Session:
    started = START + timedelta(days=day)
    return Session(
        id=name, local_date=started.date(), started_at=started, routine_id="standard",
        planned_reps=40, done_reps=done, reps={"bridge": {"both": done}}, duration_s=300.0,
        source="app", feel={"bridge": "yes"},
    )


def open_store(folder: Path, clock: Callable[[], datetime] | None = None, work: Path | None = None) -> Store:
    """The store in `folder`, its lock and temp files in a work folder beside it (same disk)."""
    return Store.open(folder, clock=clock or Clock(), work_dir=work or folder.parent / f"{folder.name}-work")


def data_file(folder: Path) -> Path:
    return folder / "gluteui.json"


def write_raw(folder: Path, found: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    data_file(folder).write_text(json.dumps(found), encoding="utf-8")
    return data_file(folder)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under `folder` and its bytes, to show that nothing changed."""
    return {str(path.relative_to(folder)): path.read_bytes()
            for path in sorted(folder.rglob("*")) if path.is_file()}


def export_doc(**parts: Any) -> dict[str, Any]:
    return {"format": "gluteui", "schema_version": 1, **parts}


def run_cli(data_dir: Path | str, *args: str, now: datetime = START) -> tuple[int, str, str]:
    """`gluteui --data-dir DIR ARGS...` in this process: exit code, stdout, stderr.

    Anything but a clean exit (a traceback) propagates and fails the test.
    """
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--data-dir", str(data_dir), *args], now=lambda: now)
    return code, out.getvalue(), err.getvalue()


def one_line_error(code: int, err: str) -> str:
    """The message of a refused command: exit 2 and a single `gluteui: ` line on stderr."""
    assert code == 2, err
    lines = err.strip().splitlines()
    # Notices come first, each a line of its own; nothing may spill over a second line.
    assert lines and all(line.startswith("gluteui: ") for line in lines), err
    return lines[-1]


COUNTED = {"sessions": "sessions", "rest_days": "rest_days", "checkins": "checkins",
           "quiz_results": "quiz_results", "lesson_reads": "lessons_read"}


def counts(store: Store) -> dict[str, int]:
    history = store.history()
    return {kind: len(getattr(history, kind)) for kind in COUNTED.values()}


def mount_tmpfs(folder: Path, size: str = "64k") -> Path:
    """A tmpfs of `size` at `folder`; the test is skipped where mounting is not allowed."""
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip() or done.returncode}")
    return folder


def fill(folder: Path) -> Path:
    """Fill the disk `folder` is on; the file that does it, to delete to free the space."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(fd, b"\0" * 1024)
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(fd)
    return filler


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's lock and temp files go to a cache folder of the test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
