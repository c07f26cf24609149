"""The health questions: asked before the first squeeze test or routine, again every few
months and after a test that flagged pain, and changed from the palette.

Yes/no rows, keyboard only. A yes shows its note at once, and the emergency signs where
they matter (sciatica, a fresh injury); "sciatica" asks "in both legs?" next. What a yes
holds back is decided by gluteui.core.health, not here.
"""

from __future__ import annotations

from collections.abc import Mapping

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Static

from gluteui import locations
from gluteui.core.health import (
    HEALTH_QUESTIONS,
    NO_TO_ALL,
    HealthDue,
    HealthQuestion,
    asked,
    settled,
)
from gluteui.widgets.hanging import Hanging
from gluteui.widgets.text import markup, plain

TITLES: dict[HealthDue | None, str] = {
    "first": "Before your first test or routine",
    "new_question": "A new health question",
    "months": "A few months on: do these still fit?",
    "pain": "Your last squeeze test flagged pain: do these still fit?",
    None: "Health check questions",
}
INTRO = "Do any of these apply to you now? A yes says what to do, and holds back what it must."


class PrescreenDialog(ModalScreen[dict[str, bool] | None]):
    """Dismisses with every answer (Enter), or None when the user stops (Esc).

    `due` is why it is asked (None: changed from the palette); `signs` is what a yes that
    names a tier of signs lists under its note (tier id -> the signs in a line).
    """

    CSS_PATH = locations.stylesheet("dialogs")
    BINDINGS = [
        Binding("up,k", "move(-1)", "Up", show=False, key_display="↑"),
        Binding("down,j,tab", "move(1)", "Down", show=False, key_display="↓"),
        Binding("pagedown", "page(1)", "Scroll down", show=False, key_display="PgDn"),
        Binding("pageup", "page(-1)", "Scroll up", show=False, key_display="PgUp"),
        Binding("space", "flip", "Yes / no", id="toggle_answer"),
        Binding("y", "answer(True)", "Yes", show=False),
        Binding("n", "answer(False)", "No", show=False),
        Binding("enter", "done", "Go on", id="go_on"),
        Binding("escape", "stop", "Not now", id="not_now"),
    ]

    cursor: reactive[int] = reactive(0)

    def __init__(
        self, answers: Mapping[str, bool] | None = None, due: HealthDue | None = "first",
        signs: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__()
        self.answers = settled(answers or NO_TO_ALL)
        self.due = due
        self.signs = dict(signs or {})

    @property
    def shown(self) -> list[HealthQuestion]:
        """The questions asked now: a follow-up only after a yes to its question."""
        return [question for question in HEALTH_QUESTIONS if asked(question, self.answers)]

    def compose(self) -> ComposeResult:
        go_on, stop = ("save", "cancel") if self.due is None else ("go on", "not now")
        box = VerticalScroll(id="health-box")
        box.can_focus = False  # ↑/↓ move between the questions; the box follows the cursor
        with box:
            yield Static(markup("[b]$title[/b]", title=TITLES[self.due]), id="health-title")
            yield Static(INTRO, id="health-intro")
            for question in HEALTH_QUESTIONS:
                classes = "health-row -follow-up" if question.follows else "health-row"
                yield Static(id=f"health-{question.id}", classes=classes)
                yield Static(id=f"health-note-{question.id}", classes="health-note")
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
        shown = self.shown
        for question in HEALTH_QUESTIONS:
            row = self.query_one(f"#health-{question.id}", Static)
            note = self.query_one(f"#health-note-{question.id}", Static)
            visible = question in shown
            row.display = visible
            yes = visible and self.answers[question.id]
            note.display = yes
            if not visible:
                continue
            here = shown.index(question) == self.cursor
            # A question too long for the box wraps under its own words, not under yes/no.
            row.update(Hanging([(markup(
                "$pointer [b]$answer[/b]  ", pointer=">" if here else " ", answer="yes" if yes else "no ",
            ), plain(question.text))]))
            row.set_class(here, "-cursor")
            row.set_class(yes, "-yes")
            if yes:
                listed = self.signs.get(question.signs or "")
                note.update(plain(f"{question.note}\n{listed}" if listed else question.note))
            if here:
                self.call_after_refresh(row.scroll_visible, animate=False)

    def action_move(self, step: int) -> None:
        self.cursor = (self.cursor + step) % len(self.shown)

    def action_page(self, direction: int) -> None:
        """Read a long note (the emergency signs) in a small terminal."""
        box = self.query_one("#health-box", VerticalScroll)
        box.scroll_to(y=box.scroll_y + direction * max(box.size.height - 2, 1), animate=False)

    def action_flip(self) -> None:
        question = self.shown[self.cursor].id
        self.action_answer(not self.answers[question])

    def action_answer(self, yes: bool) -> None:
        self.answers[self.shown[self.cursor].id] = yes
        # A no hides its follow-up, which then reads as no.
        self.answers = settled(self.answers)
        self.show_rows()

    def action_done(self) -> None:
        self.dismiss(settled(self.answers))

    def action_stop(self) -> None:
        self.dismiss(None)
