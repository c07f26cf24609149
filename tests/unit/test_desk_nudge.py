"""`gluteui nudge --desk` and `gluteui remind --desk` with real parts: a private session bus
with a recording notification server and a faked GNOME idle monitor and screen savers on it,
the environment a timer or an SSH login gives, and systemd's own check of the desk units."""

from __future__ import annotations

import json
import plistlib
import shutil
import subprocess
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from gluteui.cli_data.reminder_files import DESK_AGENT, DESK_UNIT, UNIT
from gluteui.cli_data.reminders import Places, nudge, remind
from gluteui.core.history.store import Store
from gluteui.core.stats.desk import DESK_MESSAGE
from gluteui.desk_log import DESK_LOG_NAME
from tests.dbus_desktop import IDLE_MONITOR, FakeDesktop
from tests.dbus_session import NotificationServer, session_bus
from tests.experiment_kit import experiment_drawing
from tests.unit.nudge_kit import MONDAY, args, at, places_under, recording_tool

SIX_MINUTES_MS = 6 * 60 * 1000


@pytest.fixture
def places(tmp_path: Path) -> Places:
    return places_under(tmp_path)


@pytest.fixture
def desktop_env(monkeypatch: pytest.MonkeyPatch) -> pytest.MonkeyPatch:
    """A desktop session's environment, as GNOME puts it into the user manager's."""
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    monkeypatch.setenv("XDG_SESSION_TYPE", "wayland")
    for name in ("DISPLAY", "SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"):
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_a_desk_nudge_comes_only_to_someone_at_an_unlocked_desktop_in_work_hours(
    tmp_path: Path, data_dir: Path, places: Places, desktop_env: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert remind(Store.open(data_dir), args(data_dir, "remind", "--desk", "09:00-17:00", "--every", "60m"),
                  at(8), places) == 0
    capsys.readouterr()

    def desk(now: datetime) -> str:
        assert nudge(Store.open(data_dir), args(data_dir, "nudge", "--desk"), now, places) == 0
        return capsys.readouterr().out.strip()

    with session_bus(tmp_path) as address:
        desktop_env.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        with NotificationServer(address) as server, FakeDesktop(address, idle_ms=20_000) as desktop:
            assert desk(at(10)) == f"nudged: {DESK_MESSAGE}"
            assert server.sent == [("GluteUI", "GluteUI", DESK_MESSAGE)]
            assert {f"{IDLE_MONITOR}.GetIdletime", "org.gnome.ScreenSaver.GetActive",
                    "org.freedesktop.ScreenSaver.GetActive"} <= set(desktop.asked)

            desktop.idle_ms = SIX_MINUTES_MS
            assert desk(at(11)) == "no desk nudge: no key or mouse for 6 min: away"
            desktop.idle_ms, desktop.locked = 1_000, True
            assert desk(at(12)) == "no desk nudge: the screen is locked"
            desktop.locked = False
            desktop_env.setenv("SSH_CONNECTION", "192.0.2.7 50022 192.0.2.1 22")
            assert desk(at(13)).endswith("over SSH: the nudge would show on a screen nobody watches")
            desktop_env.delenv("SSH_CONNECTION")
            desktop_env.delenv("WAYLAND_DISPLAY")
            desktop_env.setenv("XDG_SESSION_TYPE", "tty")
            assert desk(at(14)) == "no desk nudge: this is a text console, not a desktop"
            desktop_env.setenv("WAYLAND_DISPLAY", "wayland-0")
            desktop_env.setenv("XDG_SESSION_TYPE", "wayland")
            assert desk(at(18)) == "no desk nudge: outside work hours (09:00-17:00)"
            assert desk(at(10, days=5)) == "no desk nudge: Saturday is not a work day (mon-fri)"
            assert len(server.sent) == 1, "only the first was shown"
            assert desk(at(15)) == f"nudged: {DESK_MESSAGE}" and len(server.sent) == 2
        # A desktop without an idle monitor or a screen saver: not known, so it nudges.
        with NotificationServer(address) as bare:
            assert desk(at(16)) == f"nudged: {DESK_MESSAGE}" and len(bare.sent) == 1
    offered = json.loads((places.cache / DESK_LOG_NAME).read_text(encoding="utf-8"))["offered"]
    assert [datetime.fromisoformat(moment).hour for moment in offered] == [10, 15, 16]


def test_a_desk_wake_up_done_holds_the_next_nudge_for_an_interval(
    tmp_path: Path, data_dir: Path, places: Places, desktop_env: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    remind(Store.open(data_dir), args(data_dir, "remind", "--desk", "09:00-17:00"), at(8), places)
    from gluteui.cli import main

    main(["--data-dir", str(data_dir), "log", "--routine", "desk", "--at", "2026-12-07 10:30"], now=lambda: at(10, 31))
    with session_bus(tmp_path) as address:
        desktop_env.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        with NotificationServer(address) as server, FakeDesktop(address):
            capsys.readouterr()
            assert nudge(Store.open(data_dir), args(data_dir, "nudge", "--desk"), at(11), places) == 0
            assert capsys.readouterr().out.strip() == "no desk nudge: a desk wake-up was done at 10:30"
            assert nudge(Store.open(data_dir), args(data_dir, "nudge", "--desk"), at(12), places) == 0
            assert len(server.sent) == 1


def test_no_desk_nudge_on_a_self_experiments_skip_day(
    tmp_path: Path, data_dir: Path, places: Places, desktop_env: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store = Store.open(data_dir)
    remind(store, args(data_dir, "remind", "--desk", "09:00-17:00"), at(8), places)
    # Monday is the experiment's only run day, drawn "skip"; Tuesday has no draw.
    store.save_experiment(experiment_drawing("skip", MONDAY.date(), MONDAY.date() - timedelta(days=2),
                                             at(8, days=-2), run_days=(0,)))
    with session_bus(tmp_path) as address:
        desktop_env.setenv("DBUS_SESSION_BUS_ADDRESS", address)
        with NotificationServer(address) as server, FakeDesktop(address):
            capsys.readouterr()
            assert nudge(Store.open(data_dir), args(data_dir, "nudge", "--desk"), at(10), places) == 0
            assert capsys.readouterr().out.strip() == (
                "no desk nudge: your self-experiment asks you to skip the activation today, and a desk wake-up is one")
            assert server.sent == []
            assert nudge(Store.open(data_dir), args(data_dir, "nudge", "--desk"), at(10, days=1), places) == 0
            assert server.sent == [("GluteUI", "GluteUI", DESK_MESSAGE)], "the next day nudges again"


def test_the_desk_timer_is_a_second_one_systemd_accepts_listed_and_removed_on_its_own(
    tmp_path: Path, data_dir: Path, places: Places, capsys: pytest.CaptureFixture[str],
) -> None:
    systemctl, calls = recording_tool(tmp_path, "systemctl")
    places = replace(places, systemctl=systemctl)
    assert remind(Store.open(data_dir), args(data_dir, "remind", "--at", "18:00"), at(9), places) == 0
    assert remind(Store.open(data_dir), args(data_dir, "remind", "--desk", "09:00-12:00", "--every", "90m"),
                  at(9), places) == 0
    timer, service = places.systemd / f"{DESK_UNIT}.timer", places.systemd / f"{DESK_UNIT}.service"
    assert "OnCalendar=Mon,Tue,Wed,Thu,Fri *-*-* 10:30:00\nOnCalendar=Mon,Tue,Wed,Thu,Fri *-*-* 12:00:00\n" \
        in timer.read_text()
    assert "Persistent" not in timer.read_text()
    assert service.read_text().rstrip().endswith(f"--data-dir {data_dir.resolve()} nudge --desk")
    assert calls.read_text().splitlines()[-1] == f"--user enable --now {DESK_UNIT}.timer"
    analyze = shutil.which("systemd-analyze")
    if analyze is not None:
        checked = subprocess.run([analyze, "verify", str(timer), str(service)],
                                 capture_output=True, text=True, check=False)
        assert (checked.returncode, checked.stderr) == (0, ""), checked.stderr
    capsys.readouterr()
    assert remind(Store.open(data_dir), args(data_dir, "remind"), at(9), places) == 0
    listed = capsys.readouterr().out
    assert "Desk wake-ups set: mon-fri 09:00-12:00, every 90 min" in listed
    assert "Nudges set (chosen): mon, tue, wed, thu, fri, sat, sun 18:00" in listed

    assert remind(Store.open(data_dir), args(data_dir, "remind", "--desk", "--off"), at(9), places) == 0
    assert not timer.exists() and not service.exists()
    assert (places.systemd / f"{UNIT}.timer").exists(), "the pre-run nudge stays"
    assert calls.read_text().splitlines()[-1] == f"--user disable --now {DESK_UNIT}.timer"
    capsys.readouterr()
    remind(Store.open(data_dir), args(data_dir, "remind"), at(9), places)
    assert "No desk wake-ups are set" in capsys.readouterr().out
    if analyze is None:
        pytest.skip("the desk units were not verified: systemd-analyze is not installed")


def test_on_macos_the_desk_agent_runs_at_each_time_of_each_work_day(data_dir: Path, places: Places) -> None:
    places = Places(places.cache, places.systemd, places.launch_agents, None, None, "darwin")
    remind(Store.open(data_dir), args(data_dir, "remind", "--desk", "09:00-11:00", "--days", "mon,wed-thu"), at(8), places)
    agent = plistlib.loads((places.launch_agents / f"{DESK_AGENT}.plist").read_bytes())
    assert agent["ProgramArguments"][-2:] == ["nudge", "--desk"]
    assert agent["StartCalendarInterval"] == [
        {"Weekday": weekday, "Hour": hour, "Minute": 0} for weekday in (1, 3, 4) for hour in (10, 11)]


@pytest.mark.parametrize("argv,problem", [
    (("--desk", "17:00-09:00"), "the hours must end after they start"),
    (("--desk", "09:00-17:00", "--every", "5m"), "15 minutes apart at the least"),
    (("--desk", "09:00-10:00", "--every", "2h"), "does not fit in 09:00-10:00 even once"),
    (("--desk", "--every", "30m"), "--every and --days need the hours"),
    (("--desk", "09:00-17:00", "--ics", "-"), "the calendar file holds the pre-run reminder only"),
    (("--desk", "09:00-17:00", "--at", "18:00"), "--at is for the pre-run reminder"),
    (("--desk", "09:00-17:00", "--every=-1h90m"), "'-1h90m' is not an interval like 60m or 1h30m"),
    (("--desk", "09:00-17:00", "--days", "mon-wed,fri,someday"),
     "'mon-wed,fri,someday': 'someday' is not a weekday or a range like mon-fri"),
])
def test_desk_hours_that_cannot_be_are_one_line(
    data_dir: Path, argv: tuple[str, ...], problem: str, capsys: pytest.CaptureFixture[str],
) -> None:
    from gluteui.cli import main

    assert main(["--data-dir", str(data_dir), "remind", *argv]) == 2
    err = capsys.readouterr().err
    assert problem in err and err.count("\n") == 1


def test_a_desk_nudge_is_not_snoozed(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from gluteui.cli import main

    assert main(["--data-dir", str(data_dir), "nudge", "--desk", "--snooze"]) == 2
    assert "--snooze is for the pre-run nudge" in capsys.readouterr().err
