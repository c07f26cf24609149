"""What a stored session may hold, checked two ways: field by field, naming the first field
that is wrong (`check_session`), and in one plain pass over a stored document
(`sound_session`; `sound_checkin` for a check-in).

Ten years of history is ~11,000 sessions and ~2,000 check-ins, every one built at launch.
Checked field by field they cost twice what parsing the file does; the one pass accepts only
documents the field checks accept, as plainly as Python allows (`type() is`, few calls),
and returns None for anything else, odd but valid or wrong, which is then built and checked
field by field.

The one pass keeps the objects the file was parsed into (a session's reps, feel, dose...)
rather than copying them: copying cost as much again as checking. That is safe because
nothing changes a parsed document in place (a change to the tables replaces the whole
document: tables.apply_changes) and records are read-only.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from gluteui.core.history.session_record import check_counts, check_session_record, sound_counts, sound_session_record
from gluteui.core.pain import PLACES
from gluteui.core.scales import MAX_CHECKIN_SCORE
from gluteui.core.sides import SIDES, UNSIDED
from gluteui.core.values import (
    FIRST_DAY,
    LAST_DAY,
    MAX_COUNT,
    MAX_TEXT,
    aware,
    choice,
    fail,
    mapping,
    plain_date,
    text,
    whole,
)

if TYPE_CHECKING:
    from gluteui.core.history.records import Session

SOURCES = ("app", "log", "demo", "import")
FEELS = ("yes", "no", "unsure", "hurt")
MAX_HOLD_S = 60
"""Seconds added to a hold: content caps it far lower; more is a damaged entry."""
MAX_DURATION_S = 24 * 3600
"""No routine lasts a day; a longer one is a damaged or hostile entry."""
PAIN = ("easier", "skipped", "carried on")
"""What the user chose after pressing "it hurts" during an exercise. The choices the dialog
has since gained are kept as these (stopping the routine is "skipped", staying paused
"carried on"), so an older GluteUI sharing the file still reads every session."""
HURT_PLACES = tuple(PLACES)
HURT_SIDES = (*SIDES, UNSIDED)


def check_session(session: Session) -> None:
    """Raise ValueError naming the first field of `session` that holds what no session may."""
    text("id", session.id)
    plain_date("local_date", session.local_date)
    aware("started_at", session.started_at)
    text("routine_id", session.routine_id)
    whole("planned_reps", session.planned_reps)
    whole("done_reps", session.done_reps)
    check_counts("reps", session.reps)
    duration = session.duration_s
    if (not isinstance(duration, (int, float)) or isinstance(duration, bool)
            or not 0 <= duration <= MAX_DURATION_S):
        raise fail("duration_s", f"must be a number of seconds from 0 to {MAX_DURATION_S}", duration)
    choice("source", session.source, SOURCES)
    for exercise, answer in mapping("feel", session.feel).items():
        choice(f"feel.{exercise}", answer, FEELS)
    for exercise, done in mapping("pain", session.pain).items():
        choice(f"pain.{exercise}", done, PAIN)
    for exercise, found in mapping("hurt", session.hurt).items():
        report = mapping(f"hurt.{exercise}", found)
        choice(f"hurt.{exercise}.where", report.get("where"), HURT_PLACES)
        choice(f"hurt.{exercise}.side", report.get("side"), HURT_SIDES)
    for exercise, words in mapping("easier", session.easier).items():
        text(f"easier.{exercise}", words)
    for ladder, found in mapping("dose", session.dose).items():
        record = mapping(f"dose.{ladder}", found)
        text(f"dose.{ladder}.rung", record.get("rung"))
        whole(f"dose.{ladder}.add_reps", record.get("add_reps"))
        whole(f"dose.{ladder}.planned", record.get("planned"))
        hold = record.get("add_hold_s")
        if not isinstance(hold, (int, float)) or isinstance(hold, bool) or not 0 <= hold <= MAX_HOLD_S:
            raise fail(f"dose.{ladder}.add_hold_s", f"must be a number of seconds from 0 to {MAX_HOLD_S}", hold)
    if not isinstance(session.declined, tuple):
        raise fail("declined", "must be a list", session.declined)
    for key in session.declined:
        text("declined", key)
    check_session_record(session)


# The one pass: each helper says no (None, False) to anything the field checks might refuse.


def _plain_text(value: Any) -> bool:
    # ASCII only: other text needs values.text's check for lone surrogates. A string of only
    # whitespace is what text() strips to nothing; isspace() is False for "".
    return type(value) is str and value.isascii() and 0 < len(value) <= MAX_TEXT and not value.isspace()


def _count(value: Any) -> bool:
    return type(value) is int and 0 <= value <= MAX_COUNT


def _day(value: Any) -> date | None:
    if type(value) is not str:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return None
    return day if FIRST_DAY <= day <= LAST_DAY else None


def _moment(value: Any) -> datetime | None:
    if type(value) is not str:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    # Inside the bounding years, whatever the offset; a moment in one of them goes the slow way.
    if moment.tzinfo is None or not FIRST_DAY.year < moment.year < LAST_DAY.year:
        return None
    return moment


def _choices(found: Any, allowed: tuple[str, ...]) -> bool:
    """Whether `found` is an object whose every value is one of `allowed`."""
    if type(found) is not dict:
        return False
    for value in found.values():
        if value not in allowed:
            return False
    return True


def _dose(found: Any) -> bool:
    if type(found) is not dict:
        return False
    for record in found.values():
        if type(record) is not dict:
            return False
        get = record.get
        rung, add_reps, planned, hold = get("rung"), get("add_reps"), get("planned"), get("add_hold_s")
        # Inline, not _plain_text and _count: a session holds a dose per move.
        if not (type(rung) is str and rung.isascii() and 0 < len(rung) <= MAX_TEXT and not rung.isspace()
                and type(add_reps) is int and 0 <= add_reps <= MAX_COUNT
                and type(planned) is int and 0 <= planned <= MAX_COUNT
                and (type(hold) is float or type(hold) is int) and 0 <= hold <= MAX_HOLD_S):
            return False
    return True


def _hurt(found: Any) -> bool:
    if type(found) is not dict:
        return False
    for report in found.values():
        if (type(report) is not dict or report.get("where") not in HURT_PLACES
                or report.get("side") not in HURT_SIDES):
            return False
    return True


def _easier(found: Any) -> bool:
    if type(found) is not dict:
        return False
    for words in found.values():
        if not _plain_text(words):
            return False
    return True


def sound_session(doc: Any) -> dict[str, Any] | None:
    """Every field of the Session a stored document describes, converted and checked, when
    the document is plainly sound; None when it may not be (see the module's note)."""
    try:
        ident, routine_id, planned, done = doc["id"], doc["routine_id"], doc["planned_reps"], doc["done_reps"]
        duration, source, reps, feel = doc["duration_s"], doc["source"], doc["reps"], doc["feel"]
        local_date, started_at = _day(doc["local_date"]), _moment(doc["started_at"])
    except (KeyError, TypeError):  # no object, or a field missing: the slow way names it
        return None
    kind = type(duration)
    if kind is int and 0 <= duration <= MAX_DURATION_S:
        duration = float(duration)  # JSON has one number type: a whole number of seconds is one
    elif kind is not float or not 0 <= duration <= MAX_DURATION_S:  # NaN fails both comparisons
        return None
    if (local_date is None or started_at is None or source not in SOURCES or not _plain_text(ident)
            or not _plain_text(routine_id) or not _count(planned) or not _count(done)
            or not sound_counts(reps) or not _choices(feel, FEELS)):
        return None
    # Older files have none of these: nothing of the kind happened.
    pain, hurt, easier, dose = doc.get("pain", {}), doc.get("hurt", {}), doc.get("easier", {}), doc.get("dose", {})
    declined = doc.get("declined", [])
    if (not _choices(pain, PAIN) or not _dose(dose) or not _hurt(hurt) or not _easier(easier)
            or type(declined) is not list or not all(map(_plain_text, declined))):
        return None
    record = sound_session_record(doc)
    if record is None:
        return None
    return {
        "id": ident, "local_date": local_date, "started_at": started_at, "routine_id": routine_id,
        "planned_reps": planned, "done_reps": done, "reps": reps, "duration_s": duration, "source": source,
        "feel": feel, "pain": pain, "hurt": hurt, "easier": easier, "dose": dose, "declined": tuple(declined),
        **record,
    }


def sound_checkin(doc: Any) -> dict[str, Any] | None:
    """Every field of the Checkin a stored document describes, when plainly sound (as
    sound_session)."""
    if type(doc) is not dict:
        return None
    get = doc.get
    local_date, recorded_at, score, run_id = _day(get("local_date")), _moment(get("recorded_at")), get("score"), get("run_id")
    hamstrings = get("hamstrings")
    if (local_date is None or recorded_at is None or not _plain_text(get("id"))
            or type(score) is not int or not 0 <= score <= MAX_CHECKIN_SCORE
            or (run_id is not None and not _plain_text(run_id))
            or (hamstrings is not None and (type(hamstrings) is not int or not 0 <= hamstrings <= MAX_CHECKIN_SCORE))):
        return None
    return {"id": doc["id"], "local_date": local_date, "score": score, "recorded_at": recorded_at, "run_id": run_id,
            "hamstrings": hamstrings}
