"""The squeeze test's content, scoring and steps: verdicts, weaker side, routine, red flags."""

from __future__ import annotations

import shutil
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from gluteui import locations
from gluteui.core.content.fields import Problems
from gluteui.core.content.load import ContentError, load_content
from gluteui.core.content.quiz import Quiz, Rules, Verdict, load_quiz
from gluteui.core.history.records import QuizResult
from gluteui.core.quiz.attempt import (
    Attempt,
    assess,
    change_since,
    recommend,
    to_record,
)

BUNDLED = locations.content_dir()
ROUTINES = ("quick", "standard", "focus")


@pytest.fixture(scope="module")
def quiz() -> Quiz:
    problems = Problems()
    loaded = load_quiz(BUNDLED, problems, routine_ids=ROUTINES)
    assert problems.lines == []
    return loaded


def answers_for(quiz: Quiz, **labels: str) -> list[int]:
    """Option indexes from the start of each answer's label, e.g. squeeze_left="Rock"."""
    chosen = []
    for step in quiz.steps:
        if step.id not in labels:
            break
        matches = [i for i, option in enumerate(step.options) if option.label.startswith(labels[step.id])]
        assert len(matches) == 1, (step.id, labels[step.id])
        chosen.append(matches[0])
    return chosen


ROCK, CONCENTRATE, SOFT, NOTHING = "Rock", "It firmed", "Soft", "Almost"
LEVEL, DROPPED, PAIN = "My pelvis", "The lifted", "It hurt: the outside"
GLUTE, CRAMP, BACK = "In my", "My hamstring", "My lower back"
SHORT_SIT, MID_SIT, LONG_SIT = "Under 4", "4 to 7", "More than 7"


def sides(squeeze: tuple[str, str], stance: tuple[str, str], bridge: tuple[str, str], sitting: str) -> dict:
    return dict(
        squeeze_left=squeeze[0], squeeze_right=squeeze[1], stance_left=stance[0],
        stance_right=stance[1], bridge_left=bridge[0], bridge_right=bridge[1], sitting=sitting,
    )


# (name, answers, scores, verdict, weaker side, routine, extra-set side)
SCORING = [
    ("all firm, little sitting", sides((ROCK, ROCK), (LEVEL, LEVEL), (GLUTE, GLUTE), SHORT_SIT),
     (9, 9), "firing", None, "quick", None),
    ("firing, long sitting steps quick up to standard", sides((ROCK, ROCK), (LEVEL, LEVEL), (GLUTE, GLUTE), LONG_SIT),
     (9, 9), "firing", None, "standard", None),
    ("4-7 h of sitting is not enough to step up", sides((ROCK, ROCK), (LEVEL, LEVEL), (GLUTE, GLUTE), MID_SIT),
     (9, 9), "firing", None, "quick", None),
    ("firing at the threshold, but a 2-point gap means focus", sides((ROCK, ROCK), (DROPPED, LEVEL), (GLUTE, GLUTE), SHORT_SIT),
     (7, 9), "firing", "left", "focus", "left"),
    ("sleepy on both sides", sides((CONCENTRATE, CONCENTRATE), (DROPPED, DROPPED), (GLUTE, GLUTE), SHORT_SIT),
     (6, 6), "sleepy", None, "standard", None),
    ("a 1-point gap is not a weaker side", sides((ROCK, CONCENTRATE), (DROPPED, DROPPED), (GLUTE, GLUTE), SHORT_SIT),
     (7, 6), "sleepy", None, "standard", None),
    ("sleepy at its threshold; standard is the ladder's top", sides((ROCK, ROCK), (DROPPED, DROPPED), (BACK, BACK), LONG_SIT),
     (4, 4), "sleepy", None, "standard", None),
    ("amnesia just below sleepy", sides((CONCENTRATE, CONCENTRATE), (DROPPED, DROPPED), (BACK, BACK), SHORT_SIT),
     (3, 3), "amnesia", None, "standard", None),
    ("nothing anywhere", sides((NOTHING, NOTHING), (DROPPED, DROPPED), (BACK, BACK), LONG_SIT),
     (1, 1), "amnesia", None, "standard", None),
    ("the lower side decides: 9 and 3 is amnesia, focus on the right", sides((ROCK, SOFT), (LEVEL, DROPPED), (GLUTE, CRAMP), SHORT_SIT),
     (9, 3), "amnesia", "right", "focus", "right"),
]


@pytest.mark.parametrize("name,labels,scores,verdict,weaker,routine,extra", SCORING, ids=[row[0] for row in SCORING])
def test_scoring(quiz: Quiz, name, labels, scores, verdict, weaker, routine, extra):
    result = assess(quiz, answers_for(quiz, **labels))
    assert (result.scores["left"], result.scores["right"]) == scores
    assert result.verdict.id == verdict
    assert result.weaker_side == weaker
    assert not result.red_flag
    assert result.recommendation is not None
    assert (result.recommendation.routine_id, result.recommendation.extra_set_side) == (routine, extra)


def test_reasons_explain_each_change_from_the_verdicts_routine(quiz: Quiz):
    stepped = assess(quiz, answers_for(quiz, **sides((ROCK, ROCK), (LEVEL, LEVEL), (GLUTE, GLUTE), LONG_SIT)))
    assert stepped.recommendation.reasons == (quiz.rules.step_up_note,)
    focus = assess(quiz, answers_for(quiz, **sides((ROCK, SOFT), (LEVEL, DROPPED), (GLUTE, CRAMP), SHORT_SIT)))
    assert focus.recommendation.reasons == (
        "Your right side scored 6 points lower in this self-check (not a strength test): one extra set on it.",
    )
    plain = assess(quiz, answers_for(quiz, **sides((ROCK, ROCK), (LEVEL, LEVEL), (GLUTE, GLUTE), SHORT_SIT)))
    assert plain.recommendation.reasons == ()


@pytest.mark.parametrize("side", ["left", "right"])
def test_hip_pain_in_single_leg_stance_is_a_red_flag_with_no_routine(quiz: Quiz, side: str):
    labels = {"squeeze_left": ROCK, "squeeze_right": ROCK, "stance_left": LEVEL, f"stance_{side}": PAIN}
    attempt = Attempt(quiz)
    for index in answers_for(quiz, **labels):
        attempt.answer(index)
    assert attempt.finished and attempt.step is None  # the test stops: no bridges on a painful hip
    result = attempt.assessment()
    assert result.red_flag
    assert result.recommendation is None
    assert result.pain_note == quiz.safety.pain["outer_hip"]
    assert "gluteal tendinopathy" in result.pain_note and "physiotherapist" in result.pain_note
    assert quiz.title_of(result.verdict.id, red_flag=True) == quiz.safety.title


def pain_answers(quiz: Quiz) -> list[tuple[int, int, str]]:
    """(step number, answer index, kind) of every pain answer in the bundled quiz."""
    return [(number, index, option.pain) for number, step in enumerate(quiz.steps)
            for index, option in enumerate(step.options) if option.pain]


def test_every_step_offers_a_pain_answer(quiz: Quiz):
    assert {number for number, _, _ in pain_answers(quiz)} == set(range(len(quiz.steps)))


def test_every_pain_answer_stops_the_test_with_the_note_for_its_kind(quiz: Quiz):
    notes = set()
    for number, index, kind in pain_answers(quiz):
        attempt = Attempt(quiz)
        for _ in range(number):
            attempt.answer(0)  # the best answer: no pain so far
        attempt.answer(index)
        assert attempt.finished, (number, index)
        result = attempt.assessment()
        assert result.red_flag and result.recommendation is None, (number, index)
        assert result.pain_note == quiz.safety.pain[kind], (number, index, kind)
        notes.add(result.pain_note)
    assert notes == set(quiz.safety.pain.values())  # every note is reachable
    assert len(notes) == len(set(quiz.safety.pain))  # and each kind says something of its own


def test_no_pain_no_pain_note(quiz: Quiz):
    result = assess(quiz, answers_for(quiz, **sides((ROCK, ROCK), (LEVEL, LEVEL), (GLUTE, GLUTE), SHORT_SIT)))
    assert result.pain_note is None


def test_a_pain_result_knows_its_kind_for_the_red_flags_it_lists(quiz: Quiz):
    for number, index, kind in pain_answers(quiz):
        assert assess(quiz, [0] * number + [index]).pain == kind


def test_tips_come_from_the_answers_once_each(quiz: Quiz):
    result = assess(quiz, answers_for(quiz, **sides((ROCK, ROCK), (LEVEL, LEVEL), (CRAMP, CRAMP), SHORT_SIT)))
    assert len(result.tips) == 1
    assert "foot closer" in result.tips[0]


def test_bundled_quiz_matches_what_the_demo_data_assumes(quiz: Quiz):
    assert quiz.max_score == 9
    assert [(v.id, v.min_score) for v in quiz.verdicts] == [("firing", 7), ("sleepy", 4), ("amnesia", 0)]
    assert quiz.rules.weaker_side_gap == 2
    timed = {step.id: step.hold_s for step in quiz.steps if step.hold_s}
    assert timed == {"stance_left": 30, "stance_right": 30, "bridge_left": 10, "bridge_right": 10}
    assert [step.side for step in quiz.steps].count(None) == 1
    for verdict in quiz.verdicts:
        assert "diagnos" in verdict.text or "not a measurement" in verdict.text or "hint" in verdict.text


def test_title_of_reads_a_stored_verdict(quiz: Quiz):
    assert quiz.title_of("amnesia") == "Hard to find today"  # the id stays: stored results use it
    assert quiz.title_of("firing") == "Firing"
    assert quiz.title_of("retired-id") == "retired-id"


def test_recommend_steps_up_then_a_weaker_side_wins():
    rules = Rules(2, "focus", 1, ("quick", "standard"), "Up.", "Extra on {side} ({gap}).")
    verdict = Verdict("firing", "Firing", 7, "quick", "", "firing")
    both = recommend(rules, verdict, sitting_load=1, scores={"left": 9, "right": 7})
    assert (both.routine_id, both.extra_set_side, both.reasons) == ("focus", "right", ("Up.", "Extra on right (2)."))
    neither = recommend(rules, verdict, sitting_load=0, scores={"left": 8, "right": 9})
    assert (neither.routine_id, neither.extra_set_side, neither.reasons) == ("quick", None, ())


def test_attempt_goes_back_and_refuses_impossible_answers(quiz: Quiz):
    attempt = Attempt(quiz)
    assert not attempt.back()
    with pytest.raises(ValueError, match="no answer 8"):
        attempt.answer(7)
    attempt.answer(0)
    assert attempt.step.id == "squeeze_right"
    assert attempt.back() and attempt.step.id == "squeeze_left"
    for _ in quiz.steps:
        attempt.answer(0)
    assert attempt.finished
    with pytest.raises(ValueError, match="already finished"):
        attempt.answer(0)


def test_record_and_comparison_with_the_previous_result(quiz: Quiz):
    result = assess(quiz, answers_for(quiz, **sides((ROCK, SOFT), (LEVEL, DROPPED), (GLUTE, CRAMP), SHORT_SIT)))
    taken = datetime(2026, 11, 26, 7, 30, tzinfo=timezone.utc)
    record = to_record(result, "abc", date(2026, 11, 26), taken)
    assert record == QuizResult("abc", date(2026, 11, 26), taken, {"left": 9, "right": 3}, "amnesia", "right", False,
                                steps={"squeeze_left": 3, "squeeze_right": 1, "stance_left": 3, "stance_right": 1,
                                       "bridge_left": 3, "bridge_right": 1, "sitting": 0})
    assert QuizResult.from_dict(record.to_dict()) == record, "each answer's score is kept"
    assert change_since([], result.scores) is None
    assert change_since([record], {"left": 9, "right": 5}) == "Last time, 26 Nov: left 9 → 9, right 3 → 5"
    cut_short = QuizResult("pain", date(2026, 11, 27), taken, {"left": 3, "right": 0}, "amnesia", None, True)
    assert change_since([record, cut_short], {"left": 9, "right": 5}).startswith("Last time, 26 Nov: left 9 → 9")
    assert change_since([cut_short], {"left": 9, "right": 5}) is None


# The loader: every mistake names file, entry and field.


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(BUNDLED, folder)
    return folder


def quiz_problems(folder: Path, old: str, new: str, count: int = 1) -> list[str]:
    path = folder / "quiz.toml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    problems = Problems()
    load_quiz(folder, problems, routine_ids=ROUTINES)
    return problems.lines


@pytest.mark.parametrize("old,new,expected", [
    ('title = "Time in a chair"\n', "", "quiz.toml: sitting: title: is missing"),
    ('side = "left"', 'side = "both"', "quiz.toml: squeeze_left: side: must be one of left, right, got 'both'"),
    ("score = 3\n", "", "quiz.toml: squeeze_left.options[1]: score: is missing"),
    ("score = 3", 'score = "3"', "quiz.toml: squeeze_left.options[1]: score: must be a whole number, got '3'"),
    ("hold_s = 30", "hold_s = 0", "quiz.toml: stance_left: hold_s: must be at least 1"),
    ("score = 0\nred_flag = true", "score = 0\nredflag = true", "quiz.toml: squeeze_left.options[5]: redflag: is not a known field"),
    ('red_flag = true\npain = "outer_hip"', 'pain = "outer_hip"',
     "quiz.toml: squeeze_left.options[5]: red_flag: must be true on a pain answer"),
    ('pain = "outer_hip"\n', "", "quiz.toml: squeeze_left.options[5]: pain: is missing: a red-flag answer names"),
    ('pain = "outer_hip"', 'pain = "elbow"', "quiz.toml: squeeze_left.options[5]: pain: unknown kind 'elbow'"),
    ("\n[safety.pain]\n", "\n[safety.aches]\n", "quiz.toml: safety: pain: must name at least one kind"),
    ('routine_id = "quick"', 'routine_id = "quik"', "quiz.toml: firing: routine_id: unknown routine 'quik'"),
    ("min_score = 7", "min_score = 10", "quiz.toml: firing: min_score: is above the highest score a side can reach (9)"),
    ("min_score = 0\n", "min_score = 1\n", "quiz.toml: verdicts: min_score: one verdict needs min_score = 0"),
    ("weaker_side_gap = 2", "weaker_side_gap = 0", "quiz.toml: rules: weaker_side_gap: must be at least 1"),
    ("extra set on it.", "extra set on {it}.", "quiz.toml: rules: weaker_side_note: may only use the placeholders"),
    ('id = "squeeze_right"', 'id = "squeeze_left"', "quiz.toml: squeeze_left: id: is used by more than one of the steps"),
])
def test_a_mistake_names_file_entry_and_field(content_copy: Path, old: str, new: str, expected: str):
    problems = quiz_problems(content_copy, old, new)
    assert any(line.startswith(expected) for line in problems), problems


def test_a_step_without_a_pain_answer_is_refused_naming_file_step_and_field(content_copy: Path):
    path = content_copy / "quiz.toml"
    text = path.read_text(encoding="utf-8")
    sitting = text.index('id = "sitting"')
    pain = text.index("[[steps.options]]\nlabel = \"I have back, hip or leg pain", sitting)
    path.write_text(text[:pain], encoding="utf-8")  # the sitting step's pain answer is the file's last entry
    problems = Problems()
    load_quiz(content_copy, problems, routine_ids=ROUTINES)
    assert problems.lines == ['quiz.toml: sitting: options: needs a pain answer (pain = "...", red_flag = true): '
                              "any step can hurt"]


def test_sides_that_cannot_reach_the_same_score_are_refused(content_copy: Path):
    text = (content_copy / "quiz.toml").read_text(encoding="utf-8")
    right = text.index('id = "squeeze_right"')
    path = content_copy / "quiz.toml"
    path.write_text(text[:right] + text[right:].replace("score = 3", "score = 4", 1), encoding="utf-8")
    problems = Problems()
    load_quiz(content_copy, problems)
    assert problems.lines == [
        "quiz.toml: steps: side: left and right must reach the same score above 0, they reach 9 and 10"
    ]


def test_long_instructions_are_refused_so_a_step_fits_80x24(content_copy: Path):
    problems = quiz_problems(content_copy, "What did your hand feel?", "What did your hand feel? " + "x" * 300)
    assert any(line.startswith("quiz.toml: squeeze_left: instructions: must fit in 320 characters") for line in problems)


def test_a_missing_quiz_file_is_one_problem_not_dozens(content_copy: Path):
    (content_copy / "quiz.toml").unlink()
    problems = Problems()
    load_quiz(content_copy, problems)
    assert problems.lines == ["quiz.toml: file is missing"]


def test_load_content_reports_quiz_mistakes_with_the_rest(content_copy: Path):
    (content_copy / "quiz.toml").write_text("[rules\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_content(content_copy)
    assert caught.value.problems[0].startswith("quiz.toml: is not valid TOML")


def test_bundled_content_carries_the_quiz():
    assert [step.id for step in load_content(BUNDLED).quiz.steps][:2] == ["squeeze_left", "squeeze_right"]
