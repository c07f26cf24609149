"""GPX files (phones, most watches' "export", Strava), read with the standard library.

GPX has no total distance of its own, so the distance is measured along the track points;
times carry their own zone ("Z" or an offset), and one without is UTC, as GPX defines.
GPX has no timer either: a run from a GPX has its elapsed time only.

Why not gpxpy (which #15 used): it refuses a whole file for one point without a position,
and cannot read a document whose namespace prefix was never declared. Both are common in
files devices write, and the few elements a run needs are simple to read.
"""

from __future__ import annotations

from datetime import datetime
from xml.etree import ElementTree

from gluteui.core.runs.errors import FileRuns, RunFileError
from gluteui.core.runs.sports import sport_of
from gluteui.core.runs.track import file_number, file_time, make_run, path_length_m
from gluteui.core.runs.xmlsafe import child_text, children, read_tree

Point = tuple[float, float, datetime | None]


def _points(parent: ElementTree.Element, name: str) -> list[Point]:
    """The points of a segment or route; one without a position is skipped, not the file."""
    found = []
    for point in children(parent, name):
        lat, lon = file_number(point.get("lat")), file_number(point.get("lon"))
        if lat is not None and lon is not None:
            found.append((lat, lon, file_time(child_text(point, "time"))))
    return found


def read_gpx(data: bytes, source: str) -> FileRuns:
    """The run a GPX document records; RunFileError with a reason when it holds none."""
    root = read_tree(data, "GPX", "gpx")
    tracks = children(root, "trk")
    segments = [_points(segment, "trkpt") for track in tracks for segment in children(track, "trkseg")]
    if not any(segments):
        # A route drawn on a map has points but was never run; it rarely has times either.
        segments = [_points(route, "rtept") for route in children(root, "rte")]
    if not any(segments):
        raise RunFileError("no track points")
    times = [time for points in segments for _, _, time in points if time is not None]
    kind = next((k for k in (child_text(track, "type") for track in tracks) if k), None)
    metadata = next(iter(children(root, "metadata")), root)  # GPX 1.0 names the file at the top
    name = next((n for n in (child_text(track, "name") for track in tracks) if n), None) or child_text(metadata, "name")
    distance = path_length_m([(lat, lon) for lat, lon, _ in points] for points in segments)
    return FileRuns((make_run(times, None, distance, name=name, sport=sport_of(kind), source=source),))
