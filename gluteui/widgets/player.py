"""The routine player's pieces. Each holds reactives, so a tick that changes nothing redraws nothing."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widget import Widget


class FigurePlayer(Widget):
    """An exercise's ASCII figure, showing the frame the rep has reached. Never drawn larger:
    thin lines doubled read no better from the mat, and the numbers need the room."""

    DEFAULT_CSS = """
    FigurePlayer { width: 36; height: 11; border: round $primary 50%; padding: 0 1; color: $text; }
    """

    frames: reactive[tuple[str, ...]] = reactive((), layout=False)
    frame: reactive[int] = reactive(0)

    def render(self) -> str:
        if not self.frames:
            return ""
        return self.frames[min(self.frame, len(self.frames) - 1)]


class Meter(Widget):
    """A one-line bar that redraws only when its filled width changes."""

    DEFAULT_CSS = """
    Meter { height: 1; width: 1fr; color: $accent; }
    """

    filled: reactive[int] = reactive(0)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.fraction = 0.0

    def show(self, fraction: float) -> None:
        self.fraction = fraction
        self.filled = round(max(0.0, min(fraction, 1.0)) * self.size.width)

    def on_resize(self) -> None:
        self.show(self.fraction)

    def render(self) -> str:
        return "█" * self.filled + "░" * max(self.size.width - self.filled, 0)
