"""The open app nudges in its own terminal: the real `gluteui` entry point in a real pty, the
test playing the terminal (it reads what the app writes, and reports focus as a terminal
does once the app turns focus reporting on). The wall clock is frozen through main's `now`,
the one the CLI's tests use, at a moment the day's nudge is due."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from gluteui.core.history import storage
from gluteui.core.history.store import Store
from gluteui.nudging import SENT_NAME, app_open
from tests.dbus_session import NotificationServer, session_bus

ROOT = Path(__file__).resolve().parents[2]
FOCUS_REPORTING_ON = b"\x1b[?1004h"
FOCUS_OUT, FOCUS_IN = b"\x1b[O", b"\x1b[I"
OSC_9 = b"\x1b]9;GluteUI: Glutes before your run: five minutes starts a streak.\x1b\\"
TOAST = b"Reminder"
"""The toast's title: its message is wrapped over lines, cursor moves between them."""
# Monday 7 December 2026, 18:05 in UTC+1: the nudge set for 18:00 is due.
LAUNCH = """
import sys
from datetime import datetime, timedelta, timezone
from gluteui.cli import main
moment = datetime(2026, 12, 7, 18, 5, tzinfo=timezone(timedelta(hours=1)))
sys.exit(main(sys.argv[1:], now=lambda: moment))
"""
OSC_ENDED_BY_BEL = re.compile(rb"\x1b\][^\x07\x1b]*\x07")
"""Textual ends its own OSCs (the pointer's shape) with BEL: a terminator, not a ring."""
WAIT_S = 30.0
"""A ceiling for a busy machine; each wait ends as soon as the bytes it waits for arrive."""


@dataclass
class Terminal:
    """The test's side of the pty: everything the app wrote so far, and the keyboard."""

    fd: int
    process: subprocess.Popen[bytes]
    output: bytes = b""

    def wait_for(self, wanted: bytes) -> bool:
        """Read until `wanted` has been written (True) or WAIT_S passed (False)."""
        deadline = time.monotonic() + WAIT_S
        while wanted not in self.output and time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], 0.1)
            if ready:
                try:
                    self.output += os.read(self.fd, 65536)
                except OSError:  # the app ended: the pty is closed
                    return wanted in self.output
        return wanted in self.output

    def read_some(self) -> None:
        """Take what the app wrote in the next tenth of a second, if anything."""
        ready, _, _ = select.select([self.fd], [], [], 0.1)
        if ready:
            with contextlib.suppress(OSError):  # the app ended: the pty is closed, nothing more to read
                self.output += os.read(self.fd, 65536)

    def send(self, data: bytes) -> None:
        os.write(self.fd, data)


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path]:
    data, cache = tmp_path / "data", tmp_path / "cache"
    store = Store.open(data)
    store.set_setting("reminder", {"times": {"mon": "18:00"}, "learned": False, "on": True})
    return data, cache


@contextmanager
def app_in_a_terminal(data: Path, cache: Path, **env: str) -> Iterator[Terminal]:
    """`gluteui --no-sound` in an 80x24 pty, with its own cache folder; quit (q) at the end."""
    parent, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("TMUX", "KITTY_WINDOW_ID", "TERM_PROGRAM", "VTE_VERSION", "ITERM_SESSION_ID",
                                  "WEZTERM_PANE", "GHOSTTY_RESOURCES_DIR", "DBUS_SESSION_BUS_ADDRESS")}
    environment.update(TERM="xterm-256color", XDG_CACHE_HOME=str(cache / "xdg"), TEXTUAL_ANIMATIONS="none", **env)
    process = subprocess.Popen([sys.executable, "-c", LAUNCH, "--data-dir", str(data), "--no-sound"],
                               stdin=child, stdout=child, stderr=child, env=environment, cwd=ROOT,
                               start_new_session=True)
    os.close(child)
    terminal = Terminal(parent, process)
    try:
        yield terminal
    finally:
        terminal.send(b"q")
        try:
            process.wait(timeout=WAIT_S)
        except subprocess.TimeoutExpired:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
        os.close(parent)


def work_folder(data: Path, cache: Path) -> Path:
    """The app's work folder for `data` under its cache folder (where its "open" lock is)."""
    return storage.work_folder(data / storage.FILE_NAME, cache / "xdg" / "gluteui" / "work")


def rings(output: bytes) -> bool:
    """Whether the terminal was asked to ring: a BEL that ends no OSC."""
    return b"\x07" in OSC_ENDED_BY_BEL.sub(b"", output)


def sent_record(cache: Path) -> dict[str, object]:
    return json.loads((cache / "xdg" / "gluteui" / SENT_NAME).read_text())


KITTY_IN_TMUX = (b"\x1bPtmux;\x1b\x1b]99;i=gluteui:d=0;GluteUI\x1b\x1b\\\x1b\x1b]99;i=gluteui:d=1:p=body;"
                 b"Glutes before your run: five minutes starts a streak.\x1b\x1b\\\x1b\\")


@pytest.mark.parametrize("env, sequence", [
    ({"TERM_PROGRAM": "WezTerm"}, OSC_9),
    ({"TERM_PROGRAM": "tmux", "TMUX": "/tmp/tmux-1/default,1,0", "KITTY_WINDOW_ID": "1"}, KITTY_IN_TMUX),
], ids=["wezterm", "kitty-in-tmux"])
def test_a_due_nudge_reaches_an_unfocused_terminal_as_an_osc_notification(
        folders: tuple[Path, Path], env: dict[str, str], sequence: bytes) -> None:
    data, cache = folders
    with app_in_a_terminal(data, cache, **env) as terminal:
        assert terminal.wait_for(FOCUS_REPORTING_ON), terminal.output[-500:]
        terminal.send(FOCUS_OUT)  # the user switched to another window
        assert terminal.wait_for(sequence), terminal.output[-2000:]
        assert app_open(work_folder(data, cache)), "the open app holds the lock `gluteui nudge` looks for"
        assert sent_record(cache) == {"day": "2026-12-07", "nudged": True, "snoozed_until": None, "repeated": False}
    assert TOAST not in terminal.output, "no toast as well"
    assert not rings(terminal.output), "never the bell"
    assert terminal.output.count(b"Glutes before your run") == 1, "one nudge a day"
    assert not app_open(work_folder(data, cache)), "quitting lets the timer nudge again"


def test_a_focused_terminal_gets_a_toast_and_no_osc_inside_tmux_too(folders: tuple[Path, Path]) -> None:
    data, cache = folders
    with app_in_a_terminal(data, cache, TERM_PROGRAM="tmux", TMUX="/tmp/tmux-1/default,1,0") as terminal:
        assert terminal.wait_for(FOCUS_REPORTING_ON)
        terminal.send(FOCUS_OUT + FOCUS_IN)  # away and back before the nudge
        assert terminal.wait_for(TOAST), terminal.output[-2000:]
    assert b"\x1b]9;" not in terminal.output and b"\x1bPtmux;" not in terminal.output
    assert not rings(terminal.output), "never the bell"
    assert sent_record(cache)["nudged"] is True



def test_a_terminal_that_shows_no_osc_notification_gets_the_desktops_instead(
        folders: tuple[Path, Path], tmp_path: Path) -> None:
    """GNOME Terminal (VTE) ignores all three sequences: the nudge would be lost in it."""
    data, cache = folders
    with session_bus(tmp_path) as address, NotificationServer(address) as server:
        with app_in_a_terminal(data, cache, VTE_VERSION="7600", DBUS_SESSION_BUS_ADDRESS=address) as terminal:
            assert terminal.wait_for(FOCUS_REPORTING_ON), terminal.output[-500:]
            terminal.send(FOCUS_OUT)
            deadline = time.monotonic() + WAIT_S
            while not server.sent and time.monotonic() < deadline:
                terminal.read_some()  # the app must not block on a full pty meanwhile
        assert server.sent == [("GluteUI", "GluteUI", "Glutes before your run: five minutes starts a streak.")]
    assert b"\x1b]9;" not in terminal.output and b"\x1b]99;" not in terminal.output and b"\x1b]777;" not in terminal.output
    assert TOAST not in terminal.output, "the desktop showed it: no toast as well"
    assert not rings(terminal.output), "never the bell"
    assert sent_record(cache)["nudged"] is True


def test_a_terminal_that_never_reports_focus_gets_the_toast_and_the_desktops_notification(
        folders: tuple[Path, Path], tmp_path: Path) -> None:
    """tmux without `focus-events on` never says the user went elsewhere: "focused" is only a
    guess there, so the nudge is not left to a toast nobody may see."""
    data, cache = folders
    with session_bus(tmp_path) as address, NotificationServer(address) as server:
        with app_in_a_terminal(data, cache, TERM_PROGRAM="tmux", TMUX="/tmp/tmux-1/default,1,0",
                               DBUS_SESSION_BUS_ADDRESS=address) as terminal:
            assert terminal.wait_for(TOAST), terminal.output[-2000:]  # no focus event is sent
            deadline = time.monotonic() + WAIT_S
            while not server.sent and time.monotonic() < deadline:
                terminal.read_some()
        assert server.sent == [("GluteUI", "GluteUI", "Glutes before your run: five minutes starts a streak.")]
    assert b"\x1bPtmux;" not in terminal.output, "no escape sequence: the terminal is not known to be away"
    assert not rings(terminal.output), "never the bell"
