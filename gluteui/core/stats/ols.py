"""Ordinary least squares for a handful of columns, from the standard library: the normal
equations inverted by Gauss-Jordan elimination with partial pivoting.

Enough for the adjusted comparison (an intercept, activation and three covariates over a
season of runs); not a general regression library.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

SINGULAR = 1e-9
"""A pivot below this (relative to the column's size) means a column is, to rounding, a
mix of the others: the model cannot tell their effects apart."""


class SingularModel(ValueError):
    """The columns cannot be told apart (one is constant, or a mix of others)."""


@dataclass(frozen=True)
class Fit:
    """The least-squares coefficients, their covariance, and the residual degrees of freedom."""

    coefficients: tuple[float, ...]
    covariance: tuple[tuple[float, ...], ...]
    df: int

    def standard_error(self, column: int) -> float:
        """The standard error of one coefficient."""
        return math.sqrt(self.covariance[column][column])


def _inverse(matrix: list[list[float]]) -> list[list[float]]:
    size = len(matrix)
    scale = [max(abs(value) for value in row) or 1.0 for row in matrix]
    work = [row[:] + [1.0 if i == j else 0.0 for j in range(size)] for i, row in enumerate(matrix)]
    for column in range(size):
        pivot = max(range(column, size), key=lambda row: abs(work[row][column]) / scale[row])
        if abs(work[pivot][column]) <= SINGULAR * scale[pivot]:
            raise SingularModel(f"column {column} is a mix of the others")
        work[column], work[pivot] = work[pivot], work[column]
        scale[column], scale[pivot] = scale[pivot], scale[column]
        lead = work[column][column]
        work[column] = [value / lead for value in work[column]]
        for row in range(size):
            factor = work[row][column]
            if row != column and factor:
                work[row] = [value - factor * top for value, top in zip(work[row], work[column], strict=True)]
    return [row[size:] for row in work]


def least_squares(rows: Sequence[Sequence[float]], outcome: Sequence[float]) -> Fit:
    """Fit `outcome` on the columns of `rows` (include a column of 1s for an intercept).

    Raises SingularModel when the columns cannot be told apart, and ValueError when there
    are no more rows than columns (no residual to estimate the noise from).
    """
    if len(rows) != len(outcome):
        raise ValueError(f"{len(rows)} rows but {len(outcome)} outcomes")
    width = len(rows[0]) if rows else 0
    if len(rows) <= width:
        raise ValueError(f"{len(rows)} rows cannot fit {width} columns")
    cross = [[math.fsum(row[i] * row[j] for row in rows) for j in range(width)] for i in range(width)]
    moment = [math.fsum(row[i] * y for row, y in zip(rows, outcome, strict=True)) for i in range(width)]
    inverse = _inverse(cross)
    coefficients = [math.fsum(inverse[i][j] * moment[j] for j in range(width)) for i in range(width)]
    residuals = [y - math.fsum(b * x for b, x in zip(coefficients, row, strict=True))
                 for row, y in zip(rows, outcome, strict=True)]
    df = len(rows) - width
    noise = math.fsum(r * r for r in residuals) / df
    covariance = tuple(tuple(noise * value for value in row) for row in inverse)
    return Fit(tuple(coefficients), covariance, df)
