"""Counts that hold under concurrency and sync: one run is one run whether two imports of it
run at once or two machines imported it from different files before they synced."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gluteui.core.history import tables
from gluteui.core.history.merge import merge
from gluteui.core.history.reading import TableReader
from gluteui.core.history.records import Checkin
from gluteui.core.runs.record import Run
from tests.unit.history_kit import START, Clock, data_file, open_store, own_cache  # noqa: F401
from tests.unit.run_files import fit, gpx, track, write

pytestmark = pytest.mark.usefixtures("own_cache")

RUN_START = START - timedelta(days=2)
STAMPS = [tables.stamp(START + timedelta(minutes=m)) for m in range(3)]


def run_doc(key: str, variant: int) -> dict:
    """r1 and r2 are one run (a phone's GPX and the watch's FIT, 40 s apart); r3 another."""
    start = RUN_START + {"r1": timedelta(0), "r2": timedelta(seconds=40), "r3": timedelta(days=1)}[key]
    source = {"r1": "phone.gpx", "r2": "watch.fit", "r3": "later.gpx"}[key]
    return Run(key, start, 1800.0 + variant, 5000.0, "", "running", source).to_dict()


def checkin_doc(key: str, variant: int) -> dict:
    run_id = ("r1", "r2", "r3")[variant % 3]
    return Checkin.new(RUN_START.date(), variant, START, run_id).to_dict() | {"id": key}


def versions() -> st.SearchStrategy[dict]:
    entry = st.tuples(st.sampled_from(["runs", "checkins"]), st.integers(0, 2), st.booleans(),
                      st.integers(0, 5), st.sampled_from(STAMPS))

    def build(entries: list) -> dict:
        found = tables.fresh_tables()
        for table, index, grave, variant, stamp in entries:
            key = (("r1", "r2", "r3") if table == "runs" else ("c1", "c2", "c3"))[index]
            if grave:
                doc = {"id": tables.tombstone_id(table, key), "table": table, "key": key}
                found[tables.REMOVED][str(len(found[tables.REMOVED]) + 1)] = doc | {tables.STAMP: stamp}
            else:
                doc = run_doc(key, variant) if table == "runs" else checkin_doc(key, variant)
                found[table][str(len(found[table]) + 1)] = doc | {tables.STAMP: stamp}
        return found

    return st.builds(build, st.lists(entry, max_size=8))


def live_runs(found: dict) -> list[str]:
    return sorted(doc["id"] for doc in found["runs"].values())


@settings(max_examples=150, deadline=None)
@given(versions(), versions(), versions())
def test_runs_merged_from_machines_keep_the_merge_laws_and_read_as_one_record_per_run(a, b, c):
    assert merge(a, b) == merge(b, a)
    assert merge(merge(a, b), c) == merge(a, merge(b, c)) == merge(a, b, c)
    assert merge(merge(a, b), b) == merge(a, b)
    reader = TableReader(merge(a, b, c), Path("gluteui.json"), [])
    shown = {run.id for run in reader.runs()}
    assert not {"r1", "r2"} <= shown, "one run shown twice"
    stored = set(live_runs(merge(a, b, c)))
    for checkin in reader.checkins():
        # About a run that is stored: then about the copy shown.
        assert checkin.run_id in shown or checkin.run_id not in stored


def machines(root: Path, clock: Clock) -> tuple[Path, Path]:
    """Machine A, and B with a copy of A's history: each then imports the same run from a
    different file before the two sync."""
    a, b = root / "a", root / "b"
    open_store(a, clock).set_setting("theme", "nord")
    b.mkdir()
    shutil.copy(data_file(a), data_file(b))
    one = track(RUN_START)
    write(root / "phone", "run.gpx", gpx(one))
    write(root / "watch", "run.fit", fit(one, total_m=5480))
    return a, b


def test_a_run_imported_on_two_machines_from_different_files_is_one_run_after_sync(tmp_path: Path):
    from gluteui.core.runs.folder import read_paths

    clock = Clock()
    a_dir, b_dir = machines(tmp_path, clock)
    a, b = open_store(a_dir, clock), open_store(b_dir, clock)
    (gpx_run,) = [run for _, read in read_paths([tmp_path / "phone"]) for run in read.runs]
    (fit_run,) = [run for _, read in read_paths([tmp_path / "watch"]) for run in read.runs]
    a.import_runs([gpx_run])
    a.add_checkin(Checkin.new(RUN_START.date(), 2, clock.now, gpx_run.id))  # told on A, about A's copy
    clock.advance(minutes=5)
    b.import_runs([fit_run])
    # Syncthing keeps B's version beside A's as a conflict copy.
    shutil.copy(data_file(b_dir), a_dir / "gluteui.sync-conflict-20241201-101500-B0B0B0B.json")
    merged = open_store(a_dir, clock)
    assert [run.source for run in merged.runs()] == ["run.fit"], "the watch's FIT, once"
    assert [(c.run_id, c.score) for c in merged.checkins()] == [(fit_run.id, 2)]
    # B reads A's merged file later: the same one run, and the check-in, there too.
    shutil.copy(data_file(a_dir), data_file(b_dir))
    assert [run.id for run in open_store(b_dir, clock).runs()] == [fit_run.id]


def test_two_imports_of_one_run_at_once_count_it_once(tmp_path: Path):
    """Real processes, five rounds on a long history: each round the phone's GPX and the
    watch's FIT of a new run are imported at the same moment by two `gluteui` commands."""
    data_dir = tmp_path / "data"
    history = {"format": "gluteui", "schema_version": 1, "sessions": [
        {"id": f"s{n}", "local_date": (START - timedelta(days=n)).date().isoformat(),
         "started_at": (START - timedelta(days=n)).isoformat(), "routine_id": "standard", "planned_reps": 10,
         "done_reps": 10, "reps": {}, "duration_s": 300.0, "source": "app", "feel": {}}
        for n in range(1, 3000)]}
    (tmp_path / "history.json").write_text(json.dumps(history))
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    command = [sys.executable, "-m", "gluteui", "--data-dir", str(data_dir)]
    subprocess.run([*command, "import", str(tmp_path / "history.json")], env=env, check=True,
                   capture_output=True, timeout=60)
    for round_ in range(5):
        one = track(datetime(2024, 6, 1, 7, tzinfo=timezone.utc) + timedelta(days=round_))
        phone = write(tmp_path / f"phone{round_}", "run.gpx", gpx(one))
        watch = write(tmp_path / f"watch{round_}", "run.fit", fit(one, total_m=5450))
        both = [subprocess.Popen([*command, "runs", "import", str(path)], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE) for path in (phone, watch)]
        for process in both:
            assert process.wait(timeout=60) == 0, process.stderr.read() if process.stderr else ""
    listed = subprocess.run([*command, "runs", "--json"], env=env, capture_output=True, text=True,
                            check=True, timeout=60)
    assert [run["source"] for run in json.loads(listed.stdout)] == ["run.fit"] * 5
    # Stored once too, not only shown once: each import saw the other's run.
    stored = json.loads(data_file(data_dir).read_text())["runs"]
    assert sorted(doc["source"] for doc in stored.values()) == ["run.fit"] * 5


def test_a_conflict_copy_that_cannot_be_moved_adds_no_backup_on_every_command(tmp_path: Path):
    clock = Clock()
    a_dir, b_dir = machines(tmp_path, clock)
    clock.advance(minutes=1)
    open_store(b_dir, clock).set_setting("theme", "gruvbox")
    (a_dir / "backups").mkdir(exist_ok=True)
    (a_dir / "backups" / "merged").write_text("a file where the folder would go")
    shutil.copy(data_file(b_dir), a_dir / "gluteui (conflicted copy).json")
    first = open_store(a_dir, clock)
    assert any("the copy stays where it is" in notice for notice in first.notices)
    assert not any("the copy is kept in" in notice for notice in first.notices)
    count = len(first.backups())
    for _ in range(3):
        clock.advance(minutes=1)
        again = open_store(a_dir, clock)
        again.history()
    assert len(again.backups()) == count, "every command added a backup of the same history"
    assert (a_dir / "gluteui (conflicted copy).json").exists()
    assert again.setting("theme") == "gruvbox", "merged all the same"
