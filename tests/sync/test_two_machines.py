"""Two machines keep one GluteUI history through a real Syncthing folder, offline edits included.

Each machine's data dir is its copy of the synced folder. While apart, both change the
history; when they meet again Syncthing keeps one file and leaves the other as a conflict
copy, which GluteUI must merge the next time it opens the folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests.sync.syncthing import SyncPair, SyncthingUnavailable

CONFLICT_GLOB = "gluteui.sync-conflict-*.json"


@dataclass
class Machine:
    """One computer: its data dir (the synced folder) and its own home and cache dir."""

    name: str
    data_dir: Path
    env: dict[str, str]

    @classmethod
    def make(cls, root: Path, name: str) -> Machine:
        home = root / name / "home"
        cache = root / name / "cache"
        home.mkdir(parents=True)
        cache.mkdir()
        env = {key: value for key, value in os.environ.items()
               if not key.startswith("XDG_") and key != "GLUTEUI_DATA_DIR"}
        env.update(HOME=str(home), XDG_CACHE_HOME=str(cache))
        return cls(name, root / name / "data", env)

    def run(self, *command: str) -> subprocess.CompletedProcess[str]:
        """`gluteui --data-dir DIR COMMAND...`, which must succeed."""
        done = subprocess.run(
            [sys.executable, "-m", "gluteui", "--data-dir", str(self.data_dir), *command],
            env=self.env, capture_output=True, text=True, timeout=30, check=False,
        )
        assert done.returncode == 0, f"{self.name}: gluteui {' '.join(command)}\n{done.stderr}"
        return done

    def export(self) -> dict[str, Any]:
        exported: dict[str, Any] = json.loads(self.run("export").stdout)
        return exported

    def session_ids(self) -> set[str]:
        return {session["id"] for session in self.export()["sessions"]}

    def conflict_copies(self) -> list[Path]:
        return sorted(self.data_dir.glob(CONFLICT_GLOB))


@pytest.fixture
def machines(tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[tuple[Machine, Machine, SyncPair]]:
    a, b = Machine.make(tmp_path, "a"), Machine.make(tmp_path, "b")
    sync = SyncPair(tmp_path, a.data_dir, b.data_dir)
    # Registered before starting, so a half-started pair is stopped too.
    request.addfinalizer(sync.stop)  # noqa: PT021
    try:
        sync.start()
    except SyncthingUnavailable as error:
        pytest.skip(str(error))
    yield a, b, sync  # noqa: PT022 (the finalizer above stops it)


@pytest.mark.slow
def test_offline_edits_on_two_machines_merge_after_syncthing_conflict(
    machines: tuple[Machine, Machine, SyncPair],
) -> None:
    a, b, sync = machines
    # Weeks ago, so no date is ever in the future, whatever the hour or time zone.
    day = [(date.today() - timedelta(days=30 - n)).isoformat() for n in range(7)]
    rest_1, rest_2, rest_3 = day[1:4]

    a.run("log", "--date", day[0])
    a.run("rest", "--date", rest_1)
    a.run("rest", "--date", rest_2)
    a.run("checkin", "4", "--date", day[2])
    sync.wait_in_sync()
    assert b.export() == a.export()
    shared = a.session_ids()

    sync.pause()
    a.run("log", "--date", day[4])
    a.run("log", "--date", day[5])
    a.run("rest", "--date", rest_1, "--undo")
    a.run("checkin", "--undo", "--date", day[2])
    # B writes after A, so B's file is the newer: Syncthing keeps it and renames A's to a
    # conflict copy (it compares mtimes to the nanosecond, so no pause is needed).
    b.run("log", "--date", day[6])
    b.run("rest", "--date", rest_3)
    only_a, only_b = a.session_ids() - shared, b.session_ids() - shared
    assert (len(only_a), len(only_b)) == (2, 1)
    assert (a.data_dir / "gluteui.json").read_bytes() != (b.data_dir / "gluteui.json").read_bytes()

    sync.scan()  # each side has seen its own changes before they meet, as a running machine would
    sync.resume()
    sync.wait_in_sync()
    assert a.conflict_copies() or b.conflict_copies(), "Syncthing left no conflict copy"

    # Opening the folder merges the conflict copy in; each machine's result syncs on.
    notice = a.run("stats", "--json").stderr
    assert "sync-conflict" in notice, f"A opened a conflict copy without a word: {notice!r}"
    sync.wait_in_sync()
    b.run("stats", "--json")
    sync.wait_in_sync()

    for machine in (a, b):
        exported = machine.export()
        assert {s["id"] for s in exported["sessions"]} == shared | only_a | only_b, machine.name
        assert set(exported["rest_days"]) == {rest_2, rest_3}, machine.name
        assert exported["checkins"] == [], f"{machine.name}: the check-in deleted on A came back"
        assert machine.conflict_copies() == [], machine.name
        kept = list((machine.data_dir / "backups").rglob(CONFLICT_GLOB))
        assert kept, f"{machine.name}: the conflict copy was not kept under backups/"
        # No lock or temp file of GluteUI's is ever in the folder for Syncthing to copy.
        ours = sorted(p.name for p in machine.data_dir.iterdir() if not p.name.startswith(".st"))
        assert ours == ["backups", "gluteui.json"], machine.name
