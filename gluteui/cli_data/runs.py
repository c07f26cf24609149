"""`gluteui runs` and `gluteui runs import`: the runs a watch recorded, linked to the
activation before each."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from gluteui.cli_data.output import say
from gluteui.core.history.store import Store
from gluteui.core.runs.folder import Entry, read_paths
from gluteui.core.runs.importing import count_run_files, details, summary, unusable_path
from gluteui.core.runs.intake import take
from gluteui.core.runs.record import Run
from gluteui.core.stats.run_log import run_rows
from gluteui.core.text import distance, plural
from gluteui.errors import UserError

PROGRESS_FROM = 50
"""Files from which an import shows a progress bar: fewer are read in a blink."""
_HEADER = f"{'Start':<21}  {'Distance':>9}  {'Time':>7}  {'Sport':<10}  {'Activated':<9}  {'Back':<5}  {'Hamstrings':<10}  {'Id':<8}  Name"


def cmd_runs(store: Store, args: argparse.Namespace, now: datetime) -> int:
    if args.runs_command == "import":
        return _import(store, args, now)
    rows = run_rows(store.history(), now.tzinfo)
    if args.json:
        print(json.dumps([row.to_dict() for row in rows]))
        return 0
    if not rows:
        say("No runs yet: `gluteui runs import FOLDER` reads your watch's GPX, TCX or FIT files.")
        return 0
    say(_HEADER)
    for row in rows:
        mark = "yes" if row.activated else "-"
        told = "-" if row.checkin is None else f"{row.checkin}/10"
        hams = "-" if row.hamstrings is None else f"{row.hamstrings}/10"
        start = row.run.start.astimezone(now.tzinfo)
        say(f"{start:%a %d %b %Y %H:%M}  {distance(row.run.distance_m, 2):>9}  "
            f"{row.run.shown_s / 60:3.0f} min  {row.run.sport:<10}  {mark:<9}  {told:<5}  {hams:<10}  "
            f"{row.run.id[:8]}  {row.run.name}")
    from gluteui.cli_data.comparison import say_comparison

    say_comparison(rows, now.tzinfo)  # under the runs, as Progress tells it
    return 0


def _import(store: Store, args: argparse.Namespace, now: datetime) -> int:
    paths = [Path(path) for path in args.paths]
    for path in paths:
        problem = unusable_path(path)
        if problem is not None:
            raise UserError(problem)
    intake = take(_with_progress(read_paths(paths), count_run_files(paths)), now, args.all)
    merged = store.import_runs(intake.runs)
    say(summary(intake, merged, None if args.verbose else "--verbose says why"))
    if args.verbose:
        for line in details(intake):
            say(f"  {line}")
    return 0


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
