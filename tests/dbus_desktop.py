"""A desktop's idle monitor and screen savers, faked on the private test bus (dbus_session.py):
GNOME's org.gnome.Mutter.IdleMonitor (GetIdletime, in milliseconds) and GetActive on
org.freedesktop.ScreenSaver and org.gnome.ScreenSaver, answering what the test sets."""

from __future__ import annotations

import threading
from typing import Any

from jeepney import HeaderFields, MessageType, new_error, new_method_return
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

IDLE_MONITOR = "org.gnome.Mutter.IdleMonitor"
SCREEN_SAVERS = ("org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver")


class FakeDesktop:
    """Owns the idle monitor's name and, unless left out, the screen savers' names."""

    def __init__(self, address: str, idle_ms: int = 0, locked: bool = False,
                 names: tuple[str, ...] = (IDLE_MONITOR, *SCREEN_SAVERS)) -> None:
        self.idle_ms = idle_ms
        self.locked = locked
        self.asked: list[str] = []
        self._connection = open_dbus_connection(address)
        for name in names:
            reply = self._connection.send_and_get_reply(message_bus.RequestName(name), timeout=5)
            assert reply.body == (1,), f"could not own {name}: {reply.body}"
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def _answer(self, message: Any) -> Any:
        fields = message.header.fields
        interface, member = fields.get(HeaderFields.interface), fields.get(HeaderFields.member)
        self.asked.append(f"{interface}.{member}")
        if (interface, member, fields.get(HeaderFields.path)) == (
                IDLE_MONITOR, "GetIdletime", "/org/gnome/Mutter/IdleMonitor/Core"):
            return new_method_return(message, "t", (self.idle_ms,))
        if interface in SCREEN_SAVERS and member == "GetActive":
            return new_method_return(message, "b", (self.locked,))
        return new_error(message, "org.freedesktop.DBus.Error.UnknownMethod")

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                message = self._connection.receive(timeout=0.05)
            except TimeoutError:
                continue
            if message.header.message_type == MessageType.method_call:
                self._connection.send(self._answer(message))

    def __enter__(self) -> FakeDesktop:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._connection.close()
