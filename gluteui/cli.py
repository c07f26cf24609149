"""The `gluteui` command. Subcommands that need no TUI never import Textual."""

from __future__ import annotations

import argparse
import os
import sys
import typing
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from gluteui import locations
from gluteui.config import local_now, zone_notice
from gluteui.core.scales import MAX_CHECKIN_SCORE
from gluteui.core.text import printable
from gluteui.errors import UserError


class OneLineParser(argparse.ArgumentParser):
    """An argument parser whose mistakes are one line on stderr (argparse's own print the
    whole usage first), with what the user typed shown escaped. Subcommands' parsers are
    made of the same class."""

    def error(self, message: str) -> typing.NoReturn:
        self.exit(2, f"{self.prog}: {printable(message)} (`{self.prog} --help` lists what it takes)\n")


def app_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("gluteui")
    except PackageNotFoundError:
        return "unknown (not installed)"


class VersionAction(argparse.Action):
    """--version, looked up only when asked for: importlib.metadata is slow to import."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        print(f"gluteui {app_version()}")
        parser.exit()


def add_data_commands(sub: argparse._SubParsersAction[OneLineParser]) -> None:
    """Register the data subcommands on the main parser."""
    stats = sub.add_parser("stats", help="streaks and totals, then the runs' comparison")
    stats.add_argument("--json", action="store_true", help="one JSON object, for scripts")
    log = sub.add_parser("log", help="record a routine you did away from the app")
    when = log.add_mutually_exclusive_group()
    when.add_argument("--date", help="YYYY-MM-DD (default: today)")
    when.add_argument("--at", metavar="'YYYY-MM-DD HH:MM'",
                      help="the day and time you did it, so the run after it counts as activated")
    log.add_argument("--routine", default="standard", help="routine id (default: standard)")
    log.add_argument("--note", metavar="TEXT",
                     help="a line about the session (at most 280 characters), logged with it; with --date, "
                     "on a day that has a session already, it goes on that day's latest session instead, "
                     "replacing its note ('' removes it), and nothing new is logged")
    rest = sub.add_parser("rest", help="mark a rest day (it bridges your streak)")
    rest.add_argument("--date", help="YYYY-MM-DD (default: today)")
    rest.add_argument("--undo", action="store_true", help="unmark it instead")
    checkin = sub.add_parser("checkin", help="how your lower back and hamstrings felt on a run: answer, change or remove")
    checkin.add_argument("score", nargs="?",
                         help=f"your lower back: 0 = no discomfort ... {MAX_CHECKIN_SCORE} = worst imaginable")
    checkin.add_argument("--hamstrings", metavar="SCORE", help=f"your hamstrings, 0 ... {MAX_CHECKIN_SCORE} as well")
    checkin.add_argument("--date", help="YYYY-MM-DD of the run (default: today)")
    checkin.add_argument("--undo", action="store_true", help="delete that run's check-in instead")
    checkin.add_argument("--run", metavar="ID", help="an imported run (its id from `gluteui runs`)")
    checkin.add_argument("--no-run", action="store_true",
                         help="you did not run that day after all (with --undo: you did)")
    runs = sub.add_parser("runs", help="your imported runs; `runs import PATH...` reads a watch's files")
    runs.add_argument("--json", action="store_true", help="one JSON list, for scripts")
    runs_sub = runs.add_subparsers(dest="runs_command", metavar="import")
    runs_import = runs_sub.add_parser("import", help="read GPX, TCX and FIT files, folders or a Strava export")
    runs_import.add_argument("paths", nargs="+", metavar="PATH")
    runs_import.add_argument("--all", action="store_true", help="other sports too (rides, swims, multisport sessions), not only runs")
    runs_import.add_argument("--verbose", action="store_true", help="name each file skipped and why")
    export = sub.add_parser("export", help="write your history as JSON (everything) or CSV (sessions)")
    export.add_argument("--format", choices=("json", "csv"), default="json")
    export.add_argument("--out", metavar="FILE", help="default: standard output")
    imp = sub.add_parser(
        "import", help="merge a JSON export (a record you already have wins; importing twice changes nothing)",
    )
    imp.add_argument("file", metavar="FILE")
    listing = sub.add_parser("backups", help="list the automatic backups of your history")
    listing.add_argument("--now", action="store_true", help="make a backup now first")
    restore = sub.add_parser("restore", help="bring back a backup (your history now is kept as one)")
    restore.add_argument("backup", metavar="BACKUP", help="a name from `gluteui backups`, or a file")
    settings = sub.add_parser("settings", help="show or change the streak rules")
    settings.add_argument("--weekly-target", type=int, metavar="DAYS",
                          help="activated days that make a week count (1-7, default 3)")
    settings.add_argument("--day-start-hour", type=int, metavar="HOUR",
                          help="sessions before this hour count for the day before (0-23, default 4)")
    sub.add_parser("status", help="one line for tmux or a prompt: today done or not, the streak, the nudge's time")
    nudge = sub.add_parser(
        "nudge", help="notify now if today is not activated yet (what the reminder's timer runs)",
        description="Decide, and notify when worth it: never on a day already activated or a rest day, "
        "not before today's time, one nudge and one snoozed repeat a day. Exit status 3: it wanted to "
        "nudge but nothing could show the notification (the reason on stderr).",
    )
    nudge.add_argument("--snooze", action="store_true", help="nudge again in 30 minutes (once a day)")
    nudge.add_argument("--desk", action="store_true",
                       help="a desk wake-up instead: in work hours, when you are at the desk (what the desk timer runs)")
    remind = sub.add_parser(
        "remind", help="set up a nudge before your usual run (a systemd user timer, a LaunchAgent on macOS)",
        description="Alone: say what is set, or set it up from your imported runs (20 minutes before the "
        "middle start time of each weekday you run). --at and --days choose the time instead.",
    )
    remind.add_argument("--at", metavar="HH:MM", help="the nudge's time")
    remind.add_argument("--days", metavar="DAYS", help="mon,wed,fri or daily (default: daily; with --desk: mon-fri)")
    remind.add_argument("--off", action="store_true", help="remove the timer")
    remind.add_argument("--ics", metavar="FILE", help="write the schedule as a calendar file with alarms instead")
    remind.add_argument("--desk", nargs="?", const="", metavar="HH:MM-HH:MM",
                        help="desk wake-ups in these work hours instead (alone: show them; with --off: remove only them)")
    remind.add_argument("--every", metavar="MINUTES", help="with --desk: how often, e.g. 60m or 1h30m (default 60m)")
    experiment = sub.add_parser("experiment", help="your own randomised experiment: activate or skip, drawn for each run day")
    experiment_sub = experiment.add_subparsers(dest="experiment_command", metavar="start|stop|report")
    begin = experiment_sub.add_parser("start", help="start one (you can stop it at any time)")
    begin.add_argument("--weeks", type=int, metavar="N", help="how long (2-26, default 8)")
    begin.add_argument("--days", metavar="DAYS", help="your run days, e.g. mon,wed,fri (default: the reminder's days)")
    experiment_sub.add_parser("stop", help="stop it now (the days so far are kept for the report)")
    report = experiment_sub.add_parser("report", help="its report once it has ended or been stopped (before: how far it is)")
    report.add_argument("--json", action="store_true", help="one JSON object, for scripts")
    demo = sub.add_parser("demo-data", help="fill an empty data dir with made-up history (runs with no effect of activating)")
    demo.add_argument("--years", type=float, default=1.0, help="how much history (default: 1)")




def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(
        prog="gluteui",
        description="Wake up your glutes before a run: lessons, a squeeze test, "
        "a guided five-minute routine and streaks.",
    )
    parser.add_argument("--version", action=VersionAction)
    parser.add_argument(
        "--data-dir", metavar="PATH",
        help=f"where your history is kept (also ${locations.DATA_DIR_ENV})",
    )
    cues = parser.add_mutually_exclusive_group()
    cues.add_argument("--voice", action="store_const", const="voice", dest="sound_mode",
                      help="speak the routine's cues (the default; saved choice otherwise)")
    cues.add_argument("--tones", action="store_const", const="tones", dest="sound_mode",
                      help="cue the routine with tones instead of words")
    cues.add_argument("--no-sound", action="store_true", help="cue by bell and flash only")
    parser.add_argument(
        "--reduced-motion", action="store_true",
        help="hold figures still and never flash (also TEXTUAL_ANIMATIONS=none)",
    )
    parser.add_argument("--theme", metavar="NAME",
                        help="a Textual theme for this run, e.g. nord, gruvbox (the palette's choice is saved)")
    parser.add_argument(
        "--remote", action="store_true",
        help="for this run, serve a page on the local network for your phone to follow and drive the routine",
    )
    parser.add_argument(
        "--demo", action="store_true",
        help="try the app on half a year of made-up history (in a temporary folder; its runs hold no effect of activating)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = sub.add_parser("check-content", help="validate a content folder and list every error")
    check.add_argument("folder", nargs="?", metavar="DIR", help="default: the bundled content")
    sub.add_parser("desk", help="a desk wake-up now: the standing squeeze routine, then back to the shell")
    add_data_commands(sub)
    return parser


def check_content(folder: str | None) -> int:
    from gluteui.core.content.load import ContentError, load_content

    path = Path(folder) if folder else locations.content_dir()
    try:
        content = load_content(path)
    except ContentError as error:
        for problem in error.problems:
            print(printable(problem), file=sys.stderr)
        print(printable(f"{len(error.problems)} problem(s) in {path}"), file=sys.stderr)
        return 1
    print(printable(
        f"{path}: OK ({len(content.exercises)} exercises, {len(content.routines)} routines, "
        f"{len(content.lessons)} lessons)"
    ))
    return 0


def launch(args: argparse.Namespace, data_dir: Path, now: Callable[[], datetime] = local_now,
           routine: str | None = None) -> int:
    # Imported here so that the data subcommands never pay for Textual.
    from gluteui.config import AppConfig
    from gluteui.tui import run_tui

    reduced = args.reduced_motion or os.environ.get("TEXTUAL_ANIMATIONS", "").lower() == "none"
    config = AppConfig(
        data_dir=data_dir,
        content_dir=locations.content_dir(),
        sound=not args.no_sound,
        sound_mode=args.sound_mode,
        reduced_motion=reduced,
        theme=args.theme,
        remote=args.remote,
        now=now,
        routine=routine,
    )
    return run_tui(config)


def launch_demo(args: argparse.Namespace) -> int:
    """The TUI on a throwaway folder holding half a year of made-up history."""
    import tempfile

    from gluteui.cli_data import DEMO_DAYS, fill_demo
    from gluteui.core.history.store import Store

    with tempfile.TemporaryDirectory(prefix="gluteui-demo-") as folder:
        store = Store.open(Path(folder))
        fill_demo(store, DEMO_DAYS, store.history().day_of(local_now()))
        return launch(args, Path(folder))


def main(argv: Sequence[str] | None = None, now: Callable[[], datetime] = local_now) -> int:
    """Run the command line; `now` is the wall clock (tests freeze it)."""
    args = build_parser().parse_args(argv)
    zone = zone_notice()
    if zone is not None:
        print(f"gluteui: {printable(zone)}", file=sys.stderr)
    if args.command == "status":
        # Before the store's modules are imported: the line is usually one small cached read.
        from gluteui.cli_status import cmd_status

        try:
            return cmd_status(args, now())
        except UserError as error:
            print(f"gluteui: {printable(str(error))}", file=sys.stderr)
            return 2
    from gluteui.core.history.storage import StoreError

    try:
        if args.command == "check-content":
            return check_content(args.folder)
        if args.command == "desk":
            from gluteui.core.desk import DESK_ROUTINE

            return launch(args, locations.data_dir(args.data_dir), routine=DESK_ROUTINE)
        if args.command is not None:
            from gluteui.cli_data import run_data_command

            return run_data_command(args, now())
        if args.demo:
            return launch_demo(args)
        return launch(args, locations.data_dir(args.data_dir), now)
    except (UserError, StoreError) as error:
        print(f"gluteui: {printable(str(error))}", file=sys.stderr)
        return 2
    except OSError as error:
        if error.filename is not None or not _is_stdout_error(error):
            raise
        # Output went nowhere: a reader that closed the pipe, or a full disk behind `>`.
        # Point stdout at nothing so the exit's own flush does not fail a second time.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        print(f"gluteui: cannot write the output: {(error.strerror or str(error)).lower()}",
              file=sys.stderr)
        return 1


def _is_stdout_error(error: OSError) -> bool:
    import errno

    return isinstance(error, BrokenPipeError) or error.errno in (errno.ENOSPC, errno.EIO, errno.EDQUOT)
