"""Routines: the picker. Each routine with the length it will really run; Enter starts it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from gluteui import locations
from gluteui.core.content.exercises import Routine
from gluteui.core.desk import is_desk
from gluteui.core.text import clock
from gluteui.screens import messages
from gluteui.screens.base import GluteScreen
from gluteui.widgets.footer import KeyFooter
from gluteui.widgets.hanging import Hanging, indented
from gluteui.widgets.menu import Menu
from gluteui.widgets.text import markup, plain
from gluteui.widgets.title_bar import TitleBar


class RoutinesScreen(GluteScreen):
    CSS_PATH = locations.stylesheet("routines")
    TITLE = "Routines"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]
    BINDINGS = [Binding("escape", "back", "Back", id="back", tooltip="Back to the screen before")]
    place = "routines"
    passing = True

    def action_back(self) -> None:
        self.post_message(messages.Back())

    def compose(self) -> ComposeResult:
        # The desk routine is not one to do before a run: `gluteui desk` opens it on its own.
        routines = [r for r in self.services.content.routines.values() if not is_desk(r.id)]
        recommended = self.services.recommended_routine()
        yield TitleBar()
        with Vertical(id="routines-body"):
            options: list[Option | None] = []
            for routine in routines:
                options += [None] if options else []  # a rule between routines
                options.append(self.option(routine, routine is recommended))
            menu = Menu(*options, id="routines-menu")
            # Enter here starts what Enter on Home would, unless the user moves first.
            menu.highlighted = routines.index(recommended)
            menu.border_title = "Choose a routine: Enter starts it"
            yield menu
        yield KeyFooter()

    def option(self, routine: Routine, recommended: bool) -> Option:
        """Name and real length, what it is, and for a routine with an extra set, which side it goes on."""
        lines = [
            (Content(), markup(
                "[b]$name[/b]  [dim]$minutes min[/dim]" + ("  [$accent]recommended[/]" if recommended else ""),
                name=routine.name, minutes=clock(self.services.routine_seconds(routine)),
            )),
            indented(plain(routine.summary)),
        ]
        if routine.extra_set_on_weaker_side:
            side = self.services.extra_set_side(routine)
            lines.append(indented(
                markup("Extra set on the $side side, which scored lower in your last squeeze test.", side=side)
                if side else
                markup("[$warning]No extra set yet:[/] it is added once a squeeze test scores one side lower.")
            ))
        return Option(Hanging(lines), id=routine.id)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.post_message(messages.StartRoutine(event.option.id))
