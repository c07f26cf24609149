"""A thick bar for how far the current phase has gone, with a smooth eighth-cell edge."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.reactive import reactive
from textual.widget import Widget

# Index n is a cell filled n eighths from the left; index 0 is an empty cell.
EIGHTHS = " ▏▎▍▌▋▊▉█"


def filled_eighths(fraction: float, width: int) -> int:
    """How many eighths of a cell a bar `width` cells wide fills at `fraction` (0 to 1)."""
    return round(min(max(fraction, 0.0), 1.0) * width * 8)


def bar_line(filled: int, width: int) -> str:
    """One row of a bar `width` cells wide with `filled` eighths of a cell filled."""
    full, part = divmod(min(filled, width * 8), 8)
    line = "█" * full + (EIGHTHS[part] if part else "")
    return line.ljust(width)


class PhaseBar(Widget):
    """The phase's progress across the whole width, repeated down the whole height.

    `color` is the fill and `background` the track. `show` sets `filled`, counted in
    eighths of a cell, so a tick that does not move the edge redraws nothing.
    """

    DEFAULT_CSS = """
    PhaseBar {
        width: 1fr;
        height: 6vh;
        min-height: 1;
        max-height: 4;
        color: $accent;
        background: $panel;
    }
    """

    filled: reactive[int] = reactive(0)

    def __init__(
        self, *, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.fraction = 0.0

    def show(self, fraction: float) -> None:
        """Show the phase `fraction` (0 to 1) of the way through."""
        self.fraction = fraction
        self.filled = filled_eighths(fraction, self.content_size.width)

    def on_resize(self, event: events.Resize) -> None:
        # The same fraction fills a different number of eighths at a new width.
        self.filled = filled_eighths(self.fraction, self.content_size.width)

    def render(self) -> Text:
        size = self.content_size
        line = bar_line(self.filled, size.width)
        return Text("\n".join([line] * size.height), no_wrap=True)
