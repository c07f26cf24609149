"""After the routine: reps per exercise and side, time taken, and a feel check per exercise."""

from __future__ import annotations

from dataclasses import replace

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from gluteui import locations
from gluteui.core.history.records import Session
from gluteui.core.sides import UNSIDED
from gluteui.core.text import clock
from gluteui.screens import messages
from gluteui.screens.base import GluteScreen
from gluteui.services import Services
from gluteui.widgets.text import markup
from gluteui.widgets.title_bar import TitleBar

ANSWERS = {"yes": "yes", "no": "no", "unsure": "not sure", "hurt": "it hurt"}


class SummaryScreen(GluteScreen):
    """What a routine did, and a feel check per exercise; each answer is saved with the session."""

    CSS_PATH = locations.stylesheet("summary")
    TITLE = "Well done"
    BINDINGS = [
        # Digits, not y/n: an extra n meant for "Next set" must not answer "no".
        Binding("1", "answer('yes')", "Felt it", id="feel_yes", tooltip="Yes: I felt it where I should"),
        Binding("2", "answer('no')", "Didn't", id="feel_no", tooltip="No: shows the common mistakes"),
        Binding("3", "answer('unsure')", "Not sure", id="feel_unsure", tooltip="Not sure this time"),
        Binding("4", "answer('hurt')", "It hurt", id="feel_hurt",
                tooltip="It hurt: shows easier ways to do it and the safety lesson"),
        Binding("l", "show_safety", "Safety lesson", id="show_safety",
                tooltip="What pain means, and when to have it checked"),
        Binding("enter,escape", "finish", "Done", id="finish", tooltip="Back to Home"),
    ]

    def __init__(
        self, services: Services, session: Session, finished: bool = True, saved: bool = True
    ) -> None:
        super().__init__(services)
        self.session = session
        self.finished = finished
        """False when the routine was stopped part-way."""
        self.saved = saved
        """False while the session waits in memory for a save that works."""
        self.feel: dict[str, str] = {}

    @property
    def exercise_ids(self) -> list[str]:
        """The exercises done at least once, or that hurt: only those get a feel check."""
        reps, known, pain = self.session.reps, self.services.content.exercises, self.session.pain
        return [e for e in reps if e in known and (sum(reps[e].values()) or e in pain)]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="summary-body"):
            yield Static(id="summary-reps")
            yield Static(id="summary-feel")
        yield Footer()

    def on_mount(self) -> None:
        s = self.session
        exercises = self.services.content.exercises
        table = Table(box=None, padding=(0, 2), show_header=True, header_style="dim")
        table.add_column("Exercise")
        table.add_column("Left", justify="right")
        table.add_column("Right", justify="right")
        for exercise_id in (e for e in s.reps if e in exercises):
            done = s.reps[exercise_id]
            both = str(done[UNSIDED]) if UNSIDED in done else ""
            # Text, not str: rich would read markup in an exercise's name.
            table.add_row(
                Text(exercises[exercise_id].name), str(done.get("left", both)), str(done.get("right", "")),
            )
        if not s.worth_keeping:
            self.title = "Routine over"
            what = "Stopped before the first rep" if not self.finished else "Every set was skipped"
            self.query_one("#summary-reps", Static).update(
                f"[b]{what}[/b]: no reps done, so nothing was saved.\n\n"
                "Press [b]Enter[/b] to go back home."
            )
            return
        if self.finished:
            head = f"[b]Routine done[/b] in {clock(s.duration_s)}"
        else:
            self.title = "Stopped early"
            head = f"[b]Stopped after {clock(s.duration_s)}[/b]" + (
                "; what you did is saved" if self.saved else "; [b]not saved yet[/b] (see the message)"
            )
        title = Text.from_markup(f"{head}: {s.done_reps} of {s.planned_reps} reps\n")
        self.query_one("#summary-reps", Static).update(Group(title, table))
        self.show_feel()

    @property
    def asking(self) -> str | None:
        """The exercise whose feel check is being asked, or None when all are answered."""
        return next((e for e in self.exercise_ids if e not in self.feel), None)

    def show_feel(self) -> None:
        exercises = self.services.content.exercises
        lines = [markup("[b]Feel check[/b]: quality beats quantity. Did each move land where it should?")]
        for exercise_id in self.exercise_ids:
            exercise = exercises[exercise_id]
            answer = self.feel.get(exercise_id)
            if answer:
                shown = f"[b]{ANSWERS[answer]}[/b]"
            else:
                shown = "[reverse] 1 yes  2 no  3 not sure  4 it hurt [/reverse]" if exercise_id == self.asking else ""
            lines.append(markup(f"\n[b]$name[/b]  {shown}\n  $check", name=exercise.name, check=exercise.feel_check))
            if answer == "no":
                for mistake in exercise.mistakes[:2]:
                    lines.append(markup("  [dim]$mistake[/dim] $fix", mistake=mistake.mistake, fix=mistake.fix))
            if answer == "hurt" or exercise_id in self.session.pain:
                lines.append(markup("  [b]Next time, easier:[/b] $ways", ways="; ".join(exercise.easier)))
        if self.hurt:
            lines.append(markup(
                "\n[b $error]Pain is a reason to stop, not to push through.[/b $error] Sharp pain, "
                "pain that builds or is worse the next morning: press [b]l[/b] for the safety lesson."
            ))
        if self.asking is None:
            saved = "Saved." if self.saved else "[b]Not saved yet[/b]: it is kept while GluteUI is open."
            lines.append(markup(f"\n{saved} Press [b]Enter[/b] to go back home."))
        self.query_one("#summary-feel", Static).update(Content("\n").join(lines))
        self.refresh_bindings()

    @property
    def hurt(self) -> bool:
        """Something hurt: in the routine ("it hurts") or in the feel check."""
        return bool(self.session.pain) or "hurt" in self.feel.values()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "answer":
            return self.asking is not None
        if action == "show_safety":
            return self.hurt
        return True

    def action_show_safety(self) -> None:
        self.post_message(messages.ShowSafety())

    def action_answer(self, answer: str) -> None:
        asking = self.asking
        if asking is None:
            return
        self.feel[asking] = answer
        session = self.session = replace(self.session, feel=dict(self.feel))
        self.saved = self.save(lambda: self.services.store.save_session(session))
        self.show_feel()

    def action_finish(self) -> None:
        self.app.pop_screen()
