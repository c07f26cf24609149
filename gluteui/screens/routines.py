"""Routines: pick which routine to run; Enter starts it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from gluteui import locations
from gluteui.core.routine.player import clock
from gluteui.widgets.menu import Menu
from gluteui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from gluteui.app import GluteApp


class RoutinesScreen(Screen[None]):
    CSS_PATH = locations.stylesheet("routines")
    app: GluteApp
    TITLE = "Routines"
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="back")]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="routines-body"):
            yield Static("Choose a routine and press [b]Enter[/b] to start it.", id="routines-intro")
            options = []
            for routine in self.app.content.routines.values():
                total = self.app.routine_seconds(routine)
                moves = ", ".join(step.exercise.name for step in routine.steps)
                side = self.app.extra_set_side(routine)
                if routine.extra_set_on_weaker_side:
                    moves += (f", extra set on the {side}" if side
                              else " (the squeeze test picks the side for the extra set)")
                options.append(Option(
                    f"[b]{routine.name}[/b]  [dim]{clock(total)} min[/dim]\n"
                    f"  {routine.summary}\n  [dim]{moves}[/dim]",
                    id=routine.id,
                ))
            yield Menu(*options, id="routines-menu")
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        from gluteui.screens.routine import RoutineScreen

        if event.option.id:
            self.app.switch_screen(RoutineScreen(event.option.id))
