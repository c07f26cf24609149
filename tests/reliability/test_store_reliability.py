"""The store under real processes: two running copies at once, and writers killed mid-save."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from gluteui.core.history import storage
from gluteui.core.history.store import Store

ROOT = Path(__file__).resolve().parents[2]
WRITER = Path(__file__).with_name("store_writer.py")
# Lines to read before each SIGKILL: varied so kills land at different points of a save.
KILL_AFTER = [1, 4, 2, 9, 3, 15, 6, 1, 11, 5, 20, 7, 2, 13, 8, 3, 17, 10]


def writer(*args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
    return subprocess.Popen(
        [sys.executable, str(WRITER), *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )


def temps(folder: Path) -> list[Path]:
    """Temp files of saves to the data file in `folder`: they are made in GluteUI's work folder."""
    work = storage.work_folder(folder / "gluteui.json", storage.default_work_dir())
    return storage.stale_temps(work) + sorted(folder.glob(f"*{storage.TEMP_SUFFIX}"))


def saved_ids(folder: Path) -> set[str]:
    """Ids in the file, after checking the file is whole and the store finds nothing wrong."""
    json.loads((folder / "gluteui.json").read_text(encoding="utf-8"))
    store = Store.open(folder)
    assert store.notices == []
    return {session.id for session in store.sessions()}


def test_two_running_copies_keep_each_others_sessions(tmp_path: Path) -> None:
    copies = [writer("burst", str(tmp_path), name, "100") for name in ("first", "second")]
    try:
        for copy in copies:
            assert copy.stdout.readline() == "ready\n", copy.stderr.read()
        # Both are loaded and waiting: release them together so their saves interleave.
        for copy in copies:
            copy.stdin.write("go\n")
            copy.stdin.flush()
        for copy in copies:
            _, errors = copy.communicate(timeout=60)
            assert copy.returncode == 0, errors
    finally:
        for copy in copies:
            copy.kill()

    expected = {f"{name}-{n}" for name in ("first", "second") for n in range(100)}
    assert saved_ids(tmp_path) == expected


def test_killed_writer_never_loses_a_saved_session(tmp_path: Path) -> None:
    confirmed: set[str] = set()
    for run, lines in enumerate(KILL_AFTER):
        process = writer("loop", str(tmp_path), f"run{run}")
        try:
            for _ in range(lines):
                line = process.stdout.readline()
                assert line.endswith("\n"), process.stderr.read()
                confirmed.add(line.strip())
        finally:
            process.kill()
            rest, _ = process.communicate(timeout=10)
        # Ids printed after the ones read were saved too; a cut-off last line confirms nothing.
        confirmed.update(line[:-1] for line in rest.splitlines(keepends=True) if line.endswith("\n"))

        missing = confirmed - saved_ids(tmp_path)
        assert not missing, f"kill {run} lost sessions {sorted(missing)}"
        assert temps(tmp_path) == [], "opening the store clears a killed writer's temp file"


@pytest.mark.parametrize(
    ("function", "nth", "fourth_saved"),
    [
        ("fsync", 1, False),  # the temp file is written but not yet flushed to disk
        ("replace", 1, False),  # the temp file is complete, the rename has not happened
        ("fsync", 2, True),  # renamed, but the folder entry is not yet flushed
    ],
    ids=["before-file-fsync", "before-rename", "before-dir-fsync"],
)
def test_writer_killed_at_each_step_of_a_save(tmp_path: Path, function: str, nth: int, fourth_saved: bool) -> None:
    # Killing at a chosen step covers the moments a random kill rarely lands on.
    process = writer("crash", str(tmp_path), "crash", function, str(nth))
    printed, errors = process.communicate(timeout=30)
    assert process.returncode == -signal.SIGKILL, errors
    assert printed.split() == ["crash-0", "crash-1", "crash-2"]

    # Proof the kill hit the intended step: only a save cut short before its rename leaves a temp file.
    assert len(temps(tmp_path)) == (0 if fourth_saved else 1)

    expected = {"crash-0", "crash-1", "crash-2"} | ({"crash-3"} if fourth_saved else set())
    assert saved_ids(tmp_path) == expected
    assert temps(tmp_path) == []
