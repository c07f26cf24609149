"""FIT files (what Garmin, Coros, Suunto and Wahoo watches record), read with fitdecode.

Timestamps in FIT are UTC. The activity message's local_timestamp gives the watch's
offset, so a run is shown at the wall-clock time the runner saw. The distance is the
sessions' total_distance, then the last record's cumulative distance, then the length
along the record positions.
"""

from __future__ import annotations

import io
import math
from datetime import datetime, timedelta, timezone
from typing import Any

import fitdecode

from gluteui.core.runs.errors import RunFileError
from gluteui.core.runs.record import Run
from gluteui.core.runs.track import make_run, path_length_m

_SEMICIRCLE_DEG = 180 / 2**31
"""FIT stores latitude and longitude as 32-bit "semicircles"."""
_WANTED = {
    "file_id": ("type",),
    "session": ("start_time", "total_elapsed_time", "total_distance", "sport"),
    "record": ("timestamp", "position_lat", "position_long", "distance"),
    "activity": ("timestamp", "local_timestamp"),
}


def _messages(data: bytes) -> list[tuple[str, dict[str, Any]]]:
    """(name, {field: value}) of the messages GluteUI uses, the file's checksum verified."""
    found = []
    try:
        with fitdecode.FitReader(
            io.BytesIO(data),
            check_crc=fitdecode.CrcCheck.RAISE,
            # With the checksum right, a quirk (a developer field of an app the file does not
            # describe) is how that device writes, not damage: read on, and keep the run.
            error_handling=fitdecode.ErrorHandling.IGNORE,
        ) as reader:
            for frame in reader:
                if isinstance(frame, fitdecode.FitDataMessage) and frame.name in _WANTED:
                    fields = {name: frame.get_value(name, fallback=None) for name in _WANTED[frame.name]}
                    found.append((frame.name, fields))
    except fitdecode.FitEOFError:
        raise RunFileError("truncated") from None
    except fitdecode.FitHeaderError:
        raise RunFileError("not a FIT file") from None
    except fitdecode.FitCRCError:
        raise RunFileError("damaged (its checksum does not match)") from None
    except Exception:  # noqa: BLE001 - a decoder fed hostile bytes can fail in any way
        # (a struct.error, a KeyError for an unknown type): whichever, the file is unreadable.
        raise RunFileError("damaged FIT data") from None
    return found


def _when(value: Any) -> datetime | None:
    # fitdecode leaves a date_time below its minimum (seconds since power-on) as an int.
    return value if isinstance(value, datetime) else None


def _amount(value: Any) -> float | None:
    """A count of metres or seconds, if `value` is one (a damaged field can be anything)."""
    return float(value) if isinstance(value, (int, float)) and math.isfinite(value) and value >= 0 else None


def _watch_offset(activities: list[dict[str, Any]]) -> timezone:
    """The watch's UTC offset, to the quarter hour, from local_timestamp - timestamp."""
    for activity in activities:
        utc, local = _when(activity["timestamp"]), _when(activity["local_timestamp"])
        if utc and local:
            quarters = round((local - utc) / timedelta(minutes=15))
            if abs(quarters) <= 14 * 4:  # no zone is further than 14 hours from UTC
                return timezone(timedelta(minutes=15 * quarters))
    return timezone.utc


def read_fit(data: bytes, source: str) -> Run:
    """The run a FIT activity file records; RunFileError with a reason when it holds none."""
    messages = _messages(data)
    if not messages:
        raise RunFileError("not a FIT file")
    by_name: dict[str, list[dict[str, Any]]] = {name: [] for name in _WANTED}
    for name, fields in messages:
        by_name[name].append(fields)
    kinds = {f["type"] for f in by_name["file_id"] if isinstance(f["type"], (str, int))}
    if kinds and "activity" not in kinds:
        # A watch's drive also holds settings, courses and daily monitoring in .fit files.
        # An unknown kind is a number (or, in a damaged file, any text): named only if known.
        named = sorted(kind for kind in kinds if isinstance(kind, str) and kind.isidentifier())
        raise RunFileError(f"a FIT {named[0]} file, not an activity" if named
                           else "a FIT file that is not an activity")
    sessions, records = by_name["session"], by_name["record"]
    offset = _watch_offset(by_name["activity"])
    times = [t for t in (_when(s["start_time"]) for s in sessions) if t]
    ends = []
    for session in sessions:
        start, elapsed = _when(session["start_time"]), _amount(session["total_elapsed_time"])
        if start and elapsed is not None and elapsed <= 1e7:
            ends.append(start + timedelta(seconds=elapsed))
    record_times = [t for t in (_when(r["timestamp"]) for r in records) if t]
    if not times:
        times = record_times
    end = max(ends) if ends else max(record_times, default=None)
    # Known sports are names; a number is one this FIT profile does not know.
    sports = {s["sport"] for s in sessions if isinstance(s["sport"], str)}
    # A multisport file (a triathlon) is one activity of no single sport.
    sport = sports.pop() if len(sports) == 1 else None
    return make_run([t.astimezone(offset) for t in times], end, _distance(sessions, records),
                    name=None, sport=sport, source=source)


def _distance(sessions: list[dict[str, Any]], records: list[dict[str, Any]]) -> float:
    totals = [m for m in (_amount(s["total_distance"]) for s in sessions) if m is not None]
    if totals:
        return sum(totals)
    cumulative = [m for m in (_amount(r["distance"]) for r in records) if m is not None]
    if cumulative:
        return max(cumulative)
    return path_length_m([[(_degrees(r["position_lat"]), _degrees(r["position_long"])) for r in records]])


def _degrees(semicircles: Any) -> float | None:
    return semicircles * _SEMICIRCLE_DEG if isinstance(semicircles, int) else None
