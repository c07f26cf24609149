"""A real terminal for the benchmarks: a tmux server of our own, polled for a marker."""

from __future__ import annotations

import itertools
import os
import subprocess
import time
from pathlib import Path

import pytest

WIDTH, HEIGHT = 100, 30
POLL_S = 0.01
TIMEOUT_S = 20.0


class Terminal:
    """A tmux server of our own: its sessions cannot clash with anyone else's, and one
    kill-server ends all of them."""

    def __init__(self) -> None:
        self.socket = f"gluteui-bench-{os.getpid()}"
        self.socket_path: Path | None = None
        self._names = (f"run{number}" for number in itertools.count())
        self._commands: dict[str, str] = {}
        """Session name -> the command it runs, for failure messages."""

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        # -f /dev/null: nobody's tmux.conf changes what we measure.
        command = ["tmux", "-L", self.socket, "-f", "/dev/null", *args]
        return subprocess.run(command, capture_output=True, text=True, check=check)

    def start(self) -> None:
        # The keeper session keeps the server up, so no run pays for starting it.
        self.tmux("new-session", "-d", "-s", "keeper", "-x", str(WIDTH), "-y", str(HEIGHT), "sleep 86400")
        # A program that dies leaves its last screen behind, for the failure message.
        self.tmux("set-option", "-g", "remain-on-exit", "on")
        self.socket_path = Path(self.tmux("display-message", "-p", "#{socket_path}").stdout.strip())

    def stop(self) -> None:
        self.tmux("kill-server", check=False)
        # tmux leaves its socket file behind when the server is killed.
        if self.socket_path is not None:
            self.socket_path.unlink(missing_ok=True)

    def time_to_show(self, command: str, marker: str) -> float:
        """Seconds from just before starting `command` until its screen shows `marker`."""
        start = time.perf_counter()
        name = self.open(command)
        try:
            self.wait_for(name, marker, start)
            return time.perf_counter() - start
        finally:
            self.close(name)

    def open(self, command: str) -> str:
        """Start `command` in a session of its own; the session's name."""
        name = next(self._names)
        self._commands[name] = command
        self.tmux("new-session", "-d", "-s", name, "-x", str(WIDTH), "-y", str(HEIGHT), command)
        return name

    def close(self, name: str) -> None:
        self.tmux("kill-session", "-t", name, check=False)

    def screen(self, name: str) -> str:
        return self.tmux("capture-pane", "-p", "-t", name).stdout

    def wait_for(self, name: str, marker: str, since: float | None = None) -> str:
        """Poll session `name` until its screen shows `marker` (at most TIMEOUT_S from `since`)."""
        start = time.perf_counter() if since is None else since
        while True:
            screen = self.screen(name)
            if marker in screen:
                return screen
            if time.perf_counter() - start > TIMEOUT_S:
                pytest.fail(
                    f"{self._commands[name]} showed no {marker!r} within {TIMEOUT_S:.0f} s; its screen:\n{screen}"
                )
            time.sleep(POLL_S)

    def send_keys(self, name: str, *keys: str) -> None:
        self.tmux("send-keys", "-t", name, *keys)

    def pane_pid(self, name: str) -> int:
        """The pid of the pane's process: the program itself when its command starts with `exec`."""
        return int(self.tmux("display-message", "-p", "-t", name, "#{pane_pid}").stdout)
