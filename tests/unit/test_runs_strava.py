"""A Strava bulk export: the files give the runs, activities.csv their names and types."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from gluteui.core.runs.errors import FileRuns, RunFileError
from gluteui.core.runs.folder import read_paths
from gluteui.core.runs.record import Run
from gluteui.core.runs.strava import Listed, read_listing
from tests.unit.run_files import UTC, fit, gpx, gzipped, strava_csv, tcx, track, write

START = datetime(2024, 5, 1, 6, 0, tzinfo=UTC)
GERMAN_HEADER = [
    "Aktivitäts-ID", "Aktivitätsdatum", "Name der Aktivität", "Aktivitätsart",
    "Aktivitätsbeschreibung", "Verstrichene Zeit", "Distanz", "Dateiname",
]
OLD_HEADER = ["id", "date", "name", "type", "description", "elapsed_time", "distance", "filename"]


def make_export(folder: Path) -> Path:
    """An export of a run (GPX.gz), a ride (FIT.gz), a treadmill run (TCX) and a hand-entered run."""
    write(folder, "activities/101.gpx.gz", gzipped(gpx(track(START, name="Morning Run", sport=""))))
    write(folder, "activities/102.fit.gz", gzipped(fit(track(START + timedelta(days=1), sport="cycling"))))
    write(folder, "activities/103.tcx", tcx(track(START + timedelta(days=2))))
    rows = [
        ("101", "Easy loop by the canal", "Run", "activities/101.gpx.gz"),
        ("102", "Commute", "Ride", "activities/102.fit.gz"),
        ("103", "Treadmill, hills", "Virtual Run", "activities/103.tcx"),
        ("104", "Run I forgot the watch for", "Run", ""),
    ]
    (folder / "activities.csv").write_text(strava_csv(rows), encoding="utf-8")
    write(folder, "media/photo.jpg", b"\xff\xd8 not a run")
    return folder


def runs(entries) -> dict[str, Run]:
    return {run.source: run for _path, read in entries if isinstance(read, FileRuns) for run in read.runs}


def test_an_export_gives_each_file_the_name_and_type_the_runner_gave_it_on_strava(tmp_path: Path):
    read = runs(read_paths([make_export(tmp_path / "export")]))
    assert sorted(read) == ["activities/101.gpx.gz", "activities/102.fit.gz", "activities/103.tcx"]
    assert read["activities/101.gpx.gz"].name == "Easy loop by the canal"
    # The GPX had no type; Strava's listing knows it was a run.
    assert read["activities/101.gpx.gz"].sport == "running"
    assert (read["activities/102.fit.gz"].name, read["activities/102.fit.gz"].sport) == ("Commute", "cycling")
    assert read["activities/103.tcx"].sport == "running"


def test_an_export_inside_the_folder_given_is_found_and_sources_start_at_that_folder(tmp_path: Path):
    make_export(tmp_path / "Downloads" / "export_123")
    read = runs(read_paths([tmp_path / "Downloads"]))
    assert read["export_123/activities/101.gpx.gz"].name == "Easy loop by the canal"


def test_a_file_the_listing_names_but_the_folder_lacks_is_reported(tmp_path: Path):
    export = make_export(tmp_path)
    (export / "activities" / "103.tcx").unlink()
    reasons = {path: why for path, why in read_paths([export]) if isinstance(why, str)}
    assert reasons == {export / "activities" / "103.tcx": "listed in activities.csv but not in the folder"}


def test_a_damaged_listing_is_one_reason_and_the_files_are_still_read(tmp_path: Path):
    export = make_export(tmp_path)
    (export / "activities.csv").write_bytes(b"\xff\xfe not utf-8 \x00")
    entries = list(read_paths([export]))
    assert (export / "activities.csv", "activities.csv is not UTF-8 text") in entries
    read = runs(entries)
    assert len(read) == 3 and read["activities/101.gpx.gz"].name == "Morning Run"


@pytest.mark.parametrize("header", [GERMAN_HEADER, OLD_HEADER])
def test_older_and_translated_headers_are_understood(header: list[str]):
    row = ["1", "2024-05-01 06:00:00", "Lauf am Morgen", "Run", "", "1800", "5400.0", "activities/1.fit.gz"]
    text = ",".join(header) + "\n" + ",".join(row) + "\n"
    assert read_listing(text) == {"activities/1.fit.gz": Listed("Lauf am Morgen", "running")}


def test_an_unknown_header_still_finds_the_file_column_by_its_values():
    text = "Identifiant,Nom,Fichier\n1,Sortie,activities/1.gpx\n2,Manuel,\n"
    assert read_listing(text) == {"activities/1.gpx": Listed("", None)}


def test_the_later_type_column_is_not_taken_for_the_activity_type():
    listing = read_listing(strava_csv([("1", "Hill reps", "Run", "activities/1.gpx")]))
    assert listing["activities/1.gpx"].sport == "running"  # the later "Type" column says Other


@pytest.mark.parametrize(("text", "why"), [
    ("", "activities.csv is empty"),
    ("Activity ID,Activity Name\n1,Run\n", "activities.csv has no Filename column"),
])
def test_a_listing_that_cannot_be_used_says_why(text: str, why: str):
    with pytest.raises(RunFileError, match=why):
        read_listing(text)
