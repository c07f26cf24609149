"""Whether someone is at the desk: asked of the desktop over D-Bus, and of the environment.

Each question the desktop cannot answer (no such service, no session bus) is "not known",
and the desk nudge goes on without it: only a clear "idle" or "locked" holds it back.
- Idle: GNOME's org.gnome.Mutter.IdleMonitor (what Safe Eyes' smart pause asks on GNOME
  Wayland, where no X11 idle counter sees the session). logind's IdleHint is left alone:
  desktops rarely keep it up to date.
- Locked: org.freedesktop.ScreenSaver (KDE Plasma and others) and org.gnome.ScreenSaver
  (GNOME Shell), GetActive on each.
- SSH: $SSH_CONNECTION, $SSH_CLIENT or $SSH_TTY, which sshd sets for every login.
- A text console: $XDG_SESSION_TYPE is "tty", or on Linux neither $WAYLAND_DISPLAY nor
  $DISPLAY is set. A timer runs outside any login session, so logind cannot say which
  session it belongs to; but desktops put these two into the user manager's environment
  (GNOME, Plasma; `dbus-update-activation-environment --systemd` for the others), and
  with neither there is no desktop for a notification to appear on.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from gluteui.core.stats.desk import Presence

IDLE_MONITOR = ("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core", "org.gnome.Mutter.IdleMonitor")
SCREEN_SAVERS = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
)
ASK_TIMEOUT_S = 2.0
"""A desktop service that does not answer in this long is taken as not there."""
SSH_VARIABLES = ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY")


def remote(environ: Mapping[str, str]) -> bool:
    """Whether this runs in an SSH login."""
    return any(environ.get(name) for name in SSH_VARIABLES)


def console(environ: Mapping[str, str], platform: str) -> bool:
    """Whether this runs on a text console rather than a desktop (see the module's notes)."""
    if environ.get("XDG_SESSION_TYPE") == "tty":
        return True
    if platform == "darwin":
        return False  # a LaunchAgent runs in the Aqua session; macOS has no DISPLAY
    return not (environ.get("WAYLAND_DISPLAY") or environ.get("DISPLAY"))


def presence(environ: Mapping[str, str] | None = None, platform: str = sys.platform) -> Presence:
    """What this machine says about the person at it. The desktop is asked only when the
    environment leaves a desktop possible: over SSH its bus, if any, is someone else's."""
    environ = os.environ if environ is None else environ
    if remote(environ) or console(environ, platform):
        return Presence(remote=remote(environ), console=console(environ, platform))
    if platform == "darwin":
        return Presence()
    return _ask_desktop()


def _ask_desktop() -> Presence:
    """Idle time and lock state from the session bus; None for what it cannot tell."""
    from jeepney.io.blocking import open_dbus_connection

    try:
        connection = open_dbus_connection(bus="SESSION")
    except (KeyError, OSError, RuntimeError, ValueError):
        return Presence()  # no session bus: nothing known, the notification will say more
    with connection:
        idle_ms = _ask(connection, IDLE_MONITOR, "GetIdletime")
        answers = [_ask(connection, saver, "GetActive") for saver in SCREEN_SAVERS]
    idle = timedelta(milliseconds=idle_ms) if isinstance(idle_ms, int) else None
    known = [answer for answer in answers if isinstance(answer, bool)]
    return Presence(idle=idle, locked=any(known) if known else None)


def _ask(connection: Any, where: tuple[str, str, str], method: str) -> object:
    """One method's single answer, or None when the service is not there or does not answer."""
    from jeepney import DBusAddress, new_method_call
    from jeepney.wrappers import DBusErrorResponse, unwrap_msg

    service, path, interface = where
    call = new_method_call(DBusAddress(path, bus_name=service, interface=interface), method)
    try:
        body = unwrap_msg(connection.send_and_get_reply(call, timeout=ASK_TIMEOUT_S))
    except (DBusErrorResponse, TimeoutError, OSError):
        return None
    return body[0] if isinstance(body, tuple) and len(body) == 1 else None
