"""Desktop notifications: the freedesktop notifications API over D-Bus on Linux, osascript on macOS.

Never the terminal bell: a nudge comes from a timer, with no terminal to ring.

D-Bus goes through jeepney: pure Python (nothing to compile, no libdbus), no dependencies,
released in 2025 and kept by the maintainer of keyring's SecretStorage backend, which most
Linux desktops' Python installs already carry. dbus-next's last release was in 2021, and
desktop-notifier drops notifications on macOS unless Python is a signed app bundle.
It is imported only when a nudge is sent.
"""

from __future__ import annotations

import subprocess
import sys

APP_NAME = "GluteUI"
"""The sender D-Bus is told, and every nudge's title: the timer's, the desk's and the open app's."""
NOTIFICATIONS = ("org.freedesktop.Notifications", "/org/freedesktop/Notifications")
TIMEOUT_S = 5.0


class NotifyError(Exception):
    """The notification could not be shown; the message says why in one line."""


def notify(title: str, body: str) -> None:
    """Show one notification on this desktop; NotifyError when there is nothing to show it."""
    if sys.platform == "darwin":
        notify_macos(title, body)
    else:
        notify_dbus(title, body)


def notify_dbus(title: str, body: str) -> None:
    """Notify through org.freedesktop.Notifications on the session bus ($DBUS_SESSION_BUS_ADDRESS)."""
    from jeepney import DBusAddress, new_method_call
    from jeepney.io.blocking import open_dbus_connection
    from jeepney.wrappers import DBusErrorResponse, unwrap_msg

    try:
        connection = open_dbus_connection(bus="SESSION")
    except KeyError:
        raise NotifyError("no desktop session bus ($DBUS_SESSION_BUS_ADDRESS is not set)") from None
    except (OSError, RuntimeError, ValueError) as error:
        raise NotifyError(f"cannot reach the desktop session bus: {error}") from None
    service, path = NOTIFICATIONS
    call = new_method_call(
        DBusAddress(path, bus_name=service, interface=service), "Notify", "susssasa{sv}i",
        (APP_NAME, 0, "", title, body, [], {}, -1),
    )
    try:
        with connection:
            unwrap_msg(connection.send_and_get_reply(call, timeout=TIMEOUT_S))
    except DBusErrorResponse as error:
        raise NotifyError(f"no notification server on the session bus ({error.name})") from None
    except TimeoutError:
        raise NotifyError(f"the notification server did not answer in {TIMEOUT_S:g} s") from None
    except OSError as error:
        raise NotifyError(f"the session bus closed: {error}") from None


def _applescript(text: str) -> str:
    """`text` as an AppleScript string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def notify_macos(title: str, body: str) -> None:
    """Notify with `osascript` (it shows as Script Editor's: macOS offers a plain script no other)."""
    script = f"display notification {_applescript(body)} with title {_applescript(title)}"
    try:
        done = subprocess.run(["osascript", "-e", script], capture_output=True, text=True,
                              timeout=TIMEOUT_S, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise NotifyError(f"osascript did not run: {error}") from None
    if done.returncode != 0:
        raise NotifyError(f"osascript failed: {done.stderr.strip() or done.returncode}")
