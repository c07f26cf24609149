"""One run file in, its runs out (a TCX can hold several): the format is the file's suffix
(.gpx, .tcx, .fit, each optionally .gz), and anything wrong with the file is a
RunFileError with a short reason.

The sport is returned, not judged: "a cycling activity" is not an error here, since a
caller may want rides too (intake.py decides what an import takes).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from gluteui.core.runs.errors import FileRuns, RunFileError
from gluteui.core.runs.fit import read_fit
from gluteui.core.runs.gpx import read_gpx
from gluteui.core.runs.raw import read_bytes, safe_source, unpack
from gluteui.core.runs.tcx import read_tcx

READERS: dict[str, Callable[[bytes, str], FileRuns]] = {".gpx": read_gpx, ".tcx": read_tcx, ".fit": read_fit}
GZIP = ".gz"


def run_format(name: str) -> tuple[str, bool] | None:
    """(".gpx" | ".tcx" | ".fit", gzipped?) for a file name, None when it is no run file.
    Case does not matter: Garmin writes .FIT, Strava .fit.gz."""
    lowered = name.lower()
    packed = lowered.endswith(GZIP)
    if packed:
        lowered = lowered[: -len(GZIP)]
    suffix = lowered[lowered.rfind("."):] if "." in lowered else ""
    return (suffix, packed) if suffix in READERS else None


def is_run_file(name: str) -> bool:
    """Whether a file of this name is one read_run_file reads."""
    return run_format(name) is not None


def read_run_data(data: bytes, name: str, source: str | None = None) -> FileRuns:
    """The runs in `data`, the contents of a file called `name` (its suffix picks the
    format); `source` (default: `name`) is what each Run records as where it came from.

    Raises RunFileError, and only that, for any content whatever.
    """
    suffix, packed = _format_of(name)
    if packed:
        data = unpack(data)
    if not data or data.isspace():
        raise RunFileError("empty file")
    return READERS[suffix](data, safe_source(source or name))


def read_run_file(path: Path, source: str | None = None) -> FileRuns:
    """The runs in the file at `path`; `source` defaults to its name.

    Raises RunFileError, and only that, whatever the file holds or if it cannot be read.
    """
    _format_of(path.name)  # before reading: a 40 MB video is refused by its name
    return read_run_data(read_bytes(path), path.name, source)


def _format_of(name: str) -> tuple[str, bool]:
    found = run_format(name)
    if found is None:
        raise RunFileError("not a GPX, TCX or FIT file")
    return found
