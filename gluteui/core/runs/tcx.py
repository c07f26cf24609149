"""TCX files (Garmin Training Center, Strava and many other exports), read with the
standard library.

Why not tcxreader: it reads only from a path (a .tcx.gz is bytes in memory), drops points
without GPS (a treadmill run), and turns "...Z" times into naive datetimes while keeping
offsets on others. ElementTree behind xmlsafe's DTD refusal is as safe and keeps zones.

Each <Activity> is a run of its own (a file can hold several); a <MultiSportSession> (a
triathlon, a bike-run-bike) is one activity of sport "multisport". The start is the first
time a lap or point gives: the <Id> is often rounded to the minute, so it is used only
when nothing else has a time. The distance is the file's own (the laps' DistanceMeters),
then the last cumulative DistanceMeters of a track point, then the length along the
positions. The laps' TotalTimeSeconds add up to the watch's timer (moving time).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from xml.etree import ElementTree

from gluteui.core.runs.errors import FileRuns, RunFileError
from gluteui.core.runs.record import Run
from gluteui.core.runs.sports import MULTISPORT, sport_of
from gluteui.core.runs.track import file_number, file_time, make_run, path_length_m
from gluteui.core.runs.xmlsafe import child_text, children, local, read_tree


def read_tcx(data: bytes, source: str) -> FileRuns:
    """The runs a TCX document records, one per activity; RunFileError with a reason when
    it holds none."""
    root = read_tree(data, "TCX", "TrainingCenterDatabase")
    runs: list[Run] = []
    errors: list[RunFileError] = []
    for block in children(root, "Activities"):
        for child in block:
            if local(child.tag) == "Activity":
                parts, sport = [child], sport_of(child.get("Sport"))
            elif local(child.tag) == "MultiSportSession":
                parts = [a for leg in child for a in children(leg, "Activity")]
                sport = MULTISPORT
            else:
                continue
            try:
                runs.append(_activity(parts, sport, source))
            except RunFileError as error:
                errors.append(error)
    if not runs:
        if errors:
            raise errors[0]
        raise RunFileError("no activity (a TCX course is a plan, not a run)")
    skipped = len(errors)
    note = f"{skipped} of its activities could not be read ({errors[0].reason})" if skipped else ""
    return FileRuns(tuple(runs), note)


def _activity(parts: list[ElementTree.Element], sport: str, source: str) -> Run:
    """One run of the <Activity> elements `parts` (several for a multisport session)."""
    times: list[datetime] = []
    ends: list[datetime] = []
    lap_distance = 0.0
    laps_measured = False
    timer = 0.0
    laps_timed = True
    last_cumulative: float | None = None
    segments: list[list[tuple[float | None, float | None]]] = []
    for activity in parts:
        laps = children(activity, "Lap")
        laps_timed = laps_timed and bool(laps)
        for lap in laps:
            lap_start = file_time(lap.get("StartTime"))
            seconds = file_number(child_text(lap, "TotalTimeSeconds"))
            if seconds is not None and 0 <= seconds <= 1e7:
                timer += seconds
            else:
                laps_timed = False
            if lap_start:
                times.append(lap_start)
                # (A start in 9999 plus the lap would overflow; make_run refuses its date.)
                if seconds is not None and 0 <= seconds <= 1e7 and lap_start.year < 9999:
                    ends.append(lap_start + timedelta(seconds=seconds))
            metres = file_number(child_text(lap, "DistanceMeters"))
            if metres is not None:
                lap_distance += metres
                laps_measured = True
            for track in children(lap, "Track"):
                segment = []
                for point in children(track, "Trackpoint"):
                    times += [t for t in [file_time(child_text(point, "Time"))] if t]
                    cumulative = file_number(child_text(point, "DistanceMeters"))
                    if cumulative is not None:
                        last_cumulative = max(cumulative, last_cumulative or 0.0)
                    for position in children(point, "Position"):
                        segment.append((file_number(child_text(position, "LatitudeDegrees")),
                                        file_number(child_text(position, "LongitudeDegrees"))))
                segments.append(segment)
    if not times:  # only now the Id: it is the start rounded down to the minute
        times = [t for t in (file_time(child_text(activity, "Id")) for activity in parts) if t]
    if laps_measured:
        distance = lap_distance
    elif last_cumulative is not None:
        distance = last_cumulative
    else:
        distance = path_length_m(segments)
    # The end is the latest of the track's times and the laps' ends (a lap's timer may run
    # past its last point); the earliest time is the start.
    end = max([*times, *ends], default=None)
    return make_run(times, end, distance, name=None, sport=sport, source=source,
                    moving_s=timer if laps_timed else None)
