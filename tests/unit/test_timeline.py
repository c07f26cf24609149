"""The routine timeline: phase order and boundaries, side switches, skip/repeat/rest edits."""

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gluteui.core.content.exercises import Exercise, Routine, RoutineStep, Tempo
from gluteui.core.lead_in import COUNTDOWN_FROM
from gluteui.core.routine.timeline import INTRO_S, REP_KINDS, Phase, Timeline
from tests.unit.builders import exercise


def routine(*exercises: Exercise, get_ready_s=5.0, switch_s=4.0, rest_s=15.0,
            extra_set_on_weaker_side=False) -> Routine:
    steps = tuple(RoutineStep(exercise=e, reps=e.reps, tempo=e.tempo, band="none")
                  for e in exercises)
    return Routine(
        id="test", name="Test", summary="", get_ready_s=get_ready_s, switch_s=switch_s,
        rest_s=rest_s, steps=steps, extra_set_on_weaker_side=extra_set_on_weaker_side,
    )


CLAMSHELL = exercise("clamshell", True, 3, Tempo(1.5, 2.0, 1.0))        # 4.5 s a rep, 13.5 a set
BRIDGE = exercise("single_leg_bridge", True, 2, Tempo(1.0, 3.0, 1.0))   # 5 s a rep, 10 a set
BAND_WALK = exercise("lateral_band_walk", False, 4, Tempo(1.0, 0.0, 1.0))  # 2 s a rep, 8 a set
KNOWN = routine(CLAMSHELL, BRIDGE, BAND_WALK)
# get_ready 5 | clamshell L 5-18.5, switch -22.5, R -36 | rest -51, intro -55 |
# bridge L 55-65, switch -69, R -79 | rest -94, intro -98 | band walk 98-106 | done
KNOWN_TOTAL = 5 + (13.5 + 4 + 13.5) + (15 + INTRO_S) + (10 + 4 + 10) + (15 + INTRO_S) + 8


@pytest.fixture
def timeline() -> Timeline:
    return Timeline.from_routine(KNOWN)


def test_total_of_known_routine_is_the_hand_computed_sum(timeline):
    assert KNOWN_TOTAL == 106
    assert timeline.total == KNOWN_TOTAL
    assert timeline.state_at(0).time_left == KNOWN_TOTAL


def test_breaks_come_in_routine_order_and_get_ready_introduces_the_first_exercise(timeline):
    breaks = [(p.kind, p.exercise_id, p.side) for p in timeline.phases if p.kind not in REP_KINDS]
    assert breaks == [
        ("get_ready", "clamshell", "left"),
        ("switch", "clamshell", "right"),
        ("rest", None, None),
        ("intro", "single_leg_bridge", "left"),
        ("switch", "single_leg_bridge", "right"),
        ("rest", None, None),
        ("intro", "lateral_band_walk", None),
        ("done", None, None),
    ]


@pytest.mark.parametrize(
    ("elapsed", "kind", "side", "rep"),
    [
        (0.0, "get_ready", "left", None),
        (5.0 - 1e-9, "get_ready", "left", None),
        (5.0, "up", "left", 1),
        (6.5 - 1e-9, "up", "left", 1),
        (6.5, "hold", "left", 1),
        (8.5, "down", "left", 1),
        (9.5, "up", "left", 2),
        (18.5 - 1e-9, "down", "left", 3),
        (18.5, "switch", "right", None),
        (22.5, "up", "right", 1),
        (36.0, "rest", None, None),
        (51.0, "intro", None, None),
        (98.0, "up", None, 1),
        (106.0 - 1e-9, "down", None, 4),
    ],
)
def test_state_just_before_at_and_after_boundaries(timeline, elapsed, kind, side, rep):
    state = timeline.state_at(elapsed)
    assert (state.kind, state.rep) == (kind, rep)
    if kind != "intro":
        assert state.side == side


def test_state_reports_progress_reps_and_the_exercise_up_next(timeline):
    hold = timeline.state_at(7.5)
    assert (hold.exercise_id, hold.rep, hold.reps, hold.set_index) == ("clamshell", 1, 3, 0)
    assert hold.progress == pytest.approx(0.5)
    rest = timeline.state_at(40.0)
    assert (rest.exercise_id, rest.next_exercise_id) == (None, "single_leg_bridge")
    assert timeline.state_at(20.0).next_exercise_id == "clamshell"
    assert timeline.state_at(105.5).next_exercise_id is None
    # A rest added in the last set of an exercise leads back to that set, not the next one.
    assert timeline.add_rest(30.0).state_at(32.0).next_exercise_id == "clamshell"


def test_zero_hold_leaves_the_hold_phase_out(timeline):
    walk_kinds = {p.kind for p in timeline.phases if p.exercise_id == "lateral_band_walk"}
    assert walk_kinds == {"intro", "up", "down"}


def test_per_side_sets_go_left_then_right_with_a_switch_between(timeline):
    assert [(s.exercise_id, s.side) for s in timeline.sets] == [
        ("clamshell", "left"), ("clamshell", "right"),
        ("single_leg_bridge", "left"), ("single_leg_bridge", "right"),
        ("lateral_band_walk", None),
    ]
    assert timeline.state_at(18.0).side == "left"
    assert timeline.state_at(20.0).kind == "switch"
    assert timeline.state_at(23.0).side == "right"


def test_extra_set_on_the_weaker_side_follows_both_sides_of_each_per_side_exercise():
    extra = Timeline.from_routine(KNOWN, extra_set_side="left")
    assert [(s.exercise_id, s.side, s.extra) for s in extra.sets] == [
        ("clamshell", "left", False), ("clamshell", "right", False), ("clamshell", "left", True),
        ("single_leg_bridge", "left", False), ("single_leg_bridge", "right", False),
        ("single_leg_bridge", "left", True),
        ("lateral_band_walk", None, False),
    ]
    assert extra.total == KNOWN_TOTAL + (4 + 13.5) + (4 + 10)
    switch = extra.state_at(36.0)
    assert (switch.kind, switch.side) == ("switch", "left")
    assert (extra.state_at(40.0).kind, extra.state_at(40.0).set_index) == ("up", 2)


def test_extra_set_on_the_side_just_trained_gets_a_rest_not_a_switch():
    extra = Timeline.from_routine(KNOWN, extra_set_side="right")
    assert extra.state_at(36.0).kind == "rest"
    assert extra.state_at(36.0).side == "right"


def test_extra_set_only_when_asked_for():
    flagged = routine(CLAMSHELL, extra_set_on_weaker_side=True)
    assert len(Timeline.from_routine(flagged).sets) == 2
    with pytest.raises(ValueError, match="extra_set_side"):
        Timeline.from_routine(KNOWN, extra_set_side="middle")


def test_skip_mid_set_starts_the_switch_now_and_shrinks_the_total(timeline):
    skipped = timeline.skip_set(10.0)
    state = skipped.state_at(10.0)
    assert (state.kind, state.side) == ("switch", "right")
    assert skipped.total == KNOWN_TOTAL - (18.5 - 10.0)
    assert (skipped.state_at(14.0).kind, skipped.state_at(14.0).rep) == ("up", 1)


def test_skip_in_a_lead_in_counts_in_then_the_set_and_a_second_skip_starts_it(timeline):
    in_intro = timeline.skip_set(51.5)  # the bridge's intro runs 51-55: more than a count-in left
    count_in = in_intro.state_at(51.5)
    assert (count_in.kind, count_in.set_index, count_in.phase.duration) == ("get_ready", 2, COUNTDOWN_FROM)
    assert count_in.leads_in
    state = in_intro.state_at(51.5 + COUNTDOWN_FROM)
    assert (state.kind, state.exercise_id, state.rep) == ("up", "single_leg_bridge", 1)
    now = in_intro.skip_set(53.0)
    assert (now.state_at(53.0).kind, now.state_at(53.0).rep) == ("up", 1)
    # A switch with no more than its count-in left goes straight on.
    late = timeline.skip_set(20.0)
    assert (late.state_at(20.0).kind, late.state_at(20.0).side) == ("up", "right")


def test_skip_in_a_rest_goes_on_to_the_next_moves_setup(timeline):
    in_rest = timeline.skip_set(40.0)
    state = in_rest.state_at(40.0)
    assert (state.kind, state.exercise_id) == ("intro", "single_leg_bridge")
    assert in_rest.total == KNOWN_TOTAL - (51.0 - 40.0)


def test_skip_of_the_last_set_finishes_the_routine(timeline):
    skipped = timeline.skip_set(100.0)
    assert skipped.total == 100.0
    assert skipped.state_at(100.0).finished
    assert timeline.skip_set(200.0) == timeline


def test_repeat_mid_set_counts_in_then_starts_again_at_rep_one_and_grows_the_total(timeline):
    repeated = timeline.repeat_set(15.0)
    count_in = repeated.state_at(15.0)
    assert (count_in.kind, count_in.set_index, count_in.leads_in) == ("get_ready", 0, True)
    state = repeated.state_at(15.0 + COUNTDOWN_FROM)
    assert (state.kind, state.rep, state.side, state.set_index) == ("up", 1, "left", 0)
    assert repeated.total == KNOWN_TOTAL + COUNTDOWN_FROM + (15.0 - 5.0)
    assert repeated.state_at(15.0 + COUNTDOWN_FROM + 13.5).kind == "switch"


def test_repeat_in_the_break_redoes_the_set_just_finished_then_that_break(timeline):
    repeated = timeline.repeat_set(20.0)
    state = repeated.state_at(20.0 + COUNTDOWN_FROM)
    assert (state.kind, state.rep, state.side) == ("up", 1, "left")
    switch = repeated.state_at(20.0 + COUNTDOWN_FROM + 13.5)
    assert (switch.kind, switch.side, switch.phase.duration) == ("switch", "right", 4.0)
    assert repeated.total == KNOWN_TOTAL + COUNTDOWN_FROM + 13.5 + (20.0 - 18.5)


def test_repeat_in_the_intro_does_not_owe_the_rest_already_taken(timeline):
    repeated = timeline.repeat_set(52.0)  # rest 36-51 is over; the bridge intro is on
    redo = repeated.state_at(52.0 + COUNTDOWN_FROM)
    assert (redo.kind, redo.rep, redo.exercise_id, redo.side) == ("up", 1, "clamshell", "right")
    intro = repeated.state_at(52.0 + COUNTDOWN_FROM + 13.5)
    assert (intro.kind, intro.phase.duration) == ("intro", INTRO_S)
    assert repeated.total == KNOWN_TOTAL + COUNTDOWN_FROM + 13.5 + (52.0 - 51.0)


def test_repeat_before_the_first_set_or_after_the_end_changes_nothing(timeline):
    assert timeline.repeat_set(2.0) == timeline
    assert timeline.repeat_set(KNOWN_TOTAL) == timeline


def test_add_rest_in_a_rest_extends_it(timeline):
    rested = timeline.add_rest(40.0)
    assert rested.state_at(40.0).phase == Phase("rest", 36.0, 61.0)
    assert rested.state_at(60.9).kind == "rest"
    assert rested.state_at(61.0).kind == "intro"
    assert rested.total == KNOWN_TOTAL + 10.0


def test_add_rest_during_a_rep_lengthens_the_break_after_the_set_and_never_cuts_the_rep(timeline):
    rested = timeline.add_rest(10.0, seconds=10.0)
    assert rested.phases[: rested.phases.index(rested.state_at(18.0).phase) + 1] == \
        timeline.phases[: timeline.phases.index(timeline.state_at(18.0).phase) + 1]
    switch = rested.state_at(18.5)
    assert (switch.kind, switch.phase.duration) == ("switch", 14.0)
    assert rested.total == KNOWN_TOTAL + 10.0
    # In the last set there is no break left to lengthen.
    assert timeline.add_rest(100.0) == timeline


def test_resume_mid_rep_counts_in_then_restarts_that_rep_at_its_up(timeline):
    resumed = timeline.resume_at(12.0)
    assert (resumed.state_at(12.0).kind, resumed.state_at(12.0).rep) == ("get_ready", 2)
    assert resumed.state_at(15.0 - 1e-9).kind == "get_ready"
    assert (resumed.state_at(15.0).kind, resumed.state_at(15.0).rep) == ("up", 2)
    assert resumed.total == KNOWN_TOTAL + COUNTDOWN_FROM + (12.0 - 9.5)


def test_resume_in_a_break_starts_the_break_again(timeline):
    resumed = timeline.resume_at(20.0)
    switch = resumed.state_at(20.0)
    assert (switch.kind, switch.phase.start, switch.phase.duration) == ("switch", 20.0, 4.0)
    assert resumed.state_at(24.0).kind == "up"
    assert resumed.total == KNOWN_TOTAL + (20.0 - 18.5)


def test_late_ticks_see_the_same_state_as_a_jump_straight_there(timeline):
    edited = timeline.add_rest(10.0).skip_set(30.0).repeat_set(45.0)
    # Mostly on-time ticks at 0.1 s, with a slow frame now and then.
    moments, clock = [], 0.0
    for n in range(1200):
        clock += 1.7 if n % 97 == 0 else 0.1
        moments.append(clock)
    ticked = [edited.state_at(moment) for moment in moments]
    jumped = Timeline(edited.phases, edited.sets)  # fresh object: nothing cached from the ticks
    assert ticked[-1] == jumped.state_at(moments[-1])
    assert ticked[::23] == [jumped.state_at(moment) for moment in moments[::23]]
    assert ticked[-1].finished and not ticked[500].finished


def test_past_the_end_the_routine_is_finished(timeline):
    for elapsed in (KNOWN_TOTAL, KNOWN_TOTAL + 0.01, 10_000.0):
        state = timeline.state_at(elapsed)
        assert (state.finished, state.kind, state.time_left) == (True, "done", 0.0)
        assert state.progress == 1.0
    assert not timeline.state_at(KNOWN_TOTAL - 1e-9).finished


def test_before_the_start_is_the_start(timeline):
    assert timeline.state_at(-3.0) == timeline.state_at(0.0)


def test_more_rest_must_be_positive(timeline):
    with pytest.raises(ValueError, match="seconds"):
        timeline.add_rest(10.0, seconds=0)


# --- properties ------------------------------------------------------------------

seconds = st.sampled_from([0.0, 0.5, 1.0, 1.25, 2.0, 3.0, 0.1, 0.7])
exercises = st.builds(
    exercise,
    exercise_id=st.sampled_from(["clamshell", "single_leg_bridge", "lateral_band_walk"]),
    per_side=st.booleans(),
    reps=st.integers(1, 5),
    tempo=st.builds(Tempo, up_s=st.sampled_from([0.5, 1.0, 1.5, 0.3]), hold_s=seconds,
                    down_s=st.sampled_from([0.5, 1.0, 2.0, 0.7])),
)
routines = st.builds(
    lambda steps, get_ready_s, switch_s, rest_s: routine(
        *steps, get_ready_s=get_ready_s, switch_s=switch_s, rest_s=rest_s),
    steps=st.lists(exercises, min_size=1, max_size=3),
    get_ready_s=st.sampled_from([0.0, 3.0, 5.0]), switch_s=st.sampled_from([0.0, 2.5, 4.0]),
    rest_s=st.sampled_from([0.0, 10.0, 15.3]),
)
timelines = st.builds(Timeline.from_routine, routines, st.sampled_from([None, "left", "right"]))
fractions = st.floats(0.0, 1.0, exclude_max=True)
edits = st.lists(
    st.tuples(st.sampled_from(["skip_set", "repeat_set", "add_rest", "resume_at"]),
              st.floats(0.0, 40.0)),
    max_size=6,
)


@st.composite
def edited_timelines(draw) -> Timeline:
    """A routine's timeline after edits pressed at random moments, as time goes forward."""
    timeline = draw(timelines)
    elapsed = 0.0
    for edit, wait in draw(edits):
        elapsed += wait
        timeline = getattr(timeline, edit)(elapsed)
    return timeline


def assert_contiguous(timeline: Timeline) -> None:
    phases = timeline.phases
    assert phases[0].start == 0.0
    assert all(a.end == b.start for a, b in pairwise(phases))
    assert all(p.duration > 0 for p in phases)
    assert phases[-1].kind == "done" and phases[-1].end == float("inf")
    assert [p.kind for p in phases].count("done") == 1


@settings(max_examples=60, deadline=None)
@given(edited_timelines(), fractions)
def test_phases_are_contiguous_and_exactly_one_holds_any_moment(timeline, fraction):
    assert_contiguous(timeline)
    elapsed = fraction * timeline.total
    holding = [p for p in timeline.phases if p.start <= elapsed < p.end]
    assert len(holding) == 1
    assert timeline.state_at(elapsed).phase == holding[0]


@settings(max_examples=60, deadline=None)
@given(edited_timelines(), fractions)
def test_time_left_plus_elapsed_is_the_total(timeline, fraction):
    state = timeline.state_at(fraction * timeline.total)
    assert state.time_left + state.elapsed == pytest.approx(timeline.total, abs=1e-9)
    assert 0.0 <= state.progress <= 1.0


@settings(max_examples=60, deadline=None)
@given(edited_timelines())
def test_rep_is_always_within_the_set(timeline):
    for phase in timeline.phases:
        if phase.rep is not None:
            assert 1 <= phase.rep <= phase.reps == timeline.sets[phase.set_index].reps


@settings(max_examples=60, deadline=None)
@given(edited_timelines(), fractions)
def test_skip_never_increases_the_total(timeline, fraction):
    skipped = timeline.skip_set(fraction * timeline.total)
    assert skipped.total <= timeline.total
    assert_contiguous(skipped)


@settings(max_examples=60, deadline=None)
@given(timelines, fractions)
def test_repeat_never_decreases_the_total(timeline, fraction):
    repeated = timeline.repeat_set(fraction * timeline.total)
    assert repeated.total >= timeline.total
    assert_contiguous(repeated)
