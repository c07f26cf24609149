"""'How was your run?': a skippable 0-10 check-in, offered once a run could have followed an
activation (see core/stats/runs.py)."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widgets import Static

from gluteui import locations
from gluteui.core.scales import MAX_CHECKIN_SCORE
from gluteui.widgets.text import markup

CELL = 4
"""Each score on the scale takes four columns: "  7 ", " 10 "."""


def typed_score(previous_digit: int | None, digit: int) -> int:
    """The score after typing `digit`: 1 then 0 makes 10 (the one score of two digits);
    any other digit is that score."""
    if previous_digit == 1 and digit == 0:
        return MAX_CHECKIN_SCORE
    return digit


class CheckinDialog(ModalScreen[int | None]):
    """Dismisses with the chosen score, or None when skipped."""
    CSS_PATH = locations.stylesheet("dialogs")
    TITLE = "Run check-in"

    BINDINGS = [
        Binding("left,h", "move(-1)", "Less / more", show=False, key_display="←/→"),
        Binding("right,l", "move(1)", "Less / more", show=False, key_display="←/→"),
        *(Binding(str(n), f"type_digit({n})", "Type the score (1 then 0 for 10)", show=False,
                  key_display="0-9") for n in range(10)),
        Binding("home", "pick_end(0)", "Fine (0) / very bad (10)", show=False, key_display="Home/End"),
        Binding("end", "pick_end(10)", "Fine (0) / very bad (10)", show=False, key_display="Home/End"),
        Binding("enter", "choose", "Save", id="save_checkin"),
        Binding("escape,s", "skip", "Skip", id="skip_checkin", key_display="Esc"),
        # A modal dialog leaves the App's keys behind; ? still lists this one's.
        Binding("question_mark,f1", "app.help", "Help", show=False, key_display="?"),
    ]

    score: reactive[int] = reactive(0)

    def __init__(self, run_day: date, run: str | None = None) -> None:
        """`run` describes an imported run the question is about ("07:00, 5.4 km");
        None: the run after that day's activation."""
        super().__init__()
        self.run_day = run_day
        self.run = run
        self.last_digit: int | None = None
        """The digit typed just before, so that 1 then 0 reads as 10."""

    def compose(self) -> ComposeResult:
        with Vertical(id="checkin-box"):
            which = "Your run on $day, $run" if self.run else "After your activation on $day"
            yield Static(markup(
                f"[b]How was your run?[/b]\n{which}: how did your lower back and hamstrings feel?",
                day=f"{self.run_day:%a %d %b}", run=self.run or "",
            ), id="checkin-question")
            yield Static(id="checkin-scale")
            yield Static(
                "[dim]←/→ or type the score (1 then 0 for 10). Enter saves, Esc skips.[/dim]",
                id="checkin-keys",
            )

    def watch_score(self, score: int) -> None:
        # Each cell four columns wide, the chosen number reversed with a space either side.
        cells = [
            " " * (CELL - 2 - len(str(n))) + (f"[reverse b] {n} [/]" if n == score else f" {n} ")
            for n in range(MAX_CHECKIN_SCORE + 1)
        ]
        ends = "fine".ljust(CELL * MAX_CHECKIN_SCORE - 6) + "very bad"  # under 0 and under 10
        self.query_one("#checkin-scale", Static).update("".join(cells) + f"\n[dim] {ends}[/dim]")

    def on_mount(self) -> None:
        self.watch_score(self.score)

    def action_move(self, step: int) -> None:
        self.last_digit = None
        self.score = max(0, min(MAX_CHECKIN_SCORE, self.score + step))

    def action_pick_end(self, score: int) -> None:
        self.last_digit = None
        self.score = score

    def action_type_digit(self, digit: int) -> None:
        self.score = typed_score(self.last_digit, digit)
        # After "1 0" (10) a further 0 is a plain 0, not a second 10.
        self.last_digit = None if self.score == MAX_CHECKIN_SCORE else digit

    def action_choose(self) -> None:
        self.dismiss(self.score)

    def action_skip(self) -> None:
        self.dismiss(None)
