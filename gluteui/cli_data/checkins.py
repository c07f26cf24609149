"""`gluteui checkin`: say how a run went (the lower back, and the hamstrings apart), change
that answer, remove it, or say there was no run that day."""

from __future__ import annotations

import argparse
from datetime import date, datetime

from gluteui.cli_data.output import say
from gluteui.core.history.records import Checkin
from gluteui.core.history.store import Store
from gluteui.core.scales import MAX_CHECKIN_SCORE
from gluteui.core.stats.run_entries import RunEntry, entry_on, remove_answer, run_entries
from gluteui.errors import UserError


def _score(name: str, text: str) -> int:
    try:
        score = int(text)
    except ValueError:
        score = -1
    if not 0 <= score <= MAX_CHECKIN_SCORE:
        raise UserError(f"{name} {text!r} must be a whole number from 0 to {MAX_CHECKIN_SCORE}")
    return score


def _named(entry: RunEntry, now: datetime) -> str:
    """ "Run on Tue 01 Dec (18:00, 7.0 km)", or "Run on Tue 01 Dec" for a run known by its day."""
    described = entry.described(now.tzinfo)
    return f"Run on {entry.day:%a %d %b}" + (f" ({described})" if described else "")


def _entry(store: Store, args: argparse.Namespace, now: datetime, day: date | None) -> RunEntry:
    """The run `--run` names, or the one on `day`."""
    history = store.history()
    if args.run is None:
        return entry_on(history, now, day or history.day_of(now))
    from gluteui.cli_data.runs import find_run

    run = find_run(store, args.run)
    return next(entry for entry in run_entries(history, now) if entry.run is not None and entry.run.id == run.id)


def checkin(store: Store, args: argparse.Namespace, now: datetime, day: date | None) -> int:
    """`gluteui checkin`; `day` is `--date` read (None without it)."""
    if args.run is not None and args.date is not None:
        raise UserError("checkin takes --run or --date, not both: each names a run")
    scores = args.score is not None or args.hamstrings is not None
    if args.undo or args.no_run:
        if scores:
            raise UserError(f"checkin {'--undo' if args.undo else '--no-run'} takes no score")
        if args.no_run:
            return _no_run(store, args, now, day)
        return _undo(store, args, now, day)
    if args.score is None:
        raise UserError(f"checkin needs a SCORE from 0 to {MAX_CHECKIN_SCORE} (or --undo)")
    back = _score("score", args.score)
    hamstrings = None if args.hamstrings is None else _score("--hamstrings", args.hamstrings)
    entry = _entry(store, args, now, day)
    run_id = entry.run.id if entry.run is not None else None
    store.replace_checkins(entry.about, Checkin.new(entry.day, back, now, run_id, hamstrings))
    told = f"lower back {back}/{MAX_CHECKIN_SCORE}"
    if hamstrings is not None:
        told += f", hamstrings {hamstrings}/{MAX_CHECKIN_SCORE}"
    say(f"{_named(entry, now)} recorded: {told}" + (" (in place of the earlier answer)." if entry.about else "."))
    return 0


def _undo(store: Store, args: argparse.Namespace, now: datetime, day: date | None) -> int:
    if args.run is not None:
        entry = _entry(store, args, now, None)
        count = remove_answer(store, entry)
        named = _named(entry, now)
    else:
        day = day or store.history().day_of(now)
        count = store.remove_checkins(day)
        named = f"Run on {day:%a %d %b}"
    say(f"{named}: " + ("check-in deleted." if count else "it had no check-in."))
    return 0


def _no_run(store: Store, args: argparse.Namespace, now: datetime, day: date | None) -> int:
    if args.run is not None:
        raise UserError("checkin --no-run is about a day without an imported run; --run names one")
    day = day or store.history().day_of(now)
    if args.undo:
        store.set_no_run_day(day, False)
        say(f"{day:%a %d %b}: no longer marked as a day without a run.")
        return 0
    entry = entry_on(store.history(), now, day)
    if entry.run is not None:
        raise UserError(f"--date {day.isoformat()} has an imported run; `gluteui runs` lists it")
    store.set_no_run_day(day, True, entry.about)
    say(f"{day:%a %d %b}: no run that day, so no question waits about it.")
    return 0
