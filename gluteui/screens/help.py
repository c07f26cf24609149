"""Help: the keys of the screen underneath, and the few that work everywhere."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Markdown, Static

GENERAL = (Path(__file__).with_name("help.md")).read_text(encoding="utf-8")

from gluteui import locations


def _key_rows(screen: Screen) -> list[tuple[str, str]]:
    rows: dict[str, str] = {}
    for key, active in screen.active_bindings.items():
        binding = active.binding
        # Hidden keys (a list's scrolling, vim twins) are covered by the general text below.
        if binding.description and binding.show:
            shown = binding.key_display or screen.app.get_key_display(binding)
            rows.setdefault(binding.description, shown)
    return [(keys, description) for description, keys in rows.items()]


class HelpScreen(ModalScreen[None]):
    CSS_PATH = locations.stylesheet("help")
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="close_help"),
    ]

    def __init__(self, underneath: Screen) -> None:
        super().__init__()
        self.rows = _key_rows(underneath)
        self.title_text = underneath.title or underneath.app.title

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(f"[b]Keys on this screen[/b]  [dim]({self.title_text})[/dim]", id="help-title")
            table = "\n".join(f"[b]{keys:>12}[/b]  {description}" for keys, description in self.rows)
            yield Static(table, id="help-keys")
            yield Markdown(GENERAL, id="help-general")
            yield Static("[dim]Esc closes this help[/dim]", id="help-close")
