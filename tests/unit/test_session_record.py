"""A session's honest record: the reps planned per side, the sets skipped or ended early, the
pauses and the note. Kept from what the user did in the routine, read back as written, left
out of the file when nothing of the kind happened (older files and older GluteUIs read as
before), and said in words for Progress."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timezone

import pytest

from gluteui.core.history.notes import MAX_NOTE, clean_note, latest_on
from gluteui.core.history.records import Session
from gluteui.core.lead_in import LeadIn
from gluteui.core.routine.workout import Workout
from gluteui.core.stats.session_record import record_lines
from tests.unit.test_workout import ROUTINE, START, at, run_to_the_end

NAMES = {"clamshell": "Clamshell", "lateral_band_walk": "Side steps"}
STARTED = datetime(2026, 12, 1, 7, 30, tzinfo=timezone.utc)


def app_session(**changes: object) -> Session:
    return replace(Workout(ROUTINE, START, started_at=STARTED).session(at(0)), **changes)


# What the routine keeps: the timeline is get_ready 0-5, clamshell L 5-18.5 (a rep every
# 4.5 s, its 'down' ending at 9.5, 14 and 18.5), switch, R, rest, intro, side steps (4 reps).


def test_a_set_ended_after_a_rep_is_shortened_and_one_ended_before_any_is_skipped():
    workout = Workout(ROUTINE, START)
    workout.skip_set(at(11.0))  # rep 1 of the left side done, rep 2 under way
    assert workout.state(at(15.5)).side == "right"  # the switch's 4 s from 11, then the right side
    workout.skip_set(at(16.0))  # one second into its first rep
    session = workout.session(at(17.0))
    assert session.shortened == {"clamshell": {"left": 1}}
    assert session.skipped == {"clamshell": {"right": 1}}
    assert session.reps["clamshell"] == {"left": 1, "right": 0}
    assert session.planned == {"clamshell": {"left": 3, "right": 3}, "lateral_band_walk": {"both": 4}}


def test_a_skip_in_a_break_only_hurries_the_set_on_and_a_full_set_is_neither():
    workout = Workout(ROUTINE, START)
    workout.skip_set(at(1.0))  # get ready: count in now
    end, _ = run_to_the_end(workout, at(1.0))
    session = workout.session(end)
    assert session.skipped == {} and session.shortened == {}
    assert session.done_reps == session.planned_reps == 10


def test_skipping_a_move_after_it_hurts_skips_every_set_left_of_it():
    workout = Workout(ROUTINE, START)
    workout.skip_exercise(at(11.0))  # the left side after one rep; the right side not begun
    session = workout.session(at(12.0))
    assert session.shortened == {"clamshell": {"left": 1}}
    assert session.skipped == {"clamshell": {"right": 1}}


def test_a_repeat_cut_short_leaves_the_set_done_in_full():
    workout = Workout(ROUTINE, START)
    workout.repeat_set(at(20.0))  # in the switch after the left side, done in full
    workout.skip_set(at(21.0))  # the repeat's count-in: it starts now
    workout.skip_set(at(22.0))  # and is dropped
    session = workout.session(at(23.0))
    assert session.skipped == {} and session.shortened == {}


def test_pauses_count_when_the_routine_goes_on_and_a_lead_in_that_waits_is_none():
    workout = Workout(ROUTINE, START, lead_in=LeadIn(waits=True))
    workout.state(at(0.0))  # the get-ready waits for the user
    assert workout.waiting
    workout.toggle_pause(at(30.0))  # ready, half a minute later: not a pause
    workout.toggle_pause(at(31.0))
    workout.toggle_pause(at(43.5))
    workout.toggle_pause(at(50.0))  # paused again: the routine ends in it
    session = workout.session(at(60.0))
    assert (session.pauses, session.paused_s) == (1, 12.5)


def test_the_record_is_read_back_as_written_and_left_out_when_empty():
    plain = app_session()
    assert {"skipped", "shortened", "pauses", "paused_s", "note"}.isdisjoint(plain.to_dict())
    full = app_session(skipped={"clamshell": {"right": 1}}, shortened={"clamshell": {"left": 1}},
                       pauses=2, paused_s=41.5, note="Right knee — fine 👍")
    stored = json.loads(json.dumps(full.to_dict()))
    assert Session.from_dict(stored) == full
    assert stored["planned"] == {"clamshell": {"left": 3, "right": 3}, "lateral_band_walk": {"both": 4}}


def test_a_session_from_an_older_file_reads_as_before():
    older = {key: value for key, value in app_session().to_dict().items() if key != "planned"}
    session = Session.from_dict(older)
    assert (session.planned, session.skipped, session.shortened) == ({}, {}, {})
    assert (session.pauses, session.paused_s, session.note) == (0, 0.0, "")
    assert session.to_dict() == older  # written back, nothing an older GluteUI has not seen


@pytest.mark.parametrize("note", ["two\nlines", "\x1b[2Jwiped", "right-to-left \u202e", "x" * (MAX_NOTE + 1)])
def test_a_note_that_is_not_one_printable_line_is_refused(note):
    with pytest.raises(ValueError, match="note"):
        clean_note(note)
    with pytest.raises(ValueError, match="field 'note'"):
        Session.from_dict(app_session().to_dict() | {"note": note})


def test_a_note_loses_the_spaces_around_it_and_keeps_the_rest():
    assert clean_note("  Left hip [b]tight[/b]  ") == "Left hip [b]tight[/b]"
    assert clean_note("é" * MAX_NOTE) == "é" * MAX_NOTE


def test_a_note_for_a_day_goes_on_its_last_session():
    early, late = app_session(id="early"), app_session(id="late", started_at=STARTED.replace(hour=18))
    assert latest_on([late, early], STARTED.date()) is late
    assert latest_on([late, early], STARTED.date().replace(day=2)) is None


def test_the_record_in_words():
    session = app_session(
        reps={"clamshell": {"left": 3, "right": 1}, "lateral_band_walk": {"both": 4}},
        skipped={"lateral_band_walk": {"both": 2}}, shortened={"clamshell": {"right": 1}},
        pauses=2, paused_s=65.0, pain={"clamshell": "easier"},
        hurt={"clamshell": {"where": "lower_back", "side": "right"}}, easier={"clamshell": "knees lower"},
        note="[red]not markup[/]",
    )
    assert record_lines(session, NAMES) == [
        ("", "Clamshell   L 3/3  R 1/3"),
        ("", "Side steps  4/4"),
        ("Sets skipped: ", "Side steps (2 sets)"),
        ("Sets ended early: ", "Clamshell R"),
        ("Paused: ", "2 times, 1:05 in all"),
        ("It hurt: ", "Clamshell, the lower back (right side): went on with an easier version (knees lower)"),
        ("Note: ", "[red]not markup[/]"),
    ]


def test_an_older_session_shows_the_reps_done_without_a_plan_per_side():
    session = app_session(planned={}, reps={"clamshell": {"left": 3, "right": 2}})
    assert record_lines(session, NAMES) == [("", "Clamshell  L 3  R 2")]


def test_a_routine_left_paused_over_a_weekend_still_saves_its_session():
    from gluteui.core.history.session_record import MAX_PAUSED_S
    from gluteui.core.routine.set_record import SetRecord

    record = SetRecord()
    record.paused(100.0)
    record.resumed(100.0 + 3 * 24 * 3600)  # Friday to Monday
    assert (record.pauses, record.paused_s) == (1, MAX_PAUSED_S)
    started = datetime(2026, 3, 2, 7, tzinfo=timezone.utc)
    session = Session("s", started.date(), started, "standard", 10, 4, {}, 60.0, "app", {},
                      pauses=record.pauses, paused_s=record.paused_s)
    assert Session.from_dict(json.loads(json.dumps(session.to_dict()))).paused_s == MAX_PAUSED_S
