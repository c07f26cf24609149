"""What sport a file says its activity was, in GluteUI's few words, and which of them are runs.

Files name sports many ways: FIT's profile ("running", "open_water" swimming), Garmin
Connect's GPX and TCX ("trail_running", "Biking"), Strava's activity types ("TrailRun",
"Stand Up Paddling" in an export's activities.csv) and the numbers Strava once wrote in a
GPX's <type> ("9" for a run). Each is looked up whole first; free text ("Morning jog")
falls back to a few word stems. A file that names no sport at all is UNKNOWN, and one that
names a sport GluteUI has no word for is OTHER: the first is imported as a run (phone apps
often leave the sport out), the second is not.
"""

from __future__ import annotations

import re

RUNNING = "running"
UNKNOWN = "unknown"
"""The file names no sport (FIT's "generic" included)."""
OTHER = "other"
"""The file names a sport that is none of the others here."""
MULTISPORT = "multisport"
SPORTS = (RUNNING, "cycling", "walking", "hiking", "swimming", MULTISPORT, "paddling",
          "rowing", "skiing", "skating", "fitness", OTHER, UNKNOWN)
IMPORTED = frozenset({RUNNING, UNKNOWN})
"""The sports `runs import` takes without --all: runs (trail, treadmill, track and virtual
runs are all RUNNING), and files that do not say."""

# Each word as _key() folds it (lower case, letters and digits only).
_BY_SPORT = {
    RUNNING: (
        # Strava (API names and the export's words), FIT, Garmin Connect.
        "run", "running", "trailrun", "virtualrun", "treadmill", "trailrunning",
        "treadmillrunning", "streetrunning", "trackrunning", "indoorrunning", "virtualrunning",
        "ultrarun", "obstaclerun", "jogging",
    ),
    "cycling": (
        "ride", "ebikeride", "emountainbikeride", "gravelride", "mountainbikeride",
        "virtualride", "velomobile", "handcycle", "cycling", "biking", "ebiking", "roadbiking",
        "mountainbiking", "gravelcycling", "indoorcycling", "trackcycling", "cyclocross",
        "bmx", "recumbentcycling", "downhillbiking",
    ),
    "walking": ("walk", "walking", "casualwalking", "speedwalking", "indoorwalking"),
    "hiking": ("hike", "hiking", "mountaineering", "snowshoe", "snowshoeing"),
    "swimming": ("swim", "swimming", "lapswimming", "openwaterswimming", "openwater"),
    MULTISPORT: ("multisport", "triathlon", "duathlon", "transition", "swimrun"),
    "paddling": (
        "canoe", "canoeing", "kayaking", "standuppaddling", "paddling", "rafting",
        "standuppaddleboarding", "whitewater",
    ),
    "rowing": ("rowing", "virtualrow", "indoorrowing"),
    "skiing": (
        "alpineski", "backcountryski", "nordicski", "rollerski", "snowboard", "alpineskiing",
        "crosscountryskiing", "snowboarding", "backcountryskiing", "resortskiing",
        "resortskiingsnowboarding", "skateskiing", "skiing",
    ),
    "skating": ("iceskate", "inlineskate", "skateboard", "iceskating", "inlineskating"),
    "fitness": (
        "crossfit", "elliptical", "stairstepper", "weighttraining", "workout", "yoga",
        "pilates", "hiit", "highintensityintervaltraining", "fitnessequipment", "training",
        "strengthtraining", "cardio", "indoorcardio", "stairclimbing", "floorclimbing",
    ),
    # Strava's other types: named, so a listing that says one is believed over the file.
    OTHER: (
        "golf", "soccer", "tennis", "badminton", "pickleball", "racquetball", "squash",
        "tabletennis", "rockclimbing", "rockclimb", "sail", "sailing", "surfing", "kitesurf",
        "windsurf", "wheelchair", "other",
    ),
}
_WORDS = {word: sport for sport, words in _BY_SPORT.items() for word in words}
_UNSAID = {"", "generic", "none", "unknown", "uncategorized"}

STRAVA_GPX_CODES = {
    "1": "cycling", "2": "skiing", "3": "skiing", "4": "hiking", "5": "skating",
    "6": "skating", "7": "skiing", "8": "skiing", "9": RUNNING, "10": "walking",
    "11": "fitness", "12": "skiing", "13": "hiking", "14": OTHER, "15": OTHER,
    "16": "swimming", "17": "cycling", "18": "cycling", "19": "cycling", "21": "paddling",
    "22": "paddling", "23": "rowing", "24": "paddling", "25": OTHER, "26": "fitness",
    "27": "fitness", "28": OTHER, "29": "fitness", "30": "fitness", "31": "fitness",
    "51": "cycling", "52": OTHER, "53": RUNNING,
}
"""The activity type ids a Strava GPX export writes in <trk><type>, in Strava's own list
(1 Ride, 2 Alpine Ski, 3 Backcountry Ski, 4 Hike, 5 Ice Skate, 6 Inline Skate, 7 Nordic
Ski, 8 Roller Ski, 9 Run, 10 Walk, 11 Workout, 12 Snowboard, 13 Snowshoe, 14 Kitesurf,
15 Windsurf, 16 Swim, 17 Virtual Ride, 18 E-Bike Ride, 19 Velomobile, 21 Canoe,
22 Kayaking, 23 Rowing, 24 Stand Up Paddling, 25 Surfing, 26 Crossfit, 27 Elliptical,
28 Rock Climbing, 29 Stair-Stepper, 30 Weight Training, 31 Yoga, 51 Handcycle,
52 Wheelchair, 53 Virtual Run). A number not listed is a sport all the same: OTHER."""

# Free text, checked in this order: "Trail Run" is running, "E-Bike Ride" is cycling.
_STEMS = (
    (MULTISPORT, ("triathlon", "duathlon", "multisport")),
    ("swimming", ("swim",)),
    (RUNNING, ("run", "jog")),
    ("cycling", ("ride", "bik", "cycl")),
    ("walking", ("walk",)),
    ("hiking", ("hik",)),
    ("skiing", ("ski", "snowboard")),
    ("paddling", ("paddl", "kayak", "canoe")),
    ("rowing", ("rowing",)),
)


def _key(label: str) -> str:
    return re.sub(r"[\W_]", "", label.casefold())


def sport_of(label: str | None) -> str:
    """One of SPORTS for whatever a file or an export calls the activity: UNKNOWN when it
    names none, OTHER when it names one GluteUI has no word for."""
    if label is None:
        return UNKNOWN
    word = label.strip()
    if word.isdigit():
        return STRAVA_GPX_CODES.get(word.lstrip("0") or "0", OTHER)
    key = _key(word)
    if key in _UNSAID:
        return UNKNOWN
    if key in _WORDS:
        return _WORDS[key]
    for sport, stems in _STEMS:
        if any(stem in key for stem in stems):
            return sport
    return OTHER


def listed_sport(label: str) -> str | None:
    """The sport a Strava export's activities.csv gives, when it is one of Strava's own
    words (in English); None for any other word (an account in another language), so that
    the file's own sport stands."""
    return _WORDS.get(_key(label))


def sport_of_several(labels: list[str | None]) -> str:
    """The sport of one activity whose parts each name one (a FIT file's sessions, say):
    MULTISPORT when they name different sports, not counting the transitions between them
    and the parts that name none."""
    sports = {sport_of(label) for label in labels} - {UNKNOWN}
    if len(sports) > 1:
        sports.discard(MULTISPORT)  # a transition between two legs is no leg of its own
        return MULTISPORT if len(sports) != 1 else sports.pop()
    return sports.pop() if sports else UNKNOWN


def skip_reason(sport: str) -> str | None:
    """Why `runs import` leaves out an activity of `sport` without --all; None if it does not."""
    if sport in IMPORTED:
        return None
    if sport == MULTISPORT:
        return "a multisport session, not a run (--all imports it as one activity)"
    if sport == OTHER:
        return "not a run: the file names another sport (--all imports it)"
    return f"a {sport} activity, not a run (--all imports it)"
