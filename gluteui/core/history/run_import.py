"""The changes an import of runs makes to the history: each run once, however many files
hold it, and check-ins that follow a run replaced by a better copy of itself."""

from __future__ import annotations

from dataclasses import replace

from gluteui.core.history.records import History
from gluteui.core.history.tables import Change
from gluteui.core.runs.dedupe import Merge, merge_runs, same_run
from gluteui.core.runs.record import Run


def run_changes(history: History, new: list[Run], changed_at: str) -> tuple[Merge, list[Change]]:
    """What importing `new` gives (see merge_runs), and the changes that store it."""
    merged = merge_runs(history.runs, new)
    before = {run.id: run for run in history.runs}
    after = {run.id: run for run in merged.kept}
    changes = [Change("runs", run.to_dict(), "put", changed_at) for key, run in after.items() if key not in before]
    successors = {}
    for key in sorted(before.keys() - after.keys()):
        # A stored run gave way to a better copy of itself (a FIT for a GPX).
        changes.append(Change("runs", {"id": key}, "remove", changed_at))
        successors[key] = next(run.id for run in merged.kept if same_run(run, before[key]))
    for checkin in history.checkins:
        if checkin.run_id in successors:
            moved = replace(checkin, run_id=successors[checkin.run_id])
            changes.append(Change("checkins", moved.to_dict(), "put", changed_at))
    return merged, changes
