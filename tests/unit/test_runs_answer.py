"""The answer: were the check-ins lower after an activation? Honest about chance, and
never claiming a cause."""

from __future__ import annotations

import pytest

from gluteui.core.runs.answer import (
    HIGHER,
    LOWER,
    MIN_RUNS_EACH,
    TOO_FEW,
    UNCLEAR,
    compare_discomfort,
)


def test_below_the_minimum_on_either_side_it_says_too_few_runs_to_tell():
    answer = compare_discomfort([2] * MIN_RUNS_EACH, [5] * (MIN_RUNS_EACH - 1))
    assert answer.verdict == TOO_FEW and not answer.enough
    assert (answer.with_count, answer.without_count) == (MIN_RUNS_EACH, MIN_RUNS_EACH - 1)
    assert answer.difference is None and answer.low is None and answer.high is None
    assert answer.mean_with == 2 and answer.mean_without == 5  # what there is, still shown
    assert compare_discomfort([], []).verdict == TOO_FEW


def test_no_verdict_below_ten_runs_a_side_however_big_the_difference():
    assert MIN_RUNS_EACH == 10
    for few in range(MIN_RUNS_EACH):
        assert compare_discomfort([0] * few, [10] * 40).verdict == TOO_FEW
        assert compare_discomfort([10] * 40, [0] * few).verdict == TOO_FEW
    assert compare_discomfort([0] * 10, [10] * 10).verdict == LOWER


def test_the_verdict_says_which_way_the_scores_went_never_why():
    assert (LOWER, HIGHER, UNCLEAR) == ("lower after activating", "higher after activating", "can't tell yet")
    for verdict in (LOWER, HIGHER, UNCLEAR, TOO_FEW):
        assert "calmer" not in verdict and "worse" not in verdict and "with activation" not in verdict
        assert "no clear difference" not in verdict and "no effect" not in verdict


def test_all_equal_scores_give_no_difference_and_an_interval_of_width_zero():
    answer = compare_discomfort([3] * 12, [3] * 10)
    assert answer.enough
    assert answer.difference == 0 and answer.low == 0 and answer.high == 0
    assert answer.verdict == UNCLEAR


def test_a_clear_difference_gives_an_interval_that_excludes_zero():
    answer = compare_discomfort([1, 2, 1, 0, 2, 1, 1, 2, 1, 1], [5, 6, 4, 6, 5, 7, 5, 6, 5, 6])
    assert answer.difference == pytest.approx(1.2 - 5.5)
    assert answer.low <= answer.difference <= answer.high < 0
    assert answer.verdict == LOWER
    assert compare_discomfort([6, 7, 6, 8, 7] * 2, [1, 2, 1, 2, 1] * 2).verdict == HIGHER


def test_noisy_scores_with_a_small_difference_cannot_tell_yet():
    answer = compare_discomfort([0, 9, 2, 8, 1, 7, 3, 6, 4, 5], [1, 8, 3, 9, 0, 8, 2, 7, 5, 4])
    assert answer.low < 0 < answer.high
    assert answer.verdict == UNCLEAR


def test_the_same_scores_and_seed_always_give_the_same_interval():
    scores = ([1, 4, 2, 6, 3, 2, 5, 3, 4, 2], [4, 6, 3, 7, 5, 2, 5, 6, 4, 3, 5])
    first, again = compare_discomfort(*scores, seed=7), compare_discomfort(*scores, seed=7)
    assert first == again
    other_seed = compare_discomfort(*scores, seed=8)
    assert other_seed.difference == first.difference
    assert other_seed.low == pytest.approx(first.low, abs=0.6)


@pytest.mark.parametrize("bad", [11, -1, 2.5, True, "3"])
def test_a_score_off_the_0_to_10_scale_is_refused(bad):
    with pytest.raises(ValueError, match="0 to 10"):
        compare_discomfort([bad, 1, 1, 1, 1], [1] * 5)


