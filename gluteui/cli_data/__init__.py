"""The data subcommands: stats, log, rest, checkin, settings, demo-data, nudge and remind
(reminders.py), experiment (experiment.py), and (files.py) export, import, backups and restore.

None of them imports Textual: they answer in well under a second, even on a long history.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from datetime import date, datetime, time

from gluteui import locations
from gluteui.cli_data.files import FILE_COMMANDS
from gluteui.cli_data.output import say, warn
from gluteui.core.content.load import Content, ContentError, load_content
from gluteui.core.history import transfer
from gluteui.core.history.settings import SETTING_RULES, check_setting
from gluteui.core.history.store import Store, StoreError
from gluteui.core.routine.workout import logged_session
from gluteui.core.stats.overview import streak_summary
from gluteui.core.text import counted
from gluteui.core.values import FIRST_DAY, LAST_DAY
from gluteui.errors import UserError

DEMO_DAYS = 182
"""Half a year: what `gluteui --demo` and the screenshots show."""


def _within_years(day: date, flag: str, text: str) -> None:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise UserError(f"{flag} {text} is outside {FIRST_DAY.year}-{LAST_DAY.year}, the years GluteUI keeps")


def parse_date(text: str | None, today: date) -> date:
    """`--date` as a date; today when absent. Future days, and days outside the years
    GluteUI keeps, are refused."""
    if text is None:
        return today
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise UserError(f"--date {text!r} is not a date like {today.isoformat()}") from None
    if day > today:
        raise UserError(f"--date {text} is in the future (today is {today.isoformat()})")
    _within_years(day, "--date", text)
    return day


def parse_moment(text: str, now: datetime) -> datetime:
    """`--at "YYYY-MM-DD HH:MM"` as a moment in the local zone; the future, and times
    outside the years GluteUI keeps, are refused."""
    try:
        moment = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")  # noqa: DTZ007 (zoned below)
    except ValueError:
        raise UserError(f"--at {text!r} is not a time like '{now:%Y-%m-%d %H:%M}'") from None
    # Checked first: a local zone's offset on year 1 or 9999 would overflow.
    _within_years(moment.date(), "--at", text)
    moment = moment.replace(tzinfo=now.tzinfo) if now.tzinfo else moment.astimezone()
    if moment > now:
        raise UserError(f"--at {text} is in the future (it is {now:%Y-%m-%d %H:%M} now)")
    return moment


def _content() -> Content:
    try:
        return load_content(locations.content_dir())
    except ContentError as error:
        raise UserError(str(error)) from None


def cmd_stats(store: Store, args: argparse.Namespace, now: datetime) -> int:
    history = store.history()
    summary = streak_summary(history, history.day_of(now))
    from gluteui.core.stats.run_log import run_rows

    rows = run_rows(history, now.tzinfo)
    if args.json:
        from gluteui.core.stats.answers import answers_from_rows
        from gluteui.core.stats.comparison import comparison_of

        print(json.dumps(summary.to_dict() | {
            "runs": len(rows), "activated_runs": sum(row.activated for row in rows),
            "comparison": comparison_of(answers_from_rows(rows, now.tzinfo)).to_dict(now.tzinfo),
        }))
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(title="GluteUI", show_header=False, box=None)
    table.add_row("Current streak", f"[b]{counted(summary.current_streak, 'day')}[/]")
    table.add_row("Longest streak", counted(summary.longest_streak, "day"))
    table.add_row("This week", f"{summary.week_activated_days} of {counted(summary.weekly_target, 'day')}")
    table.add_row("Weekly streak", f"{summary.weekly_streak} weeks")
    table.add_row("Sessions", str(summary.total_sessions))
    table.add_row("Activated days", str(summary.activated_days))
    table.add_row("Today", "activated" if summary.today_activated else "not yet")
    if rows:
        table.add_row("Runs imported", f"{len(rows)} ({sum(r.activated for r in rows)} after an activation)")
    Console().print(table)
    from gluteui.cli_data.comparison import say_comparison

    say_comparison(rows, now.tzinfo)
    return 0


def cmd_log(store: Store, args: argparse.Namespace, now: datetime) -> int:
    routines = _content().routines
    routine = routines.get(args.routine)
    if routine is None:
        raise UserError(f"--routine {args.routine!r} is unknown; choose one of: {', '.join(routines)}")
    history = store.history()
    from gluteui.cli_data.notes import checked_note, note_day

    note = checked_note(args)
    if args.at is not None:
        started = parse_moment(args.at, now)
        day = history.day_of(started)
    else:
        day = parse_date(args.date, history.day_of(now))
        started = now if args.date is None else datetime.combine(day, time(12), now.tzinfo)
        # A note for a day already logged goes on its latest session, not on another one.
        if note is not None and args.date is not None and note_day(store, history, day, note):
            return 0
    if note == "":
        raise UserError(f"--note is empty, and {day:%a %d %b %Y} has no session whose note it could remove")
    store.save_session(replace(logged_session(routine, started, day), note=note or ""))
    at = f" at {started:%H:%M}" if args.at is not None else ""
    say(f"Logged the {routine.name} routine for {day:%a %d %b %Y}{at}" + (f", noted: {note}" if note else "."))
    return 0


def cmd_rest(store: Store, args: argparse.Namespace, now: datetime) -> int:
    day = parse_date(args.date, store.history().day_of(now))
    store.set_rest_day(day, not args.undo)
    say(f"{day:%a %d %b %Y} is {'no longer ' if args.undo else ''}a rest day.")
    return 0


def cmd_checkin(store: Store, args: argparse.Namespace, now: datetime) -> int:
    from gluteui.cli_data.checkins import checkin

    day = None if args.date is None else parse_date(args.date, store.history().day_of(now))
    return checkin(store, args, now, day)


def fill_demo(store: Store, days: int, today: date) -> int:
    """Write made-up history into an empty store; refuse to mix it with real history."""
    if store.sessions():
        raise UserError(f"{store.path} already holds history; demo-data only fills an empty data dir")
    from gluteui.core.demo import demo_history

    history = demo_history(_content(), today, days)
    store.import_data(transfer.export(history))
    return len(history.sessions)


def cmd_demo_data(store: Store, args: argparse.Namespace, now: datetime) -> int:
    if not 0 < args.years <= 50:
        raise UserError(f"--years {args.years:g} must be above 0 and at most 50")
    count = fill_demo(store, round(args.years * 365.25), store.history().day_of(now))
    say(f"Wrote {count} demo sessions to {store.path}.")
    return 0


def cmd_settings(store: Store, args: argparse.Namespace, now: datetime) -> int:
    asked = {"weekly_target": args.weekly_target, "day_start_hour": args.day_start_hour}
    changes = {key: value for key, value in asked.items() if value is not None}
    for key, value in changes.items():  # all checked before any is saved
        try:
            check_setting(key, value)
        except ValueError:
            rule = SETTING_RULES[key][0]
            raise UserError(f"--{key.replace('_', '-')} {value} must be {rule}") from None
    for key, value in changes.items():
        store.set_setting(key, value)
    history = store.history()
    say(f"weekly target: {history.weekly_target} activated days a week")
    say(f"day start hour: {history.day_start_hour}:00 "
          "(earlier sessions count for the day before)")
    return 0


def cmd_runs(store: Store, args: argparse.Namespace, now: datetime) -> int:
    # Imported here: the file readers (fitdecode's tables) cost `stats` for nothing.
    from gluteui.cli_data.runs import cmd_runs as runs

    return runs(store, args, now)


def cmd_nudge(store: Store, args: argparse.Namespace, now: datetime) -> int:
    from gluteui.cli_data.reminders import cmd_nudge as nudge

    return nudge(store, args, now)


def cmd_remind(store: Store, args: argparse.Namespace, now: datetime) -> int:
    from gluteui.cli_data.reminders import cmd_remind as remind

    return remind(store, args, now)


def cmd_experiment(store: Store, args: argparse.Namespace, now: datetime) -> int:
    from gluteui.cli_data.experiment import cmd_experiment as experiment

    return experiment(store, args, now)


COMMANDS = {
    "stats": cmd_stats, "log": cmd_log, "rest": cmd_rest, "checkin": cmd_checkin,
    "demo-data": cmd_demo_data, "settings": cmd_settings, "runs": cmd_runs,
    "nudge": cmd_nudge, "remind": cmd_remind, "experiment": cmd_experiment, **FILE_COMMANDS,
}


def run_data_command(args: argparse.Namespace, now: datetime) -> int:
    """Run one data subcommand at the wall-clock moment `now`.

    What the store noticed (a damaged entry skipped, a sync copy merged) is printed on
    standard error, whether the command worked or not.
    """
    store = Store.open(locations.data_dir(args.data_dir))
    shown = 0

    def show_notices() -> None:
        nonlocal shown
        for notice in store.notices[shown:]:
            warn(f"gluteui: {notice}")
        shown = len(store.notices)

    show_notices()
    try:
        return COMMANDS[args.command](store, args, now)
    except StoreError as error:
        # Unlike the app, a command ends here: a change the disk refused is not kept anywhere.
        raise StoreError(f"{error}; nothing was saved" if store.pending else str(error)) from error
    finally:
        show_notices()

