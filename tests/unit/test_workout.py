"""The routine runner: pause and resume, skip/repeat/rest, reps done, sets completed."""

from datetime import datetime, timezone

import pytest

from gluteui.core.content.exercises import Routine, RoutineStep, Tempo
from gluteui.core.lead_in import COUNTDOWN_FROM, LeadIn
from gluteui.core.routine.workout import Stopwatch, Workout
from tests.unit.builders import exercise

CLAMSHELL = exercise("clamshell", True, 3, Tempo(1.5, 2.0, 1.0))          # 4.5 s a rep
BAND_WALK = exercise("lateral_band_walk", False, 4, Tempo(1.0, 0.0, 1.0))  # 2 s a rep
ROUTINE = Routine(
    id="wake_up", name="Wake up", summary="", get_ready_s=5.0, switch_s=4.0, rest_s=15.0,
    steps=tuple(RoutineStep(exercise=e, reps=e.reps, tempo=e.tempo, band="none")
                for e in (CLAMSHELL, BAND_WALK)),
    extra_set_on_weaker_side=True,
)
# get_ready 0-5 | clamshell L 5-18.5 (reps start 5, 9.5, 14), switch -22.5, R -36 |
# rest -51, intro -55 | band walk 55-63 | done
TOTAL = 63.0
START = 1000.0  # the monotonic clock is never zero in real life


def sets_done(workout: Workout, now: float) -> list[int]:
    """The indices of the sets behind the user at `now`, in plan order."""
    return list(range(workout.sets_behind(now)))


def at(elapsed: float) -> float:
    """The clock reading `elapsed` seconds into an unpaused workout."""
    return START + elapsed


@pytest.fixture
def workout() -> Workout:
    return Workout(ROUTINE, now=START)


def run_to_the_end(workout: Workout, now: float, step: float = 0.1) -> tuple[float, list[float]]:
    """Tick until finished; return the clock then and the elapsed times when a set completed."""
    completed_at = []
    tick = 0
    while not workout.state(now + tick * step).finished:
        tick += 1
        if workout.new_set_completed(now + tick * step):
            completed_at.append(workout.state(now + tick * step).elapsed)
        assert tick < 100_000, "the workout never finished"
    return now + tick * step, completed_at


def test_stopwatch_counts_running_time_only():
    stopwatch = Stopwatch()
    stopwatch.start(10.0)
    stopwatch.pause(12.0)
    stopwatch.pause(40.0)
    assert stopwatch.paused
    assert stopwatch.elapsed(100.0) == 2.0
    stopwatch.resume(50.0)
    stopwatch.resume(51.0)
    assert not stopwatch.paused
    assert stopwatch.elapsed(53.0) == 5.0
    stopwatch.pause(54.0)
    stopwatch.resume(70.0)
    assert stopwatch.elapsed(71.0) == 7.0


def test_pause_stops_time_however_long_it_lasts(workout):
    workout.toggle_pause(at(10.0))
    frozen = workout.state(at(10.0))
    assert workout.stopwatch.paused
    for later in (at(10.5), at(60.0), at(10_000.0)):
        assert workout.state(later) == frozen
        assert workout.done_reps(later) == 1
        assert not workout.state(later).finished


def test_resume_counts_in_three_seconds_then_does_the_same_rep_again(workout):
    workout.toggle_pause(at(12.0))  # in the hold of rep 2 on the left
    resumed = START + 500.0
    workout.toggle_pause(resumed)
    count_in = workout.state(resumed)
    assert (count_in.kind, count_in.rep, count_in.side) == ("get_ready", 2, "left")
    assert count_in.phase.duration == COUNTDOWN_FROM
    assert workout.state(resumed + COUNTDOWN_FROM - 0.01).kind == "get_ready"
    rep = workout.state(resumed + COUNTDOWN_FROM)
    assert (rep.kind, rep.rep, rep.side) == ("up", 2, "left")
    assert workout.done_reps(resumed + COUNTDOWN_FROM) == 1


def test_a_lead_in_that_waits_holds_until_the_user_is_ready_then_counts_in():
    from tests.unit.test_timeline import KNOWN

    workout = Workout(KNOWN, START, lead_in=LeadIn.from_setting("space"))
    first = workout.state(at(0.0))
    assert (first.kind, workout.waiting, workout.stopwatch.paused) == ("get_ready", True, True)
    assert workout.state(at(600.0)).elapsed == first.elapsed, "it waits as long as it takes"
    workout.toggle_pause(at(600.0))
    assert not workout.waiting and workout.state(at(600.0 + 4.9)).kind == "get_ready"
    assert workout.state(at(600.0 + 5.0)).kind == "up"
    # At the switch it waits again; `n` (next) is "ready" too.
    switch_at = next(p.start for p in workout.timeline.phases if p.kind == "switch")
    assert workout.state(at(600.0 + switch_at + 0.1)).kind == "switch" and workout.waiting
    workout.skip_set(at(700.0))
    assert not workout.waiting
    assert workout.state(at(700.0 + 5.0)).kind == "up"


def test_reps_done_after_completing_sets(workout):
    assert workout.reps_done(at(10.0)) == {
        "clamshell": {"left": 1, "right": 0}, "lateral_band_walk": {"both": 0},
    }
    assert workout.reps_done(at(36.0)) == {
        "clamshell": {"left": 3, "right": 3}, "lateral_band_walk": {"both": 0},
    }
    assert sets_done(workout, at(36.0)) == [0, 1]
    assert workout.done_reps(at(36.0)) == 6
    assert workout.reps_done(at(TOTAL))["lateral_band_walk"] == {"both": 4}


def test_a_rep_counts_once_its_down_is_over(workout):
    assert workout.done_reps(at(9.5 - 0.01)) == 0
    assert workout.done_reps(at(9.5)) == 1


def test_skip_keeps_the_reps_done_before_it_and_completes_the_set(workout):
    workout.skip_set(at(18.0))  # half way down in rep 3 on the left
    assert workout.reps_done(at(18.0))["clamshell"] == {"left": 2, "right": 0}
    assert sets_done(workout, at(18.0)) == [0]
    assert workout.new_set_completed(at(18.0))
    assert not workout.new_set_completed(at(18.0))
    assert workout.state(at(18.0)).kind == "switch"


def test_repeated_reps_all_count(workout):
    workout.repeat_set(at(15.0))  # two reps done, then the set again from rep 1
    end, _ = run_to_the_end(workout, at(15.0))
    assert workout.done_reps(end) == workout.planned_reps + 2
    assert workout.reps_done(end)["clamshell"] == {"left": 5, "right": 3}


def test_add_rest_gives_ten_more_seconds(workout):
    workout.add_rest(at(40.0))
    assert workout.state(at(60.9)).kind == "rest"
    assert workout.state(at(61.0)).kind == "intro"
    assert workout.state(at(TOTAL + 10.0)).finished
    assert not workout.state(at(TOTAL + 9.9)).finished


def test_new_set_completed_fires_once_per_set(workout):
    _, completed_at = run_to_the_end(workout, START)
    assert completed_at == pytest.approx([18.5, 36.0, TOTAL], abs=0.1)


def test_a_full_run_on_a_fake_clock_does_every_planned_rep():
    workout = Workout(ROUTINE, now=START, extra_set_side="right")
    assert workout.planned_reps == 3 * 3 + 4
    workout.toggle_pause(at(30.0))
    workout.toggle_pause(at(90.0))
    end, completed_at = run_to_the_end(workout, at(90.0), step=0.25)
    assert workout.state(end).finished
    assert workout.done_reps(end) == workout.planned_reps
    assert len(completed_at) == len(workout.timeline.sets) == 4
    assert sets_done(workout, end) == [0, 1, 2, 3]
    assert workout.state(end + 1_000.0).time_left == 0.0


def test_the_routine_flag_alone_adds_no_extra_set(workout):
    assert ROUTINE.extra_set_on_weaker_side
    assert workout.planned_reps == ROUTINE.planned_reps == 10


def test_a_set_repeated_from_the_break_after_it_completes_again(workout):
    assert workout.new_set_completed(at(20.0))
    workout.repeat_set(at(20.0))  # in the switch after the left side
    assert sets_done(workout, at(25.0)) == []
    # A count-in, then the 13.5 s set again.
    assert not workout.new_set_completed(at(36.4))
    assert workout.new_set_completed(at(36.5))
    assert sets_done(workout, at(36.5)) == [0]
    assert workout.reps_done(at(36.5))["clamshell"]["left"] == 6


def test_a_set_skipped_before_it_starts_still_counts_as_behind_you(workout):
    workout.toggle_pause(at(10.0))
    workout.skip_set(at(11.0))  # the rest of the left side: on to the switch
    workout.skip_set(at(12.0))  # the switch: the right side's count-in
    assert workout.new_set_completed(at(12.0))
    workout.skip_set(at(12.5))  # the count-in: the right side starts
    workout.skip_set(at(13.0))  # the whole right side, before a second of it ran
    assert sets_done(workout, at(13.0)) == [0, 1]
    assert workout.new_set_completed(at(13.0))
    assert workout.reps_done(at(13.0))["clamshell"] == {"left": 1, "right": 0}


def test_a_pause_as_a_rep_ends_does_not_make_it_count_twice(workout):
    workout.toggle_pause(at(9.5 - 1e-9))  # rep 1's 'down' is all but over
    workout.toggle_pause(at(20.0))
    resumed = workout.state(at(20.01))
    assert (resumed.kind, resumed.rep) == ("get_ready", 2)
    end, _ = run_to_the_end(workout, at(20.0))
    assert workout.done_reps(end) == workout.planned_reps


def test_it_hurts_skips_every_set_left_of_that_exercise_but_keeps_the_rest_before_the_next(workout):
    """Two clamshell reps on the left, then "it hurts": no right side, straight to the rest."""
    workout.skip_exercise(at(14.0))  # rep 3 on the left has just begun
    state = workout.state(at(14.0))
    assert state.kind == "rest" and state.next_exercise_id == "lateral_band_walk"
    assert workout.timeline.total == pytest.approx(14.0 + 15.0 + 4.0 + 8.0)  # rest, intro, walk
    assert workout.reps_done(at(60.0))["clamshell"] == {"left": 2, "right": 0}
    assert workout.state(at(14.0 + 15.0 + 4.0 + 0.5)).exercise_id == "lateral_band_walk"


def test_it_hurts_in_the_last_exercise_ends_the_routine(workout):
    workout.skip_exercise(at(56.0))
    assert workout.state(at(56.0)).finished and workout.timeline.total == pytest.approx(56.0)


def test_it_hurts_in_the_break_before_a_move_skips_that_move(workout):
    workout.skip_exercise(at(2.0))  # in the get-ready for the clamshells
    assert workout.state(at(2.0)).kind == "rest"
    assert workout.state(at(2.0)).next_exercise_id == "lateral_band_walk"


def test_a_logged_routine_is_built_the_way_a_run_in_the_app_is():
    """`gluteui log` keeps every planned rep done, per exercise and side, as a full run in
    the app would, marked as logged and untimed."""
    from gluteui.core.routine.workout import logged_session

    started = datetime(2026, 11, 26, 7, tzinfo=timezone.utc)
    logged = logged_session(ROUTINE, started, started.date())
    workout = Workout(ROUTINE, now=START, started_at=started, local_date=started.date())
    full = workout.session(START + workout.timeline.total)
    assert logged.reps == full.reps and logged.done_reps == logged.planned_reps == full.done_reps
    assert (logged.source, logged.duration_s, logged.started_at) == ("log", 0.0, started)
