"""The export format: what `gluteui export` writes and `gluteui import` accepts.

An export is the whole History as JSON-able data. An import is checked in full before
anything is written, so a bad file changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from gluteui.core.history import bounds, tables
from gluteui.core.history.experiment import SelfExperiment
from gluteui.core.history.records import (
    Checkin,
    History,
    QuizResult,
    Session,
)
from gluteui.core.history.settings import check_setting
from gluteui.core.history.storage import StoreError
from gluteui.core.history.tables import Change, Doc
from gluteui.core.runs.record import Run
from gluteui.core.values import future_reason, parse_day, shown

FORMAT = "gluteui"


def export(history: History) -> dict[str, Any]:
    """`history` as an export."""
    return {
        "format": FORMAT,
        "schema_version": tables.SCHEMA_VERSION,
        # The desk sessions too: they are the user's record, only counted apart.
        "sessions": [session.to_dict() for session in
                     sorted(history.sessions + history.desk_sessions, key=lambda s: (s.started_at, s.id))],
        "rest_days": sorted(day.isoformat() for day in history.rest_days),
        "checkins": [checkin.to_dict() for checkin in history.checkins],
        "quiz_results": [result.to_dict() for result in history.quiz_results],
        "lessons_read": sorted(history.lessons_read),
        "runs": [run.to_dict() for run in history.runs],
        "experiments": [experiment.to_dict() for experiment in history.experiments],
        "settings": dict(history.settings),
        # Only when there are some: an older GluteUI's import reads the file as before.
        **({"no_run_days": sorted(day.isoformat() for day in history.no_run_days)} if history.no_run_days else {}),
    }


def _lesson_doc(item: Any) -> dict[str, str]:
    if not isinstance(item, str) or not item.strip():
        raise ValueError(f"lesson id must be non-empty text, got {shown(item)}")
    return {"lesson_id": item}


# Export key, table, and how one exported item becomes a validated document.
_IMPORTS: tuple[tuple[str, str, Callable[[Any], Doc]], ...] = (
    ("sessions", "sessions", lambda item: Session.from_dict(item).to_dict()),
    ("rest_days", "rest_days", lambda item: {"local_date": parse_day("date", item).isoformat()}),
    ("checkins", "checkins", lambda item: Checkin.from_dict(item).to_dict()),
    ("quiz_results", "quiz_results", lambda item: QuizResult.from_dict(item).to_dict()),
    ("lessons_read", "lesson_reads", _lesson_doc),
    ("runs", "runs", lambda item: Run.from_dict(item).to_dict()),
    ("experiments", "experiments", lambda item: SelfExperiment.from_dict(item).to_dict()),
    ("no_run_days", "no_run_days", lambda item: {"local_date": parse_day("date", item).isoformat()}),
)
_EXPORT_KEY = {table: key for key, table, _ in _IMPORTS} | {"settings": "settings"}


def is_export(data: Any) -> bool:
    """Whether parsed JSON is an export rather than a data file or anything else."""
    return isinstance(data, dict) and data.get("format") == FORMAT


def _when_it_happened(table: str, doc: Doc) -> str | None:
    """The start of a session or run document (already validated), for the future check."""
    field = {"sessions": "started_at", "runs": "start"}.get(table)
    return None if field is None else doc[field]


def import_changes(data: Any, changed_at: str, now: datetime | None = None) -> list[Change]:
    """Validate a whole export before anything is written, so a bad one changes nothing.

    The changes are stamped `changed_at`, the moment of the import. A session or run dated
    in the future of `now` (when given) is refused: a clock was wrong where it was made.
    """
    if not is_export(data):
        raise StoreError('Not a GluteUI export: it lacks "format": "gluteui"')
    # Settings GluteUI does not know come in as they are: no deeper than the data file keeps
    # them (a settings value one level under the export's), or copying and writing them
    # could exhaust Python's recursion limit, and the next read would set them aside.
    if bounds.too_deep(data, bounds.MAX_DEPTH + 1):
        raise StoreError("Not a GluteUI export: it is nested too deeply to be GluteUI's")
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise StoreError(f"Not a GluteUI export: bad schema_version {shown(version)}")
    if version > tables.SCHEMA_VERSION:
        raise StoreError(
            f"The export was written by a newer GluteUI (data version {version}); update GluteUI"
        )
    changes: list[Change] = []
    for key, table, to_doc in _IMPORTS:
        items = data.get(key, [])
        if not isinstance(items, list):
            raise StoreError(f"Cannot import: {key!r} is not a list")
        for index, item in enumerate(items):
            try:
                doc = to_doc(item)
            except ValueError as error:
                raise StoreError(f"Cannot import {key}[{index}]: {error}") from error
            started = _when_it_happened(table, doc)
            why = None if started is None or now is None else future_reason(datetime.fromisoformat(started), now)
            if why is not None:
                raise StoreError(f"Cannot import {key}[{index}]: it is {why}")
            changes.append(Change(table, doc, "add", changed_at))
    settings = data.get("settings", {})
    if not isinstance(settings, dict):
        raise StoreError("Cannot import: 'settings' is not an object")
    for key, value in settings.items():
        try:
            check_setting(key, value)
        except ValueError as error:
            raise StoreError(f"Cannot import: {error}") from error
        # "add" keeps every setting the user already has; only missing ones come in.
        changes.append(Change("settings", {key: value}, "add", changed_at))
    return changes


def count_by_kind(applied: list[Change]) -> dict[str, int]:
    """How many new items of each export kind a list of applied changes brought in."""
    counts = dict.fromkeys(_EXPORT_KEY.values(), 0)
    for change in applied:
        counts[_EXPORT_KEY[change.table]] += 1
    return counts
