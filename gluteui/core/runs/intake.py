"""Which of the runs read from files an import takes, and why it leaves out the others.

One rule for every import: runs and files that name no sport (unless everything is
asked for, see sports.IMPORTED), and nothing dated in the future, which only a watch
whose clock was wrong could have recorded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from gluteui.core.runs.errors import FileRuns
from gluteui.core.runs.record import Run
from gluteui.core.runs.sports import skip_reason
from gluteui.core.values import future_reason


def why_left_out(run: Run, now: datetime, everything: bool) -> str | None:
    """Why an import at `now` leaves `run` out (`everything`: other sports too); None if it takes it."""
    return future_reason(run.start, now) or (None if everything else skip_reason(run.sport))


@dataclass
class Intake:
    """What an import takes (`runs`), what it leaves out and why (`skipped`), and what the
    user should hear of a file that was read all the same (`notes`)."""

    runs: list[Run] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)
    notes: list[tuple[Path, str]] = field(default_factory=list)


def take(entries: Iterable[tuple[Path, FileRuns | str]], now: datetime, everything: bool) -> Intake:
    """Sort what was read from files (folder.read_paths) into what an import at `now` takes."""
    intake = Intake()
    for path, result in entries:
        if isinstance(result, str):
            intake.skipped.append((path, result))
            continue
        if result.note:
            intake.notes.append((path, result.note))
        for run in result.runs:
            why = why_left_out(run, now, everything)
            if why is None:
                intake.runs.append(run)
            else:
                intake.skipped.append((path, why))
    return intake
