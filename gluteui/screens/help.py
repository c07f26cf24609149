"""Help: the keys of the screen underneath, the way to every destination, and the few keys
that work everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Markdown, Static

from gluteui import locations
from gluteui.screens.destinations import DESTINATIONS, Destination
from gluteui.widgets.footer import KeyFooter
from gluteui.widgets.text import markup

PALETTE_KEY = "Ctrl+P"
GENERAL = (Path(__file__).with_name("help.md")).read_text(encoding="utf-8")


def key_rows(screen: Screen[Any]) -> list[tuple[str, str]]:
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


def table(rows: list[tuple[str, str]], key_width: int) -> Table:
    """Keys right-aligned in bold, what they do beside them; long lines wrap under themselves."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(justify="right", style="bold", min_width=key_width, no_wrap=True)
    grid.add_column()
    for keys, description in rows:
        grid.add_row(Text(keys), Text(description))
    return grid


def merged(rows: list[tuple[str, str]]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The screen's key rows, and the ways to the destinations no key row already opens.

    On Home the keys are the destinations: each row then says what its place is for, and
    Going places keeps only the rest, so nothing is listed twice. A place's letter is Home's
    own key (on Progress `r` marks a rest day), so elsewhere the way there is the palette.
    """
    by_title = {d.title: d for d in DESTINATIONS}
    keys = [(k, place(by_title[what]) if what in by_title else what) for k, what in rows]
    shown = {what for _, what in rows}
    return keys, [(PALETTE_KEY, place(d)) for d in DESTINATIONS if d.title not in shown]


def place(destination: Destination) -> str:
    """"Lessons — short lessons on ...": a destination and what it is for."""
    words = destination.help
    return f"{destination.title} — {words[:1].lower()}{words[1:]}"


class HelpScreen(ModalScreen[None]):
    CSS_PATH = locations.stylesheet("help")
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="close_help", key_display="Esc"),
        # The help can be taller than the terminal: the footer says how to see the rest.
        Binding("down,j", "scroll(1)", "Scroll", id="help_scroll", key_display="↑↓"),
        Binding("up,k", "scroll(-1)", "Scroll up", show=False),
        Binding("pagedown,space", "scroll(10)", "Page down", show=False),
        Binding("pageup", "scroll(-10)", "Page up", show=False),
    ]

    def __init__(self, underneath: Screen[Any]) -> None:
        super().__init__()
        from gluteui.screens.home import HomeScreen

        self.rows = key_rows(underneath)
        self.title_text = "Home" if isinstance(underneath, HomeScreen) else underneath.title or underneath.app.title

    def compose(self) -> ComposeResult:
        keys, places = merged(self.rows)
        # The title sits in the border: inside the box it would push the scrolled part's
        # last lines out of a box as tall as the terminal.
        with VerticalScroll(id="help-box", can_focus=False) as box:
            box.border_title = markup("[b]Keys on this screen[/b] — $title", title=self.title_text)
            width = max((len(k) for k, _ in keys + places), default=1)
            yield Static(table(keys, width), id="help-keys")
            if places:
                yield Static("[b]Going places[/b] [dim]— Ctrl+P, then the place's name[/dim]",
                             id="help-places-title")
                yield Static(table(places, width), id="help-places")
            yield Markdown(GENERAL, id="help-general")
        yield KeyFooter()

    def on_resize(self) -> None:
        # Whether there is more to scroll to is known only once the help is laid out.
        self.call_after_refresh(self.refresh_bindings)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "scroll":
            return self.query_one("#help-box").max_scroll_y > 0
        return True

    def action_scroll(self, rows: int) -> None:
        self.query_one("#help-box").scroll_relative(y=rows, animate=False)
