"""What every format's reader shares: times honoured in their own offset, distance along
track points, and the checks that turn implausible numbers into a one-line reason."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta, timezone

from gluteui.core.runs.errors import RunFileError
from gluteui.core.runs.record import MAX_DISTANCE_M, MAX_DURATION_S, Run, clean_name
from gluteui.core.values import FIRST_DAY, LAST_DAY

EARTH_RADIUS_M = 6_371_008.8
"""The mean radius: haversine on a sphere is within 0.5 % of the ellipsoid, well inside
the 5 % by which two copies of a run may differ."""
_FIRST = datetime(FIRST_DAY.year, 1, 1, tzinfo=timezone.utc)
_AFTER_LAST = datetime(LAST_DAY.year + 1, 1, 1, tzinfo=timezone.utc)


def moment(value: datetime) -> datetime:
    """`value` with a plain fixed-offset tzinfo; a time without a zone is UTC, as GPX, TCX
    and FIT all define. RunFileError for an offset or a date no clock would write."""
    offset = value.utcoffset()
    if offset is None:
        return value.replace(tzinfo=timezone.utc)
    try:
        stamped = value.replace(tzinfo=timezone(offset))
        stamped.astimezone(timezone.utc)  # year 1 or 9999 plus an offset overflows
    except (ValueError, OverflowError):
        raise RunFileError("a time outside any calendar") from None
    return stamped


def file_time(text: str | None) -> datetime | None:
    """A time as an XML file writes it (ISO 8601), aware; None when there is none or it is
    no time: one bad time should not cost the run (none at all is "no timestamps")."""
    if not text:
        return None
    try:
        return moment(datetime.fromisoformat(text))
    except (ValueError, RunFileError):
        return None


def file_number(text: str | None) -> float | None:
    """A finite number as a file writes it; None when there is none or it is no number."""
    try:
        value = float(text) if text else None
    except ValueError:
        return None
    return value if value is not None and math.isfinite(value) else None


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres between two points given in degrees."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    half_dphi = (phi2 - phi1) / 2
    half_dlambda = math.radians(lon2 - lon1) / 2
    a = math.sin(half_dphi) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(half_dlambda) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


def _on_earth(lat: float, lon: float) -> bool:
    return math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180


def path_length_m(segments: Iterable[Sequence[tuple[float | None, float | None]]]) -> float:
    """Metres along each segment's points, summed; a point off the globe (or without a
    fix) is skipped, and the gap between two segments (a pause) does not count."""
    total = 0.0
    for segment in segments:
        previous = None
        for lat, lon in segment:
            if lat is None or lon is None or not _on_earth(lat, lon):
                continue
            if previous is not None:
                total += haversine_m(previous[0], previous[1], lat, lon)
            previous = (lat, lon)
    return total


def make_run(times: Iterable[datetime], end: datetime | None, distance_m: float, *,
             name: str | None, sport: str, source: str, moving_s: float | None = None) -> Run:
    """The Run a file describes: it starts at the earliest of `times` (in that time's own
    offset) and ends at `end` or the latest of them. `sport` is one of sports.SPORTS;
    `moving_s` the watch's timer, when the file has one.

    RunFileError "no timestamps" when there are none, and a reason for each bound a real
    run stays within.
    """
    stamped = [moment(value) for value in times]
    if not stamped:
        raise RunFileError("no timestamps")
    start = min(stamped)  # aware datetimes compare as instants, whatever their offsets
    finish = max(stamped) if end is None else moment(end)
    if not _FIRST <= start < _AFTER_LAST:
        raise RunFileError(f"dated outside {FIRST_DAY.year}-{LAST_DAY.year}")
    duration = (finish - start) / timedelta(seconds=1)
    if duration < 0:
        raise RunFileError("ends before it starts")
    if duration > MAX_DURATION_S:
        raise RunFileError(f"lasts over {MAX_DURATION_S // 86400} days")
    if not math.isfinite(distance_m) or distance_m < 0:
        raise RunFileError("a distance that is not a number of metres")
    if distance_m > MAX_DISTANCE_M:
        raise RunFileError(f"over {MAX_DISTANCE_M / 1000:g} km")
    if moving_s is not None and not (math.isfinite(moving_s) and 0 <= moving_s <= MAX_DURATION_S):
        moving_s = None  # a damaged timer total: the elapsed time is still the file's
    return Run.new(start, duration, float(distance_m), clean_name(name), sport, source, moving_s)
