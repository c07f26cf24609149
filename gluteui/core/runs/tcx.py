"""TCX files (Garmin Training Center, many exports), read with the standard library.

Why not tcxreader: it reads only from a path (a .tcx.gz is bytes in memory), drops points
without GPS (a treadmill run), and turns "...Z" times into naive datetimes while keeping
offsets on others. ElementTree behind xmlsafe's DTD refusal is as safe and keeps zones.

The distance is the file's own (the laps' DistanceMeters), then the last cumulative
DistanceMeters of a track point, then the length along the positions.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from xml.etree import ElementTree

from gluteui.core.runs.errors import RunFileError
from gluteui.core.runs.record import Run
from gluteui.core.runs.track import make_run, moment, path_length_m
from gluteui.core.runs.xmlsafe import broken, root_tag


def _local(tag: str) -> str:
    # Files are written with and without the TCX namespace (and with odd prefixes).
    return tag.rpartition("}")[2]


def _children(element: ElementTree.Element, name: str) -> list[ElementTree.Element]:
    return [child for child in element if _local(child.tag) == name]


def _text(element: ElementTree.Element, name: str) -> str | None:
    found = _children(element, name)
    return found[0].text.strip() if found and found[0].text else None


def _time(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        # Aware at once (a time without a zone is UTC), so every time here compares.
        return moment(datetime.fromisoformat(text))
    except (ValueError, RunFileError):
        return None  # one bad time should not cost the run; none at all is "no timestamps"


def _number(text: str | None) -> float | None:
    try:
        value = float(text) if text else None
    except ValueError:
        return None
    return value if value is not None and math.isfinite(value) else None


def read_tcx(data: bytes, source: str) -> Run:
    """The run a TCX document records; RunFileError with a reason when it holds none."""
    if root_tag(data, "TCX") != "TrainingCenterDatabase":
        raise RunFileError("not a TCX file")
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        raise broken(data) from None
    activities = [a for block in _children(root, "Activities") for a in _children(block, "Activity")]
    if not activities:
        raise RunFileError("no activity (a TCX course is a plan, not a run)")
    times: list[datetime] = []
    ends: list[datetime] = []
    lap_distance = 0.0
    laps_measured = False
    last_cumulative: float | None = None
    segments: list[list[tuple[float | None, float | None]]] = []
    for activity in activities:
        times += [t for t in [_time(_text(activity, "Id"))] if t]
        for lap in _children(activity, "Lap"):
            lap_start = _time(lap.get("StartTime"))
            seconds = _number(_text(lap, "TotalTimeSeconds"))
            if lap_start:
                times.append(lap_start)
                # (A start in 9999 plus the lap would overflow; make_run refuses its date.)
                if seconds is not None and 0 <= seconds <= 1e7 and lap_start.year < 9999:
                    ends.append(lap_start + timedelta(seconds=seconds))
            metres = _number(_text(lap, "DistanceMeters"))
            if metres is not None:
                lap_distance += metres
                laps_measured = True
            for track in _children(lap, "Track"):
                segment = []
                for point in _children(track, "Trackpoint"):
                    times += [t for t in [_time(_text(point, "Time"))] if t]
                    cumulative = _number(_text(point, "DistanceMeters"))
                    if cumulative is not None:
                        last_cumulative = max(cumulative, last_cumulative or 0.0)
                    for position in _children(point, "Position"):
                        segment.append((_number(_text(position, "LatitudeDegrees")),
                                        _number(_text(position, "LongitudeDegrees"))))
                segments.append(segment)
    if laps_measured:
        distance = lap_distance
    elif last_cumulative is not None:
        distance = last_cumulative
    else:
        distance = path_length_m(segments)
    # The end is the latest of the track's times and the laps' ends (a lap's timer may run
    # past its last point); the earliest time is the start.
    end = max([*times, *ends], default=None)
    return make_run(times, end, distance, name=None, sport=activities[0].get("Sport"), source=source)
