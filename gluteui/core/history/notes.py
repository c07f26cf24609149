"""A session's note: one line of the user's own words, kept with the session.

One line, so that it shows as a line on Progress and in a terminal; no control characters,
so that it can never act on the terminal it is shown in (a file edited by hand, or pasted
text, could hold escape codes).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import TYPE_CHECKING, Any

from gluteui.core.text import is_printable
from gluteui.core.values import fail

if TYPE_CHECKING:
    from gluteui.core.history.records import Session

MAX_NOTE = 280
"""Characters a note may hold: a line or two, not a diary."""


def note_problem(note: str) -> str | None:
    """Why `note` cannot be kept as a session's note, in words for the user; None when it can."""
    if len(note) > MAX_NOTE:
        return f"is {len(note)} characters long; a note holds at most {MAX_NOTE}"
    if not is_printable(note):
        return "must be one line, without control characters"
    return None


def clean_note(note: str) -> str:
    """`note` as typed, without the spaces around it; ValueError says why it cannot be kept."""
    note = note.strip()
    problem = note_problem(note)
    if problem is not None:
        raise ValueError(f"the note {problem}")
    return note


def check_note(name: str, value: Any) -> str:
    """`value` as a stored note (empty: no note); ValueError names `name` when it cannot be one."""
    if not isinstance(value, str):
        raise fail(name, "must be text", value)
    problem = note_problem(value)
    if problem is not None:
        raise fail(name, problem, value)
    return value


def latest_on(sessions: Iterable[Session], day: date) -> Session | None:
    """The session of `day` that a note written afterwards is about: the last one started."""
    return max((s for s in sessions if s.local_date == day), key=lambda s: s.started_at, default=None)
