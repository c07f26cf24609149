"""A Strava bulk export: `activities.csv` beside an `activities/` folder of GPX, TCX and
FIT files (many .gz). The files hold the runs; the listing adds what Strava knows better:
the name the runner gave each activity and its type ("Run", "Trail Run", "Ride").

The header is English ("Activity Name,Activity Type,...,Filename"; before mid-2019 it was
"name,type,...,filename") or in the account's language; a column of values starting with
"activities/" is taken as the file names even under a header this does not know.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, replace
from pathlib import Path

from gluteui.core.runs.errors import RunFileError
from gluteui.core.runs.raw import read_bytes
from gluteui.core.runs.record import Run, clean_name
from gluteui.core.runs.sports import listed_sport

ACTIVITIES_CSV = "activities.csv"
# Header names as _key() folds them, most specific first: the English header also has a
# later "Type" column that is not the activity's type.
_NAME = ("activityname", "namederaktivität", "name")
_TYPE = ("activitytype", "aktivitätsart", "type")
_FILE = ("filename", "dateiname")
_FILES_FOLDER = "activities/"


@dataclass(frozen=True)
class Listed:
    """What activities.csv says of one file: its name ("" if none) and sport (None when it
    gives none GluteUI knows, so the file's own stands)."""

    name: str
    sport: str | None


def _key(header: str) -> str:
    return re.sub(r"[\W_]", "", header.casefold())


def _file_key(value: str) -> str:
    return value.strip().replace("\\", "/").removeprefix("./")


def _column(header: list[str], names: tuple[str, ...]) -> int | None:
    keys = [_key(cell) for cell in header]
    for name in names:
        if name in keys:
            return keys.index(name)  # the first of duplicated columns ("Distance" twice)
    return None


def _sniffed_file_column(rows: list[list[str]], width: int) -> int | None:
    for column in range(width):
        values = [row[column] for row in rows if column < len(row) and row[column].strip()]
        if values and all(_file_key(v).startswith(_FILES_FOLDER) for v in values):
            return column
    return None


def read_listing(text: str) -> dict[str, Listed]:
    """The files activities.csv lists, by their path in the export ("activities/1.gpx.gz").

    Rows without a file (an activity entered by hand) are left out. RunFileError when the
    text is not a listing GluteUI can use.
    """
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:  # a field over csv's size limit, a NUL byte
        raise RunFileError("activities.csv is damaged") from None
    if not rows:
        raise RunFileError("activities.csv is empty")
    header, body = rows[0], rows[1:]
    file_column = _column(header, _FILE)
    if file_column is None:
        file_column = _sniffed_file_column(body, len(header))
    if file_column is None:
        raise RunFileError("activities.csv has no Filename column")
    name_column, type_column = _column(header, _NAME), _column(header, _TYPE)
    listing = {}
    for row in body:
        if file_column >= len(row) or not row[file_column].strip():
            continue
        name = row[name_column] if name_column is not None and name_column < len(row) else ""
        kind = row[type_column] if type_column is not None and type_column < len(row) else ""
        listing[_file_key(row[file_column])] = Listed(
            clean_name(name), listed_sport(kind)
        )
    return listing


def load_listing(folder: Path) -> dict[str, Listed]:
    """The listing in `folder`/activities.csv; RunFileError with a reason if unreadable."""
    data = read_bytes(folder / ACTIVITIES_CSV)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RunFileError("activities.csv is not UTF-8 text") from None
    return read_listing(text)


def with_listing(run: Run, listed: Listed | None) -> Run:
    """`run` with the name and sport the listing gives it, where it gives them."""
    if listed is None:
        return run
    return replace(run, name=listed.name or run.name, sport=listed.sport or run.sport)
