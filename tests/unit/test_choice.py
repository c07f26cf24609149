"""Which routine Start activation runs: the latest squeeze test decides, a saved pick holds
only while that test could have made it."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from gluteui import locations
from gluteui.core.content.load import load_content
from gluteui.core.history.records import QuizResult
from gluteui.core.routine.choice import (
    known_weaker_side,
    latest_result,
    recommended,
    routine_seconds,
)
from gluteui.core.routine.timeline import Timeline

CONTENT = load_content(locations.content_dir())
ROUTINES, QUIZ = CONTENT.routines, CONTENT.quiz
RULES = QUIZ.rules
VERDICTS = {verdict.id: verdict for verdict in QUIZ.verdicts}


def result(day: int, verdict: str, left: int = 7, right: int = 7, weaker=None, red_flag=False) -> QuizResult:
    taken = datetime(2026, 11, day, 7, tzinfo=timezone.utc)
    return QuizResult(f"q{day}", date(2026, 11, day), taken, {"left": left, "right": right}, verdict, weaker, red_flag)


def pick(results, saved=None):
    chosen = recommended(ROUTINES, QUIZ, results, saved)
    return chosen.routine.id, chosen.reason


def test_before_any_test_the_saved_pick_or_the_standard_routine():
    assert pick([]) == ("standard", None)
    assert pick([], "quick") == ("quick", None)
    assert pick([], "a routine since removed") == ("standard", None)


@pytest.mark.parametrize("verdict", sorted(VERDICTS))
def test_with_nothing_saved_the_latest_verdict_names_the_routine(verdict):
    assert pick([result(1, "firing"), result(2, verdict)]) == (VERDICTS[verdict].routine_id, None)


def test_a_step_up_the_ladder_holds_and_says_why():
    low, high = RULES.ladder[0], RULES.ladder[1]
    verdict = next(v.id for v in QUIZ.verdicts if v.routine_id == low)
    assert pick([result(2, verdict)], high) == (high, RULES.step_up_note)


def test_a_saved_pick_the_latest_result_could_not_make_gives_way():
    # Saved with an older test that found a weaker side; the latest found none.
    assert pick([result(1, "sleepy", 3, 6, "left"), result(2, "firing")], "focus") == (VERDICTS["firing"].routine_id, None)


def test_a_weaker_side_switches_to_its_routine_with_the_quiz_reason():
    routine, reason = pick([result(2, "amnesia", 3, 6, "left")], "quick")
    assert routine == RULES.weaker_side_routine
    assert reason == RULES.weaker_side_note.format(side="left", gap=3)


def test_a_test_stopped_for_pain_decides_nothing():
    results = [result(1, "firing"), result(2, "sleepy", 2, 0, red_flag=True)]
    assert latest_result(results) == results[0]
    assert pick(results) == (VERDICTS["firing"].routine_id, None)


def test_an_unknown_verdict_falls_back_to_the_saved_pick():
    assert pick([result(2, "renamed since")], "quick") == ("quick", None)


def test_the_weaker_side_follows_the_latest_result_and_sets_the_real_length():
    focus = ROUTINES[RULES.weaker_side_routine]
    assert known_weaker_side([], "right") == "right"
    assert known_weaker_side([result(1, "sleepy", 3, 6, "left")], "right") == "left"
    assert known_weaker_side([result(1, "sleepy", 3, 6, "left"), result(2, "firing")], "left") is None
    assert known_weaker_side([], "middle") is None
    assert routine_seconds(focus, None) == Timeline.from_routine(focus).total
    assert routine_seconds(focus, "left") == Timeline.from_routine(focus, "left").total > routine_seconds(focus, None)
    assert routine_seconds(ROUTINES["standard"], "left") == Timeline.from_routine(ROUTINES["standard"]).total
