"""The phone remote's address over the current screen: a QR code to scan, the address with
its token to type, and how many phones follow. Esc closes it; the remote stays on.

The code is drawn black on white whatever the theme (a phone's camera looks for dark
modules on a light ground), with the standard quiet zone when it fits, a narrower one when
only that fits, and no code at all, said so, when the terminal is too small for either.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Static

from gluteui.core.text import plural
from gluteui.remote.access import NO_NETWORK
from gluteui.remote.qr import QUIET_ZONE, qr_lines

TEXT_WIDTH = 24
"""Columns the words beside the code need at least."""
WORDS_WIDTH = 44
"""Columns the words take when there is room."""
NARROW_QUIET_ZONE = 2
"""Below the standard's 4 modules, still read by phone cameras (tests/remote/test_qr.py)."""


def followers_words(count: int) -> str:
    """ "No phone follows yet", "1 phone follows", "2 phones follow"."""
    if count == 0:
        return "No phone follows yet"
    return f"{count} {plural(count, 'phone')} follow{'s' if count == 1 else ''}"


def fitting_code(url: str, width: int, height: int) -> list[str] | None:
    """`url` as a QR code that fits a `width` x `height` screen beside its words, with the
    widest quiet zone that fits; None when none does."""
    for border in (QUIET_ZONE, NARROW_QUIET_ZONE):
        lines = qr_lines(url, border)
        if len(lines) <= height and len(lines[0]) + TEXT_WIDTH <= width:
            return lines
    return None


class RemoteDialog(ModalScreen[None]):
    DEFAULT_CSS = """
    RemoteDialog { align: center middle; background: $background 60%; }
    #remote-box { width: auto; max-width: 100%; height: auto; max-height: 100%; background: $surface; }
    /* Explicit colours, never the theme's: the code must be dark on light to scan. */
    #remote-qr { width: auto; height: auto; color: #000000; background: #ffffff; }
    #remote-words { width: 44; height: auto; padding: 0 1; }
    #remote-title { text-style: bold; color: $accent; }
    #remote-url { color: $text; text-style: bold; margin: 1 0; }
    #remote-warning { color: $error; text-style: bold; }
    #remote-followers { margin: 1 0 0 0; }
    #remote-keys { color: $text-muted; margin: 1 0 0 0; }
    """
    BINDINGS = [Binding("escape,enter", "close", "Close", id="close_remote", key_display="Esc")]

    followers: reactive[int] = reactive(0)

    def __init__(self, url: str, followers: int = 0) -> None:
        super().__init__()
        self.url = url
        self.set_reactive(RemoteDialog.followers, followers)

    def compose(self) -> ComposeResult:
        with Horizontal(id="remote-box"):
            yield Static(id="remote-qr")
            with Vertical(id="remote-words"):
                yield Static("Phone as remote", id="remote-title")
                yield Static(id="remote-how")
                yield Static(Text(self.url), id="remote-url")
                if self.no_network:
                    yield Static(f"Only {NO_NETWORK} here: no network, so a phone cannot reach it.",
                                 id="remote-warning")
                yield Static(followers_words(self.followers), id="remote-followers")
                yield Static("Esc closes this; the remote stays on until you quit or choose "
                             "“Stop the phone remote” (Ctrl+P).", id="remote-keys")

    @property
    def no_network(self) -> bool:
        return f"//{NO_NETWORK}:" in self.url

    def on_mount(self) -> None:
        self.show_code(self.app.size.width, self.app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        self.show_code(event.size.width, event.size.height)

    def show_code(self, width: int, height: int) -> None:
        lines = fitting_code(self.url, width, height)
        code = self.query_one("#remote-qr", Static)
        code.display = lines is not None
        if lines is not None:
            code.update(Text("\n".join(lines), no_wrap=True))
        beside = len(lines[0]) if lines is not None else 0
        self.query_one("#remote-words").styles.width = min(WORDS_WIDTH, width - beside)
        how = ("Same Wi-Fi as this computer: scan the code with the phone's camera, or type the address:"
               if lines is not None else
               "The terminal is too small for the QR code. On the same Wi-Fi, type this into the phone's browser:")
        self.query_one("#remote-how", Static).update(how)

    def watch_followers(self, count: int) -> None:
        if self.is_mounted:
            self.query_one("#remote-followers", Static).update(followers_words(count))

    def action_close(self) -> None:
        self.dismiss(None)
