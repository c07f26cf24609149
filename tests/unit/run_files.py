"""Run files made by the tests themselves: GPX and TCX written as XML, FIT encoded with
Garmin's own SDK, a Strava export folder around them. Nothing is downloaded.

A Track is a straight line due north at a steady pace, so its true length is known.
"""

from __future__ import annotations

import csv
import gzip
import io
import math
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from garmin_fit_sdk import Encoder, Profile
from garmin_fit_sdk.crc_calculator import CrcCalculator

from gluteui.core.runs.track import EARTH_RADIUS_M

UTC = timezone.utc
_MESG = Profile["mesg_num"]
_DEGREE_M = EARTH_RADIUS_M * math.pi / 180
"""Metres in one degree of latitude on the sphere track.py measures on."""


@dataclass(frozen=True)
class Point:
    seconds: float
    lat: float
    lon: float

    def time(self, start: datetime) -> datetime:
        return start + timedelta(seconds=self.seconds)


@dataclass(frozen=True)
class Track:
    start: datetime
    points: tuple[Point, ...]
    sport: str = "running"
    name: str = "Morning Run"

    @property
    def duration_s(self) -> float:
        return self.points[-1].seconds - self.points[0].seconds

    @property
    def length_m(self) -> float:
        return (self.points[-1].lat - self.points[0].lat) * _DEGREE_M


def track(start: datetime, *, minutes: float = 30, pace_m_s: float = 3.0, every_s: float = 60,
          sport: str = "running", name: str = "Morning Run", lat: float = 51.5,
          lon: float = -0.12) -> Track:
    """A run due north from (lat, lon): a point every `every_s` seconds for `minutes`."""
    count = int(minutes * 60 / every_s) + 1
    points = tuple(
        Point(i * every_s, lat + i * every_s * pace_m_s / _DEGREE_M, lon) for i in range(count)
    )
    return Track(start, points, sport, name)


def iso(moment: datetime, offset: timezone | None) -> str:
    """`moment` written as a file would: "Z" for UTC, "+02:00" for an offset, none if None."""
    if offset is None:
        return moment.astimezone(UTC).replace(tzinfo=None).isoformat()
    text = moment.astimezone(offset).isoformat()
    return text.removesuffix("+00:00") + "Z" if offset == UTC else text


def gpx(run: Track, *, offset: timezone | None = UTC, sport: str | None = "default",
        times: bool = True) -> bytes:
    """A GPX 1.1 document of `run`, its times written in `offset` (None: no zone at all)."""
    kind = run.sport if sport == "default" else sport
    points = "".join(
        f'<trkpt lat="{p.lat:.7f}" lon="{p.lon:.7f}"><ele>12.0</ele>'
        + (f"<time>{iso(p.time(run.start), offset)}</time>" if times else "")
        + "</trkpt>\n"
        for p in run.points
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<gpx version="1.1" creator="GluteUI tests" xmlns="http://www.topografix.com/GPX/1/1">\n'
        f"<metadata><time>{iso(run.start, UTC)}</time></metadata>\n"
        f"<trk><name>{escape(run.name)}</name>"
        + (f"<type>{escape(kind)}</type>" if kind else "")
        + f"\n<trkseg>\n{points}</trkseg></trk>\n</gpx>\n"
    ).encode()


_TCX_SPORTS = {"running": "Running", "cycling": "Biking"}
_TCX_ROOT = '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2">'


def _tcx_activity(run: Track, total_m: float | None, offset: timezone, cumulative: bool,
                  timer_s: float | None = None, tag: str = "Activity") -> str:
    points = "".join(
        f"<Trackpoint><Time>{iso(p.time(run.start), offset)}</Time>"
        f"<Position><LatitudeDegrees>{p.lat:.7f}</LatitudeDegrees>"
        f"<LongitudeDegrees>{p.lon:.7f}</LongitudeDegrees></Position>"
        + (f"<DistanceMeters>{(p.lat - run.points[0].lat) * _DEGREE_M:.1f}</DistanceMeters>"
           if cumulative else "")
        + "</Trackpoint>\n"
        for p in run.points
    )
    lap_total = f"<DistanceMeters>{total_m:.1f}</DistanceMeters>" if total_m is not None else ""
    sport = _TCX_SPORTS.get(run.sport, "Other")
    timer = run.duration_s if timer_s is None else timer_s
    return (
        f"<{tag} Sport={quoteattr(sport)}><Id>{iso(run.start, offset)}</Id>\n"
        f"<Lap StartTime={quoteattr(iso(run.start, offset))}>"
        f"<TotalTimeSeconds>{timer:.1f}</TotalTimeSeconds>{lap_total}\n"
        f"<Track>\n{points}</Track></Lap></{tag}>"
    )


def tcx(run: Track, *, total_m: float | None = None, offset: timezone = UTC,
        cumulative: bool = True, timer_s: float | None = None) -> bytes:
    """A TCX document of `run` as one lap, with `total_m` as the lap's DistanceMeters and
    `timer_s` as its TotalTimeSeconds (default: the whole run)."""
    return tcx_of([run], total_m=total_m, offset=offset, cumulative=cumulative, timer_s=timer_s)


def tcx_of(runs: list[Track], *, total_m: float | None = None, offset: timezone = UTC,
           cumulative: bool = True, timer_s: float | None = None) -> bytes:
    """A TCX document holding each of `runs` as an activity of its own."""
    activities = "\n".join(_tcx_activity(run, total_m, offset, cumulative, timer_s) for run in runs)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"{_TCX_ROOT}\n<Activities>{activities}</Activities>\n</TrainingCenterDatabase>\n"
    ).encode()


def tcx_multisport(legs: list[Track]) -> bytes:
    """A TCX multisport session (bike, run, bike...) as Garmin Training Center writes one."""
    first, *rest = legs
    nexts = "".join(f"<NextSport>{_tcx_activity(leg, None, UTC, True)}</NextSport>" for leg in rest)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f"{_TCX_ROOT}\n<Activities><MultiSportSession><Id>{iso(first.start, UTC)}</Id>"
        f"<FirstSport>{_tcx_activity(first, None, UTC, True)}</FirstSport>{nexts}"
        "</MultiSportSession></Activities>\n</TrainingCenterDatabase>\n"
    ).encode()


def _semicircles(degrees: float) -> int:
    return round(degrees * 2**31 / 180)


def fit(run: Track, *, total_m: float | None = None, local_offset: timedelta | None = None,
        file_type: str = "activity", session: bool = True, records: bool = True,
        cumulative_m: float | None = None, timer_s: float | None = None,
        developer_distance_m: float | None = None, sensors: bool = False) -> bytes:
    """A FIT file of `run`, encoded with garmin-fit-sdk: file_id, one record per point,
    a session with `total_m` as total_distance, and an activity with the watch's local time.
    `cumulative_m` gives the records a distance field rising evenly to that total; `timer_s`
    is the session's timer (default: the whole run); `developer_distance_m` adds a Connect IQ
    app's own field named like the native total_distance, with that value; `sensors` gives
    each record what a watch's sensors add (heart rate, cadence, altitude, speed)."""
    encoder = Encoder()
    end = run.points[-1].time(run.start)
    encoder.write_mesg({"mesg_num": _MESG["FILE_ID"], "type": file_type, "manufacturer": "development",
                        "product": 1, "serial_number": 4242, "time_created": run.start})
    developer: dict = {}
    if developer_distance_m is not None:
        app = {"mesg_num": _MESG["DEVELOPER_DATA_ID"], "developer_data_index": 0,
               "application_id": list(range(16))}
        field = {"mesg_num": _MESG["FIELD_DESCRIPTION"], "developer_data_index": 0,
                 "field_definition_number": 0, "fit_base_type_id": 0x86, "field_name": "total_distance",
                 "units": "m", "native_mesg_num": _MESG["SESSION"], "native_field_num": 9}
        encoder.add_developer_field(0, app, field)
        encoder.write_mesg(app)
        encoder.write_mesg(field)
        developer = {"developer_fields": {0: round(developer_distance_m)}}
    for p in run.points if records else ():
        record = {"mesg_num": _MESG["RECORD"], "timestamp": p.time(run.start),
                  "position_lat": _semicircles(p.lat), "position_long": _semicircles(p.lon)}
        if cumulative_m is not None:
            record["distance"] = cumulative_m * p.seconds / run.duration_s
        if sensors:
            record |= {"heart_rate": 140, "cadence": 85, "enhanced_altitude": 12.0, "enhanced_speed": 3.0}
        encoder.write_mesg(record)
    if session:
        encoder.write_mesg(_session(run.start, run.duration_s, total_m, run.sport,
                                    run.duration_s if timer_s is None else timer_s) | developer)
    _activity(encoder, end, 1, local_offset)
    return encoder.close()


def _session(start: datetime, seconds: float, total_m: float | None, sport: str, timer_s: float) -> dict:
    message = {"mesg_num": _MESG["SESSION"], "timestamp": start + timedelta(seconds=seconds),
               "start_time": start, "total_elapsed_time": seconds, "total_timer_time": timer_s,
               "sport": sport}
    if total_m is not None:
        message["total_distance"] = total_m
    return message


def _activity(encoder: Encoder, end: datetime, sessions: int, local_offset: timedelta | None) -> None:
    activity = {"mesg_num": _MESG["ACTIVITY"], "timestamp": end, "num_sessions": sessions, "type": "manual"}
    if local_offset is not None:
        # local_timestamp is the watch's wall clock, written as if it were UTC.
        activity["local_timestamp"] = end + local_offset
    encoder.write_mesg(activity)


@dataclass(frozen=True)
class Leg:
    """One part of a multisport activity: its sport (a FIT sport name), minutes and metres."""

    sport: str
    minutes: float
    metres: float


def fit_multisport(start: datetime, legs: list[Leg]) -> bytes:
    """A multisport FIT (a triathlon, say) as a watch writes it: one session per leg,
    transitions included, one after the other, and one activity over them all."""
    encoder = Encoder()
    encoder.write_mesg({"mesg_num": _MESG["FILE_ID"], "type": "activity", "manufacturer": "development",
                        "product": 1, "serial_number": 4242, "time_created": start})
    at = start
    for leg in legs:
        encoder.write_mesg(_session(at, leg.minutes * 60, leg.metres, leg.sport, leg.minutes * 60))
        at += timedelta(minutes=leg.minutes)
    _activity(encoder, at, len(legs), None)
    return encoder.close()


def damaged_after_summary(data: bytes) -> bytes:
    """A FIT file with a record the decoder cannot read (a message of a kind never defined)
    after everything else, under a checksum made right again, as a phone app wrote one."""
    header_size = data[0]
    body = data[header_size:-2] + bytes([0x0F]) + bytes(8)  # local message 15: never defined
    header = bytearray(data[:header_size])
    header[4:8] = len(body).to_bytes(4, "little")
    if header_size == 14:
        header[12:14] = CrcCalculator.calculate_crc(bytes(header), 0, 12).to_bytes(2, "little")
    whole = bytes(header) + body
    return whole + CrcCalculator.calculate_crc(whole, 0, len(whole)).to_bytes(2, "little")


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def write(folder: Path, name: str, data: bytes) -> Path:
    """`data` saved as `folder`/`name` (folders made as needed); the path."""
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


STRAVA_HEADER = [
    "Activity ID", "Activity Date", "Activity Name", "Activity Type", "Activity Description",
    "Elapsed Time", "Distance", "Max Heart Rate", "Relative Effort", "Commute",
    "Activity Private Note", "Activity Gear", "Filename", "Athlete Weight", "Bike Weight",
    "Elapsed Time", "Moving Time", "Distance", "Max Speed", "Type",
]
"""The start of a 2025 export's header, duplicated columns and the later "Type" included."""


def strava_csv(rows: list[tuple[str, str, str, str]], header: list[str] = STRAVA_HEADER) -> str:
    """activities.csv for (activity id, name, type, filename) rows, the rest made up."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for activity_id, name, kind, filename in rows:
        values = {"Activity ID": activity_id, "Activity Date": "May 1, 2024, 6:00:00 AM",
                  "Activity Name": name, "Activity Type": kind, "Filename": filename,
                  "Elapsed Time": "1800", "Distance": "5.40", "Type": "Other"}
        writer.writerow([values.get(column, "") for column in header])
    return out.getvalue()
