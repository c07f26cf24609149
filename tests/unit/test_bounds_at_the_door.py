"""Dates and numbers bounded where they come in: a date a user types outside 1970-2199, a
run or session dated in the future, a time zone a day or more from UTC, NaN and Infinity,
a mistyped option, an id repeated by a hand edit. Each gets one line and loses nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from gluteui.core.history import tables
from gluteui.core.runs.record import Run
from gluteui.core.stats.question import run_question
from tests.unit.history_kit import (  # noqa: F401
    START,
    Clock,
    data_file,
    export_doc,
    one_line_error,
    open_store,
    own_cache,
    run_cli,
    session,
    write_raw,
)
from tests.unit.run_files import gpx, track, write

pytestmark = pytest.mark.usefixtures("own_cache")


@pytest.mark.parametrize("args", [
    ("log", "--date", "1969-12-31"), ("rest", "--date", "1969-12-31"), ("checkin", "3", "--date", "1969-12-31"),
    ("log", "--at", "1969-12-31 23:00"), ("log", "--at", "0001-01-01 00:00"), ("checkin", "--undo", "--date", "0001-01-01"),
])
def test_a_date_before_1970_is_one_line_and_changes_nothing(tmp_path: Path, args):
    folder = tmp_path / "data"
    message = one_line_error(*run_cli(folder, *args)[::2])
    assert "is outside 1970-2199, the years GluteUI keeps" in message
    assert not data_file(folder).exists()


@pytest.mark.parametrize("args", [("stats", "--jsn"), ("log", "--routine"), ("runs", "import"),
                                  ("settings", "--weekly-target", "x"), ("no-such-command",)])
def test_a_mistyped_command_is_one_line(tmp_path: Path, args, capsys):
    from gluteui.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["--data-dir", str(tmp_path), *args])
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and len(err.strip().splitlines()) == 1, err
    assert err.startswith("gluteui") and "--help" in err


def test_a_time_zone_a_day_or_more_from_utc_falls_back_to_utc_with_a_notice(tmp_path: Path):
    env = {**os.environ, "TZ": "UTC+25", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-m", "gluteui", "--data-dir", str(tmp_path / "data"), "log"],
                          capture_output=True, text=True, env=env, timeout=60, check=False)
    assert done.returncode == 0 and "Traceback" not in done.stderr
    assert done.stderr == ("gluteui: the local time zone (TZ=UTC+25) is a day or more from UTC, which no "
                           "place is; GluteUI uses UTC instead\n")


def test_a_run_dated_in_the_future_is_refused_with_a_reason(tmp_path: Path):
    folder = tmp_path / "data"
    write(tmp_path / "watch", "2126.gpx", gpx(track(START.replace(year=2126))))
    write(tmp_path / "watch", "tomorrow.gpx", gpx(track(START + timedelta(hours=20))))  # a watch a zone ahead
    out = run_cli(folder, "runs", "import", str(tmp_path / "watch"), "--verbose")[1]
    assert out.splitlines()[0] == "Runs: 1 new, 0 already there, 1 skipped."
    assert "2126.gpx: dated 2126-12-01, in the future (the clock that recorded it was wrong)" in out


def test_a_run_dated_in_the_future_never_stops_the_question_about_real_runs(tmp_path: Path):
    clock = Clock()
    store = open_store(tmp_path / "data", clock)
    real = Run.new(START - timedelta(hours=3), 1800.0, 5000.0, "", "running", "real.gpx")
    ahead = Run.new(START.replace(year=2150), 1800.0, 5000.0, "", "running", "ahead.gpx")
    store.import_runs([real, ahead])  # as an older GluteUI imported them
    asked = run_question(store.history(), START)
    assert asked is not None and asked.run is not None and asked.run.id == real.id


@pytest.mark.parametrize(("kind", "item"), [
    ("sessions", session("future", day=30 * 365).to_dict()),
    ("runs", Run.new(START + timedelta(days=2), 1800.0, 5000.0, "", "running", "x.gpx").to_dict()),
])
def test_an_import_holding_a_session_or_run_in_the_future_is_refused(tmp_path: Path, kind, item):
    export = tmp_path / "export.json"
    export.write_text(json.dumps(export_doc(**{kind: [item]})))
    message = one_line_error(*run_cli(tmp_path / "data", "import", str(export))[::2])
    assert f"Cannot import {kind}[0]: it is dated " in message and "in the future" in message


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_nan_and_infinity_in_the_data_file_are_never_written_back(tmp_path: Path, number: str):
    folder = tmp_path / "data"
    folder.mkdir()
    damaged = json.dumps(session("s1").to_dict() | {"duration_s": "__"}).replace('"__"', number)
    data_file(folder).write_text(f'{{"settings": {{"1": {{"zoom": {number}, "theme": "nord"}}}}, '
                                 f'"sessions": {{"1": {damaged}}}}}')
    store = open_store(folder)
    assert store.sessions() == []
    store.set_rest_day(START.date(), True)  # a save
    text = data_file(folder).read_text()

    def refuse(word: str) -> None:
        raise AssertionError(f"{word} written to the data file")

    written = json.loads(text, parse_constant=refuse)
    assert written["settings"]["1"]["theme"] == "nord"
    assert any("Skipped damaged sessions entry" in notice for notice in store.notices)


def test_a_setting_of_nan_is_refused_not_written(tmp_path: Path):
    store = open_store(tmp_path / "data")
    with pytest.raises(ValueError, match="not JSON compliant"):
        store.set_setting("zoom", float("nan"))
    assert not data_file(tmp_path / "data").exists() or "NaN" not in data_file(tmp_path / "data").read_text()


def test_hand_edited_duplicates_are_moved_aside_with_a_notice_never_dropped(tmp_path: Path):
    folder = tmp_path / "data"
    older = session("s1", done=10).to_dict() | {tables.STAMP: tables.stamp(START)}
    newer = session("s1", done=20).to_dict() | {tables.STAMP: tables.stamp(START + timedelta(hours=1))}
    write_raw(folder, {
        "sessions": {"1": older, "2": newer},
        "settings": {"1": {"theme": "nord"}, "2": {"theme": "dracula"}},
    })
    store = open_store(folder)
    assert [(s.id, s.done_reps) for s in store.sessions()] == [("s1", 20)]
    assert store.setting("theme") == "nord"
    (notice,) = store.notices
    assert notice.startswith("2 repeated entries of gluteui.json (the same id twice")
    (aside,) = folder.glob("gluteui.json.damaged-*.json")
    kept_apart = json.loads(aside.read_text())
    assert kept_apart == {"sessions": {"1": older}, "settings": {"2": {"theme": "dracula"}}}
    assert open_store(folder).notices == [], "told once: the file no longer holds them"
