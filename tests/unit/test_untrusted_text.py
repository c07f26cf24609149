"""Nothing from a file name or a data file reaches the terminal raw: every CLI line goes
through one function that shows control and escape characters escaped, and the CSV export
cannot be read back by a spreadsheet as a formula."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gluteui.cli import main
from gluteui.core.text import printable, spreadsheet_safe
from tests.factory import FROZEN_NOW
from tests.unit.run_files import gpx, strava_csv, track, write

# What must never reach a terminal raw: C0 and C1 controls (ESC, CSI, BEL...), the line
# separators and the direction overrides. A newline between lines is the program's own.
RAW = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
CONTROL = st.characters(codec="utf-8", categories=("Cc",), exclude_characters="\x00") | st.sampled_from("\u202e\u2066\u2028\x9b")
# Names a file system allows: no "/" and no NUL, with control characters mixed in.
HOSTILE = st.lists(CONTROL | st.characters(codec="utf-8", exclude_characters="/\x00()"),
                   min_size=1, max_size=12).map("".join).filter(
    lambda name: name not in (".", "..") and RAW.search(name.replace("\n", "\x0b")) is not None)


def clean(text: str) -> bool:
    return RAW.search(text) is None


@given(st.text())
def test_printable_leaves_nothing_raw_and_printable_text_alone(text: str):
    shown = printable(text)
    assert clean(shown) and "\n" not in shown
    if clean(text) and "\n" not in text:
        assert shown == text


def test_printable_shows_what_each_character_was():
    assert printable("a\x1b[2Jb\nc\u202ed\udcff") == "a\\x1b[2Jb\\nc\\u202ed\\xff"


@pytest.mark.parametrize(("cell", "safe"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"), ("\tcmd", "\\tcmd"), ("\r=1", "\\r=1"), ("plain", "plain"),
])
def test_a_csv_cell_is_never_a_formula_nor_holds_a_control_character(cell: str, safe: str):
    assert spreadsheet_safe(cell) == safe


def run_cli(data_dir: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args], now=lambda: FROZEN_NOW)
    out = capsys.readouterr()
    return code, out.out, out.err


FAST = settings(max_examples=25, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@FAST
@given(name=HOSTILE)
def test_a_run_file_name_reaches_the_terminal_escaped(tmp_path_factory, capsys, name: str):
    root = tmp_path_factory.mktemp("watch")
    write(root, f"{name}.gpx", b"<gpx>broken")
    data_dir = tmp_path_factory.mktemp("data")
    code, out, err = run_cli(data_dir, capsys, "runs", "import", str(root), "--verbose")
    assert code == 0 and "skipped" in out
    assert clean(out) and clean(err)
    code, out, err = run_cli(data_dir, capsys, "runs", "import", str(root / f"{name}-gone.gpx"))
    assert code == 2 and clean(err) and len(err.strip().splitlines()) == 1


@FAST
@given(name=HOSTILE)
def test_a_strava_listing_naming_a_hostile_file_reaches_the_terminal_escaped(tmp_path_factory, capsys, name):
    export = tmp_path_factory.mktemp("export")
    write(export, "activities/1.gpx", gpx(track(FROZEN_NOW.replace(year=2024))))
    rows = [("1", name, "Run", "activities/1.gpx"), ("2", name, "Run", f"activities/{name}.gpx")]
    (export / "activities.csv").write_text(strava_csv(rows), encoding="utf-8", newline="")
    code, out, err = run_cli(tmp_path_factory.mktemp("data"), capsys, "runs", "import", str(export), "--verbose")
    assert code == 0 and "listed in activities.csv but not in the folder" in out
    assert clean(out) and clean(err)
    code, out, err = run_cli(tmp_path_factory.mktemp("data"), capsys, "runs")
    assert clean(out)


def test_a_conflict_copy_named_with_escape_codes_is_named_escaped(data_dir: Path, capsys):
    (data_dir / "gluteui (\x1b]0;owned\x07\x1b[2J).json").write_text("not json")
    code, _out, err = run_cli(data_dir, capsys, "stats")
    assert code == 0 and "looks like a sync tool's copy" in err
    assert clean(err) and "\\x1b]0;owned\\x07" in err


def test_an_argument_error_is_one_escaped_line(data_dir: Path, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["--data-dir", str(data_dir), "export", "--format", "x\x1b[2Jy"])
    err = capsys.readouterr().err
    assert stopped.value.code == 2
    assert len(err.strip().splitlines()) == 1 and clean(err) and "x\\x1b[2Jy" in err
    assert err.startswith("gluteui export: ")


def test_the_csv_export_neutralises_the_text_an_import_brought(data_dir: Path, capsys, tmp_path: Path):
    hostile = {
        "id": "=HYPERLINK(\"http://evil\")\x1b[31m", "local_date": "2024-05-01",
        "started_at": "2024-05-01T07:00:00+00:00", "routine_id": "@SUM(A1)\r", "planned_reps": 10,
        "done_reps": 10, "reps": {}, "duration_s": 1.0, "source": "import", "feel": {},
    }
    export = tmp_path / "in.json"
    export.write_text(json.dumps({"format": "gluteui", "schema_version": 1, "sessions": [hostile]}))
    assert run_cli(data_dir, capsys, "import", str(export))[0] == 0
    out = run_cli(data_dir, capsys, "export", "--format", "csv")[1]
    assert clean(out.replace("\r\n", "\n"))  # CSV's own line ends, and nothing else
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert row["id"] == "'=HYPERLINK(\"http://evil\")\\x1b[31m"
    assert row["routine_id"] == "'@SUM(A1)\\r"
