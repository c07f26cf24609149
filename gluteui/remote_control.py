"""The phone remote as the App runs it: started from the palette or `--remote`, its address
shown as a QR code, the phone's buttons passed to the routine player, stopped from the
palette or with the app.

A mixin of GluteApp, kept apart because it is one idea. The server (gluteui.remote) runs on
the App's own event loop: its callbacks post messages, so the player acts on the UI's turn,
as it does for a key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.message import Message

from gluteui.screens import messages

if TYPE_CHECKING:
    from textual.app import App
    from textual.screen import Screen

    from gluteui.services import Services
    from gluteui.widgets.remote import RemoteDialog

    _Base = App[None]
else:
    _Base = object

TITLE = "Phone remote"


@dataclass
class PhoneCommand(Message):
    """A phone pressed a button (a command already checked by gluteui.remote.commands)."""

    name: str
    arg: int | None


@dataclass
class PhonesFollowing(Message):
    """A phone came or went: `count` follow now."""

    count: int


class RemoteControl(_Base):
    """Mixed into GluteApp, which supplies `services`."""

    services: Services

    def remote_commands(self) -> list[SystemCommand]:
        """The palette's entries for the remote: start it, or show its address and stop it."""
        if self.services.remote is None:
            return [SystemCommand(
                "Phone as remote",
                "Follow and drive the routine from your phone on the mat (a page on this Wi-Fi, for this run)",
                self.action_start_remote,
            )]
        return [
            SystemCommand("Phone remote: show the address", "The QR code and address to open on a phone",
                          self.action_start_remote),
            SystemCommand("Stop the phone remote", "Close the page on every phone; its address stops working",
                          self.action_stop_remote),
        ]

    def action_start_remote(self) -> None:
        """Serve the remote's page (shown again if it is on already)."""
        remote = self.services.remote
        if remote is not None and remote.url is not None:
            self.show_remote(remote.url, remote.followers)
            return
        self.run_worker(self._start_remote(), name="phone remote", group="remote", exclusive=True)

    async def _start_remote(self) -> None:
        from gluteui.remote.server import RemoteServer

        server = RemoteServer(self._phone_pressed, self._phones_following)
        try:
            url = await server.start(self.services.config.remote_host)
        except OSError as error:
            self.notify(f"The phone remote could not start: {error.strerror or error}.", title=TITLE,
                        severity="error", timeout=10, markup=False)
            return
        server.publish(None)  # until a routine plays, the page says to start one
        self.services.remote = server
        self._tell_player()
        self.show_remote(url, 0)

    # The server's callbacks, on this loop but outside Textual's messages: they post one.

    def _phone_pressed(self, name: str, arg: int | None) -> None:
        self.post_message(PhoneCommand(name, arg))

    def _phones_following(self, count: int) -> None:
        self.post_message(PhonesFollowing(count))

    def show_remote(self, url: str, followers: int) -> None:
        from gluteui.widgets.remote import RemoteDialog

        if isinstance(self.screen, RemoteDialog):
            return
        self.push_screen(RemoteDialog(url, followers))

    def action_stop_remote(self) -> None:
        self.run_worker(self.stop_remote(), name="phone remote", group="remote", exclusive=True)

    async def stop_remote(self, quietly: bool = False) -> None:
        """Close every phone's page and stop serving; its token dies with it."""
        server, self.services.remote = self.services.remote, None
        if server is None:
            return
        self._close_remote_dialog()
        self._tell_player()
        await server.stop()
        if not quietly:
            self.notify("The phone remote is off: its address no longer opens anything.", title=TITLE,
                        timeout=5)

    def _remote_dialog(self) -> RemoteDialog | None:
        from gluteui.widgets.remote import RemoteDialog

        return next((s for s in self.screen_stack if isinstance(s, RemoteDialog)), None)

    def _close_remote_dialog(self) -> None:
        dialog = self._remote_dialog()
        if dialog is not None and dialog is self.screen:
            dialog.dismiss(None)

    def _player(self) -> Screen[None] | None:
        from gluteui.screens.player import PlayerScreen

        return next((s for s in self.screen_stack if isinstance(s, PlayerScreen)), None)

    def _tell_player(self) -> None:
        player = self._player()
        if player is not None:
            player.post_message(messages.RemoteChanged())

    def on_phone_command(self, message: PhoneCommand) -> None:
        # A phone that presses a button has the address: the code need not cover the routine.
        self._close_remote_dialog()
        player = self._player()
        if player is not None:
            player.post_message(messages.RemoteCommand(message.name, message.arg))

    def on_phones_following(self, message: PhonesFollowing) -> None:
        dialog = self._remote_dialog()
        if dialog is not None:
            dialog.followers = message.count
        self._tell_player()
