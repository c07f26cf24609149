"""A desktop's idle monitor and screen savers, faked on the private test bus (dbus_session.py):
GNOME's org.gnome.Mutter.IdleMonitor (GetIdletime, in milliseconds) and GetActive on
org.freedesktop.ScreenSaver and org.gnome.ScreenSaver, answering what the test sets."""

from __future__ import annotations

from typing import Any

from jeepney import HeaderFields, new_error, new_method_return

from tests.dbus_session import FakeService

IDLE_MONITOR = "org.gnome.Mutter.IdleMonitor"
SCREEN_SAVERS = ("org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver")


class FakeDesktop(FakeService):
    """Owns the idle monitor's name and, unless left out, the screen savers' names."""

    def __init__(self, address: str, idle_ms: int = 0, locked: bool = False,
                 names: tuple[str, ...] = (IDLE_MONITOR, *SCREEN_SAVERS)) -> None:
        self.idle_ms = idle_ms
        self.locked = locked
        self.asked: list[str] = []
        super().__init__(address, names)

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
