"""The data subcommands, run as a user would: through `main`, against a temporary data dir."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from gluteui.cli import main
from gluteui.core.history.store import Store
from tests.factory import FROZEN_NOW

TODAY = FROZEN_NOW.date()


def days_ago(n: int) -> str:
    return date.fromordinal(TODAY.toordinal() - n).isoformat()


def stats_json(cli) -> dict:
    code, out, _ = cli("stats", "--json")
    assert code == 0
    return json.loads(out)


def test_stats_json_on_an_empty_store_has_every_documented_key(cli):
    data = stats_json(cli)
    assert {
        "current_streak", "longest_streak", "weekly_target", "week_activated_days",
        "weekly_streak", "total_sessions", "activated_days",
    } <= set(data)
    assert data["total_sessions"] == 0 and data["current_streak"] == 0


def test_log_counts_as_an_activated_day_and_lifts_the_streak(cli):
    assert cli("log")[0] == 0
    data = stats_json(cli)
    assert data["total_sessions"] == 1
    assert data["activated_days"] == 1
    assert data["current_streak"] == 1
    code, out, _ = cli("log", "--date", days_ago(1), "--routine", "quick")
    assert code == 0 and "quick" in out.lower()
    assert stats_json(cli)["current_streak"] == 2


def test_rest_day_bridges_without_adding(cli):
    cli("log", "--date", days_ago(2))
    assert stats_json(cli)["current_streak"] == 0  # yesterday missed: the streak broke
    assert cli("rest", "--date", days_ago(1))[0] == 0
    assert stats_json(cli)["current_streak"] == 1
    cli("rest", "--date", days_ago(1), "--undo")
    assert stats_json(cli)["current_streak"] == 0


@pytest.mark.parametrize("args,message", [
    (("log", "--date", "26/11/2026"), "--date '26/11/2026' is not a date like"),
    (("log", "--date", "2999-01-01"), "is in the future"),
    (("log", "--routine", "marathon"), "--routine 'marathon' is unknown"),
    (("rest", "--date", "yesterday"), "is not a date like"),
    (("checkin", "11"), "score '11' must be a whole number from 0 to 10"),
    (("checkin", "bad"), "score 'bad' must be a whole number from 0 to 10"),
    (("demo-data", "--years", "0"), "--years 0 must be above 0"),
])
def test_bad_input_is_one_line_exit_2_and_changes_nothing(cli, data_dir: Path, args, message: str):
    before = Store.open(data_dir).export_data()
    code, _, err = cli(*args)
    assert code == 2
    assert err.startswith("gluteui: ") and message in err
    assert len(err.strip().splitlines()) == 1
    assert Store.open(data_dir).export_data() == before


def test_checkin_is_recorded(cli, data_dir: Path):
    assert cli("checkin", "3")[0] == 0
    [checkin] = Store.open(data_dir).checkins()
    assert (checkin.score, checkin.hamstrings) == (3, None), "no --hamstrings: not answered"


def test_export_then_import_elsewhere_twice_changes_nothing_the_second_time(cli, tmp_path: Path, capsys):
    cli("log")
    cli("rest", "--date", days_ago(1))
    cli("checkin", "2")
    export = tmp_path / "export.json"
    assert cli("export", "--format", "json", "--out", str(export))[0] == 0
    other = tmp_path / "other"
    assert main(["--data-dir", str(other), "import", str(export)], now=lambda: FROZEN_NOW) == 0
    first = Store.open(other).export_data()
    assert len(first["sessions"]) == 1 and len(first["rest_days"]) == 1 and len(first["checkins"]) == 1
    assert main(["--data-dir", str(other), "import", str(export)], now=lambda: FROZEN_NOW) == 0
    assert "nothing new" in capsys.readouterr().out.splitlines()[-1]
    assert Store.open(other).export_data() == first


def test_export_csv_has_a_row_per_session(cli):
    cli("log")
    cli("log", "--routine", "quick")
    code, out, _ = cli("export", "--format", "csv")
    assert code == 0
    rows = out.strip().splitlines()
    assert rows[0].startswith("id,local_date,started_at,routine_id")
    assert len(rows) == 3


@pytest.mark.parametrize("content,message", [
    (None, "cannot read"),
    ("{not json", "is not a GluteUI JSON export"),
    ('{"sessions": []}', "Not a GluteUI export"),
])
def test_import_refuses_what_is_not_ours(cli, data_dir: Path, tmp_path: Path, content, message):
    path = tmp_path / "in.json"
    if content is not None:
        path.write_text(content)
    code, _, err = cli("import", str(path))
    assert code == 2 and message in err
    assert Store.open(data_dir).sessions() == []


def test_demo_data_fills_an_empty_dir_and_refuses_a_second_time(cli, data_dir: Path):
    code, _, _ = cli("demo-data", "--years", "1")
    assert code == 0
    sessions = Store.open(data_dir).sessions()
    assert 200 < len(sessions) < 500
    assert any(s.done_reps < s.planned_reps for s in sessions)  # some partial sessions
    data = Store.open(data_dir).export_data()
    assert data["rest_days"] and data["checkins"] and data["quiz_results"]
    code, _, err = cli("demo-data", "--years", "1")
    assert code == 2 and "already holds history" in err


def test_settings_change_the_streak_rules_and_refuse_nonsense_whole(cli, data_dir: Path):
    code, out, _ = cli("settings", "--weekly-target", "2")
    assert code == 0 and "weekly target: 2" in out
    assert stats_json(cli)["weekly_target"] == 2
    code, _, err = cli("settings", "--weekly-target", "5", "--day-start-hour", "24")
    assert code == 2 and "--day-start-hour 24 must be a whole number from 0 to 23" in err
    assert stats_json(cli)["weekly_target"] == 2  # the valid half was not saved either
