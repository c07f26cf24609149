"""The baseline for bench_startup: a Textual app that shows one label, the marker GluteUI's Home shows."""

from textual.app import App, ComposeResult
from textual.widgets import Label

MARKER = "Start activation"


class BareApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Label(MARKER)


if __name__ == "__main__":
    BareApp().run()
