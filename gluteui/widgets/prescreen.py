"""The health questions: asked before the first squeeze test or routine, changed from the palette.

Four yes/no rows, keyboard only. A yes shows its note at once; going on is always
possible, since the app cannot know more than the user and their clinician do.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Static

from gluteui import locations
from gluteui.core.safety import HEALTH_QUESTIONS, NO_TO_ALL
from gluteui.widgets.text import markup, plain

FIRST_TITLE = "Before your first test or routine"
CHANGE_TITLE = "Health check questions"
INTRO = "Do any of these apply to you now? A yes shows whose advice to follow."


class PrescreenDialog(ModalScreen[dict[str, bool] | None]):
    """Dismisses with the answers (Enter), or None when the user stops (Esc)."""

    CSS_PATH = locations.stylesheet("dialogs")
    BINDINGS = [
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("down,j,tab", "move(1)", "Down", show=False),
        Binding("space", "toggle", "Yes / no", id="toggle_answer"),
        Binding("y", "answer(True)", "Yes", show=False),
        Binding("n", "answer(False)", "No", show=False),
        Binding("enter", "done", "Go on", id="go_on"),
        Binding("escape", "stop", "Not now", id="not_now"),
    ]

    cursor: reactive[int] = reactive(0)

    def __init__(self, answers: Mapping[str, bool] | None = None, first_time: bool = True) -> None:
        super().__init__()
        self.answers = dict(answers or NO_TO_ALL)
        self.first_time = first_time

    def compose(self) -> ComposeResult:
        go_on, stop = ("go on", "not now") if self.first_time else ("save", "cancel")
        with Vertical(id="health-box"):
            yield Static(markup("[b]$title[/b]", title=FIRST_TITLE if self.first_time else CHANGE_TITLE),
                         id="health-title")
            yield Static(INTRO, id="health-intro")
            for question in HEALTH_QUESTIONS:
                yield Static(id=f"health-{question.id}", classes="health-row")
                yield Static(plain(question.note), id=f"health-note-{question.id}", classes="health-note")
            yield Static(markup(
                "[b]↑/↓[/b] move  [b]Space[/b] yes/no  [b]Enter[/b] $go_on  [b]Esc[/b] $stop",
                go_on=go_on, stop=stop,
            ), id="health-keys")

    def on_mount(self) -> None:
        self.show_rows()

    def watch_cursor(self) -> None:
        if self.is_mounted:
            self.show_rows()

    def show_rows(self) -> None:
        for index, question in enumerate(HEALTH_QUESTIONS):
            yes = self.answers[question.id]
            row = self.query_one(f"#health-{question.id}", Static)
            row.update(markup(
                "$pointer [b]$answer[/b]  $text",
                pointer=">" if index == self.cursor else " ", answer="yes" if yes else "no ",
                text=question.text,
            ))
            row.set_class(index == self.cursor, "-cursor")
            row.set_class(yes, "-yes")
            self.query_one(f"#health-note-{question.id}", Static).display = yes

    def action_move(self, step: int) -> None:
        self.cursor = (self.cursor + step) % len(HEALTH_QUESTIONS)

    def action_toggle(self) -> None:
        question = HEALTH_QUESTIONS[self.cursor].id
        self.action_answer(not self.answers[question])

    def action_answer(self, yes: bool) -> None:
        self.answers[HEALTH_QUESTIONS[self.cursor].id] = yes
        self.show_rows()

    def action_done(self) -> None:
        self.dismiss(dict(self.answers))

    def action_stop(self) -> None:
        self.dismiss(None)
