"""The checks on what a session keeps of how it went, beyond the reps done: the reps planned
per side, the sets skipped or ended early, the pauses and the note.

Every one is optional (older sessions have none), checked the two ways record_checks checks
a session: field by field, naming the field, and in one plain pass that says None to
anything the field checks might refuse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from gluteui.core.history.notes import MAX_NOTE, check_note
from gluteui.core.sides import SIDES, UNSIDED
from gluteui.core.values import MAX_COUNT, choice, fail, mapping, whole

if TYPE_CHECKING:
    from gluteui.core.history.records import Session

SIDE_KEYS = (*SIDES, UNSIDED)
COUNTED = ("planned", "skipped", "shortened")
"""The fields shaped as `reps` is: exercise id -> "left" / "right" / "both" -> a count."""
MAX_PAUSED_S = 24 * 3600
"""No pause lasts a day; a longer one is a damaged or hostile entry."""


def check_counts(name: str, value: Any) -> None:
    """Raise ValueError naming the first place in the field `name` (shaped as a session's
    `reps`: exercise id -> side -> count) that holds what none may."""
    for exercise, sides in mapping(name, value).items():
        if not isinstance(sides, dict):
            raise fail(f"{name}.{exercise}", "must be an object", sides)
        for side, count in sides.items():
            choice(f"{name}.{exercise}", side, SIDE_KEYS)
            whole(f"{name}.{exercise}.{side}", count)


def check_session_record(session: Session) -> None:
    """Raise ValueError naming the first of these fields of `session` that holds what none may."""
    for name in COUNTED:
        check_counts(name, getattr(session, name))
    whole("pauses", session.pauses)
    paused = session.paused_s
    if not isinstance(paused, (int, float)) or isinstance(paused, bool) or not 0 <= paused <= MAX_PAUSED_S:
        raise fail("paused_s", f"must be a number of seconds from 0 to {MAX_PAUSED_S}", paused)
    check_note("note", session.note)


_ABSENT: Any = object()
"""A field the document does not have (null is a value, and a wrong one)."""


def sound_counts(found: Any) -> bool:
    """Whether `found` is plainly a sound field shaped as `reps` (check_counts would pass it)."""
    if type(found) is not dict:
        return False
    for sides in found.values():
        if type(sides) is not dict:
            return False
        for side, count in sides.items():
            if side not in SIDE_KEYS or type(count) is not int or not 0 <= count <= MAX_COUNT:
                return False
    return True


def sound_session_record(doc: dict[str, Any]) -> dict[str, Any] | None:
    """These fields of the Session a stored document describes, converted and checked, when
    plainly sound; None when they may not be (see record_checks)."""
    get = doc.get
    # Older files have none of these: nothing was planned per side, skipped, paused or noted.
    # Each is looked at only when there (a long history is thousands of sessions).
    planned, skipped, shortened = get("planned", _ABSENT), get("skipped", _ABSENT), get("shortened", _ABSENT)
    pauses, paused, note = get("pauses", 0), get("paused_s", 0.0), get("note", "")
    if type(paused) is int and 0 <= paused <= MAX_PAUSED_S:
        paused = float(paused)  # JSON has one number type
    # Only an ASCII note is plainly sound: other text takes the field check's closer look.
    if ((planned is not _ABSENT and not sound_counts(planned)) or (skipped is not _ABSENT and not sound_counts(skipped))
            or (shortened is not _ABSENT and not sound_counts(shortened))
            or type(pauses) is not int or not 0 <= pauses <= MAX_COUNT
            or type(paused) is not float or not 0 <= paused <= MAX_PAUSED_S
            or type(note) is not str or (note and (len(note) > MAX_NOTE or not note.isascii()
                                                  or not note.isprintable()))):
        return None
    return {"planned": {} if planned is _ABSENT else planned, "skipped": {} if skipped is _ABSENT else skipped,
            "shortened": {} if shortened is _ABSENT else shortened, "pauses": pauses, "paused_s": paused,
            "note": note}


def session_record_to_dict(session: Session) -> dict[str, Any]:
    """These fields as JSON-able data, each left out when nothing of the kind happened, so
    that an older GluteUI reads the session as it always did."""
    data: dict[str, Any] = {}
    for name in COUNTED:
        found: dict[str, dict[str, int]] = getattr(session, name)
        if found:
            data[name] = {exercise: dict(sides) for exercise, sides in found.items()}
    if session.pauses or session.paused_s:
        data["pauses"] = session.pauses
        data["paused_s"] = session.paused_s
    if session.note:
        data["note"] = session.note
    return data


def session_record_from_dict(data: dict[str, Any]) -> dict[str, Any]:
    """These fields of a stored document as Session's arguments (checked once it is built);
    what is missing is what an older file holds: nothing of the kind."""
    paused = data.get("paused_s", 0.0)
    return {
        "planned": data.get("planned", {}), "skipped": data.get("skipped", {}),
        "shortened": data.get("shortened", {}), "pauses": data.get("pauses", 0),
        # (float() of a huge int overflows; the check refuses it as it is.)
        "paused_s": float(paused) if type(paused) is int and paused < 2**53 else paused,
        "note": data.get("note", ""),
    }
