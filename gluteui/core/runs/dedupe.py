"""One run, however many files say so: a GPX and a FIT of the same run, a file imported
twice, an export imported again all count once.

Two records are the same run when they start within SAME_START of each other and their
distances differ by at most SAME_DISTANCE of the longer. Of the copies, the best is kept
(`preference`): which one never depends on what was imported first.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta, timezone
from typing import NamedTuple

from gluteui.core.runs.record import Run

SAME_START = timedelta(minutes=2)
"""Files of one run disagree on its start by seconds (a GPX's first fix, a FIT's timer);
nobody starts two different runs two minutes apart."""
SAME_DISTANCE = 0.05
"""A GPX measured along its points and a watch's own total differ by 1-3 %."""

_FORMAT_RANK = {"fit": 0, "tcx": 1, "gpx": 2}
"""FIT is the watch's own record (its distance from the sensor); GPX has no total at all."""


def _instant(run: Run) -> datetime:
    # In UTC: Python subtracts two times of one zone by the wall clock, DST change or not.
    return run.start.astimezone(timezone.utc)


def same_run(one: Run, other: Run) -> bool:
    """Whether two records are copies of one run (see SAME_START and SAME_DISTANCE)."""
    if abs(_instant(one) - _instant(other)) > SAME_START:
        return False
    longer = max(one.distance_m, other.distance_m)
    return abs(one.distance_m - other.distance_m) <= SAME_DISTANCE * longer


def _format(run: Run) -> str:
    name = run.source.lower().removesuffix(".gz")
    return name.rpartition(".")[2]


def preference(run: Run) -> tuple[int, bool, str, str]:
    """Sort key of the copies of a run, best first: FIT, then TCX, then GPX; a named copy
    before an unnamed one; then by source and id, so that ties are broken the same way
    whatever order the copies arrived in."""
    return (_FORMAT_RANK.get(_format(run), len(_FORMAT_RANK)), run.name == "", run.source, run.id)


def copies_of_each_run(runs: Iterable[Run]) -> list[list[Run]]:
    """The runs gathered into copies of one run, each group's first member its earliest;
    keep `min(group, key=preference)` of each.

    Walked in start order, a run joins the group whose first member it is the same run as.
    The order is of the runs themselves, so the groups do not depend on arrival order.
    """
    ordered = sorted({run.id: run for run in runs}.values(), key=lambda run: (_instant(run), preference(run)))
    groups: list[list[Run]] = []
    open_groups: list[list[Run]] = []  # those whose first member is within SAME_START
    for run in ordered:
        open_groups = [g for g in open_groups if _instant(run) - _instant(g[0]) <= SAME_START]
        home = next((g for g in open_groups if same_run(g[0], run)), None)
        if home is None:
            home = [run]
            groups.append(home)
            open_groups.append(home)
        else:
            home.append(run)
    return groups


class Merge(NamedTuple):
    """What importing `new` into `existing` gives.

    kept: every run after the import, one record per run, by start. It is what the store
    should hold: an existing record may have given way to a better copy of itself (a FIT
    for a GPX), so compare by id to see which.
    added: the new records of runs that were not there before.
    already_there: the new records of runs that were.
    copies: the new records of a run that another new record also holds (a GPX and a FIT
    of one run, both imported for the first time, or a file given twice).
    """

    kept: list[Run]
    added: list[Run]
    already_there: list[Run]
    copies: list[Run]


def merge_runs(existing: Iterable[Run], new: Iterable[Run]) -> Merge:
    """Merge `new` runs into `existing` ones, each run once (see same_run).

    Pure, and indifferent to order: any order or grouping of the same records into
    imports ends with the same `kept`.
    """
    existing, new = list(existing), list(new)
    known = {run.id for run in existing}
    kept: list[Run] = []
    added: list[Run] = []
    already_there: list[Run] = []
    copies: list[Run] = []
    new_by_id: dict[str, Run] = {}
    for run in new:
        if run.id in known:
            already_there.append(run)  # the very same file (or an identical read of it)
        elif run.id in new_by_id:
            copies.append(run)
        else:
            new_by_id[run.id] = run
    for group in copies_of_each_run([*existing, *new_by_id.values()]):
        best = min(group, key=preference)
        kept.append(best)
        fresh = [run for run in group if run.id in new_by_id]
        if any(run.id in known for run in group):
            already_there += fresh
        else:
            added.append(best)
            copies += [run for run in fresh if run is not best]
    kept.sort(key=lambda run: (_instant(run), run.id))
    added.sort(key=lambda run: (_instant(run), run.id))
    return Merge(kept, added, already_there, copies)
