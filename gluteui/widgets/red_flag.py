"""Before a routine, when something says "have it checked first": a squeeze test that flagged
pain, or a health answer that holds the routine back (see gluteui.core.health).

Starting takes a deliberate y; Enter, the reflex key, opens the safety lesson (or, after a
fresh injury, skips today), so two Enters in a row never start a routine after pain.
"""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from gluteui import locations
from gluteui.widgets.text import markup, plain

RedFlagAnswer = Literal["checked", "safety", "later", "quiz"]


class RedFlagDialog(ModalScreen[RedFlagAnswer]):
    """Dismisses with "checked" (y: start), "safety" (l: the safety lesson), "later" (Esc: not
    now) or "quiz" (t: the squeeze test instead, when offered). Enter is l, or Esc when
    `skip_today`."""

    CSS_PATH = locations.stylesheet("dialogs")
    BINDINGS = [
        Binding("y", "answer('checked')", "Checked, start", id="checked"),
        Binding("l", "answer('safety')", "Safety lesson", id="safety_lesson"),
        Binding("t", "answer('quiz')", "Squeeze test", id="quiz_instead"),
        Binding("enter", "reflex", "Safety lesson", show=False),
        Binding("escape", "answer('later')", "Not now", id="not_now"),
    ]

    def __init__(self, question: str, signs: str = "", checked: str = "I have, start",
                 skip_today: bool = False) -> None:
        super().__init__()
        self.question = question
        self.signs = signs
        self.checked = checked
        self.skip_today = skip_today

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="confirm-box"):
            yield Static(plain(self.question), id="confirm-question")
            if self.signs:
                yield Static(plain(self.signs), id="confirm-signs")
            keys = (
                "[b]Enter[/b] skip today  [b]t[/b] squeeze test  [b]l[/b] safety lesson  [b]y[/b] $checked"
                if self.skip_today else "[b]l[/b] safety lesson  [b]Esc[/b] not now  [b]y[/b] $checked"
            )
            yield Static(markup(keys, checked=self.checked), id="confirm-keys")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "answer" and parameters == ("quiz",):
            return self.skip_today
        return True

    def action_reflex(self) -> None:
        self.dismiss("later" if self.skip_today else "safety")

    def action_answer(self, answer: RedFlagAnswer) -> None:
        self.dismiss(answer)
