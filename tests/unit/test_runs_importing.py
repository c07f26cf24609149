"""The words of an import, shared by `gluteui runs import` and the app's dialog, and the
path box's completion."""

from __future__ import annotations

import os
from pathlib import Path

from gluteui.core.runs.importing import count_run_files, details, unusable_path
from gluteui.core.runs.intake import Intake
from gluteui.widgets.path_input import completion, names_in


def test_a_path_not_there_or_not_readable_is_named_in_one_line(tmp_path: Path, monkeypatch):
    assert unusable_path(tmp_path / "gone") == f"{tmp_path / 'gone'}: no such file or folder"
    assert unusable_path(tmp_path) is None
    # Root reads everything, so the refusal a normal user would meet is simulated.
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    assert unusable_path(tmp_path) == f"{tmp_path}: cannot be read (permission denied)"


def test_only_run_files_are_counted_and_a_file_given_counts_whatever_its_name(tmp_path: Path):
    for name in ("a.gpx", "b.FIT", "c.tcx.gz", "photo.jpg", "activities.csv"):
        (tmp_path / "export" / name).parent.mkdir(exist_ok=True)
        (tmp_path / "export" / name).write_text("")
    (tmp_path / "notes.txt").write_text("")
    assert count_run_files([tmp_path / "export"]) == 3
    # Each path given is answered for, as the import reads it: the bar ends at its total.
    assert count_run_files([tmp_path / "notes.txt", tmp_path / "gone"]) == 2


def test_the_reasons_name_the_apps_switch_and_the_files_from_the_folder_imported(tmp_path: Path):
    intake = Intake(skipped=[(tmp_path / "rides" / "sun.gpx", "a cycling activity, not a run (--all imports it)")],
                    notes=[(tmp_path / "mon.fit", "its end was damaged")])
    assert details(intake) == [
        f"skipped {tmp_path / 'rides' / 'sun.gpx'}: a cycling activity, not a run (--all imports it)",
        f"read {tmp_path / 'mon.fit'}, though its end was damaged",
    ]
    assert details(intake, '"Other sports too"', tmp_path) == [
        'skipped rides/sun.gpx: a cycling activity, not a run ("Other sports too" imports it)',
        "read mon.fit, though its end was damaged",
    ]


def test_completion_takes_the_first_name_begun_a_folder_with_a_slash_and_hidden_ones_only_after_a_dot():
    names = [("watch", True), ("walk.gpx", False), (".wax", False), ("zeta", False)]
    assert completion("~/runs/wa", names) == "~/runs/walk.gpx"
    assert completion("~/runs/wat", names) == "~/runs/watch/"
    assert completion("~/runs/.w", names) == "~/runs/.wax"
    assert completion("~/runs/q", names) is None
    assert completion("~/runs/zeta", names) is None, "nothing left to add"


def test_names_in_a_folder_that_cannot_be_listed_are_none(tmp_path: Path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "run.gpx").write_text("")
    assert sorted(names_in(str(tmp_path))) == [("run.gpx", False), ("sub", True)]
    assert names_in(str(tmp_path / "gone")) == []


def test_counting_a_big_folder_stops_when_asked(tmp_path):
    """Esc in the import dialog: a home folder's names are not walked to the end."""
    for index in range(600):
        (tmp_path / f"run-{index}.gpx").write_text("")
    asked = []

    def stopped() -> bool:
        asked.append(True)
        return len(asked) > 1  # let the first stretch through, then stop

    assert 0 < count_run_files([tmp_path], stopped) < 600
    assert count_run_files([tmp_path]) == 600
