"""FIT files (what Garmin, Coros, Suunto, Wahoo and phone apps record), walked by fitscan.

A run is read from the watch's own summary: the session messages (start, elapsed and timer
time, distance, sport), else the laps, and only when neither is there from every record.
Timestamps in FIT are UTC; the activity message's local_timestamp gives the watch's offset,
so a run is shown at the wall-clock time the runner saw.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

from gluteui.core.runs.errors import FileRuns, RunFileError
from gluteui.core.runs.fitscan import TIMESTAMP, FitDamage, Scan, fit_time, scan_fit
from gluteui.core.runs.sports import UNKNOWN, sport_of_several
from gluteui.core.runs.track import make_run, path_length_m

FILE_ID, SPORT, SESSION, LAP, RECORD, ACTIVITY = 0, 12, 18, 19, 20, 34
_ACTIVITY_FILE = 4
# The fields read, by number (fitdecode's profile names them): a session's and a lap's
# start_time 2, total_elapsed_time 7, total_timer_time 8 (both in ms), total_distance 9
# (cm), and sport (5 in a session, 25 in a lap); a record's position_lat 0, position_long 1
# (semicircles), distance 5 (cm); the activity's local_timestamp 5.
_SUMMARY = {FILE_ID: (0,), SPORT: (0,), SESSION: (2, 5, 7, 8, 9), LAP: (2, 7, 8, 9, 25),
            ACTIVITY: (5, TIMESTAMP)}
_RECORDS = {**_SUMMARY, RECORD: (0, 1, 5, TIMESTAMP)}
_SPORT_FIELD = {SESSION: 5, LAP: 25, SPORT: 0}
_SEMICIRCLE_DEG = 180 / 2**31
_NOT_A_WORKOUT = {
    "monitoring_a": "daily activity data, not a workout",
    "monitoring_b": "daily activity data, not a workout",
    "monitoring_daily": "daily activity data, not a workout",
    "activity_summary": "a summary of daily activity, not a workout",
    "totals": "the watch's totals, not a workout",
    "course": "a course (a route to follow), not a workout",
    "segment": "a segment (a stretch of road), not a workout",
    "segment_list": "a list of segments, not a workout",
    "workout": "a planned workout, not one done",
    "schedules": "a training plan, not a workout",
    "settings": "the watch's settings, not a workout",
    "device": "the watch's settings, not a workout",
    "sport": "the watch's settings for a sport, not a workout",
    "goals": "the watch's goals, not a workout",
    "weight": "weight measurements, not a workout",
    "blood_pressure": "blood pressure measurements, not a workout",
}


def _name(field_type: str, number: Any) -> str | None:
    """A FIT enum's name from the profile ("running" for sport 1); None for none at all."""
    if not isinstance(number, int):
        return None
    # Its tables take 20 ms to import: only when a FIT file is read.
    from fitdecode import profile

    name: str = profile.FIELD_TYPES[field_type].enum.get(number, f"{field_type} {number}")
    return name


def _amount(value: Any, scale: float) -> float | None:
    return value / scale if isinstance(value, int) and value >= 0 else None


def _watch_offset(activities: list[dict[int, Any]]) -> timezone:
    """The watch's UTC offset, to the quarter hour, from local_timestamp - timestamp."""
    for activity in activities:
        utc, local = fit_time(activity.get(TIMESTAMP)), fit_time(activity.get(5))
        if utc and local:
            quarters = round((local - utc) / timedelta(minutes=15))
            if abs(quarters) <= 14 * 4:  # no zone is further than 14 hours from UTC
                return timezone(timedelta(minutes=15 * quarters))
    return timezone.utc


def _scan(data: bytes, wanted: dict[int, tuple[int, ...]]) -> Scan:
    try:
        return scan_fit(data, wanted)
    except FitDamage as damage:
        raise RunFileError(damage.reason) from None


def _by_kind(scan: Scan) -> dict[int, list[dict[int, Any]]]:
    found: dict[int, list[dict[int, Any]]] = {number: [] for number in _RECORDS}
    for number, fields in scan.messages:
        found[number].append(fields)
    return found


def _summaries(parts: list[dict[int, Any]]) -> list[tuple[datetime, float, dict[int, Any]]]:
    """(start, elapsed seconds, fields) of the sessions or laps that say when and how long."""
    found = []
    for part in parts:
        start, elapsed = fit_time(part.get(2)), _amount(part.get(7), 1000)
        if start is not None and elapsed is not None and elapsed <= 1e7:
            found.append((start, elapsed, part))
    return found


def read_fit(data: bytes, source: str) -> FileRuns:
    """The run a FIT activity file records; RunFileError with a reason when it holds none."""
    scan = _scan(data, _SUMMARY)
    found = _by_kind(scan)
    kinds = {kind for f in found[FILE_ID] if (kind := _name("file", f.get(0))) is not None}
    if kinds and "activity" not in kinds:
        # A watch's drive also holds settings, courses and daily monitoring in .fit files.
        kind = min(kinds)
        raise RunFileError(_NOT_A_WORKOUT.get(kind, "a FIT file that is not a workout"))
    kind_of_parts = SESSION if _summaries(found[SESSION]) else LAP
    parts = _summaries(found[kind_of_parts])
    note = ""
    if scan.damage is not None:
        if not parts:
            raise RunFileError("truncated" if scan.damage.reason == "truncated" else "damaged FIT data")
        damage = "cut short" if scan.damage.reason == "truncated" else f"damaged at byte {scan.damage.offset}"
        note = f"{damage}, after its summary, which was kept"
    sport = sport_of_several([_name("sport", part.get(_SPORT_FIELD[kind_of_parts])) for _, _, part in parts])
    if sport == UNKNOWN:  # the sessions say "generic": the sport message may say more
        sport = sport_of_several([_name("sport", f.get(0)) for f in found[SPORT]])
    offset = _watch_offset(found[ACTIVITY])
    if parts:
        times = [start for start, _, _ in parts]
        end = max(start + timedelta(seconds=elapsed) for start, elapsed, _ in parts)
        timers = [t for t in (_amount(part.get(8), 1000) for _, _, part in parts) if t is not None]
        moving = sum(timers) if len(timers) == len(parts) else None
        totals = [_amount(part.get(9), 100) for _, _, part in parts]
        distance = sum(t for t in totals if t is not None) if any(t is not None for t in totals) else None
    else:
        times, end, moving, distance = [], None, None, None
    if not parts or distance is None:
        # No summary (or one without a distance): the records, which means reading them all.
        times, end, distance = _from_records(data, times, end)
    run = make_run([t.astimezone(offset) for t in times], end, distance, name=None,
                   sport=sport, source=source, moving_s=moving)
    return FileRuns((run,), note)


def _from_records(data: bytes, times: list[datetime],
                  end: datetime | None) -> tuple[list[datetime], datetime | None, float]:
    """Start times, end and distance from the records, for a file with no usable summary."""
    scan = _scan(data, _RECORDS)
    if scan.damage is not None and not times:
        raise RunFileError("truncated" if scan.damage.reason == "truncated" else "damaged FIT data")
    records = _by_kind(scan)[RECORD]
    record_times = [t for t in (fit_time(r.get(TIMESTAMP)) for r in records) if t]
    cumulative = [m for m in (_amount(r.get(5), 100) for r in records) if m is not None]
    if cumulative:
        distance = max(cumulative)
    else:
        distance = path_length_m([[(_degrees(r.get(0)), _degrees(r.get(1))) for r in records]])
    return times or record_times, end or max(record_times, default=None), distance


def _degrees(semicircles: Any) -> float | None:
    return semicircles * _SEMICIRCLE_DEG if isinstance(semicircles, int) else None
