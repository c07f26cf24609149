"""A timed hold: the seconds left in big digits beside one line on what to do now."""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Digits, Static

CountdownState = Literal["idle", "running", "done"]


class Countdown(Widget):
    """Shows what it is told; the screen owns the clock, so a frozen clock freezes it too.

    With the class `-small` (a short terminal) the seconds are one bold line, not big digits.
    """

    DEFAULT_CSS = """
    Countdown { layout: horizontal; height: 3; }
    Countdown > Digits { width: 8; color: $text-muted; }
    Countdown > #countdown-small { display: none; width: 6; text-style: bold; color: $text-muted; }
    Countdown > #countdown-message { width: 1fr; height: 3; content-align: left middle; padding: 0 0 0 1; }
    Countdown.-small { height: 2; }
    Countdown.-small > Digits { display: none; }
    Countdown.-small > #countdown-small { display: block; }
    Countdown.-small > #countdown-message { height: 2; content-align: left top; }
    Countdown.-running > Digits, Countdown.-running > #countdown-small { color: $warning; }
    Countdown.-done > Digits, Countdown.-done > #countdown-small { color: $success; }
    Countdown.-done > #countdown-message { color: $success; text-style: bold; }
    """

    def compose(self) -> ComposeResult:
        yield Digits("", id="countdown-digits")
        yield Static(id="countdown-small")
        yield Static(id="countdown-message")

    def show(self, seconds: int, message: str, state: CountdownState) -> None:
        """Display whole `seconds` left and `message`; `state` picks the colours."""
        self.query_one(Digits).update(f"{seconds:>2}")
        self.query_one("#countdown-small", Static).update(f"{seconds:>2} s")
        self.query_one("#countdown-message", Static).update(message)
        for name in ("idle", "running", "done"):
            self.set_class(state == name, f"-{name}")
