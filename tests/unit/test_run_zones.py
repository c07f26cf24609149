"""A run's day is the user's day, whatever zone its file gave: a watch writes UTC, and a
Sydney morning run is the evening before in UTC, a Californian evening run the morning after."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from gluteui.cli import main
from gluteui.core.history.records import Checkin
from gluteui.core.history.store import Store
from gluteui.core.runs.record import Run
from gluteui.core.stats.question import run_question
from gluteui.core.stats.run_entries import CheckinReply, record_reply, run_entries
from gluteui.core.stats.run_log import run_rows, runs_view
from gluteui.core.stats.trial import day_scores
from tests.experiment_kit import experiment_drawing
from tests.unit.run_files import gpx, track, write
from tests.unit.stats_kit import history, session

SYDNEY = ZoneInfo("Australia/Sydney")  # UTC+11 in December
CALIFORNIA = timezone(timedelta(hours=-8))
TUESDAY = date(2026, 12, 1)


def stored_in_utc(local_start: datetime) -> Run:
    """A run as a GPX or TCX file gives it: its start in UTC."""
    return Run.new(local_start.astimezone(UTC), 1800.0, 5000.0, "", "running", "watch.gpx")


def test_a_sydney_morning_run_is_that_days_run_in_the_list_the_check_in_and_the_experiment(tmp_path: Path):
    now = datetime(2026, 12, 3, 19, tzinfo=SYDNEY)
    morning = stored_in_utc(datetime(2026, 12, 1, 7, tzinfo=SYDNEY))
    assert morning.start.date() == date(2026, 11, 30), "Monday in UTC"
    store = Store.open(tmp_path / "data", clock=lambda: now)
    store.import_runs([morning])
    store.save_session(replace(session(TUESDAY), started_at=datetime(2026, 12, 1, 6, 40, tzinfo=SYDNEY)))
    # Tuesdays are the experiment's run days: Tuesday's run is the one it waits to hear about.
    store.save_experiment(experiment_drawing("activate", TUESDAY, date(2026, 11, 30), now - timedelta(days=3),
                                             run_days=(1,)))

    entries = run_entries(store.history(), now)
    assert [(entry.day, entry.run, entry.activated) for entry in entries] == [(TUESDAY, morning, True)], (
        "one Tuesday run, after that morning's activation, not a Monday run and a Tuesday waiting apart")
    question = run_question(store.history(), now)
    assert question is not None and (question.day, question.run) == (TUESDAY, morning)
    assert question.described(now.tzinfo) == "07:00, 5.0 km"

    record_reply(store, question, CheckinReply(3, 1), now)
    [told] = store.checkins()
    assert (told.local_date, told.run_id) == (TUESDAY, morning.id)
    assert day_scores(store.history()) == {TUESDAY: 3}
    [entry] = run_entries(store.history(), now)
    assert (entry.day, entry.back, entry.hamstrings) == (TUESDAY, 3, 1)
    assert runs_view(run_rows(store.history(), now.tzinfo), now.tzinfo).recent[0].checkin == 3


def test_a_californian_evening_run_keeps_its_evening_and_the_check_in_about_that_day():
    now = datetime(2026, 12, 3, 19, tzinfo=CALIFORNIA)
    evening = stored_in_utc(datetime(2026, 12, 1, 20, tzinfo=CALIFORNIA))
    assert evening.start.date() == date(2026, 12, 2), "04:00 on Wednesday in UTC"
    # An older check-in, about "the run that day", finds the run only on the user's day.
    older = Checkin("c1", TUESDAY, 4, datetime(2026, 12, 1, 22, tzinfo=CALIFORNIA))
    seen = replace(history(checkins=[older]), runs=[evening])

    [row] = run_rows(seen, now.tzinfo)
    assert (row.checkin, row.about) == (4, ("c1",))
    assert [(entry.day, entry.run, entry.back) for entry in run_entries(seen, now)] == [(TUESDAY, evening, 4)]
    assert run_rows(seen, UTC)[0].checkin is None, "read in UTC the run is Wednesday's: the check-in is not about it"


@pytest.fixture
def sydney_cli(data_dir: Path, capsys: pytest.CaptureFixture[str]):
    now = datetime(2026, 12, 3, 19, tzinfo=SYDNEY)

    def run(*args: str) -> str:
        assert main(["--data-dir", str(data_dir), *args], now=lambda: now) == 0
        return capsys.readouterr().out

    return run


def test_gluteui_checkin_by_date_finds_the_imported_sydney_run_of_that_day(sydney_cli, data_dir: Path, tmp_path: Path):
    folder = tmp_path / "watch"
    write(folder, "tuesday.gpx", gpx(track(datetime(2026, 12, 1, 7, tzinfo=SYDNEY))))  # written in UTC, "Z"
    sydney_cli("runs", "import", str(folder))
    said = sydney_cli("checkin", "2", "--date", "2026-12-01")
    assert said.startswith("Run on Tue 01 Dec (07:00, "), said
    [told] = Store.open(data_dir).checkins()
    assert told.local_date == TUESDAY and told.run_id is not None
    assert "Tue 01 Dec 2026 07:00" in sydney_cli("runs")
