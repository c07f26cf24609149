"""Importing what the runner points at: every run file answered for, one line each, and
nothing in a folder can stop the import."""

from __future__ import annotations

import os
from datetime import datetime, timedelta
from pathlib import Path

from gluteui.core.runs.errors import FileRuns
from gluteui.core.runs.folder import read_paths
from tests.unit.run_files import UTC, fit, gpx, tcx, track, write

START = datetime(2024, 5, 1, 6, 0, tzinfo=UTC)


def a_folder(root: Path) -> Path:
    write(root, "2024/may/01.gpx", gpx(track(START)))
    write(root, "2024/may/02.FIT", fit(track(START + timedelta(days=1))))
    write(root, "2024/june/01.tcx", tcx(track(START + timedelta(days=31))))
    write(root, "2024/june/broken.gpx", gpx(track(START))[:300])
    write(root, "2024/june/empty.fit", b"")
    write(root, "notes.txt", b"not a run")
    write(root, "2024/photo.jpg", b"\xff\xd8")
    return root


def test_a_folder_is_searched_recursively_in_a_stable_order(tmp_path: Path):
    root = a_folder(tmp_path / "runs")
    entries = [(path.relative_to(root).as_posix(), result) for path, result in read_paths([root])]
    assert [path for path, _ in entries] == [
        "2024/june/01.tcx", "2024/june/broken.gpx", "2024/june/empty.fit", "2024/may/01.gpx", "2024/may/02.FIT",
    ]
    results = dict(entries)
    assert isinstance(results["2024/may/01.gpx"], FileRuns)
    assert results["2024/may/01.gpx"].runs[0].source == "2024/may/01.gpx"
    assert results["2024/june/broken.gpx"] == "truncated"
    assert results["2024/june/empty.fit"] == "empty file"


def test_files_given_by_name_are_each_answered_for_even_when_no_run_file(tmp_path: Path):
    root = a_folder(tmp_path)
    given = [root / "2024/may/01.gpx", root / "notes.txt", root / "missing.gpx", root / "export.zip"]
    (root / "export.zip").write_bytes(b"PK")
    results = [result if isinstance(result, str) else result.runs[0].source for _path, result in read_paths(given)]
    assert results == [
        "01.gpx",
        "not a GPX, TCX or FIT file",
        "could not be read (no such file or directory)",
        "a zip file: unzip it, then import the folder",
    ]


def test_a_link_that_loops_back_up_the_tree_is_not_followed_forever(tmp_path: Path):
    root = a_folder(tmp_path / "runs")
    os.symlink(root, root / "2024" / "loop")
    os.symlink(root / "nowhere.gpx", root / "dangling.gpx")
    entries = {path.relative_to(root).as_posix(): result for path, result in read_paths([root])}
    assert len([r for r in entries.values() if isinstance(r, FileRuns)]) == 3
    assert entries["dangling.gpx"] == "could not be read (no such file or directory)"


def test_an_unreadable_folder_is_a_reason_and_the_rest_is_read(tmp_path: Path, monkeypatch):
    root = a_folder(tmp_path / "runs")
    real_scandir = os.scandir

    def refusing(path):
        if Path(path).name == "june":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    # Root reads every folder, so the refusal a normal user would meet is simulated.
    monkeypatch.setattr(os, "scandir", refusing)
    entries = list(read_paths([root]))
    assert (root / "2024" / "june", "could not be read (permission denied)") in entries
    assert len([r for _p, r in entries if isinstance(r, FileRuns)]) == 2


def test_a_run_in_two_folders_given_keeps_a_source_relative_to_each(tmp_path: Path):
    write(tmp_path / "a", "run.gpx", gpx(track(START)))
    write(tmp_path / "b", "sub/run.gpx", gpx(track(START)))
    sources = [read.runs[0].source for _p, read in read_paths([tmp_path / "a", tmp_path / "b"])]
    assert sources == ["run.gpx", "sub/run.gpx"]
