"""`gluteui nudge --desk` (decide, and notify when someone is at the desk) and `gluteui remind
--desk` (set up, show or remove the timer that runs it).

The hours are kept as the `desk_reminder` setting, as the pre-run schedule is kept as
`reminder`; the nudges offered are logged in the cache dir (gluteui/desk_log.py says why).
The desk timer is a second one, beside the pre-run nudge's: `--desk --off` removes only it.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from functools import partial

from gluteui.cli_data.output import say
from gluteui.cli_data.presence import presence
from gluteui.cli_data.reminder_files import DESK_AGENT, DESK_UNIT, desk_launch_agent, desk_units
from gluteui.cli_data.reminders import Places, Timer, install_timer, nudge_command, remove_timer, send_nudge
from gluteui.core.history.store import Store
from gluteui.core.stats.desk import (
    WORK_DAYS,
    DeskHours,
    Presence,
    decide_desk,
    parse_every,
    parse_hours,
)
from gluteui.core.stats.overview import hurt_on
from gluteui.core.stats.schedule import parse_clock, parse_days
from gluteui.desk_log import note_offered, read_offered
from gluteui.errors import UserError
from gluteui.notify import notify
from gluteui.nudging import skip_day

DEFAULT_EVERY = "60m"
SET_UP = "gluteui remind --desk 09:00-17:00 --every 60m"
DESK_TIMER = Timer(DESK_UNIT, DESK_AGENT, "Desk wake-ups set", "The desk timer is on; the pre-run nudge is untouched.",
                   "Desk wake-ups off", off_tail="; the pre-run nudge is untouched")


def desk_nudge(store: Store, now: datetime, places: Places,
               send: Callable[[str, str], None] = notify,
               sense: Callable[[], Presence] = presence) -> int:
    """Decide at `now` whether to offer a desk wake-up, and notify through `send` when so."""
    history = store.history()
    hours = DeskHours.from_setting(history.setting("desk_reminder", None))
    if hours is None or not hours.on:
        say(f"no desk nudge: no desk hours are set ({SET_UP})")
        return 0
    done = [session.started_at for session in history.desk_sessions]
    today = history.day_of(now)
    decision = decide_desk(now, hours, sense(), read_offered(places.cache), done, skip_day(history, today),
                           hurt_on(history, today))
    if decision.message is None:
        say(f"no desk nudge: {decision.reason}")
        return 0
    return send_nudge(send, decision.message, "gluteui nudge --desk", partial(note_offered, places.cache, now),
                      places.cache, "this week's \"offered\" misses it")


def _asked(args: argparse.Namespace) -> DeskHours | None:
    """The hours `--desk HH:MM-HH:MM --every ... --days ...` ask for; None for `--desk` alone."""
    if not args.desk:
        if args.every is not None or args.days is not None:
            raise UserError("--every and --days need the hours: " + SET_UP)
        return None
    try:
        start, end = parse_hours(args.desk, parse_clock)
        every = parse_every(args.every or DEFAULT_EVERY)
        days = tuple(parse_days(args.days)) if args.days is not None else WORK_DAYS
    except ValueError as error:
        raise UserError(f"remind --desk: {error}") from None
    hours = DeskHours(start, end, every, days)
    if not hours.times():
        raise UserError(f"remind --desk: every {hours.minutes} min does not fit in {args.desk} even once")
    return hours


def desk_remind(store: Store, args: argparse.Namespace, places: Places) -> int:
    """Set up, show or remove the desk timer."""
    if args.ics is not None:
        raise UserError("the calendar file holds the pre-run reminder only: leave out --desk with --ics")
    if args.at is not None:
        raise UserError("--at is for the pre-run reminder: the desk one takes hours, e.g. " + SET_UP)
    current = DeskHours.from_setting(store.history().setting("desk_reminder", None))
    if args.off:
        return _off(store, current, places)
    hours = _asked(args)
    if hours is None:
        say(desk_line(current, places))
        return 0
    store.set_setting("desk_reminder", hours.to_setting())
    return _install(hours, args, places)


def desk_line(hours: DeskHours | None, places: Places) -> str:
    """What `gluteui remind` says of the desk nudges."""
    if hours is None or not hours.on:
        return f"No desk wake-ups are set: {SET_UP}"
    where = DESK_TIMER.path(places)
    found = "" if where.exists() else f" (but {where} is missing: run gluteui remind --desk ... again)"
    return (f"Desk wake-ups set: {hours.describe()}; none while idle or locked, over SSH or on a "
            f"text console. Timer: {where}{found}. Off: gluteui remind --desk --off")


def _install(hours: DeskHours, args: argparse.Namespace, places: Places) -> int:
    command = [*nudge_command(args), "--desk"]
    return install_timer(DESK_TIMER, places, desk_units(hours, command), desk_launch_agent(hours, command),
                         hours.describe())


def _off(store: Store, current: DeskHours | None, places: Places) -> int:
    def save_off() -> None:
        if current is not None and current.on:
            store.set_setting("desk_reminder", replace(current, on=False).to_setting())

    return remove_timer(DESK_TIMER, places, save_off)
