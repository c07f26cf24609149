"""What `gluteui remind` writes, as text: a systemd user timer and service, a LaunchAgent plist,
and a calendar file. Pure: the schedule, the command and the clock are arguments.
"""

from __future__ import annotations

import plistlib
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta

from gluteui.core.history.settings import WEEKDAYS
from gluteui.core.stats.desk import DeskHours
from gluteui.core.stats.schedule import Schedule

UNIT = "gluteui-nudge"
"""The systemd units' name: gluteui-nudge.service and gluteui-nudge.timer."""
AGENT = "org.gluteui.nudge"
"""The LaunchAgent's label and file name."""


def _systemd_word(word: str) -> str:
    """One word of an ExecStart= line, quoted when it holds a space or a quote (systemd.syntax)."""
    if word and not any(c in word for c in ' \t"\'\\;$%'):
        return word
    escaped = word.replace("\\", "\\\\").replace('"', '\\"').replace("$", "$$").replace("%", "%%")
    return f'"{escaped}"'


def by_time(schedule: Schedule) -> dict[time, list[int]]:
    """The schedule's weekdays grouped by their time, earliest first."""
    grouped: dict[time, list[int]] = {}
    for weekday in sorted(schedule.times):
        grouped.setdefault(schedule.times[weekday], []).append(weekday)
    return dict(sorted(grouped.items()))


def systemd_units(schedule: Schedule, command: Sequence[str]) -> dict[str, str]:
    """The service (runs `command`, `gluteui nudge`) and its timer, by file name.

    Persistent=true: a nudge missed while the machine slept fires when it wakes (the nudge
    itself then decides whether it is still worth sending)."""
    calendars = "".join(
        f"OnCalendar={','.join(WEEKDAYS[day].capitalize() for day in days)} *-*-* {at:%H:%M}:00\n"
        for at, days in by_time(schedule).items()
    )
    return _units(UNIT, command, "a nudge before your run on a day not yet activated",
                  "when to nudge before your run", calendars, "Persistent=true")


def _units(unit: str, command: Sequence[str], service_says: str, timer_says: str, calendars: str,
           timing: str) -> dict[str, str]:
    """A oneshot service running `command`, and its timer at the `calendars` lines, by file name."""
    service = (
        "[Unit]\n"
        f"Description=GluteUI: {service_says}\n\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"ExecStart={' '.join(_systemd_word(word) for word in command)}\n"
    )
    timer = (
        "[Unit]\n"
        f"Description=GluteUI: {timer_says}\n\n"
        "[Timer]\n"
        f"{calendars}"
        f"{timing}\n\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
    )
    return {f"{unit}.service": service, f"{unit}.timer": timer}


def launch_agent(schedule: Schedule, command: Sequence[str]) -> bytes:
    """A LaunchAgent plist running `command` at each of the schedule's times."""
    return _plist(AGENT, sorted(schedule.times.items()), command)


def _plist(agent: str, times: Iterable[tuple[int, time]], command: Sequence[str]) -> bytes:
    """A LaunchAgent plist running `command` at each (weekday, time) (launchd: 0 = Sunday)."""
    intervals = [{"Weekday": (day + 1) % 7, "Hour": at.hour, "Minute": at.minute} for day, at in times]
    return plistlib.dumps({
        "Label": agent, "ProgramArguments": list(command), "StartCalendarInterval": intervals,
    })


def calendar(schedule: Schedule, now: datetime) -> bytes:
    """The schedule as an .ics file: one weekly event per time, its weekdays in an RRULE, each
    with an alarm at its start. Times are floating (no zone): they follow the calendar's
    own zone, as the timer follows the machine's."""
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", "-//GluteUI//reminders//EN")
    cal.add("version", "2.0")
    today = now.date()
    for at, days in by_time(schedule).items():
        first = min(_next(today, day) for day in days)
        event = Event()
        byday = [WEEKDAYS[day][:2].upper() for day in days]
        event.add("uid", f"{UNIT}-{'-'.join(byday).lower()}-{at:%H%M}@gluteui")
        event.add("dtstamp", now)
        event.add("summary", "Glutes before your run (GluteUI, 5 min)")
        event.add("description", "Five minutes of glute activation before you run; skip it if today is done.")
        event.add("dtstart", datetime.combine(first, at))
        event.add("duration", timedelta(minutes=10))
        event.add("rrule", {"freq": "weekly", "byday": byday})
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", "Glutes before your run")
        alarm.add("trigger", timedelta(0))
        event.add_component(alarm)
        cal.add_component(event)
    ics: bytes = cal.to_ical()
    return ics


def _next(today: date, weekday: int) -> date:
    """The first day on or after `today` that falls on `weekday`."""
    return today + timedelta(days=(weekday - today.weekday()) % 7)


DESK_UNIT = "gluteui-desk"
"""The desk nudge's systemd units: gluteui-desk.service and gluteui-desk.timer."""
DESK_AGENT = "org.gluteui.desk"


def desk_units(hours: DeskHours, command: Sequence[str]) -> dict[str, str]:
    """The desk nudge's service (runs `command`, `gluteui nudge --desk`) and its timer.

    Not Persistent: a desk break missed while the laptop slept is not worth one the moment
    it wakes; the next comes at its time. AccuracySec=1min: systemd's default minute of
    slack at most, so "every 60 min" stays near the hour."""
    days = ",".join(WEEKDAYS[day].capitalize() for day in hours.days)
    calendars = "".join(f"OnCalendar={days} *-*-* {at:%H:%M}:00\n" for at in hours.times())
    return _units(DESK_UNIT, command, "a desk wake-up nudge in work hours, when you are at the desk",
                  "when to offer a desk wake-up", calendars, "AccuracySec=1min")


def desk_launch_agent(hours: DeskHours, command: Sequence[str]) -> bytes:
    """A LaunchAgent plist running `command` at each desk time of each work day."""
    return _plist(DESK_AGENT, [(day, at) for day in hours.days for at in hours.times()], command)
