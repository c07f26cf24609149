"""Reading everything the runner points at: files, folders (recursively) and Strava
exports inside them, one (path, runs or reason) per run file, never raising for a bad one.

Every sport is returned: leaving out rides and swims (unless `--all`) is intake.py's
choice, so that the import can tell the user how many it left out and how to keep them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from gluteui.core.runs.errors import FileRuns, RunFileError
from gluteui.core.runs.formats import is_run_file, read_run_file
from gluteui.core.runs.raw import relative_source
from gluteui.core.runs.strava import ACTIVITIES_CSV, Listed, load_listing, with_listing

Entry = tuple[Path, FileRuns | str]
"""A run file and the runs in it, or a one-line reason it holds none GluteUI can read."""


def read_paths(paths: Iterable[Path]) -> Iterator[Entry]:
    """Each run file in `paths` (files, or folders searched recursively), in a stable
    order, with its runs or the reason it has none.

    A Run's source is its path relative to the folder given (its name, for a file given
    itself). Other files in a folder (photos, activities.csv) are passed over silently;
    a file named on its own is always answered for.
    """
    for given in paths:
        if given.is_dir():
            yield from _read_folder(given)
        elif given.suffix.lower() == ".zip":
            yield given, "a zip file: unzip it, then import the folder"
        else:
            yield given, _read(given, given.name, None)


def _read(path: Path, source: str, listed: Listed | None) -> FileRuns | str:
    try:
        found = read_run_file(path, source)
    except RunFileError as error:
        return error.reason
    return replace(found, runs=tuple(with_listing(run, listed) for run in found.runs))


def _read_folder(root: Path) -> Iterator[Entry]:
    unreadable: list[OSError] = []
    listings: dict[Path, dict[str, Listed]] = {}
    seen: dict[Path, set[str]] = {}
    # followlinks=False: a link back up the tree would otherwise be walked forever.
    for folder, subfolders, names in os.walk(root, onerror=unreadable.append):
        subfolders.sort()
        here = Path(folder)
        yield from _reasons(unreadable)
        if ACTIVITIES_CSV in names:
            try:
                listings[here] = load_listing(here)
                seen[here] = set()
            except RunFileError as error:
                yield here / ACTIVITIES_CSV, error.reason
        for name in sorted(names):
            if not is_run_file(name):
                continue
            path = here / name
            export = _export_of(path, root, listings)
            listed = None
            if export is not None:
                key = relative_source(path, export)
                listed = listings[export].get(key)
                seen[export].add(key)
            yield path, _read(path, relative_source(path, root), listed)
    yield from _reasons(unreadable)
    for export, listing in listings.items():
        for key in sorted(set(listing) - seen[export]):
            if is_run_file(key):
                yield export / key, "listed in activities.csv but not in the folder"


def _export_of(path: Path, root: Path, listings: dict[Path, dict[str, Listed]]) -> Path | None:
    """The nearest Strava export folder holding `path`, if any (not above `root`)."""
    for folder in path.parents:
        if folder in listings:
            return folder
        if folder == root:
            return None
    return None


def _reasons(errors: list[OSError]) -> Iterator[Entry]:
    while errors:
        error = errors.pop(0)
        where = Path(error.filename) if error.filename else Path(".")
        yield where, f"could not be read ({(error.strerror or 'unknown error').lower()})"
