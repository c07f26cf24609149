"""The progression, a pure function of the history: ladders, caps, a step down on pain, what is
carried over, what the user turns down, and weeks of made use in which the routine changes
exactly as the shown reasons say."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest

from gluteui import locations
from gluteui.core.content.load import load_content
from gluteui.core.history.records import QuizResult, Session
from gluteui.core.routine.progression import Dose, Plan, plan, steps
from gluteui.core.routine.timeline import Timeline
from gluteui.core.routine.workout import Workout

CONTENT = load_content(locations.content_dir())
LADDERS, RULES, QUIZ = CONTENT.ladders, CONTENT.ladder_rules, CONTENT.quiz
START = datetime(2026, 11, 2, 7, 0, tzinfo=timezone.utc)


def today(sessions: list[Session], routine_id: str = "standard", results: tuple[QuizResult, ...] = (),
          **options) -> Plan:
    return plan(CONTENT.routines[routine_id], LADDERS, RULES, QUIZ, sessions, list(results), **options)


def done(day_plan: Plan, day: int, feel: str = "yes", pain: dict[str, str] | None = None,
         reps_short: int = 0) -> Session:
    """The session of someone who did `day_plan` in full on day `day` (less `reps_short` reps of
    the first move), answered every feel check with `feel`, and reported `pain`."""
    started = START + timedelta(days=day)
    workout = Workout.from_plan(day_plan, LADDERS, now=0.0, started_at=started, local_date=started.date())
    session = replace(workout.session(workout.timeline.total), id=f"s{day:03}")
    reps = {e: dict(sides) for e, sides in session.reps.items()}
    first = day_plan.routine.steps[0].exercise.id
    reps[first]["left"] -= reps_short
    return replace(session, reps=reps, feel=dict.fromkeys(reps, feel), pain=pain or {},
                   done_reps=session.done_reps - reps_short)


def rung_of(day_plan: Plan, ladder: str) -> str:
    return LADDERS[ladder].rungs[day_plan.doses[ladder].rung].id


def test_the_steps_of_a_ladder_are_its_rungs_then_reps_then_hold_within_the_caps():
    bridge = steps(LADDERS["bridge"], 10, RULES)
    assert bridge[:3] == [Dose(0), Dose(1), Dose(2)]
    assert [d.add_reps for d in bridge[3:8]] == [2, 4, 6, 8, 10]  # 12 ... 20 reps a side
    # The single-leg bridge holds 2 s: 3, 4 and 5 s, never more.
    assert [d.add_hold_s for d in bridge[8:]] == [1, 2, 3]
    assert len(bridge) == 11
    # A clamshell's half-second top is not a hold to lengthen; 15 reps a side grow to 19.
    assert steps(LADDERS["clamshell"], 15, RULES)[2:] == [Dose(1, 2), Dose(1, 4)]


def test_a_new_user_starts_on_every_first_rung_with_nothing_to_explain():
    first = today([])
    assert {ladder: rung_of(first, ladder) for ladder in first.doses} == {
        "clamshell": "no_band", "bridge": "two_leg", "band_walk": "no_band"}
    assert first.changes == ()
    assert first.moves == ("Clamshell", "Two-leg bridge", "Side steps without a band")


def test_a_clean_single_leg_bridge_in_the_squeeze_test_starts_there():
    result = QuizResult("q1", START.date(), START, {"left": 9, "right": 9}, "firing", None, False,
                        steps={"bridge_left": 3, "bridge_right": 3})
    first = today([], results=(result,))
    assert rung_of(first, "bridge") == "single_leg"
    assert [c.line for c in first.changes] == [
        "Single-leg bridge from the start: you did it cleanly in your squeeze test."]
    cramped = replace(result, steps={"bridge_left": 3, "bridge_right": 1})
    assert rung_of(today([], results=(cramped,)), "bridge") == "two_leg"
    assert rung_of(today([], results=(result,), declined={"bridge:start"}), "bridge") == "two_leg"


def test_two_clean_sessions_in_a_row_move_each_move_one_step_up():
    history = [done(today([]), 1)]
    assert today(history).changes == (), "one clean session is not yet enough"
    history.append(done(today(history), 2))
    up = today(history)
    assert [c.line for c in up.changes] == [
        "Clamshell with a band today: your last 2 clamshells were clean.",
        "Two-leg bridge with a 3 s squeeze today: your last 2 bridges were clean.",
        "Band walk, band at the knees today: your last 2 band walks were clean.",
    ]
    assert rung_of(up, "bridge") == "two_leg_hold" and up.routine.steps[1].tempo.hold_s == 3


@pytest.mark.parametrize("spoil", [
    {"feel": "no"}, {"feel": "unsure"}, {"reps_short": 1}, {"pain": {"clamshell": "carried on"}},
])
def test_a_session_that_was_not_clean_does_not_count(spoil):
    history = [done(today([]), 1), done(today([]), 2, **spoil)]
    assert "clamshell" not in {c.ladder for c in today(history).changes if c.kind == "up"}


def test_a_step_turned_down_waits_for_two_more_clean_sessions():
    history = [done(today([]), 1), done(today([]), 2)]
    offered = today(history, declined={"bridge:up"})
    assert rung_of(offered, "bridge") == "two_leg" and rung_of(offered, "clamshell") == "band"
    history.append(done(offered, 3))
    assert "bridge:up" in history[-1].declined
    assert "bridge" not in {c.ladder for c in today(history).changes}
    history.append(done(today(history), 4))
    assert rung_of(today(history), "bridge") == "two_leg", "one clean session since"
    history.append(done(today(history), 5))
    assert rung_of(today(history), "bridge") == "two_leg_hold"


def test_pain_takes_the_move_one_step_down_and_carries_the_easier_way():
    bridge_top = {"bridge": "single_leg"}
    history = climbed_to(bridge_top)
    hurt = done(today(history), 30, pain={"single_leg_bridge": "easier"})
    hurt = replace(hurt, easier={"single_leg_bridge": "Lift the hips less high"})
    after = today([*history, hurt])
    assert rung_of(after, "bridge") == "two_leg_hold"
    lines = [c.line for c in after.changes if c.ladder == "bridge"]
    assert lines == ["Two-leg bridge with a 3 s squeeze today: it hurt last time.",
                     "Two-leg bridge with a 3 s squeeze the easier way you chose last time: Lift the hips less high."]
    assert after.easier == {"single_leg_bridge": "Lift the hips less high"}
    kept = today([*history, hurt], declined={"bridge:down", "bridge:easier"})
    assert rung_of(kept, "bridge") == "single_leg" and kept.easier == {}


def test_pain_on_the_first_rung_says_so_and_the_same_move_hurting_again_is_left_out():
    first = done(today([]), 1, pain={"clamshell": "skipped"})
    assert [c.line for c in today([first]).changes] == ["Clamshell today, its easiest step: it hurt last time."]
    again = done(today([first]), 2, pain={"clamshell": "skipped"})
    left_out = today([first, again])
    assert [step.ladder for step in left_out.routine.steps] == ["bridge", "band_walk"]
    assert any(c.kind == "left_out" and "Clamshell hurt in 2 of your last 2 sessions with it: have it checked"
               in c.line for c in left_out.changes)
    kept = today([first, again], declined={"clamshell:left_out"})
    assert kept.routine.steps[0].ladder == "clamshell"


def test_in_pregnancy_the_bridge_is_done_standing_unless_turned_down():
    pregnant = today([], pregnant=True)
    assert [step.exercise.id for step in pregnant.routine.steps] == [
        "clamshell", "standing_hip_extension", "lateral_band_walk"]
    assert "bridge" not in pregnant.doses
    assert any(c.kind == "swap" and "light-headed" in c.line for c in pregnant.changes)
    assert today([], pregnant=True, declined={"bridge:swap"}).routine.steps[1].exercise.id == "glute_bridge"


def climbed_to(rungs: dict[str, str], routine_id: str = "standard") -> list[Session]:
    """Clean sessions, each following its plan, until every ladder named reaches its rung."""
    history: list[Session] = []
    while not all(rung_of(today(history, routine_id), ladder) == rung for ladder, rung in rungs.items()):
        history.append(done(today(history, routine_id), len(history) + 1))
        assert len(history) < 60, "never got there"
    return history


def test_weeks_of_clean_use_climb_every_two_sessions_and_stop_at_the_caps():
    history: list[Session] = []
    said: list[tuple[int, str]] = []
    for day in range(1, 41):
        day_plan = today(history)
        said += [(day, c.line) for c in day_plan.changes]
        for change in day_plan.changes:
            assert change.kind == "up"
            ladder = LADDERS[change.ladder]
            assert change.line.startswith(day_plan.moves[[s.ladder for s in day_plan.routine.steps].index(ladder.id)])
        history.append(done(day_plan, day))
        assert Timeline.from_routine(day_plan.routine).total <= RULES.max_routine_s
        for step in day_plan.routine.steps:
            assert step.reps <= RULES.max_reps and step.tempo.hold_s <= RULES.max_hold_s
    # Every move goes up on days 3, 5, 7...: two clean sessions each time, until a cap.
    bridge_days = [day for day, line in said if "bridge" in line.lower()]
    assert bridge_days[:4] == [3, 5, 7, 9]
    final = today(history)
    assert rung_of(final, "bridge") == "single_leg" and rung_of(final, "band_walk") == "ankles"
    assert today(history).changes == (), "at the caps nothing more is offered"


def test_the_routine_length_cap_holds_back_a_step_that_would_pass_eight_minutes():
    history = climbed_to({"bridge": "single_leg", "band_walk": "ankles", "clamshell": "band"}, "focus")
    for day in range(100, 140):
        day_plan = today(history, "focus", extra_set_side="left")
        assert Timeline.from_routine(day_plan.routine, "left").total <= RULES.max_routine_s
        history.append(done(day_plan, day))


def test_a_session_logged_before_ladders_counts_at_the_first_rung_it_did():
    old = Session("old", START.date(), START, "standard", 66, 66,
                  {"clamshell": {"left": 15, "right": 15}, "single_leg_bridge": {"left": 10, "right": 10}},
                  300.0, "app", {"clamshell": "yes", "single_leg_bridge": "yes"})
    assert rung_of(today([old]), "bridge") == "single_leg", "a single-leg bridger stays on single legs"
    assert today([old]).changes == (), "and an old session, with no plan kept, never counts as clean"
