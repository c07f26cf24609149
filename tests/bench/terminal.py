"""A real terminal for the benchmarks: a tmux server of our own, polled for a marker."""

from __future__ import annotations

import itertools
import os
import shlex
import subprocess
import time
from pathlib import Path

import pytest

WIDTH, HEIGHT = 100, 30
POLL_S = 0.01
TIMEOUT_S = 20.0
EXIT_TIMEOUT_S = 2.0


class Terminal:
    """A tmux server of our own: its sessions cannot clash with anyone else's, and one
    kill-server ends all of them."""

    def __init__(self) -> None:
        self.socket = f"gluteui-bench-{os.getpid()}"
        self.socket_path: Path | None = None
        self._names = (f"run{number}" for number in itertools.count())
        self._commands: dict[str, str] = {}
        """Session name -> the command it runs, for failure messages."""
        self._control: subprocess.Popen[str] | None = None

    def _client(self, *args: str) -> list[str]:
        # -f /dev/null: nobody's tmux.conf changes what we measure.
        return ["tmux", "-L", self.socket, "-f", "/dev/null", *args]

    def tmux(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run one tmux command through the control client; its output as stdout."""
        control = self._control
        if control is None or control.stdin is None:
            return subprocess.run(self._client(*args), capture_output=True, text=True, check=check)
        # A newline would end the command early and shift every later reply by one.
        if any("\n" in arg for arg in args):
            raise ValueError(f"tmux arguments cannot hold a newline: {args}")
        control.stdin.write(" ".join(shlex.quote(arg) for arg in args) + "\n")
        control.stdin.flush()
        ok, lines = self._read_block()
        result = subprocess.CompletedProcess(args, 0 if ok else 1, "".join(lines), "" if ok else "".join(lines))
        if check and not ok:
            raise RuntimeError(f"tmux {' '.join(args)}: {result.stderr.strip()}")
        return result

    def _read_block(self) -> tuple[bool, list[str]]:
        """The next reply from the control client: whether it succeeded, and its lines.

        A reply is framed by "%begin T N F" and "%end T N F" (or "%error T N F") with the
        same T N F, so a line of a pane's text that happens to start with %end is text.
        """
        assert self._control is not None and self._control.stdout is not None
        lines: list[str] = []
        tag: list[str] | None = None
        for line in self._control.stdout:
            words = line.split()
            if tag is None:
                # Outside a reply, lines are notifications (%session-changed...).
                if words[:1] == ["%begin"]:
                    tag = words[1:]
            elif words[:1] in (["%end"], ["%error"]) and words[1:] == tag:
                return words[0] == "%end", lines
            else:
                lines.append(line)
        raise RuntimeError("the tmux control client ended")

    def start(self) -> None:
        # The keeper session keeps the server up, so no run pays for starting it.
        self.tmux("new-session", "-d", "-s", "keeper", "-x", str(WIDTH), "-y", str(HEIGHT), "sleep 86400")
        # Every later command goes through one control-mode client: polling by starting
        # a tmux client every 10 ms would itself load the two cores being measured.
        self._control = subprocess.Popen(
            self._client("-C", "attach-session", "-t", "keeper"),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        self._read_block()  # the reply to attach-session itself
        # A program that dies leaves its last screen behind, for the failure message.
        self.tmux("set-option", "-g", "remain-on-exit", "on")
        self.socket_path = Path(self.tmux("display-message", "-p", "#{socket_path}").stdout.strip())

    def stop(self) -> None:
        if self._control is not None:
            self._control.kill()
            self._control.wait()
            self._control = None
        self.tmux("kill-server", check=False)
        # tmux leaves its socket file behind when the server is killed.
        if self.socket_path is not None:
            self.socket_path.unlink(missing_ok=True)

    def time_to_show(self, command: str, marker: str) -> float:
        """Seconds from just before starting `command` until its screen shows `marker`."""
        return self.times_to_show(command, marker)[0]

    def times_to_show(self, command: str, *markers: str) -> list[float]:
        """Seconds from just before starting `command` until its screen shows each marker in turn."""
        start = time.perf_counter()
        name = self.open(command)
        times = []
        try:
            for marker in markers:
                self.wait_for(name, marker, start)
                times.append(time.perf_counter() - start)
            return times
        finally:
            self.close(name)

    def open(self, command: str, size: tuple[int, int] = (WIDTH, HEIGHT)) -> str:
        """Start `command` in a session of its own, `size` columns by rows; the session's name."""
        name = next(self._names)
        self._commands[name] = command
        self.tmux("new-session", "-d", "-s", name, "-x", str(size[0]), "-y", str(size[1]), command)
        return name

    def close(self, name: str) -> None:
        """End the session and wait for its program to be gone.

        A program still shutting down would take CPU from the next run being timed.
        """
        pid = self.tmux("display-message", "-p", "-t", name, "#{pane_pid}", check=False).stdout.strip()
        self.tmux("kill-session", "-t", name, check=False)
        deadline = time.perf_counter() + EXIT_TIMEOUT_S
        while pid.isdigit():
            try:
                os.kill(int(pid), 0)
            except ProcessLookupError:
                return
            if time.perf_counter() > deadline:
                pytest.fail(f"{self._commands[name]} still runs {EXIT_TIMEOUT_S:.0f} s after its session ended")
            time.sleep(POLL_S / 2)

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
