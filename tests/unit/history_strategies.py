"""Generated input for the history tests: raw tables for merging, hostile JSON for reading."""

from __future__ import annotations

import copy
import json
from datetime import datetime, timedelta
from typing import Any

from hypothesis import strategies as st

from gluteui.core.health import HEALTH_QUESTION_IDS
from gluteui.core.history import tables
from tests.unit.history_kit import START, UTC, export_doc, session

# Raw tables, as a data file holds them.

DAYS = ["2024-11-01", "2024-11-02", "2024-11-03"]
LESSONS = ["why-glutes", "hips", "breath"]
SESSIONS = ["s1", "s2", "s3"]
KEYS = {"sessions": SESSIONS, "rest_days": DAYS, "lesson_reads": LESSONS}
STAMPS = [tables.stamp(START + timedelta(minutes=m)) for m in range(4)]
# What a hand edit or another program might leave as a stamp: other spellings of the same
# moments, text that is no date, none at all (a file from before stamps).
ODD_STAMPS = [*STAMPS, "2024-12-01T10:15:00+00:00", "2024-12-01T11:16:00+01:00", "soon",
              tables.EPOCH, None]


def stamped(doc: dict, stamp: str | None) -> dict:
    return doc if stamp is None else {**doc, tables.STAMP: stamp}


def record(table: str, key: str, variant: int) -> dict:
    if table == "sessions":
        return session(key, done=variant).to_dict()
    return {tables.RECORD_KEYS[table]: key}


def raw_tables(stamps: list) -> st.SearchStrategy[dict]:
    """Raw tables as a file holds them: records, tombstones and stamped settings, with
    duplicates of one key allowed (a hand edit)."""
    entry = st.tuples(st.sampled_from(sorted(KEYS)), st.integers(0, 2), st.booleans(),
                      st.integers(1, 3), st.sampled_from(stamps))
    setting = st.tuples(st.sampled_from(["nord", "gruvbox", 4]), st.sampled_from(stamps))

    def build(entries: list, settings_: dict) -> dict:
        found = tables.fresh_tables()
        for table, index, grave, variant, stamp in entries:
            key = KEYS[table][index]
            if grave:
                doc = {"id": tables.tombstone_id(table, key), "table": table, "key": key}
                found[tables.REMOVED][str(len(found[tables.REMOVED]) + 1)] = stamped(doc, stamp)
            else:
                found[table][str(len(found[table]) + 1)] = stamped(record(table, key, variant), stamp)
        if settings_:
            found["settings"]["1"] = {key: value for key, (value, _) in settings_.items()}
            found[tables.SETTINGS_CHANGED]["1"] = {key: stamp for key, (_, stamp) in settings_.items()
                                                  if stamp is not None}
        return found

    return st.builds(build, st.lists(entry, max_size=8),
                     st.dictionaries(st.sampled_from(["theme", "colour"]), setting, max_size=2))


realistic = raw_tables(STAMPS + [None])
hand_edited = raw_tables(ODD_STAMPS)
any_tables = st.one_of(realistic, hand_edited)


def one_setting(value: object, stamp: str) -> dict:
    found = tables.fresh_tables()
    found["settings"]["1"], found[tables.SETTINGS_CHANGED]["1"] = {"theme": value}, {"theme": stamp}
    return found


def one_removal(stamp: str | None) -> dict:
    found = tables.fresh_tables()
    grave = {"id": f"rest_days/{DAYS[0]}", "table": "rest_days", "key": DAYS[0]}
    found[tables.REMOVED]["1"] = stamped(grave, stamp)
    return found


def moment(value: object) -> datetime:
    try:
        found = datetime.fromisoformat(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return datetime.fromisoformat(tables.EPOCH)
    return found if found.utcoffset() is not None else found.replace(tzinfo=UTC)


# Hostile JSON.


def full_export() -> dict[str, Any]:
    return export_doc(
        sessions=[session("s1").to_dict()],
        rest_days=["2024-12-02"],
        checkins=[{"id": "c1", "local_date": "2024-12-01", "score": 3, "recorded_at": START.isoformat()}],
        quiz_results=[{"id": "q1", "local_date": "2024-12-01", "taken_at": START.isoformat(),
                       "scores": {"left": 3, "right": 5}, "verdict": "left lags", "weaker_side": "left",
                       "red_flag": False}],
        lessons_read=["why-glutes"],
        settings={"weekly_target": 4, "theme": "nord", "health_answers": dict.fromkeys(HEALTH_QUESTION_IDS, False)},
    )


HOLE, KEY_HOLE = "\u0000hole\u0000", "\u0000key\u0000"
NEW_KEY = object()
EXTREMES = [
    "1" + "0" * 5000, "-" + "9" * 5000, "1e400", "-1e400", "NaN", "Infinity", "-1", "0", "1.5",
    "true", "null", '""', '" "', '"\\ud800"', '"\\udfff x"', '"\\u0000"', '"' + "x" * 100_000 + '"',
    '"0001-01-01"', '"9999-12-31"', '"0001-01-01T00:00:00+00:00"', '"9999-12-31T23:59:59-14:00"',
    "[" * 100_000 + "]" * 100_000, '{"a":' * 100_000 + "1" + "}" * 100_000,
    "[" * 30 + "]" * 30, "[" * 900 + "]" * 900, '{"a":' * 9 + "1" + "}" * 9, "[]", "{}", "[1,",
]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=10,
)
tokens = st.sampled_from(EXTREMES) | json_values.map(json.dumps)


def paths(value: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in `value` a hostile value could go, and one new key in each object."""
    found = [prefix]
    if isinstance(value, dict):
        found.append((*prefix, NEW_KEY))
        for key, child in value.items():
            found += paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            found += paths(child, (*prefix, index))
    return found


def with_token(value: Any, path: tuple, token: str) -> str:
    """`value` as JSON text with `token` (JSON text, perhaps broken) at `path`."""
    if not path:
        return token
    value = copy.deepcopy(value)
    parent = value
    for step in path[:-1]:
        parent = parent[step]
    parent[KEY_HOLE if path[-1] is NEW_KEY else path[-1]] = HOLE
    key = token if token.startswith('"') else '"new"'  # a text token is a key too
    return json.dumps(value).replace(json.dumps(HOLE), token).replace(json.dumps(KEY_HOLE), key)
