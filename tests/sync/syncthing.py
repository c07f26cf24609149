"""Two real Syncthing instances on 127.0.0.1 sharing one folder, set up through the REST API.

Each instance gets its own home (keys, config, database) and talks only to the other:
discovery, relays, NAT and usage reporting are off, and B dials A at its explicit
tcp:// address. See https://docs.syncthing.net/dev/rest.html.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

FOLDER_ID = "gluteui"
START_TIMEOUT_S = 30.0
POLL_S = 0.2
# What Syncthing itself keeps in a folder: never part of what is compared.
OWN_NAMES = (".stfolder", ".stignore")
TEMP_PREFIXES = (".syncthing.", "~syncthing~")
OPTIONS = {
    "globalAnnounceEnabled": False, "localAnnounceEnabled": False,
    "relaysEnabled": False, "natEnabled": False, "autoUpgradeIntervalH": 0, "startBrowser": False,
    "urAccepted": -1, "crashReportingEnabled": False,  # -1: usage reporting declined, never asked
    "reconnectionIntervalS": 1,  # a resumed device is dialled within a second, not a minute
}


class SyncthingUnavailable(Exception):
    """Syncthing is not installed or did not start: the test skips rather than fails."""


def free_port() -> int:
    """A TCP port nothing listens on right now (the OS picks it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(condition: Callable[[], bool], timeout: float, what: Callable[[], str]) -> None:
    """Poll `condition` until true; on timeout raise TimeoutError with `what()`, the last state seen."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(what())
        time.sleep(POLL_S)


def folder_files(folder: Path) -> dict[str, bytes]:
    """Every file in `folder` by relative path, leaving out Syncthing's own and temporary ones."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.relative_to(folder).parts[0] not in OWN_NAMES
        and not path.name.startswith(TEMP_PREFIXES)
    }


class Instance:
    """One `syncthing serve` with its own home, its REST API and its listener on free ports."""

    def __init__(self, name: str, home: Path, folder: Path) -> None:
        self.name, self.home, self.folder = name, home, folder
        self.api_key = secrets.token_hex(16)
        self.gui_port, self.listen_port = free_port(), free_port()
        self.address = f"tcp://127.0.0.1:{self.listen_port}"
        self.device_id = ""
        self.process: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    def launch(self, binary: str) -> None:
        """Generate keys and config, then start serving (without waiting for it)."""
        self.home.mkdir(parents=True, exist_ok=True)
        # HOME too, so nothing of the real user's Syncthing (or "~/Sync") is read or made.
        env = dict(os.environ, HOME=str(self.home), STNOUPGRADE="1", STNODEFAULTFOLDER="1")
        home = f"--home={self.home}"
        made = subprocess.run([binary, "generate", home, "--no-default-folder"],
                              env=env, capture_output=True, timeout=START_TIMEOUT_S, check=False)
        if made.returncode != 0:
            raise SyncthingUnavailable(f"syncthing generate failed: {made.stderr.decode()[-500:]}")
        self._log = (self.home / "syncthing.log").open("wb")
        self.process = subprocess.Popen(
            [binary, "serve", home, "--no-browser", "--no-restart", "--no-upgrade", "--no-default-folder",
             f"--gui-address=http://127.0.0.1:{self.gui_port}", f"--gui-apikey={self.api_key}"],
            env=env, stdout=self._log, stderr=subprocess.STDOUT, start_new_session=True,
        )

    def wait_ready(self) -> None:
        """Wait for the API to answer; SyncthingUnavailable if it does not within START_TIMEOUT_S."""
        try:
            wait_for(self._answers, START_TIMEOUT_S, lambda: f"no API on port {self.gui_port}")
        except TimeoutError as error:
            message = f"syncthing {self.name} did not start: {error}\n{self.log_tail()}"
            raise SyncthingUnavailable(message) from None
        self.device_id = self.request("GET", "/rest/system/status")["myID"]

    def _answers(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise SyncthingUnavailable(f"syncthing {self.name} exited:\n{self.log_tail()}")
        try:
            return bool(self.request("GET", "/rest/system/ping", timeout=2) == {"ping": "pong"})
        except (OSError, ValueError):  # not listening yet, or half-started
            return False

    def request(self, method: str, path: str, body: Any = None, timeout: float = 15, **query: str) -> Any:
        """One REST call with `query` as its parameters; the JSON answer, or None for an empty one."""
        url = f"http://127.0.0.1:{self.gui_port}{path}?{urllib.parse.urlencode(query)}"
        data = None if body is None else json.dumps(body).encode()
        headers = {"X-API-Key": self.api_key, "Content-Type": "application/json"}
        try:
            with urllib.request.urlopen(urllib.request.Request(url, data, headers, method=method),
                                        timeout=timeout) as response:
                text = response.read()
        except urllib.error.HTTPError as error:
            # Syncthing says why it refused a call in the body.
            reason = error.read()[:300].decode(errors="replace")
            raise RuntimeError(f"{self.name}: {method} {path} -> {error.code} {reason}") from None
        return json.loads(text) if text.strip() else None

    def isolate(self) -> None:
        """Listen only on our own loopback port, with every way of reaching the outside off."""
        # Applied at once (no restart): the first start's listeners close a second later.
        self.request("PATCH", "/rest/config/options", {**OPTIONS, "listenAddresses": [self.address]})

    def share_with(self, peer: Instance, dial: bool) -> None:
        """Know `peer` (at its explicit address if this side is to `dial` it) and share the folder."""
        # Only one side dials: were both to dial at once, each would wait for the other's
        # Hello on a different connection (Syncthing takes new connections one at a time)
        # and both stall for 20 s. With discovery off, "dynamic" means never dial.
        device = self.request("GET", "/rest/config/defaults/device")
        device.update(deviceID=peer.device_id, name=peer.name,
                      addresses=[peer.address] if dial else ["dynamic"])
        self.request("POST", "/rest/config/devices", device)
        self.folder.mkdir(parents=True, exist_ok=True)
        folder = self.request("GET", "/rest/config/defaults/folder")
        folder.update(
            id=FOLDER_ID, label=FOLDER_ID, path=str(self.folder),
            devices=[{"deviceID": self.device_id}, {"deviceID": peer.device_id}],
            # The watcher notices writes within a second; the rescan is a backstop.
            fsWatcherEnabled=True, fsWatcherDelayS=1, rescanIntervalS=10,
        )
        self.request("POST", "/rest/config/folders", folder)

    def connected_to(self, peer: Instance) -> bool:
        connections = self.request("GET", "/rest/system/connections")["connections"]
        return bool(connections.get(peer.device_id, {}).get("connected"))

    def scan(self) -> None:
        """Rescan the folder now; Syncthing answers once the scan is done."""
        self.request("POST", "/rest/db/scan", timeout=30, folder=FOLDER_ID)

    def settled_with(self, peer: Instance) -> tuple[bool, str]:
        """Whether this side is idle, needs nothing and knows `peer` has everything; and the numbers."""
        status = self.request("GET", "/rest/db/status", folder=FOLDER_ID)
        completion = self.request("GET", "/rest/db/completion", folder=FOLDER_ID, device=peer.device_id)
        settled = (status["state"] == "idle" and status["needTotalItems"] == 0
                   and status.get("pullErrors", 0) == 0 and completion["completion"] == 100
                   and completion["needItems"] == 0 and completion["needDeletes"] == 0)
        return settled, (f"{self.name}: {status['state']}, needs {status['needTotalItems']}, "
                         f"{status.get('pullErrors')} pull errors, peer {completion['completion']}% done")

    def log_tail(self, lines: int = 15) -> str:
        path = self.home / "syncthing.log"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:]) if path.exists() else ""

    def terminate(self) -> None:
        """Ask it to exit: SIGTERM lets it close its database."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()

    def stop(self) -> None:
        """Wait for it to exit, killing its whole process group if it hangs; safe to call twice."""
        self.terminate()
        if self.process is not None:
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                # `serve` is a monitor that waits for the real Syncthing, its child. In a
                # session of its own, the monitor's pid is the group id: the child goes too.
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
            self.process = None
        if self._log is not None:
            self._log.close()


class SyncPair:
    """Two instances, A and B, each syncing its own copy of one folder with the other."""

    def __init__(self, root: Path, folder_a: Path, folder_b: Path) -> None:
        self.a = Instance("A", root / "syncthing-a", folder_a)
        self.b = Instance("B", root / "syncthing-b", folder_b)
        self.both = (self.a, self.b)

    def start(self) -> None:
        """Start, configure and connect both; SyncthingUnavailable when Syncthing is missing or stuck."""
        binary = shutil.which("syncthing")
        if binary is None:
            raise SyncthingUnavailable("syncthing is not on PATH (apt-get install syncthing)")
        for instance in self.both:  # both start at once: each takes over a second
            instance.launch(binary)
        for instance in self.both:
            instance.wait_ready()
            instance.isolate()
        # A first, so that B's first dial finds A expecting it.
        self.a.share_with(self.b, dial=False)
        self.b.share_with(self.a, dial=True)
        self.wait_connected(True)
        self.wait_in_sync()

    def wait_connected(self, connected: bool, timeout: float = 20) -> None:
        def done() -> bool:
            return self.a.connected_to(self.b) == connected and self.b.connected_to(self.a) == connected

        wait_for(done, timeout, lambda: f"A and B still not {'connected' if connected else 'apart'}\n"
                 f"{self.a.log_tail()}\n{self.b.log_tail()}")

    def pause(self) -> None:
        """Disconnect: each side pauses the other device, so no connection is made or accepted."""
        self.a.request("POST", "/rest/system/pause", device=self.b.device_id)
        self.b.request("POST", "/rest/system/pause", device=self.a.device_id)
        self.wait_connected(False)

    def resume(self) -> None:
        """Reconnect: A expects B again, then B dials it."""
        self.a.request("POST", "/rest/system/resume", device=self.b.device_id)
        self.b.request("POST", "/rest/system/resume", device=self.a.device_id)
        self.wait_connected(True)

    def scan(self) -> None:
        for instance in self.both:
            instance.scan()

    def wait_in_sync(self, timeout: float = 25) -> None:
        """Wait until both sides are idle, need nothing from each other and hold the same files."""
        seen = ["nothing yet"]

        def in_sync() -> bool:
            # A scan each round finds files Syncthing itself just wrote, such as a conflict
            # copy, without waiting for the watcher's delay.
            self.scan()
            (a_done, a_state), (b_done, b_state) = self.a.settled_with(self.b), self.b.settled_with(self.a)
            a_files, b_files = folder_files(self.a.folder), folder_files(self.b.folder)
            seen[0] = f"{a_state}; {b_state}; A has {sorted(a_files)}, B has {sorted(b_files)}"
            return a_done and b_done and a_files == b_files

        wait_for(in_sync, timeout, lambda: f"not in sync after {timeout:g} s: {seen[0]}")

    def stop(self) -> None:
        """Stop both, whatever state they are in; safe to call twice."""
        for instance in self.both:
            instance.terminate()  # both at once: each takes up to a second to exit
        for instance in self.both:
            instance.stop()
