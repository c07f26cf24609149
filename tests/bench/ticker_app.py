"""The baseline for bench_routine's CPU figure: a Textual app redrawing one label N times a second.

Run as `python ticker_app.py N`; the label counts its redraws, so a reader of the screen
can tell the rate it kept.
"""

import sys

from textual.app import App, ComposeResult
from textual.widgets import Label

MARKER = "tick "


class TickerApp(App[None]):
    def __init__(self, per_second: float) -> None:
        super().__init__()
        self.per_second = per_second
        self.count = 0

    def compose(self) -> ComposeResult:
        yield Label(f"{MARKER}0")

    def on_mount(self) -> None:
        self.set_interval(1 / self.per_second, self.tick)

    def tick(self) -> None:
        self.count += 1
        self.query_one(Label).update(f"{MARKER}{self.count}")


if __name__ == "__main__":
    TickerApp(float(sys.argv[1])).run()
