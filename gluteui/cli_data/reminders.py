"""`gluteui nudge` (decide, and notify when it is worth it) and `gluteui remind` (set up the
timer that runs it, or a calendar file).

What was sent today is kept in a small file in the cache dir, not in the history: it is this
machine's business (the history may be synced to a laptop that nudges on its own), a nudge
is not something the user did, and writing the data file from a timer would race the open
app's writer and make a sync copy for every nudge. Losing the file costs at most one more
nudge that day.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from pathlib import Path

from gluteui import locations
from gluteui.cli_data.files import export_target, write_output
from gluteui.cli_data.output import say, warn
from gluteui.cli_data.reminder_files import AGENT, UNIT, calendar, launch_agent, systemd_units
from gluteui.core.history.store import Store
from gluteui.core.stats.nudge import SNOOZE, snooze
from gluteui.core.stats.schedule import (
    LEAD,
    LEARN_MIN_RUNS,
    LEARN_WEEKS,
    Schedule,
    chosen,
    learned,
    parse_clock,
    parse_days,
)
from gluteui.errors import UserError
from gluteui.notify import APP_NAME, NotifyError, notify
from gluteui.nudging import SENT_NAME, app_nudges, app_open, decide_now, write_sent

EXIT_NOT_SENT = 3
"""`gluteui nudge` wanted to nudge but nothing could show it (no session bus, no notification
server, osascript failed): one line on stderr says why, and the day's nudge stays unsent."""
PICK_A_TIME = "choose a time: gluteui remind --at 18:00 --days mon,wed,fri"


@dataclass(frozen=True)
class Places:
    """Where the reminder's files go and which tools there are: the machine's, or a test's."""

    cache: Path
    systemd: Path
    launch_agents: Path
    systemctl: str | None
    systemd_run: str | None
    platform: str

    @classmethod
    def here(cls) -> Places:
        """This machine's: $XDG_CONFIG_HOME/systemd/user, ~/Library/LaunchAgents, the cache dir."""
        config = os.environ.get("XDG_CONFIG_HOME", "").strip() or str(Path.home() / ".config")
        return cls(locations.cache_dir(), Path(config) / "systemd" / "user",
                   Path.home() / "Library" / "LaunchAgents", shutil.which("systemctl"),
                   shutil.which("systemd-run"), sys.platform)


def nudge_command(args: argparse.Namespace) -> list[str]:
    """The command a timer runs: this installation's `gluteui nudge`, for this data dir."""
    script = Path(sys.executable).with_name("gluteui")
    command = [str(script)] if script.is_file() else [sys.executable, "-m", "gluteui"]
    if args.data_dir is not None or os.environ.get(locations.DATA_DIR_ENV):
        command += ["--data-dir", str(locations.data_dir(args.data_dir).resolve())]
    return command + ["nudge"]


def nudge(store: Store, args: argparse.Namespace, now: datetime, places: Places,
          send: Callable[[str, str], None] = notify) -> int:
    """Decide at `now`, and notify through `send` when it is worth it; while the app is
    open on this data, leave it to the app (it nudges in its own terminal)."""
    if getattr(args, "desk", False):
        from gluteui.cli_data.desk_reminders import desk_nudge

        if args.snooze:
            raise UserError("--snooze is for the pre-run nudge: a desk nudge comes again at its next time")
        return desk_nudge(store, now, places, send)
    asked = decide_now(store.history(), places.cache, now)
    sent, decision = asked.sent, asked.decision
    path = places.cache / SENT_NAME
    if args.snooze:
        snoozed, line = snooze(sent, sent.day, now)
        say(line)
        if snoozed != sent:
            try:
                write_sent(path, snoozed)
            except OSError as error:
                raise UserError(f"cannot note the snooze in {path}: {error.strerror or error}") from None
            _wake_after_snooze(args, places)
        return 0
    if decision.message is not None and app_nudges(asked.schedule) and app_open(store.work_folder):
        say("no nudge from here: GluteUI is open on this data, and nudges in its own terminal")
        return 0
    if decision.message is None:
        say(f"no nudge: {decision.reason}")
        return 0
    return send_nudge(send, decision.message, "gluteui nudge", partial(write_sent, path, decision.sent), path,
                      "the next run may nudge again")


def send_nudge(send: Callable[[str, str], None], message: str, command: str, note: Callable[[], None],
               where: Path, unnoted: str) -> int:
    """Show `message` through `send`, then `note` it in `where`; what fails is said as
    `command`'s, with `unnoted`: what a nudge sent but not noted costs."""
    try:
        send(APP_NAME, message)
    except NotifyError as error:
        warn(f"{command}: not sent: {error}")
        return EXIT_NOT_SENT
    say(f"nudged: {message}")
    try:
        note()
    except OSError as error:
        warn(f"{command}: sent, but not noted in {where} ({error.strerror or error}): {unnoted}")
    return 0


def _wake_after_snooze(args: argparse.Namespace, places: Places) -> None:
    """A one-off timer that runs the nudge again when the snooze ends, where systemd can."""
    minutes = int(SNOOZE.total_seconds() // 60)
    if places.systemd_run is None:
        say(f"the snoozed nudge comes from the next `gluteui nudge` after {minutes} minutes")
        return
    command = [places.systemd_run, "--user", "--quiet", "--collect", f"--on-active={minutes}min",
               *nudge_command(args)]
    run_tool(command)


def run_tool(command: Sequence[str]) -> bool:
    """Run a system tool; say what failed and return False when it did."""
    try:
        done = subprocess.run(list(command), capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        warn(f"gluteui: {' '.join(command)} did not run: {error}")
        return False
    if done.returncode != 0:
        warn(f"gluteui: {' '.join(command)} failed: {done.stderr.strip() or done.returncode}")
        return False
    return True


def _asked(args: argparse.Namespace) -> Schedule | None:
    """The schedule --at and --days ask for (every day when --days is left out), None without --at."""
    if args.at is None:
        if args.days is not None:
            raise UserError("--days needs --at (the time to nudge on those days)")
        return None
    try:
        return chosen(parse_clock(args.at), parse_days(args.days or "daily"))
    except ValueError as error:
        raise UserError(f"remind: {error}") from None


def remind(store: Store, args: argparse.Namespace, now: datetime, places: Places) -> int:
    """Set up, show or remove the reminder; or write the calendar file. With --desk: the
    desk wake-ups' timer instead (desk_reminders.py)."""
    if args.desk is not None:
        from gluteui.cli_data.desk_reminders import desk_remind

        return desk_remind(store, args, places)
    if args.every is not None:
        raise UserError("--every is for desk wake-ups: gluteui remind --desk 09:00-17:00 --every 60m")
    history = store.history()
    current = Schedule.from_setting(history.setting("reminder", None))
    if args.off:
        return _off(store, current, places)
    schedule = _asked(args)
    if args.ics is not None:
        schedule = schedule or current or learned(history.runs, now, now.tzinfo)
        if not schedule.times:
            raise UserError(f"no schedule for the calendar yet: {PICK_A_TIME.replace('remind', 'remind --ics FILE')}")
        # As an export: never over a folder, a FIFO or GluteUI's own files; "-" is stdout.
        target = export_target(store, args.ics, "calendar", "--ics")
        write_output(target, args.ics, calendar(schedule, now).decode("utf-8"))
        if target is not None:
            say(f"Wrote {args.ics}: a weekly event with an alarm ({schedule.describe()}); the timer is untouched.")
        return 0
    if schedule is None:
        from gluteui.cli_data.desk_reminders import desk_line
        from gluteui.core.stats.desk import DeskHours

        say(desk_line(DeskHours.from_setting(history.setting("desk_reminder", None)), places))
        if current is not None:
            if current.on:
                _say_set(current, places)
            else:
                say(f"No reminder is on (the last was {current.describe()}): {PICK_A_TIME}")
            return 0
        schedule = learned(history.runs, now, now.tzinfo)
        if not schedule.times:
            say(f"No reminder is set, and no weekday has {LEARN_MIN_RUNS} imported runs in the last "
                f"{LEARN_WEEKS} weeks to learn from: {PICK_A_TIME}")
            return 0
        say(f"Learned from your runs: {int(LEAD.total_seconds() // 60)} minutes before the usual start "
            f"on each weekday you run (the middle start of your last {LEARN_WEEKS} weeks).")
    store.set_setting("reminder", schedule.to_setting())
    return _install(schedule, args, places)


def _install(schedule: Schedule, args: argparse.Namespace, places: Places) -> int:
    command = nudge_command(args)
    return install_timer(NUDGE_TIMER, places, systemd_units(schedule, command), launch_agent(schedule, command),
                         schedule.describe())


def _say_set(schedule: Schedule, places: Places) -> None:
    how = "learned from your runs" if schedule.learned else "chosen"
    where = NUDGE_TIMER.path(places)
    found = "" if where.exists() else f" (but {where} is missing: run gluteui remind --at ... again)"
    say(f"Nudges set ({how}): {schedule.describe()}; on a day already activated or a rest day, none. "
        f"Timer: {where}{found}. Off: gluteui remind --off")


def _off(store: Store, current: Schedule | None, places: Places) -> int:
    def save_off() -> None:
        if current is not None and current.on:
            store.set_setting("reminder", replace(current, on=False).to_setting())

    return remove_timer(NUDGE_TIMER, places, save_off)


@dataclass(frozen=True)
class Timer:
    """One of the nudges' timers (the pre-run one, the desk one): its files' names, and the
    words its set-up and removal lines use."""

    unit: str
    agent: str
    set_words: str
    """How the set-up line starts: "Nudges set"."""
    on_line: str
    """The last line once systemd has started it."""
    off_words: str
    """How the removal line starts: "Reminders off"."""
    off_tail: str = ""
    """What the removal line ends with, after the files removed."""

    def path(self, places: Places) -> Path:
        """The file that sets the timer on this platform (the plist, or the systemd timer)."""
        return (places.launch_agents / f"{self.agent}.plist" if places.platform == "darwin"
                else places.systemd / f"{self.unit}.timer")


NUDGE_TIMER = Timer(UNIT, AGENT, "Nudges set",
                    "The timer is on; a nudge missed while the machine slept comes when it wakes.",
                    "Reminders off")


def install_timer(timer: Timer, places: Places, units: dict[str, str], plist_bytes: bytes, described: str) -> int:
    """Write `timer`'s files (`units` for systemd, `plist_bytes` for launchd) and start it
    where systemctl can; 1 when systemctl failed to."""
    if places.platform == "darwin":
        places.launch_agents.mkdir(parents=True, exist_ok=True)
        plist = places.launch_agents / f"{timer.agent}.plist"
        plist.write_bytes(plist_bytes)
        say(f"{timer.set_words}: {described}. Wrote {plist}; load it with: launchctl load {plist}")
        return 0
    places.systemd.mkdir(parents=True, exist_ok=True)
    for name, text in units.items():
        (places.systemd / name).write_text(text, encoding="utf-8")
    say(f"{timer.set_words}: {described}. Wrote {timer.unit}.timer and {timer.unit}.service in {places.systemd}.")
    enable = f"systemctl --user daemon-reload && systemctl --user enable --now {timer.unit}.timer"
    if places.systemctl is None:
        say(f"No systemctl here: to start the timer, run {enable}")
        return 0
    if not (run_tool([places.systemctl, "--user", "daemon-reload"])
            and run_tool([places.systemctl, "--user", "enable", "--now", f"{timer.unit}.timer"])):
        say(f"The timer is written but not started: run {enable}")
        return 1
    say(timer.on_line)
    return 0


def remove_timer(timer: Timer, places: Places, save_off: Callable[[], None]) -> int:
    """Stop `timer` and remove its files; `save_off` then marks its setting off."""
    if places.platform != "darwin" and places.systemctl is not None and (places.systemd / f"{timer.unit}.timer").exists():
        run_tool([places.systemctl, "--user", "disable", "--now", f"{timer.unit}.timer"])
    removed = []
    for path in (places.systemd / f"{timer.unit}.timer", places.systemd / f"{timer.unit}.service",
                 places.launch_agents / f"{timer.agent}.plist"):
        if path.exists():
            path.unlink()
            removed.append(path.name)
    save_off()
    if places.platform == "darwin" and removed:
        say(f"Also run: launchctl unload {places.launch_agents / f'{timer.agent}.plist'} (or log out and in)")
    say(f"{timer.off_words}; removed {', '.join(removed)}{timer.off_tail}." if removed
        else f"{timer.off_words} (none was set up).")
    return 0


def cmd_nudge(store: Store, args: argparse.Namespace, now: datetime) -> int:
    return nudge(store, args, now, Places.here())


def cmd_remind(store: Store, args: argparse.Namespace, now: datetime) -> int:
    return remind(store, args, now, Places.here())
