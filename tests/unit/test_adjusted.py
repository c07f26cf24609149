"""The adjusted difference: a small linear model allows for run length, time of day and
calendar time, so a season that started in a bad spell stops deciding the answer; and what
it cannot allow for, it cannot."""

from __future__ import annotations

import random
from statistics import fmean

import pytest

from gluteui.core.stats.adjusted import MIN_RESIDUAL_DF, adjusted_difference
from gluteui.core.stats.answers import split_scores
from gluteui.core.stats.estimate import estimate_difference
from gluteui.core.stats.ols import SingularModel, least_squares
from tests.unit.simulated_users import bad_spell_user, indication_user, run

USERS = 300


def test_a_bad_spell_at_the_start_is_allowed_for_by_calendar_time():
    """No effect; the back eases over the season while activating becomes a habit. The audit
    found 43 % of such users ending on "calmer with activation". Unadjusted, the scores look
    lower after activating (here about -0.8 points, a "lower" verdict for about half the
    users); allowing for calendar time, which is measured, the difference is near 0 and the
    interval excludes 0 about as often as a 90 % interval should."""
    rng = random.Random(5)
    unadjusted, adjusted, lower_verdicts, adjusted_excludes_0 = [], [], 0, 0
    for _ in range(USERS):
        season = bad_spell_user(rng)
        estimate, model = estimate_difference(*split_scores(season)), adjusted_difference(season)
        assert estimate.difference is not None and model.difference is not None and model.interval is not None
        assert model.allowed_for == ("duration", "time of day", "calendar time")
        unadjusted.append(estimate.difference)
        adjusted.append(model.difference)
        lower_verdicts += estimate.direction == "lower"
        adjusted_excludes_0 += not model.interval.low <= 0 <= model.interval.high
    assert fmean(unadjusted) < -0.6
    assert lower_verdicts / USERS > 0.4
    assert abs(fmean(adjusted)) < 0.15
    assert 0.05 <= adjusted_excludes_0 / USERS <= 0.15


def test_activating_on_days_the_back_already_hurts_cannot_be_allowed_for():
    """No effect; the user activates more on days the back already hurts (confounding by
    indication: the audit found 78 % ending on "worse with activation"). The model allows
    only for what the runs record (length, time of day, calendar time); how the back felt
    that morning is not recorded, so the adjusted difference stays well above 0, as biased
    as the unadjusted. Only asking for a morning back score before the run would measure it
    (shown here by fitting it as a column), or the randomised self-experiment, which
    removes the link between how the back feels and whether to activate."""
    rng = random.Random(6)
    unadjusted, adjusted, with_morning = [], [], []
    for _ in range(USERS):
        season, mornings = indication_user(rng)
        estimate, model = estimate_difference(*split_scores(season)), adjusted_difference(season)
        assert estimate.difference is not None and model.difference is not None
        unadjusted.append(estimate.difference)
        adjusted.append(model.difference)
        rows = [[1.0, float(answer.activated), morning] for answer, morning in zip(season, mornings, strict=True)]
        with_morning.append(least_squares(rows, [float(answer.score) for answer in season]).coefficients[1])
    assert fmean(unadjusted) > 1.0
    assert fmean(adjusted) > 1.0  # the model cannot see it
    assert abs(fmean(with_morning)) < 0.15  # a morning score would


def season_of(count: int, *, hours=(7.0, 18.0), minutes=(30.0, 50.0)):
    rng = random.Random(count)
    return [run(i, i, i % 2 == 0, rng.randint(1, 6), hour=hours[i % 3 % len(hours)],
                minutes=minutes[i % 5 % len(minutes)]) for i in range(count)]


def test_too_few_runs_for_the_model_fall_back_to_the_unadjusted_with_a_reason():
    assert adjusted_difference(season_of(18)).fallback == "too few"  # 9 a side
    fitted = adjusted_difference(season_of(20))
    assert fitted.fallback is None and fitted.interval is not None
    assert fitted.interval.df == 20 - 5 >= MIN_RESIDUAL_DF
    assert fitted.runs == 20


def test_a_covariate_the_runs_never_vary_in_is_left_out_not_a_failure():
    fitted = adjusted_difference(season_of(24, hours=(7.0,)))
    assert fitted.fallback is None
    assert fitted.allowed_for == ("duration", "calendar time")


def test_runs_known_only_by_their_day_cannot_be_adjusted():
    season = season_of(24)
    season[3] = type(season[3])(**{**season[3].__dict__, "duration_s": None})
    assert adjusted_difference(season).fallback == "no duration"


def test_activation_moving_in_step_with_a_covariate_cannot_be_separated():
    # Every activated run in the morning, every other in the evening: which made the difference?
    rng = random.Random(1)
    season = [run(i, i, i % 2 == 0, rng.randint(1, 6), hour=7.0 if i % 2 == 0 else 18.0,
                  minutes=rng.uniform(25, 60)) for i in range(30)]
    assert adjusted_difference(season).fallback == "cannot separate"


def test_least_squares_recovers_a_known_line_and_refuses_a_singular_one():
    rows = [[1.0, x, x * x % 7] for x in range(12)]
    fit = least_squares(rows, [2.0 + 0.5 * x - 0.25 * z + (0.01 if x % 2 else -0.01) for _, x, z in rows])
    assert fit.coefficients == pytest.approx((2.0, 0.5, -0.25), abs=0.02)
    assert fit.df == 9
    with pytest.raises(SingularModel):
        least_squares([[1.0, x, 2 * x] for x in range(6)], [1.0] * 6)
    with pytest.raises(ValueError, match="cannot fit"):
        least_squares([[1.0, 2.0]] * 2, [1.0, 2.0])
