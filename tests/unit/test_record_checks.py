"""Reading a stored session or check-in in one pass (record_checks) takes only what the field
checks take and builds the same record; whatever it does not take, the field checks build
or refuse, naming the field."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gluteui.core.demo import demo_history
from gluteui.core.history import bounds, records
from gluteui.core.history.record_checks import (
    MAX_DURATION_S,
    MAX_HOLD_S,
    sound_checkin,
    sound_session,
)
from gluteui.core.history.records import Checkin, Session
from gluteui.core.scales import MAX_CHECKIN_SCORE
from gluteui.core.values import MAX_COUNT
from tests.unit.history_kit import START
from tests.unit.history_strategies import paths, tokens, with_token

SESSION = Session(
    id="s1", local_date=START.date(), started_at=START, routine_id="standard", planned_reps=40,
    done_reps=38, reps={"clamshell": {"left": 10, "right": 9}, "bridge": {"both": 19}}, duration_s=300.0,
    source="app", feel={"clamshell": "yes"}, pain={"bridge": "easier"},
    hurt={"bridge": {"where": "lower_back", "side": "both"}}, easier={"bridge": "feet closer in"},
    dose={"bridge": {"rung": "two_leg", "add_reps": 2, "add_hold_s": 1.5, "planned": 20}},
    declined=("clamshell:up",), planned={"clamshell": {"left": 10, "right": 10}, "bridge": {"both": 20}},
    skipped={"bridge": {"both": 1}}, shortened={"clamshell": {"right": 1}}, pauses=2, paused_s=41.5,
    note="Left hip tight; eased off after the first set.",
).to_dict()
CHECKIN = Checkin("c1", START.date(), 3, START, run_id="r1", hamstrings=2).to_dict()
EDGES = [
    str(number) for limit in (MAX_CHECKIN_SCORE, MAX_HOLD_S, MAX_DURATION_S, MAX_COUNT)
    for number in (limit, limit + 1, limit + 0.5, float(limit))
] + ["-1", "-0.0", "0", "0.0", "true", "null", '""', '" "', '"x"', "[]", "{}", '["x"]', '{"x": 1}',
     '"1970-01-01"', '"2199-12-31"', '"1969-12-31"', '"2200-01-01"', '"2024-12-01T10:15:00"',
     '"1970-01-01T00:00:00+00:00"', '"2199-12-31T23:59:59+00:00"', '"2199-12-31T23:59:59-01:00"']
"""The bounds of each field, where a check one off would let a value through, and each type."""
CASES = [("session", path) for path in paths(SESSION)] + [("checkin", path) for path in paths(CHECKIN)]


def field_by_field(build: Callable[[Any], Any], doc: Any) -> Any:
    """What `build` (a from_dict) makes of `doc` with the one pass turned off: the record, or
    the ValueError's message."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(records, "sound_session", lambda doc: None)
        patch.setattr(records, "sound_checkin", lambda doc: None)
        try:
            return build(doc)
        except ValueError as error:
            return str(error)


def check_one_pass(kind: str, path: tuple, token: str) -> None:
    """The document with `token` at `path`: the one pass takes it only if the field checks
    do, and then builds the same record; else from_dict gives what they give."""
    record, one_pass = (Session, sound_session) if kind == "session" else (Checkin, sound_checkin)
    try:
        doc = bounds.loads(with_token(SESSION if kind == "session" else CHECKIN, path, token))
    except ValueError:
        return  # not JSON: never reaches a record
    fields = one_pass(doc)
    expected = field_by_field(record.from_dict, doc)
    if fields is None:
        if isinstance(expected, str):
            with pytest.raises(ValueError, match=r"field|must be"):
                record.from_dict(doc)
        else:
            assert record.from_dict(doc) == expected
        return
    built = record(**fields)  # its __post_init__ runs every field check: none may fail
    assert built == expected == record.from_dict(doc), (path, token)


def test_at_every_bound_of_every_field_the_one_pass_takes_only_what_the_field_checks_take() -> None:
    for kind, path in CASES:
        for token in EDGES:
            check_one_pass(kind, path, token)


@given(st.sampled_from(CASES), tokens)
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(("session", ("duration_s",)), "300")  # a whole number of seconds reads as a float
@example(("session", ("local_date",)), '"20241201"')  # another ISO spelling
@example(("session", ("routine_id",)), '"\\ud800"')
def test_hostile_values_anywhere_are_taken_by_the_one_pass_only_if_the_field_checks_take_them(
    case: tuple[str, tuple], token: str
) -> None:
    check_one_pass(*case, token)


def test_every_field_a_session_can_hold_is_read_in_one_pass() -> None:
    # The speed of a long history's read depends on its documents going this way.
    assert sound_session(SESSION) is not None
    assert sound_checkin(CHECKIN) is not None
    assert sound_checkin({**CHECKIN, "run_id": None}) is not None
    for table, docs in (("sessions", demo_docs()["sessions"]), ("checkins", demo_docs()["checkins"])):
        one_pass = sound_session if table == "sessions" else sound_checkin
        assert all(one_pass(doc) is not None for doc in docs), table


def demo_docs() -> dict[str, list[dict]]:
    from gluteui import locations
    from gluteui.core.content.load import load_content

    history = demo_history(load_content(locations.content_dir()), date(2026, 11, 26), days=60)
    return {"sessions": [s.to_dict() for s in history.sessions], "checkins": [c.to_dict() for c in history.checkins]}


@pytest.mark.parametrize(("field", "value", "named"), [
    ("routine_id", "bridge \u00e9", None),  # text beyond ASCII: the field checks take it
    ("started_at", "2199-12-31T23:00:00+00:00", None),  # the last year allowed
    ("started_at", "1970-01-01T00:30:00+01:00", "started_at"),  # 1969 in UTC
    ("reps", {"bridge": {"both": True}}, "reps.bridge.both"),
    ("dose", {"bridge": {"rung": "x", "add_reps": 0, "planned": 1}}, "dose.bridge.add_hold_s"),
    ("hurt", {"bridge": {"where": "knee", "side": "both"}}, "hurt.bridge.where"),
    ("declined", "bridge:up", "declined"),
    ("duration_s", float("nan"), "duration_s"),
    ("note", "Hips \u00e9 fine", None),  # a note beyond ASCII: the field checks take it
    ("note", "two\nlines", "note"),
    ("note", "\x1b[31mred", "note"),
    ("note", "x" * 281, "note"),
    ("paused_s", -1.0, "paused_s"),
    ("skipped", {"bridge": {"front": 1}}, "skipped.bridge"),
])
def test_what_the_one_pass_leaves_is_built_or_refused_naming_the_field(field: str, value: Any, named: str | None) -> None:
    doc = {**SESSION, field: value}
    assert sound_session(doc) is None
    if named is None:
        assert getattr(Session.from_dict(doc), field) == (datetime.fromisoformat(value) if field == "started_at" else value)
    else:
        with pytest.raises(ValueError, match=f"field '{named}'"):
            Session.from_dict(doc)


def test_a_missing_field_is_named() -> None:
    doc = {key: value for key, value in SESSION.items() if key != "feel"}
    with pytest.raises(ValueError, match="field 'feel' is missing"):
        Session.from_dict(doc)


def test_records_read_in_one_pass_match_those_built_field_by_field() -> None:
    moment = datetime(2026, 3, 29, 1, 30, tzinfo=timezone(timedelta(hours=-5)))
    doc = json.loads(json.dumps({**SESSION, "started_at": moment.isoformat(), "duration_s": 300}))
    read = Session.from_dict(doc)
    assert read == field_by_field(Session.from_dict, doc)
    assert read.started_at == moment and read.duration_s == 300.0 and type(read.duration_s) is float
