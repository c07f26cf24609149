"""Readings kept at 10, 20 and 40 answered runs a side: each from exactly the answers given
up to that moment, so a visit after more runs (or after answering an old one) finds the same."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from gluteui.core.history.records import Checkin
from gluteui.core.runs.record import Run
from gluteui.core.stats.answers import answers_from_rows
from gluteui.core.stats.milestones import MILESTONES, milestone_readings
from gluteui.core.stats.run_log import run_rows
from tests.unit.simulated_users import bad_spell_user, run, score
from tests.unit.stats_kit import history, session


def test_readings_are_taken_when_both_sides_first_reach_each_milestone():
    season = bad_spell_user(random.Random(3), runs=200, days=300)
    readings = milestone_readings(season)
    assert [reading.milestone for reading in readings] == list(MILESTONES)
    for reading in readings:
        assert min(reading.estimate.with_count, reading.estimate.without_count) == reading.milestone
        given = [answer for answer in season if answer.answered_at <= reading.reached_at]
        assert len(given) == reading.estimate.with_count + reading.estimate.without_count


def test_readings_do_not_change_whatever_is_answered_later():
    rng = random.Random(11)
    for _ in range(40):
        season = bad_spell_user(rng, runs=rng.randint(30, 120), days=200)
        first = milestone_readings(season)
        last = max(answer.answered_at for answer in season)
        later = [run(1000 + i, 200 + i, rng.random() < 0.5, score(rng, 3, 2)) for i in range(rng.randint(1, 60))]
        # Old runs answered only now, and later runs: both come after every reading so far.
        late_answers = [replace(answer, run_id=f"late{i}", answered_at=last + timedelta(days=1 + i))
                        for i, answer in enumerate(rng.sample(season, 5))]
        again = milestone_readings(season + later + late_answers)
        assert again[: len(first)] == first
        assert len(again) >= len(first)


def test_a_milestone_not_yet_reached_gives_no_reading():
    season = [run(i, i, i % 3 == 0, 3 + i % 4) for i in range(25)]  # 9 activated, 16 not
    assert milestone_readings(season) == []


def test_run_answers_carry_when_each_check_in_was_given_and_keep_the_linking_rule():
    day = datetime(2026, 5, 4, 7, 0, tzinfo=UTC)
    runs = [Run.new(day + timedelta(days=i, hours=1), 1800.0 + 60 * i, 5000.0, "", "running", f"r{i}.fit")
            for i in range(4)]
    sessions = [session(day.date()), session(day.date() + timedelta(days=2))]  # 07:00: an hour before
    answered = day + timedelta(days=9)
    checkins = [Checkin(f"c{i}", run.start.date(), i + 1, answered + timedelta(hours=i), run.id)
                for i, run in enumerate(runs[:3])]
    found = answers_from_rows(run_rows(replace(history(sessions, checkins=checkins), runs=runs), UTC), UTC)
    assert [(a.activated, a.score, a.answered_at, a.duration_s, a.hour) for a in found] == [
        (True, 1, answered, 1800.0, 8.0),
        (False, 2, answered + timedelta(hours=1), 1860.0, 8.0),
        (True, 3, answered + timedelta(hours=2), 1920.0, 8.0),
    ]
