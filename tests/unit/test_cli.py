"""The command line: versions, content checks and one-line user errors (exit 2)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from gluteui.cli import main


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gluteui", *args], capture_output=True, text=True, cwd=cwd, check=False,
    )


def test_version(capsys: pytest.CaptureFixture[str]):
    with pytest.raises(SystemExit) as stopped:
        main(["--version"])
    assert stopped.value.code == 0
    assert capsys.readouterr().out.startswith("gluteui ")


def test_check_content_ok(capsys: pytest.CaptureFixture[str]):
    assert main(["check-content"]) == 0
    assert "OK" in capsys.readouterr().out


def test_check_content_lists_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    (tmp_path / "exercises.toml").write_text('[clamshell]\nname = "Clamshell"\nreps = "many"\n')
    (tmp_path / "routines.toml").write_text("not toml at all [")
    assert main(["check-content", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "exercises.toml: clamshell: reps: must be a whole number" in err
    assert "exercises.toml: clamshell: target: is missing" in err
    assert "routines.toml: is not valid TOML" in err
    assert "problem(s) in" in err.splitlines()[-1]


def test_unknown_theme_is_one_line_and_exit_2(tmp_path: Path):
    result = run_cli("--data-dir", str(tmp_path), "--theme", "no-such-theme")
    assert result.returncode == 2
    assert result.stderr.startswith("gluteui: unknown theme 'no-such-theme'")
    assert len(result.stderr.strip().splitlines()) == 1


def test_unwritable_data_dir_is_one_line_and_exit_2(tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")  # a regular file as parent stops even root
    result = run_cli("--data-dir", str(blocker / "data"))
    assert result.returncode == 2
    assert result.stderr.startswith("gluteui: ")
    assert str(blocker) in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_data_dir_that_is_a_file_says_so(tmp_path: Path):
    afile = tmp_path / "notes.txt"
    afile.write_text("mine")
    result = run_cli("--data-dir", str(afile), "stats")
    assert result.returncode == 2
    assert result.stderr.strip() == f"gluteui: Cannot use {afile} as the data folder: it is a file"
    assert afile.read_text() == "mine"
