"""Student's t from the standard library: the quantiles a t interval needs, against tables."""

from __future__ import annotations

import math

import pytest

from gluteui.core.stats.tdist import incomplete_beta, t_cdf, t_quantile


@pytest.mark.parametrize(("p", "df", "table"), [
    (0.95, 1, 6.313751515), (0.95, 2, 2.919985580), (0.95, 5, 2.015048373),
    (0.95, 10, 1.812461123), (0.95, 30, 1.697260887), (0.975, 10, 2.228138852),
    (0.975, 1, 12.706204736), (0.9995, 1, 636.619249), (0.99, 3, 4.540702858),
])
def test_quantiles_match_the_published_tables(p, df, table):
    assert t_quantile(p, df) == pytest.approx(table, rel=1e-8)


def test_the_closed_forms_at_one_and_two_degrees_of_freedom_and_any_df_between():
    for p in (0.6, 0.9, 0.95, 0.99):
        assert t_quantile(p, 1) == pytest.approx(math.tan(math.pi * (p - 0.5)), rel=1e-9)
        assert t_quantile(p, 2) == pytest.approx((2 * p - 1) / math.sqrt(2 * p * (1 - p)), rel=1e-9)
    # Welch's degrees of freedom are not whole numbers: the quantile falls between its neighbours.
    assert t_quantile(0.95, 5) > t_quantile(0.95, 5.5) > t_quantile(0.95, 6)


def test_large_df_approaches_the_normal_and_the_cdf_inverts_the_quantile():
    assert t_quantile(0.95, 1e6) == pytest.approx(1.6448536, rel=1e-5)
    for df in (1, 1.7, 4, 17.3, 200):
        for p in (0.05, 0.5, 0.8, 0.95):
            assert t_cdf(t_quantile(p, df), df) == pytest.approx(p, abs=1e-12)
    assert t_quantile(0.05, 7) == -t_quantile(0.95, 7)


def test_incomplete_beta_edges_and_a_symmetric_case():
    assert incomplete_beta(2, 3, 0.0) == 0.0 and incomplete_beta(2, 3, 1.0) == 1.0
    assert incomplete_beta(3, 3, 0.5) == pytest.approx(0.5)
    assert incomplete_beta(1, 1, 0.3) == pytest.approx(0.3)


@pytest.mark.parametrize(("p", "df"), [(0.0, 5), (1.0, 5), (0.5, 0.5), (0.9, math.nan)])
def test_out_of_range_arguments_are_refused(p, df):
    with pytest.raises(ValueError, match="must be"):
        t_quantile(p, df)
