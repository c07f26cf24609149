"""The comparison in words: which way the scores went, never why; "no clear difference"
always says whether a difference that matters is still possible; the yardstick beside it."""

from __future__ import annotations

import random
from datetime import UTC

from gluteui.core.stats.adjusted import adjusted_difference
from gluteui.core.stats.answer_words import WORDS, adjusted_words, estimate_words, reading_words, signed
from gluteui.core.stats.estimate import estimate_difference
from gluteui.core.stats.milestones import milestone_readings
from tests.unit.simulated_users import bad_spell_user

CAUSAL = ("calmer", "worse", "with activation", "helps", "effect", "because")


def test_no_sentence_claims_a_cause():
    for sentence in WORDS.values():
        assert not [word for word in CAUSAL if word in sentence.lower()], sentence


def test_a_verdict_comes_with_its_figure_what_could_matter_and_the_yardstick():
    words = estimate_words(estimate_difference([1, 2, 1, 0, 2, 1, 1, 2, 1, 1], [5, 6, 4, 6, 5, 7, 5, 6, 5, 6]))
    assert words[0] == "10 answered runs after activating and 10 without."
    assert "Lower on runs after activating." in words
    assert "\u22124.3 points (90% interval \u22124.9 to \u22123.7)." in words
    assert WORDS["matters"].format(mid="2") in words
    assert WORDS["yardstick"].format(mid="2") in words
    assert words[-2:] == [WORDS["not a trial"], WORDS["regression"]]


def test_no_clear_difference_never_reads_as_no_effect():
    wide = estimate_words(estimate_difference([0, 9, 2, 8, 1, 7, 3, 6, 4, 5], [1, 8, 3, 9, 0, 8, 2, 7, 5, 4]))
    assert "No clear difference yet." in wide
    assert WORDS["may matter"].format(mid="2") in wide  # cannot rule out one that matters
    narrow = estimate_words(estimate_difference([3, 4] * 40, [4, 3] * 40))
    assert "No clear difference yet." in narrow
    assert WORDS["small"].format(mid="2") in narrow


def test_an_interval_reaching_2_points_cannot_rule_out_a_difference_that_matters():
    words = estimate_words(estimate_difference([2, 3, 4, 2, 3, 5, 1, 3, 2, 4], [4, 5, 3, 6, 4, 5, 3, 4, 6, 5]))
    assert "Lower on runs after activating." in words
    assert WORDS["may matter"].format(mid="2") in words


def test_too_few_and_no_spread_say_why_there_is_no_verdict_and_give_no_figure():
    few = estimate_words(estimate_difference([1, 2, 3], [4, 5, 6, 7]))
    assert "3 answered runs after activating and 4 without." in few
    assert WORDS["too few"].format(need=10) in few
    assert not [w for w in few if "interval" in w or w in (WORDS["lower"], WORDS["higher"], WORDS["unclear"])]
    flat = estimate_words(estimate_difference([2] * 10, [3] * 10))
    assert "Every answer after activating is 2 of 10." in flat
    assert "Every answer without an activation is 3 of 10." in flat
    assert WORDS["no spread"] in flat and not [w for w in flat if "interval" in w]
    assert estimate_words(estimate_difference([], []))[0] == "0 answered runs after activating and 0 without."


def test_adjusted_beside_unadjusted_or_the_reason_it_is_not():
    season = bad_spell_user(random.Random(2))
    estimate, adjusted = estimate_difference([a.score for a in season if a.activated],
                                             [a.score for a in season if not a.activated]), adjusted_difference(season)
    words = adjusted_words(adjusted, estimate)
    assert words[0].startswith("Before allowing for anything: ")
    assert words[1].startswith("Allowing for run length, time of day and how far into the season: ")
    short = season[:22]
    few = adjusted_words(adjusted_difference(short), estimate)
    assert few[1] == WORDS["fallback too few"].format(need=10)
    assert adjusted_words(adjusted, estimate_difference([1] * 3, [2] * 3)) == []


def test_readings_as_a_short_history():
    readings = milestone_readings(bad_spell_user(random.Random(4), runs=100, days=200))
    lines = [reading_words(reading, UTC) for reading in readings]
    assert lines[0].startswith("At 10 a side (")
    assert "points (90% interval" in lines[0]


def test_signed_numbers_never_show_minus_zero():
    assert [signed(v) for v in (-0.04, 0.0, 0.04, 0.8, -1.55)] == ["0.0", "0.0", "0.0", "+0.8", "\u22121.6"]


def test_the_self_experiments_comparison_is_told_by_the_draw_without_the_observational_caveats():
    words = estimate_words(estimate_difference([2] * 10, [3, 4] * 5), observational=False)
    assert words[0] == "10 answered runs on days drawn to activate and 10 on days drawn to skip."
    assert "Every answer on a day drawn to activate is 2 of 10." in words
    assert WORDS["not a trial"] not in words and WORDS["regression"] not in words
