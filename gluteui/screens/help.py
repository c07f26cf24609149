"""Help: the keys of the screen underneath, the way to every destination, and the few keys
that work everywhere."""

from __future__ import annotations

from pathlib import Path

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Markdown, Static

from gluteui import locations
from gluteui.screens.destinations import DESTINATIONS
from gluteui.widgets.text import markup

GENERAL = (Path(__file__).with_name("help.md")).read_text(encoding="utf-8")


def key_rows(screen: Screen) -> list[tuple[str, str]]:
    """(keys, what they do) for every key the screen has, from the bindings the footer uses.

    Each description is one row holding all its keys (Esc / q). Keys kept out of the
    footer count too when they say how they read (digits as "1-9", scrolling): they are
    the screen's own keys. Hidden keys without that are Textual's plumbing.
    """
    rows: dict[str, list[str]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description or not (binding.show or binding.key_display):
            continue
        keys = rows.setdefault(binding.description, [])
        shown = screen.app.get_key_display(binding)
        if shown not in keys:
            keys.append(shown)
    return [(" / ".join(keys), description) for description, keys in rows.items()]


def table(rows: list[tuple[str, str]]) -> Table:
    """Keys right-aligned in bold, what they do beside them; long lines wrap under themselves."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right", style="bold", min_width=12)
    grid.add_column()
    for keys, description in rows:
        grid.add_row(Text(keys), Text(description))
    return grid


class HelpScreen(ModalScreen[None]):
    CSS_PATH = locations.stylesheet("help")
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="close_help"),
    ]

    def __init__(self, underneath: Screen) -> None:
        super().__init__()
        self.rows = key_rows(underneath)
        self.title_text = underneath.title or underneath.app.title

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(markup("[b]Keys on this screen[/b]  [dim]($title)[/dim]", title=self.title_text),
                         id="help-title")
            yield Static(table(self.rows), id="help-keys")
            yield Static("[b]Going places[/b]  [dim](keys on Home, or Ctrl+P anywhere)[/dim]", id="help-places-title")
            yield Static(table([(d.key_display, f"{d.title}: {d.help}") for d in DESTINATIONS]), id="help-places")
            yield Markdown(GENERAL, id="help-general")
            yield Static("[dim]Esc closes this help[/dim]", id="help-close")
