"""A timed hold: the seconds left in big digits beside one line on what to do now."""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Digits, Static

CountdownState = Literal["idle", "running", "done"]


class Countdown(Widget):
    """Shows what it is told; the screen owns the clock, so a frozen clock freezes it too."""

    DEFAULT_CSS = """
    Countdown { layout: horizontal; height: 3; }
    Countdown > Digits { width: 8; color: $text-muted; }
    Countdown > Static { width: 1fr; height: 3; content-align: left middle; padding: 0 0 0 1; }
    Countdown.-running > Digits { color: $warning; }
    Countdown.-done > Digits { color: $success; }
    Countdown.-done > Static { color: $success; text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        yield Digits("", id="countdown-digits")
        yield Static(id="countdown-message")

    def show(self, seconds: int, message: str, state: CountdownState) -> None:
        """Display whole `seconds` left and `message`; `state` picks the colours."""
        self.query_one(Digits).update(f"{seconds:>2}")
        self.query_one(Static).update(message)
        for name in ("idle", "running", "done"):
            self.set_class(state == name, f"-{name}")
