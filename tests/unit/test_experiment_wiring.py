"""The self-experiment kept and used: stored as a table of its own (read back, merged from a
sync copy, exported), and `gluteui experiment`, `status`, `nudge` and `stats` on it. The
clock is given to every call."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import datetime, time, timedelta, timezone
from pathlib import Path

import pytest

from gluteui.cli import main
from gluteui.core.history.store import Store
from gluteui.core.stats.schedule import chosen
from gluteui.core.stats.trial import assignment_on
from tests.experiment_kit import experiment_drawing
from tests.unit.history_kit import Clock, data_file, open_store, session

ZONE = timezone(timedelta(hours=1))
NOW = datetime(2026, 12, 10, 9, 0, tzinfo=ZONE)  # a Thursday morning
TODAY = NOW.date()


@pytest.fixture
def cli(data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))

    def run(*args: str, now: datetime = NOW) -> tuple[int, str, str]:
        code = main(["--data-dir", str(data_dir), *args], now=lambda: now)
        out = capsys.readouterr()
        return code, out.out, out.err

    return run


def test_the_record_is_read_back_replaced_when_stopped_and_absent_from_old_files(tmp_path: Path):
    folder = tmp_path / "data"
    store = open_store(folder)
    assert store.experiments() == [] and store.history().experiments == []  # a file from before
    experiment = experiment_drawing("skip", TODAY, TODAY, NOW)
    store.save_experiment(experiment)
    assert open_store(folder).experiments() == [experiment]
    store.save_experiment(replace(experiment, stopped_on=TODAY + timedelta(days=3)))
    assert open_store(folder).history().experiments == [replace(experiment, stopped_on=TODAY + timedelta(days=3))]
    assert json.loads(data_file(folder).read_text())["experiments"]["1"]["id"] == experiment.id


def test_a_stop_on_one_machine_and_a_session_on_the_other_both_survive_a_sync_conflict(tmp_path: Path):
    a_dir, b_dir = tmp_path / "a", tmp_path / "b"
    clock = Clock(datetime(2024, 12, 1, 10, 15, tzinfo=timezone.utc))
    experiment = experiment_drawing("activate", clock.now.date(), clock.now.date(), clock.now)
    open_store(a_dir, clock).save_experiment(experiment)
    b_dir.mkdir()
    shutil.copy(data_file(a_dir), data_file(b_dir))  # synced
    clock.advance(days=2)
    stopped = replace(experiment, stopped_on=clock.now.date())
    open_store(b_dir, clock).save_experiment(stopped)  # stopped on B ...
    clock.advance(minutes=5)
    open_store(a_dir, clock).save_session(session("s1", day=2))  # ... while A saved a routine
    shutil.copy(data_file(b_dir), a_dir / "gluteui.sync-conflict-20241203-101500-ABC.json")
    merged = open_store(a_dir, clock)
    assert merged.experiments() == [stopped]
    assert [s.id for s in merged.sessions()] == ["s1"]


def test_an_export_carries_the_experiment_and_an_import_brings_it_back(tmp_path: Path):
    old = open_store(tmp_path / "old")
    experiment = experiment_drawing("skip", TODAY, TODAY, NOW)
    old.save_experiment(experiment)
    exported = json.loads(json.dumps(old.export_data()))
    assert exported["experiments"] == [experiment.to_dict()]
    new = open_store(tmp_path / "new")
    assert new.import_data(exported)["experiments"] == 1
    assert new.experiments() == [experiment]


def test_start_show_report_and_stop_from_the_command_line(cli, data_dir: Path):
    code, out, _ = cli("experiment")
    assert code == 0 and "No self-experiment is running" in out and "stops it at any time" in out
    code, out, _ = cli("experiment", "start", "--weeks", "4", "--days", "mon,thu")
    assert code == 0
    (experiment,) = Store.open(data_dir).experiments()
    assert (experiment.started_on, experiment.weeks, experiment.run_days) == (TODAY, 4, (0, 3))
    drawn = assignment_on(experiment, TODAY, {})
    assert drawn is not None
    words = "activate today" if drawn.assigned == "activate" else "skip the activation today"
    assert "Started a self-experiment: 4 weeks from Thu 10 Dec, on mon, thu." in out
    assert f"Experiment: {words}." in out
    assert "week 1 of 4, ends Wed 06 Jan; no assignment's day is over yet." in cli("experiment")[1]
    code, out, _ = cli("experiment", now=NOW + timedelta(days=8))
    assert code == 0
    assert "Self-experiment: week 2 of 4, ends Wed 06 Jan; " in out and "assignments followed so far" in out
    code, out, _ = cli("experiment", "report", "--json", now=NOW + timedelta(days=8))
    report = json.loads(out)
    assert report["ended"] is False and report["planned"] == 8 and report["experiment"]["id"] == experiment.id
    code, out, _ = cli("experiment", "stop", now=NOW + timedelta(days=8))
    assert code == 0 and "Stopped the self-experiment started on Thu 10 Dec" in out
    assert Store.open(data_dir).experiments() == [replace(experiment, stopped_on=TODAY + timedelta(days=8))]
    code, out, _ = cli("experiment", "report", now=NOW + timedelta(days=8))
    assert out.startswith("Self-experiment: stopped on Fri 18 Dec 2026. Its report:\n")
    assert "before the 4 weeks planned" in out and "AHRQ" in out


@pytest.mark.parametrize("args,said", [
    (("start", "--weeks", "1"), "--weeks 1 must be from 2 to 26"),
    (("start", "--days", "mon,funday"), "--days: 'mon,funday': 'funday' is not a weekday or a range like mon-fri"),
    (("stop",), "no self-experiment is running: nothing to stop"),
])
def test_a_bad_start_or_stop_is_one_line(cli, args: tuple[str, ...], said: str):
    code, out, err = cli("experiment", *args)
    assert code == 2 and out == "" and err.strip() == f"gluteui: {said}"


def test_a_second_start_while_one_runs_is_refused(cli, data_dir: Path):
    assert cli("experiment", "start")[0] == 0
    code, _, err = cli("experiment", "start", now=NOW + timedelta(days=1))
    assert code == 2 and "a self-experiment is already running (started Thu 10 Dec); stop it first" in err
    assert len(Store.open(data_dir).experiments()) == 1


def test_the_reminders_days_are_the_default_run_days(cli, data_dir: Path):
    Store.open(data_dir).set_setting("reminder", chosen(time(18), [1, 5]).to_setting())
    assert cli("experiment", "start")[0] == 0
    assert Store.open(data_dir).experiments()[0].run_days == (1, 5)


def test_status_says_todays_assignment_and_no_nudge_on_a_skip_day(cli, data_dir: Path):
    store = Store.open(data_dir)
    store.set_setting("reminder", chosen(time(18), range(7)).to_setting())
    store.save_experiment(experiment_drawing("skip", TODAY, TODAY - timedelta(days=2), NOW))
    assert cli("status")[1].strip() == "glutes: skip today (experiment) · streak 0"
    code, out, _ = cli("nudge", now=NOW.replace(hour=19))
    assert code == 0 and out.strip() == "no nudge: your self-experiment asks you to skip the activation today"
    cli("log", now=NOW.replace(hour=10))  # done anyway: not followed, and the line says done
    assert cli("status", now=NOW.replace(hour=11))[1].strip() == "glutes: done today · streak 1"


def test_status_on_an_activate_day_keeps_the_nudge_time(cli, data_dir: Path):
    store = Store.open(data_dir)
    store.set_setting("reminder", chosen(time(18), range(7)).to_setting())
    store.save_experiment(experiment_drawing("activate", TODAY, TODAY - timedelta(days=2), NOW))
    assert cli("status")[1].strip() == "glutes: activate today (experiment) · streak 0 · nudge at 18:00"


def test_plain_stats_prints_the_comparison_in_the_runs_words(cli):
    code, out, _ = cli("stats")
    assert code == 0
    assert "0 answered runs after activating and 0 without." in out
    assert "Your own runs, not a trial" in out




def test_without_a_reminder_the_run_days_are_learned_from_the_runs_else_mon_wed_fri():
    from gluteui.core.runs.record import Run
    from gluteui.core.stats.trial_today import FALLBACK_DAYS, default_run_days
    from tests.unit.stats_kit import history

    empty = history()
    assert default_run_days(empty, NOW) == FALLBACK_DAYS == (0, 2, 4)
    # Tuesdays and Saturdays, four weeks of each: the weekdays you run.
    runs = [Run.new(NOW - timedelta(days=days, hours=2), 1800.0, 5000.0, "Run", "running", f"{days}.gpx")
            for week in range(1, 5) for days in (7 * week - 2, 7 * week + 2)]
    assert default_run_days(replace(empty, runs=runs), NOW) == (1, 5)


def test_the_week_counts_from_the_start_and_stays_in_range():
    from gluteui.core.stats.trial_today import standing, start
    from tests.unit.stats_kit import history

    experiment = start(history(), NOW, 4, (0, 3), 1)
    with_it = replace(history(), experiments=[experiment])
    assert [standing(with_it, TODAY + timedelta(days=days)).week for days in (-3, 0, 6, 7, 27)] == [1, 1, 1, 2, 4]
    assert standing(with_it, TODAY + timedelta(days=28)).ended
    with pytest.raises(ValueError, match="already running"):
        start(with_it, NOW + timedelta(days=27), 4, (0, 3), 2)
    assert start(with_it, NOW + timedelta(days=28), 4, (0, 3), 2).started_on == TODAY + timedelta(days=28)


def test_the_run_question_asks_about_an_experiments_run_day_activated_or_not():
    from gluteui.core.stats.question import run_question
    from tests.unit.stats_kit import checkin, history

    # Mondays and Wednesdays; today is Thursday: Wednesday is the day to ask about.
    experiment = experiment_drawing("skip", TODAY - timedelta(days=1), TODAY - timedelta(days=10), NOW,
                                    run_days=(0, 2))
    plain = replace(history(), experiments=[experiment])
    asked = run_question(plain, NOW)
    assert asked is not None and (asked.day, asked.run, asked.activated) == (TODAY - timedelta(days=1), None, False)
    answered = replace(plain, checkins=[checkin(TODAY - timedelta(days=1), 2)])
    assert run_question(answered, NOW) is None, "Monday is past the window"
    skipped = replace(plain, settings={"checkin_skipped": (TODAY - timedelta(days=1)).isoformat()})
    assert run_question(skipped, NOW) is None
    assert run_question(replace(plain, experiments=[]), NOW) is None
