"""Routines: the picker. Choose which routine to run; Enter starts it in the player."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from gluteui import locations
from gluteui.core.content.exercises import Routine
from gluteui.core.text import clock
from gluteui.screens import messages
from gluteui.screens.base import GluteScreen
from gluteui.widgets.menu import Menu
from gluteui.widgets.text import markup
from gluteui.widgets.title_bar import TitleBar


class RoutinesScreen(GluteScreen):
    CSS_PATH = locations.stylesheet("routines")
    TITLE = "Routines"
    BINDINGS = [Binding("escape", "app.pop_screen", "Back", id="back", tooltip="Back to the screen before")]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="routines-body"):
            yield Static("Choose a routine and press [b]Enter[/b] to start it.", id="routines-intro")
            yield Menu(*(self.option(r) for r in self.services.content.routines.values()), id="routines-menu")
        yield Footer()

    def option(self, routine: Routine) -> Option:
        moves = ", ".join(step.exercise.name for step in routine.steps)
        side = self.services.extra_set_side(routine)
        if routine.extra_set_on_weaker_side:
            moves += (f", extra set on the {side}" if side
                      else " (the squeeze test picks the side for the extra set)")
        return Option(markup(
            "[b]$name[/b]  [dim]$minutes min[/dim]\n  $summary\n  [dim]$moves[/dim]",
            name=routine.name, minutes=clock(self.services.routine_seconds(routine)),
            summary=routine.summary, moves=moves,
        ), id=routine.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.post_message(messages.StartRoutine(event.option.id))
