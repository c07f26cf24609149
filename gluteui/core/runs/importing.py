"""What an import of runs says, the same from `gluteui runs import` and from the app:
whether a path given can be read, how many files it will read, and the summary at the end.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from gluteui.core.runs.dedupe import Merge
from gluteui.core.runs.formats import is_run_file
from gluteui.core.runs.intake import Intake
from gluteui.core.text import plural


def unusable_path(path: Path) -> str | None:
    """One line naming `path` when an import cannot start from it; None when it can."""
    if not path.exists():
        return f"{path}: no such file or folder"
    # A folder is read by listing it (r) and opening what is in it (x).
    wanted = os.R_OK | os.X_OK if path.is_dir() else os.R_OK
    if not os.access(path, wanted):
        return f"{path}: cannot be read (permission denied)"
    return None


def count_run_files(paths: Iterable[Path], stopped: Callable[[], bool] = lambda: False) -> int:
    """How many run files an import of `paths` will read: names only, so it is quick, yet a
    home folder is many names, so `stopped` is asked as it goes (the count so far is then
    returned, to a caller that is not going on)."""
    count = 0
    for path in paths:
        try:
            for seen, file in enumerate(path.rglob("*") if path.is_dir() else [path]):
                if seen % 256 == 0 and stopped():
                    return count
                count += is_run_file(file.name) or file == path
        except OSError:
            continue  # the import itself names what cannot be read
    return count


def summary(intake: Intake, merged: Merge, why_hint: str | None) -> str:
    """The line an import ends with: how many runs are new, already there, copies, skipped.

    `why_hint` says where the reasons are, added when some file was skipped or read with a
    note ("--verbose says why"); None when they are shown anyway.
    """
    counts = [f"{len(merged.added)} new", f"{len(merged.already_there)} already there"]
    if merged.copies:
        counts.append(f"{len(merged.copies)} {plural(len(merged.copies), 'copy', 'copies')} "
                      "of a new run in another file")
    counts.append(f"{len(intake.skipped)} skipped")
    told = intake.skipped or intake.notes
    return f"Runs: {', '.join(counts)}" + (f" ({why_hint})." if told and why_hint else ".")


def details(intake: Intake, everything_named: str = "--all", within: Path | None = None) -> list[str]:
    """Each file skipped and why, then each read with a note. The reasons name the CLI's
    `--all`; the app passes what its own switch is called instead. `within`: the folder
    imported, which paths are shown from (the app names it just above)."""

    def shown(path: Path) -> Path:
        return path.relative_to(within) if within is not None and path.is_relative_to(within) and path != within else path

    return [
        *(f"skipped {shown(path)}: {why.replace('--all', everything_named)}" for path, why in intake.skipped),
        *(f"read {shown(path)}, though {note}" for path, note in intake.notes),
    ]
