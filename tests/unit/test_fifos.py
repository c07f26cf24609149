"""A FIFO in every folder GluteUI reads, named like what it reads there: nothing waits on
one. Each command runs in a process of its own with a deadline, so a hang fails the test
instead of stopping the suite."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.history_kit import START
from tests.unit.run_files import gpx, track, write

DEADLINE_S = 30


@pytest.fixture
def gluteui(tmp_path: Path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "COLUMNS": "200"}

    def run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "gluteui", "--data-dir", str(data_dir), *args],
                              capture_output=True, text=True, env=env, timeout=DEADLINE_S, stdin=subprocess.DEVNULL, check=False)

    return run


@pytest.fixture
def history(tmp_path: Path, gluteui) -> Path:
    """A data folder with a session and a backup of it."""
    data_dir = tmp_path / "data"
    assert gluteui(data_dir, "log", "--date", "2024-05-01").returncode == 0
    assert gluteui(data_dir, "backups", "--now").returncode == 0
    return data_dir


def fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


def test_a_fifo_named_like_a_conflict_copy_is_left_alone(history: Path, gluteui):
    fifo(history / "gluteui.sync-conflict-20240501-101500-ABCDEF1.json")
    fifo(history / "gluteui (conflicted copy).json")
    done = gluteui(history, "stats")
    assert done.returncode == 0
    assert "not a regular file" in done.stderr and "left as it is" in done.stderr
    assert (history / "gluteui (conflicted copy).json").exists()


def test_the_data_file_itself_a_fifo_is_one_line_not_a_wait(tmp_path: Path, gluteui):
    data_dir = tmp_path / "data"
    fifo(data_dir / "gluteui.json")
    done = gluteui(data_dir, "stats")
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "not a regular file" in done.stderr


def test_a_fifo_named_like_a_backup_is_not_listed_restored_or_rotated(history: Path, gluteui):
    name = "gluteui-20240501-101500-daily.json"
    fifo(history / "backups" / name)
    listed = gluteui(history, "backups")
    assert listed.returncode == 0 and name not in listed.stdout
    assert gluteui(history, "backups", "--now").returncode == 0
    restored = gluteui(history, "restore", name)
    assert restored.returncode == 2 and "neither a backup" in restored.stderr
    assert (history / "backups" / name).exists()


def test_importing_or_restoring_a_fifo_is_refused_at_once(history: Path, tmp_path: Path, gluteui):
    pipe = fifo(tmp_path / "export.json")
    done = gluteui(history, "import", str(pipe))
    assert done.returncode == 2 and "not a regular file" in done.stderr
    done = gluteui(history, "restore", str(pipe))
    assert done.returncode == 2 and done.stderr.count("\n") == 1


def test_fifos_in_a_watch_folder_and_a_strava_export_are_skipped_with_a_reason(history: Path, tmp_path: Path, gluteui):
    watch = tmp_path / "watch"
    write(watch, "real.gpx", gpx(track(START.replace(year=2024))))
    fifo(watch / "pipe.fit")
    fifo(watch / "export" / "activities.csv")
    fifo(watch / "export" / "activities" / "1.gpx.gz")
    done = gluteui(history, "runs", "import", str(watch), "--verbose")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "Runs: 1 new, 0 already there, 3 skipped."
    assert done.stdout.count("not a regular file") == 3
    named = gluteui(history, "runs", "import", str(watch / "pipe.fit"), "--verbose")
    assert "pipe.fit: not a regular file" in named.stdout


def test_an_export_over_a_fifo_is_refused_and_the_fifo_stays(history: Path, tmp_path: Path, gluteui):
    pipe = fifo(tmp_path / "out.json")
    done = gluteui(history, "export", "--out", str(pipe))
    assert done.returncode == 2 and "it is a FIFO" in done.stderr
    assert pipe.is_fifo()
