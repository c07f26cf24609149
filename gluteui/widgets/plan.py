"""Before a routine whose moves changed since last time: each change in one line with its
reason; a digit turns one down (and back on), Enter starts, Esc goes back.

The changes come from gluteui.core.routine.progression; this only shows them and says which
were turned down.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from gluteui import locations
from gluteui.core.routine.progression import Change
from gluteui.widgets.hanging import Hanging, Line
from gluteui.widgets.text import markup, plain

MAX_CHANGES = 9
"""Changes a digit can reach; a routine has far fewer moves."""


class PlanDialog(ModalScreen[frozenset[str] | None]):
    """Dismisses with the keys of the changes turned down (Enter), or None (Esc)."""

    CSS_PATH = locations.stylesheet("dialogs")
    BINDINGS = [
        *(Binding(str(n), f"flip({n})", "Turn down", show=False) for n in range(1, MAX_CHANGES + 1)),
        Binding("enter", "start", "Start", id="start_plan"),
        Binding("escape", "back", "Not now", id="not_now"),
    ]

    def __init__(self, title: str, changes: tuple[Change, ...]) -> None:
        super().__init__()
        self.heading = title
        self.changes = changes[:MAX_CHANGES]
        self.declined: set[str] = set()

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="confirm-box"):
            yield Static(markup("[b]$title[/b]", title=self.heading), id="plan-title")
            yield Static("What changes today, and why. A number turns one down.", id="plan-intro")
            yield Static(id="plan-changes")
            yield Static(markup("[b]Enter[/b] start  [b]1-$last[/b] turn down / back on  [b]Esc[/b] not now",
                                last=len(self.changes)), id="confirm-keys")

    def on_mount(self) -> None:
        self.show_changes()

    def show_changes(self) -> None:
        lines: list[Line] = []
        for number, change in enumerate(self.changes, 1):
            head = markup("[b]$n[/b]  ", n=number)
            if change.key in self.declined:
                lines.append((head, markup("[dim strike]$line[/] [b]turned down[/b]", line=change.line)))
            else:
                lines.append((head, plain(change.line)))
        self.query_one("#plan-changes", Static).update(Hanging(lines))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "flip":
            return isinstance(parameters[0], int) and parameters[0] <= len(self.changes)
        return True

    def action_flip(self, number: int) -> None:
        key = self.changes[number - 1].key
        self.declined.symmetric_difference_update({key})
        self.show_changes()

    def action_start(self) -> None:
        self.dismiss(frozenset(self.declined))

    def action_back(self) -> None:
        self.dismiss(None)
