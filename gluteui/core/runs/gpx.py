"""GPX files (phones, most watches' "export", Strava), read with gpxpy.

GPX has no total distance of its own, so the distance is measured along the track points;
times carry their own zone ("Z" or an offset), and one without is UTC, as GPX defines.
"""

from __future__ import annotations

import gpxpy
import gpxpy.gpx

from gluteui.core.runs.errors import RunFileError
from gluteui.core.runs.record import Run
from gluteui.core.runs.track import make_run, path_length_m
from gluteui.core.runs.xmlsafe import broken, root_tag, xml_text


def read_gpx(data: bytes, source: str) -> Run:
    """The run a GPX document records; RunFileError with a reason when it holds none."""
    if root_tag(data, "GPX") != "gpx":
        raise RunFileError("not a GPX file")
    text = xml_text(data)
    try:
        document = gpxpy.parse(text)
    except gpxpy.gpx.GPXXMLSyntaxException:
        raise broken(data) from None
    except Exception:  # noqa: BLE001 - a parser fed hostile bytes can fail in any way
        # (its GPXException for a bad number, or whatever it did not foresee): whichever,
        # this file cannot be read, and the import must go on to the next.
        raise RunFileError("damaged GPX data") from None
    segments = [segment.points for track in document.tracks for segment in track.segments]
    if not any(segments):
        # A route drawn on a map has points but was never run; it rarely has times either.
        segments = [route.points for route in document.routes]
    if not any(segments):
        raise RunFileError("no track points")
    times = [point.time for points in segments for point in points if point.time is not None]
    track = next((t for t in document.tracks if t.type), None)
    named = next((t.name for t in document.tracks if t.name), None)
    distance = path_length_m(
        [(point.latitude, point.longitude) for point in points] for points in segments
    )
    return make_run(
        times, None, distance, name=named or document.name,
        sport=track.type if track else None, source=source,
    )
