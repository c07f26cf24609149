"""A real, private D-Bus session bus (Debian's dbus-daemon) and a notification server on it
that records what it was sent: org.freedesktop.Notifications' Notify, built on jeepney as
`gluteui nudge` is, answering from a thread.

The bus has its own config: no service activation, so a notification server is on it only
when a test puts one there, whatever the machine has installed.
"""

from __future__ import annotations

import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Self

from jeepney import HeaderFields, MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

NAME = "org.freedesktop.Notifications"
CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path={socket}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""


@contextmanager
def session_bus(folder: Path) -> Iterator[str]:
    """A dbus-daemon for the test; its address, the daemon stopped on the way out."""
    config = folder / "bus.conf"
    config.write_text(CONFIG.format(socket=folder / "bus"), encoding="utf-8")
    daemon = subprocess.Popen(
        ["dbus-daemon", f"--config-file={config}", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()  # printed once it listens
        assert address.startswith("unix:"), f"dbus-daemon said {address!r}: {daemon.stderr}"
        yield address
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)


class FakeService:
    """Owns `names` on the bus at `address` and answers each method call with `_answer`,
    from a thread, while in its `with` block."""

    def __init__(self, address: str, names: tuple[str, ...]) -> None:
        self._connection = open_dbus_connection(address)
        for name in names:
            reply = self._connection.send_and_get_reply(message_bus.RequestName(name), timeout=5)
            assert reply.body == (1,), f"could not own {name}: {reply.body}"  # 1: the primary owner
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _answer(self, message: Any) -> Any:
        raise NotImplementedError

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                message = self._connection.receive(timeout=0.05)  # waits for a message, or checks _stop
            except TimeoutError:
                continue
            if message.header.message_type == MessageType.method_call:
                self._connection.send(self._answer(message))

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._connection.close()


class NotificationServer(FakeService):
    """Owns org.freedesktop.Notifications on `address` and records each Notify's
    (app_name, summary, body)."""

    def __init__(self, address: str) -> None:
        self.sent: list[tuple[str, str, str]] = []
        super().__init__(address, (NAME,))

    def _answer(self, message: Any) -> Any:
        member = message.header.fields.get(HeaderFields.member)
        if member == "Notify":
            app_name, _replaces, _icon, summary, body, _actions, _hints, _timeout = message.body
            self.sent.append((app_name, summary, body))
            return new_method_return(message, "u", (len(self.sent),))
        if member == "GetServerInformation":
            return new_method_return(message, "ssss", ("recorder", "gluteui tests", "1", "1.2"))
        return new_error(message, "org.freedesktop.DBus.Error.UnknownMethod")
