"""`gluteui log --note`: a line of the user's own about a session, logged with it or added to
the latest session of a day that has one already."""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import date

from gluteui.cli_data.output import say
from gluteui.core.history.notes import clean_note, latest_on
from gluteui.core.history.records import History
from gluteui.core.history.store import Store
from gluteui.errors import UserError


def checked_note(args: argparse.Namespace) -> str | None:
    """`--note` as it will be kept (None when not given); UserError says why it cannot be."""
    if args.note is None:
        return None
    try:
        return clean_note(args.note)
    except ValueError as error:
        raise UserError(f"--note: {error}") from None


def note_day(store: Store, history: History, day: date, note: str) -> bool:
    """Put `note` on the latest session of `day` in place of its note ("" removes it), and
    say so; False when the day has no session to put it on."""
    session = latest_on(history.sessions, day)
    if session is None:
        return False
    on = f"the session of {day:%a %d %b %Y} at {session.started_at:%H:%M}"
    if not note and not session.note:
        say(f"No note to remove: {on} has none.")
        return True
    store.save_session(replace(session, note=note))
    say(f"Noted on {on}: {note}" if note else f"Removed the note from {on}.")
    return True
