"""Outputs never destroy: `export --out` writes a new file or replaces a regular one, streams
to standard output however it is named, and refuses anything else in one line; the data
file keeps the mode it had through every save."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.history_kit import data_file, one_line_error, own_cache, run_cli  # noqa: F401

pytestmark = pytest.mark.usefixtures("own_cache")


@pytest.fixture
def history(tmp_path: Path) -> Path:
    data_dir = tmp_path / "data"
    assert run_cli(data_dir, "log", "--date", "2024-11-30")[0] == 0
    return data_dir


@pytest.mark.parametrize(("target", "why"), [
    ("folder", "it is a folder"),
    ("/dev/null", "it is a device"),
    ("read-only.json", "it is read-only"),
])
def test_an_export_over_what_is_not_a_writable_regular_file_is_refused(history: Path, tmp_path: Path, target, why):
    (tmp_path / "folder").mkdir()
    (tmp_path / "read-only.json").write_text("keep me")
    (tmp_path / "read-only.json").chmod(0o444)
    path = target if target.startswith("/") else str(tmp_path / target)
    message = one_line_error(*run_cli(history, "export", "--out", path)[::2])
    assert message == f"gluteui: will not write the export over {path}: {why}; choose another --out"
    assert (tmp_path / "read-only.json").read_text() == "keep me"
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_an_export_over_a_regular_file_replaces_it_and_a_new_path_is_made(history: Path, tmp_path: Path):
    old = tmp_path / "old.json"
    old.write_text("last week's")
    old.chmod(0o640)
    assert run_cli(history, "export", "--out", str(old))[0] == 0
    assert json.loads(old.read_text())["format"] == "gluteui"
    assert stat.S_IMODE(old.stat().st_mode) == 0o640
    assert run_cli(history, "export", "--out", str(tmp_path / "new.json"))[0] == 0


@pytest.mark.parametrize("out", ["/dev/stdout", "/dev/fd/1", "-"])
def test_an_export_to_standard_output_by_any_name_is_streamed_down_the_pipe(history: Path, tmp_path: Path, out):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run(
        [sys.executable, "-m", "gluteui", "--data-dir", str(history), "export", "--out", out],
        capture_output=True, text=True, env=env, timeout=30, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["sessions"][0]["local_date"] == "2024-11-30"


def test_a_read_only_data_file_keeps_its_mode_through_a_save(history: Path):
    data_file(history).chmod(0o444)
    assert run_cli(history, "rest", "--date", "2024-11-29")[0] == 0
    assert stat.S_IMODE(data_file(history).stat().st_mode) == 0o444
    assert "2024-11-29" in data_file(history).read_text()
    data_file(history).chmod(0o640)
    run_cli(history, "rest", "--date", "2024-11-28")
    assert stat.S_IMODE(data_file(history).stat().st_mode) == 0o640
