"""Student's t distribution, from the standard library: its CDF through the regularized
incomplete beta function, and its quantile by safeguarded Newton steps from a normal start.

Only what a t interval needs, for any real degrees of freedom >= 1 (Welch's are not whole
numbers). Accurate to about 1e-10 against published tables; tested at df 1, 2, 5, 10, 30.
"""

from __future__ import annotations

import math
from statistics import NormalDist

_EPSILON = 1e-14
_TINY = 1e-300
_MAX_TERMS = 300


def _beta_fraction(a: float, b: float, x: float) -> float:
    # The continued fraction for I_x(a, b), by the modified Lentz method (Numerical Recipes,
    # section 6.4); it converges fast for x < (a + 1) / (a + b + 2).
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    result = d
    for m in range(1, _MAX_TERMS + 1):
        for numerator in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                          -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1.0 + numerator * d
            d = 1.0 / (d if abs(d) > _TINY else _TINY)
            c = 1.0 + numerator / c
            c = c if abs(c) > _TINY else _TINY
            result *= c * d
        if abs(c * d - 1.0) < _EPSILON:
            break
    return result


def incomplete_beta(a: float, b: float, x: float) -> float:
    """The regularized incomplete beta function I_x(a, b), for a, b > 0 and 0 <= x <= 1."""
    if not 0.0 <= x <= 1.0:
        raise ValueError(f"x must be from 0 to 1, got {x!r}")
    if x in (0.0, 1.0):
        return x
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
                     + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_fraction(a, b, x) / a
    return 1.0 - front * _beta_fraction(b, a, 1.0 - x) / b


def t_cdf(t: float, df: float) -> float:
    """P(T <= t) for Student's t with `df` degrees of freedom."""
    tail = 0.5 * incomplete_beta(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t > 0 else tail


def _t_density(t: float, df: float) -> float:
    log = (math.lgamma((df + 1) / 2) - math.lgamma(df / 2) - 0.5 * math.log(df * math.pi)
           - (df + 1) / 2 * math.log1p(t * t / df))
    return math.exp(log)


def t_quantile(p: float, df: float) -> float:
    """The t with P(T <= t) = p, for 0 < p < 1 and df >= 1.

    Raises ValueError outside those ranges. Newton's steps start from the normal quantile
    and fall back to halving a bracket that always holds the answer, so heavy tails (df
    near 1) converge as surely as light ones.
    """
    if not 0.0 < p < 1.0:
        raise ValueError(f"p must be between 0 and 1, got {p!r}")
    if not df >= 1.0:
        raise ValueError(f"df must be at least 1, got {df!r}")
    if p < 0.5:
        return -t_quantile(1.0 - p, df)
    if p == 0.5:
        return 0.0
    low, high = 0.0, 1.0
    while t_cdf(high, df) < p:  # the Cauchy's 0.9995 is 637: a few doublings at most
        low, high = high, high * 2.0
    guess = min(max(NormalDist().inv_cdf(p), low), high)
    for _ in range(100):
        miss = t_cdf(guess, df) - p
        if abs(miss) < 1e-13:
            break
        if miss > 0:
            high = guess
        else:
            low = guess
        step = guess - miss / _t_density(guess, df)
        guess = step if low < step < high else (low + high) / 2.0
        if high - low < 1e-12:
            break
    return guess
