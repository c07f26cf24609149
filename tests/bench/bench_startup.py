"""Time to first screen in a real terminal: `gluteui` against a bare Textual app, both in tmux.

Both programs show the same marker, "Start activation", and the same poll of the pane
finds it, so the ratio of the medians is what GluteUI adds on top of Textual itself.
"""

from __future__ import annotations

import itertools
import os
import shlex
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.bench.bare_app import MARKER
from tests.bench.measure import RUNS, interleaved, median, report, seconds, spread

PYTHON = Path(sys.executable)
GLUTEUI = PYTHON.with_name("gluteui")
BARE_APP = Path(__file__).with_name("bare_app.py")
WIDTH, HEIGHT = 100, 30
POLL_S = 0.01
TIMEOUT_S = 20.0
MAX_RATIO = 1.3


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


@pytest.fixture(scope="module")
def terminal() -> Iterator[Terminal]:
    terminal = Terminal()
    try:
        terminal.start()
        yield terminal
    finally:
        terminal.stop()


def test_first_screen_costs_at_most_30_percent_more_than_a_bare_textual_app(
    terminal: Terminal, tmp_path: Path
) -> None:
    data_dirs = (tmp_path / f"data-{number}" for number in itertools.count())

    def bare() -> float:
        return terminal.time_to_show(f"{shlex.quote(str(PYTHON))} {shlex.quote(str(BARE_APP))}", MARKER)

    def gluteui() -> float:
        data_dir = shlex.quote(str(next(data_dirs)))
        return terminal.time_to_show(f"{shlex.quote(str(GLUTEUI))} --data-dir {data_dir}", MARKER)

    # One unmeasured run each warms the file cache and writes the .pyc files.
    bare()
    gluteui()
    samples = interleaved(RUNS, {"bare": bare, "gluteui": gluteui})
    bare_s, gluteui_s = median(samples["bare"]), median(samples["gluteui"])
    ratio = gluteui_s / bare_s
    report(
        "startup",
        f"bare Textual app {seconds(bare_s)} {spread(samples['bare'])}, "
        f"gluteui {seconds(gluteui_s)} {spread(samples['gluteui'])}, "
        f"+{seconds(gluteui_s - bare_s)}, ratio {ratio:.2f} (target <= {MAX_RATIO}); "
        f"medians of {RUNS}, tmux {WIDTH}x{HEIGHT}, fresh data dir",
    )
    assert ratio <= MAX_RATIO, (
        f"gluteui takes {ratio:.2f}x as long as a bare Textual app to show its first screen"
    )
