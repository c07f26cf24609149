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
        name = next(self._names)
        start = time.perf_counter()
        self.tmux("new-session", "-d", "-s", name, "-x", str(WIDTH), "-y", str(HEIGHT), command)
        try:
            while True:
                screen = self.tmux("capture-pane", "-p", "-t", name).stdout
                elapsed = time.perf_counter() - start
                if marker in screen:
                    return elapsed
                if elapsed > TIMEOUT_S:
                    pytest.fail(f"{command} showed no {marker!r} within {TIMEOUT_S:.0f} s; its screen:\n{screen}")
                time.sleep(POLL_S)
        finally:
            self.tmux("kill-session", "-t", name, check=False)
