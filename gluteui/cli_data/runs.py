"""`gluteui runs` and `gluteui runs import`: the runs a watch recorded, linked to the
activation before each."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from gluteui.core.history.store import Store
from gluteui.core.runs.folder import Entry, read_paths
from gluteui.core.runs.formats import is_run_file
from gluteui.core.runs.record import Run
from gluteui.core.stats.run_log import run_rows
from gluteui.core.text import plural
from gluteui.errors import UserError

PROGRESS_FROM = 50
"""Files from which an import shows a progress bar: fewer are read in a blink."""
COUNTED = ("running", "other")
"""Sports imported unless --all: a file that does not say (many phone apps) counts as a run."""


def cmd_runs(store: Store, args: argparse.Namespace, now: datetime) -> int:
    if args.runs_command == "import":
        return _import(store, args)
    rows = run_rows(store.history())
    if args.json:
        print(json.dumps([row.to_dict() for row in rows]))
        return 0
    if not rows:
        print("No runs yet: `gluteui runs import FOLDER` reads your watch's GPX, TCX or FIT files.")
        return 0
    for row in rows:
        mark = "activated" if row.activated else "-"
        told = "-" if row.checkin is None else f"{row.checkin}/10"
        start = row.run.start.astimezone(now.tzinfo)
        print(f"{start:%a %d %b %Y %H:%M}  {row.run.distance_m / 1000:6.2f} km  "
              f"{row.run.duration_s / 60:5.0f} min  {mark:<9}  back {told:<5}  {row.run.id[:8]}  {row.run.name}")
    return 0


def _import(store: Store, args: argparse.Namespace) -> int:
    paths = [Path(path) for path in args.paths]
    for path in paths:
        if not path.exists():
            raise UserError(f"{path}: no such file or folder")
    found: list[Run] = []
    skipped: list[tuple[Path, str]] = []
    for path, result in _with_progress(read_paths(paths), _count_files(paths)):
        if isinstance(result, str):
            skipped.append((path, result))
        elif result.sport in COUNTED or args.all:
            found.append(result)
        else:
            skipped.append((path, f"a {result.sport} activity (--all imports it)"))
    merged = store.import_runs(found)
    added, already = len(merged.added), len(merged.already_there)
    print(f"Runs: {added} new, {already} already there, {len(skipped)} skipped"
          + ("." if not skipped or args.verbose else " (--verbose says why)."))
    if args.verbose:
        for path, why in skipped:
            print(f"  skipped {path}: {why}")
    return 0


def _count_files(paths: list[Path]) -> int:
    """How many run files the import will read: names only, so it is quick."""
    count = 0
    for path in paths:
        try:
            found = path.rglob("*") if path.is_dir() else [path]
            count += sum(1 for file in found if is_run_file(file.name) or file == path)
        except OSError:
            continue  # the import itself names what cannot be read
    return count


def _with_progress(entries: Iterator[Entry], total: int) -> Iterator[Entry]:
    """The entries as they are read, with a progress bar on a terminal for a large import."""
    if not sys.stderr.isatty() or total < PROGRESS_FROM:
        yield from entries
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("Reading run files", total=total)
        for entry in entries:
            progress.advance(task)
            yield entry


def find_run(store: Store, text: str) -> Run:
    """The imported run whose id is `text`, or starts with it (as `gluteui runs` shows)."""
    matches = [run for run in store.runs() if run.id.startswith(text.strip())] if text.strip() else []
    if len(matches) == 1:
        return matches[0]
    count = len(matches)
    raise UserError(f"--run {text!r} matches {count} {plural(count, 'run')}; "
                    "`gluteui runs` shows each run's id")
