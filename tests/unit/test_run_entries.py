"""Which runs wait for an answer, counted per side; what Home asks next; how an older
check-in reads; the hamstrings kept and read back; a changed or removed answer that holds
through a merge of two copies of the file."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from gluteui.core.history.merge import merge
from gluteui.core.history.records import Checkin
from gluteui.core.history.store import Store
from gluteui.core.runs.record import Run
from gluteui.core.stats.hamstrings import hamstrings_estimate, hamstrings_words
from gluteui.core.stats.question import run_question
from gluteui.core.stats.run_entries import (
    ANSWER_WINDOW_DAYS,
    CheckinReply,
    checkin_view,
    entry_on,
    missed,
    missed_counts,
    record_reply,
    remove_answer,
    run_entries,
)
from gluteui.core.stats.run_log import RunRow, run_rows
from tests.unit.stats_kit import TODAY, at, checkin, days_ago, history, session

NOW = at(TODAY, hour=19)


def run(day_ago: int, hour: int = 8, name: str = "") -> Run:
    return Run.new(at(days_ago(day_ago), hour=hour), 1800.0, 5000.0, name, "running", f"{day_ago}-{hour}.fit")


def about(run_: Run, score: int, hamstrings: int | None = None, minutes: int = 0) -> Checkin:
    return Checkin(f"c-{run_.id}-{minutes}", run_.start.date(), score,
                   run_.start + timedelta(hours=2, minutes=minutes), run_.id, hamstrings)


# --- what waits for an answer -------------------------------------------------------------


def test_every_run_without_an_answer_waits_activated_or_not_and_is_counted_per_side():
    after, without, answered = run(1), run(2), run(3)  # session() starts 07:00: runs at 08:00 follow it
    made = replace(history([session(days_ago(1)), session(days_ago(3))], checkins=[about(answered, 2)]),
                   runs=[after, without, answered])
    waiting = missed(made, NOW)
    assert [(entry.run, entry.activated) for entry in waiting] == [(after, True), (without, False)]
    assert missed_counts(checkin_view(made, NOW, run_rows(made, NOW.tzinfo)).entries) == (1, 1)


def test_an_activation_day_without_a_run_waits_until_answered_or_said_to_be_without_a_run():
    made = history([session(days_ago(4))])
    [entry] = missed(made, NOW)
    assert (entry.day, entry.run, entry.activated) == (days_ago(4), None, True)
    assert missed(replace(made, no_run_days={days_ago(4)}), NOW) == []
    assert missed(replace(made, checkins=[checkin(days_ago(4), 3)]), NOW) == []


def test_a_day_with_an_imported_run_is_asked_about_through_the_run_only():
    made = replace(history([session(days_ago(1))]), runs=[run(1)])
    assert [entry.run for entry in run_entries(made, NOW)] == [run(1)]


def test_runs_older_than_the_window_no_longer_wait_but_their_answers_stay_listed():
    old, old_answered = run(ANSWER_WINDOW_DAYS + 1), run(ANSWER_WINDOW_DAYS + 2)
    made = replace(history(checkins=[about(old_answered, 5)]), runs=[old, old_answered])
    assert missed(made, NOW) == []
    view = checkin_view(made, NOW, run_rows(made, NOW.tzinfo))
    assert [entry.run for entry in view.entries] == [old_answered]
    assert missed_counts(view.entries) == (0, 0)
    assert view.past == 1, "the old run without an answer is still counted, as past asking"


def test_a_run_dated_in_the_future_does_not_wait():
    ahead = Run.new(NOW + timedelta(days=1), 1800.0, 5000.0, "", "running", "ahead.fit")
    assert missed(replace(history(), runs=[ahead]), NOW) == []


def test_a_day_check_in_on_a_day_of_two_runs_is_that_days_own_entry():
    morning, evening = run(2, hour=8), run(2, hour=18)
    told = checkin(days_ago(2), 4)
    made = replace(history(checkins=[told]), runs=[morning, evening])
    entries = run_entries(made, NOW)
    assert [(entry.run, entry.back) for entry in entries] == [(None, 4), (evening, None), (morning, None)]
    assert entries[0].about == (told.id,)


# --- what Home asks ---------------------------------------------------------------------


def test_home_asks_about_the_latest_waiting_run_of_the_last_two_days_then_the_next():
    newer, older = run(0), run(1)
    made = replace(history(), runs=[older, newer])
    asked = run_question(made, NOW)
    assert asked is not None and asked.run == newer
    answered = replace(made, checkins=[about(newer, 1)])
    asked = run_question(answered, NOW)
    assert asked is not None and asked.run == older
    skipped = replace(made, settings={"checkin_skipped": TODAY.isoformat()})
    assert run_question(skipped, NOW) is None, "skipping leaves the rest to Progress"
    assert run_question(replace(history(), runs=[run(3)]), NOW) is None, "three days old: Progress only"


# --- reading check-ins --------------------------------------------------------------------


def test_an_older_check_in_reads_as_the_back_score_and_leaves_the_hamstrings_untold():
    older = {"id": "c1", "local_date": "2026-11-20", "score": 6, "recorded_at": "2026-11-20T20:00:00+00:00"}
    read = Checkin.from_dict(older)
    assert (read.score, read.hamstrings) == (6, None)
    assert read.to_dict() == older, "written back as it was, for an older GluteUI"


def test_the_hamstrings_round_trip_and_a_bad_one_is_named():
    told = Checkin.new(TODAY, 3, NOW, "run1", hamstrings=7)
    assert Checkin.from_dict(json.loads(json.dumps(told.to_dict()))) == told
    with pytest.raises(ValueError, match="hamstrings"):
        Checkin.from_dict({**told.to_dict(), "hamstrings": 11})
    with pytest.raises(ValueError, match="hamstrings"):
        Checkin.from_dict({**told.to_dict(), "hamstrings": "7"})


def test_the_latest_word_on_a_run_wins_and_the_rows_name_every_check_in_about_it():
    evening = run(1)
    first, second = about(evening, 5, 5), about(evening, 2, 4, minutes=30)
    [row] = run_rows(replace(history(checkins=[first, second]), runs=[evening]), UTC)
    assert (row.checkin, row.hamstrings, row.about) == (2, 4, (first.id, second.id))
    assert row.to_dict()["hamstrings"] == 4


# --- saving: a change replaces, a removal holds through a merge ----------------------------


def test_a_new_answer_replaces_the_old_and_a_removal_leaves_the_run_waiting(tmp_path: Path):
    store = Store.open(tmp_path / "data", clock=lambda: NOW)
    evening = run(1)
    store.import_runs([evening])
    store.add_checkin(about(evening, 6))
    [entry] = run_entries(store.history(), NOW)
    record_reply(store, entry, CheckinReply(3, 2), NOW)
    [kept] = store.checkins()
    assert (kept.score, kept.hamstrings, kept.run_id) == (3, 2, evening.id)
    [entry] = run_entries(store.history(), NOW)
    assert remove_answer(store, entry) == 1
    assert store.checkins() == [] and [e.run for e in missed(store.history(), NOW)] == [evening]


def test_an_answer_without_the_hamstrings_is_saved_and_read_back_without_them(tmp_path: Path):
    store = Store.open(tmp_path / "data", clock=lambda: NOW)
    evening = run(1)
    store.import_runs([evening])
    [entry] = run_entries(store.history(), NOW)
    record_reply(store, entry, CheckinReply(6), NOW)
    [kept] = Store.open(tmp_path / "data").checkins()
    assert (kept.score, kept.hamstrings) == (6, None), "a back of 6 says nothing of the hamstrings"
    [entry] = run_entries(store.history(), NOW)
    assert (entry.back, entry.hamstrings, entry.answered) == (6, None, True)


def test_no_run_that_day_is_kept_and_a_later_answer_about_that_day_takes_it_back(tmp_path: Path):
    store = Store.open(tmp_path / "data", clock=lambda: NOW)
    store.save_session(session(days_ago(2)))
    record_reply(store, entry_on(store.history(), NOW, days_ago(2)), CheckinReply(ran=False), NOW)
    assert store.history().no_run_days == {days_ago(2)} and missed(store.history(), NOW) == []
    record_reply(store, entry_on(store.history(), NOW, days_ago(2)), CheckinReply(4, 1), NOW)
    assert store.history().no_run_days == set()
    assert [(c.local_date, c.score, c.hamstrings) for c in store.checkins()] == [(days_ago(2), 4, 1)]


def test_a_removal_on_one_machine_holds_when_merged_with_a_copy_from_before_it(tmp_path: Path):
    clock = [datetime(2026, 11, 26, 19, tzinfo=UTC)]
    here = Store.open(tmp_path / "here", clock=lambda: clock[0])
    here.save_session(session(days_ago(1)))
    entry = entry_on(here.history(), NOW, days_ago(1))
    record_reply(here, entry, CheckinReply(5, 5), NOW)
    shutil.copytree(tmp_path / "here", tmp_path / "there")
    there = Store.open(tmp_path / "there", clock=lambda: clock[0])
    clock[0] += timedelta(minutes=5)
    remove_answer(here, entry_on(here.history(), NOW, days_ago(1)))
    there.set_setting("weekly_target", 4)  # the other copy changes something else meanwhile
    both = merge(*(json.loads((tmp_path / name / "gluteui.json").read_text()) for name in ("here", "there")))
    assert [doc for doc in both["checkins"].values()] == []
    assert {doc["table"] for doc in both["removed"].values()} == {"checkins"}


# --- the hamstrings' own line -------------------------------------------------------------


def rows_with_hamstrings(each: int, with_scores=(2, 3, 4), without_scores=(5, 6, 7)) -> list[RunRow]:
    rows = []
    for n in range(2 * each):
        scores = without_scores if n % 2 else with_scores
        rows.append(RunRow(run(n + 1), not n % 2, 3, NOW, scores[n // 2 % len(scores)]))
    return rows


def test_the_hamstrings_get_a_line_of_their_own_once_asked_apart():
    assert hamstrings_words(hamstrings_estimate([RunRow(run(1), True, 3, NOW)])) is None, "older check-ins"
    assert hamstrings_words(hamstrings_estimate(rows_with_hamstrings(3))) == (
        "Hamstrings, asked apart on 3 runs after activating and 3 without: no verdict yet.")
    told = hamstrings_words(hamstrings_estimate(rows_with_hamstrings(12)))
    assert told is not None and told.startswith("Hamstrings, asked apart on 12 runs after activating and 12 without: "
                                                "\u22123.0 points (90% interval")
    assert "Lower on runs after activating. All of the interval is 2 points or more from 0" in told


def test_no_run_days_go_through_an_export_and_an_older_export_has_none(tmp_path: Path):
    store = Store.open(tmp_path / "here", clock=lambda: NOW)
    assert "no_run_days" not in store.export_data(), "an export an older GluteUI reads as before"
    store.set_no_run_day(days_ago(3), True)
    elsewhere = Store.open(tmp_path / "there", clock=lambda: NOW)
    assert elsewhere.import_data(json.loads(json.dumps(store.export_data())))["no_run_days"] == 1
    assert elsewhere.history().no_run_days == {days_ago(3)}


def test_progress_counts_the_older_runs_never_answered_and_says_why_they_are_not_asked():
    from gluteui.core.stats.run_entries import CheckinView
    from gluteui.widgets.checkin_list import waiting_words

    season = replace(history(), runs=[run(days) for days in range(20, 80, 3)])  # imported at once
    view = checkin_view(season, NOW, run_rows(season, NOW.tzinfo))
    assert view.entries == [] and view.past == 20
    assert waiting_words(view) == (
        f"Every run of the last {ANSWER_WINDOW_DAYS} days has an answer. 20 older runs never had one: past "
        f"{ANSWER_WINDOW_DAYS} days a run is hard to recall, so it is not asked about "
        "(`gluteui checkin --run ID` still can).")
    assert waiting_words(CheckinView([], 0)) == f"Every run of the last {ANSWER_WINDOW_DAYS} days has an answer."


def test_an_old_activation_day_without_an_imported_run_is_not_counted_as_a_run_never_answered():
    made = history([session(days_ago(ANSWER_WINDOW_DAYS + 3))])  # did they run? nobody knows
    assert checkin_view(made, NOW, run_rows(made, NOW.tzinfo)).past == 0
