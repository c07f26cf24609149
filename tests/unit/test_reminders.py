"""`gluteui nudge`, `remind` and `status` with real parts: a real session bus and a notification
server on it, systemd's own check of the unit files, the calendar file read back. The clock
is given to every call; nothing sleeps."""

from __future__ import annotations

import plistlib
import shutil
import subprocess
import sys
from dataclasses import replace
from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from gluteui.cli import main
from gluteui.cli_data.reminder_files import AGENT, UNIT
from gluteui.cli_data.reminders import EXIT_NOT_SENT, SENT_NAME, Places, nudge, remind, write_sent
from gluteui.core.history.storage import default_work_dir
from gluteui.core.history.store import Store
from gluteui.core.runs.record import Run
from gluteui.core.stats.nudge import Sent
from gluteui.core.stats.schedule import chosen
from gluteui.notify import notify_macos
from gluteui.nudging import app_open, read_sent
from tests.dbus_session import NotificationServer, session_bus
from tests.unit.nudge_kit import MONDAY, args, at, places_under, recording_tool

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def places(tmp_path: Path) -> Places:
    return places_under(tmp_path)


def cli(data_dir: Path, now: datetime, *argv: str) -> int:
    return main(["--data-dir", str(data_dir), *argv], now=lambda: now)


def test_nudges_through_a_real_notification_server_never_on_a_done_or_rest_day(
    tmp_path: Path, data_dir: Path, places: Places, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    Store.open(data_dir).set_setting("reminder", chosen(time(18), range(7)).to_setting())
    cli(data_dir, at(7, days=-1), "log")  # yesterday: a streak of one at stake

    def run(now: datetime, *argv: str) -> int:
        return nudge(Store.open(data_dir), args(data_dir, "nudge", *argv), now, places)

    with session_bus(tmp_path) as address:
        monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        assert run(at(18, 5)) == EXIT_NOT_SENT, "nothing owns the notifications name yet"
        assert "no notification server" in capsys.readouterr().err
        with NotificationServer(address) as server:
            assert run(at(17, 59)) == 0 and server.sent == []  # not before its time
            assert run(at(18, 5)) == 0
            assert server.sent == [("GluteUI", "GluteUI", "Glutes before your run: five minutes keeps your 1-day streak.")]
            assert run(at(18, 10)) == 0 and len(server.sent) == 1  # one a day
            assert run(at(18, 11), "--snooze") == 0 and "snoozed until 18:41" in capsys.readouterr().out
            assert run(at(18, 12), "--snooze") == 0 and "one snooze a day" in capsys.readouterr().out
            assert run(at(18, 40)) == 0 and len(server.sent) == 1
            assert run(at(18, 41)) == 0 and len(server.sent) == 2  # the snoozed repeat
            assert run(at(20)) == 0 and len(server.sent) == 2
            cli(data_dir, at(7, days=1), "log")  # Tuesday done in the morning
            assert run(at(18, 5, days=1)) == 0 and len(server.sent) == 2
            assert "already activated" in capsys.readouterr().out
            cli(data_dir, at(7, days=2), "rest")  # Wednesday a rest day
            assert run(at(18, 5, days=2)) == 0 and len(server.sent) == 2
            assert "rest day" in capsys.readouterr().out
            assert run(at(18, 5, days=3)) == 0 and len(server.sent) == 3  # Thursday: not done
            # Monday was missed: Tuesday alone is at stake, the rest day bridging it.
            assert server.sent[-1][2].endswith("keeps your 1-day streak.")
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS")
    assert run(at(18, 5, days=4)) == EXIT_NOT_SENT
    assert capsys.readouterr().err.strip() == (
        "gluteui nudge: not sent: no desktop session bus ($DBUS_SESSION_BUS_ADDRESS is not set)")


def test_remind_writes_units_systemd_accepts_enables_them_and_turns_them_off(
    tmp_path: Path, data_dir: Path, places: Places, capsys: pytest.CaptureFixture[str],
) -> None:
    systemctl, calls = recording_tool(tmp_path, "systemctl")
    places = replace(places, systemctl=systemctl)
    assert remind(Store.open(data_dir), args(data_dir, "remind", "--at", "18:00", "--days", "mon,wed,fri"),
                  at(9), places) == 0
    timer, service = places.systemd / f"{UNIT}.timer", places.systemd / f"{UNIT}.service"
    assert "OnCalendar=Mon,Wed,Fri *-*-* 18:00:00\nPersistent=true\n" in timer.read_text()
    assert service.read_text().rstrip().endswith(f"--data-dir {data_dir.resolve()} nudge")
    assert calls.read_text().splitlines() == ["--user daemon-reload", f"--user enable --now {UNIT}.timer"]
    capsys.readouterr()
    assert remind(Store.open(data_dir), args(data_dir, "remind"), at(9), places) == 0
    assert "Nudges set (chosen): mon, wed, fri 18:00" in capsys.readouterr().out
    analyze = shutil.which("systemd-analyze")
    if analyze is not None:
        checked = subprocess.run([analyze, "verify", str(timer), str(service)],
                                 capture_output=True, text=True, check=False)
        # A mistake in a unit is a warning on stderr with status 0: both must be clean.
        assert (checked.returncode, checked.stderr) == (0, ""), checked.stderr
    assert remind(Store.open(data_dir), args(data_dir, "remind", "--off"), at(9), places) == 0
    assert not timer.exists() and not service.exists()
    assert calls.read_text().splitlines()[-1] == f"--user disable --now {UNIT}.timer"
    if analyze is None:
        pytest.skip("the units were not verified: systemd-analyze is not installed (Debian's systemd has it)")


def test_remind_learns_from_runs_and_says_what_to_run_without_systemctl(
    data_dir: Path, places: Places, capsys: pytest.CaptureFixture[str],
) -> None:
    assert remind(Store.open(data_dir), args(data_dir, "remind"), at(9), places) == 0
    assert "choose a time: gluteui remind --at 18:00" in capsys.readouterr().out
    runs = [Run.new(at(18, minute, days=-7 * week), 1800.0, 5000.0, "Run", "running", f"{week}.gpx")
            for week, minute in ((1, 0), (2, 10), (3, 30))]
    Store.open(data_dir).import_runs(runs)
    assert remind(Store.open(data_dir), args(data_dir, "remind"), at(9), places) == 0
    out = capsys.readouterr().out
    assert "Nudges set: mon 17:50." in out and "run systemctl --user daemon-reload" in out
    assert "OnCalendar=Mon *-*-* 17:50:00" in (places.systemd / f"{UNIT}.timer").read_text()


def test_the_calendar_file_reads_back_as_weekly_events_with_alarms(
    tmp_path: Path, data_dir: Path, places: Places,
) -> None:
    ics = tmp_path / "glutes.ics"
    argv = ("remind", "--at", "7:40", "--days", "sat,mon", "--ics", str(ics))
    assert remind(Store.open(data_dir), args(data_dir, *argv), at(9), places) == 0
    events = list(Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    assert event["RRULE"]["FREQ"] == ["WEEKLY"] and event["RRULE"]["BYDAY"] == ["MO", "SA"]
    assert event.decoded("DTSTART") == datetime(2026, 12, 7, 7, 40)  # floating, from today (a Monday)
    alarms = list(event.walk("VALARM"))
    assert len(alarms) == 1 and alarms[0]["ACTION"] == "DISPLAY"
    assert alarms[0].decoded("TRIGGER") == timedelta(0)
    assert not places.systemd.exists(), "--ics writes the calendar only"


@pytest.mark.parametrize(("where", "said"), [
    ("missing/glutes.ics", "cannot write {out}: no such file or directory; nothing there was changed"),
    (".", "will not write the calendar over {out}: it is a folder; choose another --ics"),
])
def test_a_calendar_file_that_cannot_be_written_is_one_line(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str], where: str, said: str,
) -> None:
    out = str(tmp_path / where)
    assert cli(data_dir, at(9), "remind", "--at", "7:40", "--days", "mon", "--ics", out) != 0
    err = capsys.readouterr().err
    assert err.strip() == f"gluteui: {said.format(out=out)}"


def test_status_is_one_cached_line_that_follows_the_history(
    tmp_path: Path, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    Store.open(data_dir).set_setting("reminder", chosen(time(18), [0]).to_setting())

    def status(now: datetime) -> str:
        assert cli(data_dir, now, "status") == 0
        return capsys.readouterr().out.strip()

    assert status(at(9)) == "glutes: not yet today · streak 0 · nudge at 18:00"
    cli(data_dir, at(10), "log")
    capsys.readouterr()
    assert status(at(11)) == "glutes: done today · streak 1"

    def refuse(*args: object, **kwargs: object) -> Store:
        raise AssertionError("status read the history although nothing changed")

    monkeypatch.setattr(Store, "open", refuse)
    assert status(at(12)) == "glutes: done today · streak 1"  # from the cache
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert status(at(9, days=1)) == "glutes: not yet today · streak 1"  # a new day reads again


def test_on_macos_remind_writes_a_launch_agent_with_launchds_weekdays(
    data_dir: Path, places: Places, capsys: pytest.CaptureFixture[str],
) -> None:
    mac = Places(places.cache, places.systemd, places.launch_agents, None, None, "darwin")
    argv = ("remind", "--at", "06:45", "--days", "sun,mon")
    assert remind(Store.open(data_dir), args(data_dir, *argv), at(9), mac) == 0
    agent = plistlib.loads((places.launch_agents / f"{AGENT}.plist").read_bytes())
    assert agent["Label"] == AGENT and agent["ProgramArguments"][-1] == "nudge"
    # launchd counts weekdays from Sunday = 0.
    assert agent["StartCalendarInterval"] == [{"Weekday": 1, "Hour": 6, "Minute": 45},
                                              {"Weekday": 0, "Hour": 6, "Minute": 45}]
    assert "launchctl load" in capsys.readouterr().out and not places.systemd.exists()
    assert remind(Store.open(data_dir), args(data_dir, "remind", "--off"), at(9), mac) == 0
    assert not (places.launch_agents / f"{AGENT}.plist").exists()
    assert "launchctl unload" in capsys.readouterr().out


def test_the_osascript_line_keeps_quotes_and_backslashes_inside_its_strings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ran: list[list[str]] = []

    def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
        ran.append(command)
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(subprocess, "run", run)
    notify_macos("Glute\\UI", 'say "hi"')
    assert ran == [["osascript", "-e", 'display notification "say \\"hi\\"" with title "Glute\\\\UI"']]


def test_a_snooze_starts_a_one_off_timer_for_the_repeat(tmp_path: Path, data_dir: Path, places: Places) -> None:
    systemd_run, calls = recording_tool(tmp_path, "systemd-run")
    places = replace(places, systemd_run=systemd_run)
    write_sent(places.cache / SENT_NAME, Sent(MONDAY.date(), nudged=True))
    assert nudge(Store.open(data_dir), args(data_dir, "nudge", "--snooze"), at(18, 5), places) == 0
    assert calls.read_text().split()[:4] == ["--user", "--quiet", "--collect", "--on-active=30min"]
    assert calls.read_text().split()[-3:] == ["--data-dir", str(data_dir.resolve()), "nudge"]


def test_while_the_app_is_open_the_timers_nudge_leaves_the_nudge_to_it(
    tmp_path: Path, data_dir: Path, places: Places, capsys: pytest.CaptureFixture[str],
) -> None:
    store = Store.open(data_dir)
    store.set_setting("reminder", chosen(time(18), range(7)).to_setting())
    sent: list[tuple[str, str]] = []

    def run(now: datetime) -> int:
        return nudge(Store.open(data_dir), args(data_dir, "nudge"), now, places,
                     send=lambda title, body: sent.append((title, body)))

    holder = subprocess.Popen([sys.executable, "-m", "tests.lock_holder", str(data_dir), str(default_work_dir()), "open"],
                              cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert app_open(store.work_folder)
        assert run(at(18, 5)) == 0 and sent == []
        assert capsys.readouterr().out.strip() == (
            "no nudge from here: GluteUI is open on this data, and nudges in its own terminal")
        assert not (places.cache / SENT_NAME).exists(), "the day's nudge is still the app's to send"
        assert run(at(17)) == 0 and "not before 18:00" in capsys.readouterr().out, "the reason still comes first"
        # A reminder turned off: the app sends none, so one run by hand still does.
        store.set_setting("reminder", {**chosen(time(18), range(7)).to_setting(), "on": False})
        assert run(at(18, 5)) == 0 and len(sent) == 1
        (places.cache / SENT_NAME).unlink()
        store.set_setting("reminder", chosen(time(18), range(7)).to_setting())
        sent.clear()
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=10)
    # The app closed (or crashed: the system drops the lock with the process): the timer nudges.
    assert not app_open(store.work_folder)
    assert run(at(18, 6)) == 0 and len(sent) == 1
    assert read_sent(places.cache / SENT_NAME, Sent(MONDAY.date())).nudged


def test_every_without_desk_is_refused_not_ignored(data_dir: Path, places: Places,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    from gluteui.cli import main

    assert main(["--data-dir", str(data_dir), "remind", "--at", "18:00", "--every", "60m"]) == 2
    err = capsys.readouterr().err
    assert "--every is for desk wake-ups: gluteui remind --desk 09:00-17:00 --every 60m" in err
    assert err.count("\n") == 1
    assert Store.open(data_dir).setting("reminder") is None, "nothing set up on a half-understood command"
    assert not places.systemd.exists()
