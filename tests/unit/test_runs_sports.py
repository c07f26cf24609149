"""What sport a file says its activity was, and which ones an import takes without --all:
every way files, Strava and watches name a sport lands on one of GluteUI's words."""

from __future__ import annotations

import pytest

from gluteui.core.runs.sports import (
    IMPORTED,
    SPORTS,
    STRAVA_GPX_CODES,
    listed_sport,
    skip_reason,
    sport_of,
    sport_of_several,
)

RUNS = [
    # Strava's API types, its export's words, FIT's profile and Garmin Connect's GPX types.
    "Run", "TrailRun", "VirtualRun", "Trail Run", "Virtual Run", "running", "trail_running",
    "treadmill_running", "indoor_running", "9", "53", "Morning jog",
]
NOT_RUNS = {
    "Swim": "swimming", "swimming": "swimming", "open_water_swimming": "swimming", "16": "swimming",
    "lap_swimming": "swimming", "Ride": "cycling", "E-Bike Ride": "cycling", "VirtualRide": "cycling",
    "Biking": "cycling", "1": "cycling", "17": "cycling", "Walk": "walking", "10": "walking",
    "Hike": "hiking", "hiking": "hiking", "4": "hiking", "multisport": "multisport",
    "Triathlon": "multisport", "paddling": "paddling", "Stand Up Paddling": "paddling",
    "Kayaking": "paddling", "Rowing": "rowing", "indoor_rowing": "rowing", "23": "rowing",
    "Alpine Ski": "skiing", "NordicSki": "skiing", "cross_country_skiing": "skiing",
    "fitness_equipment": "fitness", "Workout": "fitness", "Weight Training": "fitness",
    "Yoga": "fitness", "Crossfit": "fitness", "Golf": "other", "Other": "other",
    "Quidditch": "other", "999": "other",
}


@pytest.mark.parametrize("label", RUNS)
def test_every_kind_of_run_is_a_run(label: str):
    assert sport_of(label) == "running"


@pytest.mark.parametrize(("label", "sport"), NOT_RUNS.items())
def test_a_sport_a_file_names_is_kept_as_that_sport(label: str, sport: str):
    assert sport_of(label) == sport
    assert sport not in IMPORTED


@pytest.mark.parametrize("label", [None, "", "  ", "generic", "Unknown"])
def test_a_file_that_names_no_sport_is_unknown_and_imported_as_a_run(label):
    assert sport_of(label) == "unknown"
    assert "unknown" in IMPORTED and skip_reason("unknown") is None


def test_every_strava_gpx_code_is_one_of_gluteuis_sports_and_only_run_codes_are_runs():
    assert set(STRAVA_GPX_CODES.values()) <= set(SPORTS)
    assert {code for code, sport in STRAVA_GPX_CODES.items() if sport == "running"} == {"9", "53"}


def test_a_multisport_file_is_multisport_but_one_sport_with_transitions_is_that_sport():
    assert sport_of_several(["swimming", "transition", "cycling", "transition", "running"]) == "multisport"
    assert sport_of_several(["cycling", "running"]) == "multisport"
    assert sport_of_several(["running", "transition"]) == "running"
    assert sport_of_several(["running", None, "generic"]) == "running"
    assert sport_of_several([None]) == sport_of_several([]) == "unknown"


def test_a_listing_word_in_another_language_leaves_the_files_own_sport():
    assert listed_sport("Swim") == "swimming" and listed_sport("Trail Run") == "running"
    assert listed_sport("Golf") == "other"
    assert listed_sport("Lauf") is None and listed_sport("Schwimmen") is None


def test_each_skip_reason_says_what_it_was_and_how_to_keep_it():
    assert skip_reason("swimming") == "a swimming activity, not a run (--all imports it)"
    assert skip_reason("multisport") == "a multisport session, not a run (--all imports it as one activity)"
    assert "another sport" in skip_reason("other")
    assert skip_reason("running") is None
