"""After the routine: reps per exercise and side, time taken, and a feel check per exercise."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from gluteui import locations
from gluteui.core.history.records import Session
from gluteui.core.routine.player import clock
from gluteui.core.sides import UNSIDED
from gluteui.widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from gluteui.app import GluteApp

ANSWERS = {"yes": "yes", "no": "no", "unsure": "not sure"}


class SummaryScreen(Screen[None]):
    CSS_PATH = locations.stylesheet("summary")
    app: GluteApp
    TITLE = "Well done"
    BINDINGS = [
        # Digits, not y/n: an extra n meant for "Next set" must not answer "no".
        Binding("1", "answer('yes')", "Felt it", id="feel_yes"),
        Binding("2", "answer('no')", "Didn't", id="feel_no"),
        Binding("3", "answer('unsure')", "Not sure", id="feel_unsure"),
        Binding("enter,escape", "finish", "Done", id="finish"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.feel: dict[str, str] = {}

    @property
    def exercise_ids(self) -> list[str]:
        """The exercises done at least once: only those get a feel check."""
        reps = self.session.reps
        return [e for e in reps if e in self.app.content.exercises and sum(reps[e].values())]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="summary-body"):
            yield Static(id="summary-reps")
            yield Static(id="summary-feel")
        yield Footer()

    def on_mount(self) -> None:
        s = self.session
        table = Table(box=None, padding=(0, 2), show_header=True, header_style="dim")
        table.add_column("Exercise")
        table.add_column("Left", justify="right")
        table.add_column("Right", justify="right")
        for exercise_id in (e for e in s.reps if e in self.app.content.exercises):
            done = s.reps[exercise_id]
            both = str(done[UNSIDED]) if UNSIDED in done else ""
            table.add_row(
                self.app.content.exercises[exercise_id].name,
                str(done.get("left", both)), str(done.get("right", "")),
            )
        if not s.done_reps:
            self.title = "Routine over"
            self.query_one("#summary-reps", Static).update(
                "[b]Every set was skipped[/b]: no reps done, so nothing was saved.\n\n"
                "Press [b]Enter[/b] to go back home."
            )
            return
        title = Text.from_markup(
            f"[b]Routine done[/b] in {clock(s.duration_s)}: {s.done_reps} of {s.planned_reps} reps\n"
        )
        self.query_one("#summary-reps", Static).update(Group(title, table))
        self.show_feel()

    @property
    def asking(self) -> str | None:
        """The exercise whose feel check is being asked, or None when all are answered."""
        return next((e for e in self.exercise_ids if e not in self.feel), None)

    def show_feel(self) -> None:
        exercises = self.app.content.exercises
        lines = ["[b]Feel check[/b]: quality beats quantity. Did each move land where it should?"]
        for exercise_id in self.exercise_ids:
            exercise = exercises[exercise_id]
            answer = self.feel.get(exercise_id)
            asking = exercise_id == self.asking
            shown = f"[b]{ANSWERS[answer]}[/b]" if answer else ("[reverse] 1 yes  2 no  3 not sure [/reverse]" if asking else "")
            lines.append(f"\n[b]{exercise.name}[/b]  {shown}\n  {exercise.feel_check}")
            if answer == "no":
                for mistake in exercise.mistakes[:2]:
                    lines.append(f"  [dim]{mistake.mistake}[/dim] {mistake.fix}")
        if self.asking is None:
            lines.append("\nSaved. Press [b]Enter[/b] to go back home.")
        self.query_one("#summary-feel", Static).update("\n".join(lines))
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "answer":
            return self.asking is not None
        return True

    def action_answer(self, answer: str) -> None:
        asking = self.asking
        if asking is None:
            return
        self.feel[asking] = answer
        self.session = replace(self.session, feel=dict(self.feel))
        self.app.save_session(self.session)
        self.show_feel()

    def action_finish(self) -> None:
        self.app.pop_screen()
