"""'How was your run?': a skippable 0-10 check-in offered on the launch after an activation."""

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


class CheckinDialog(ModalScreen[int | None]):
    """Dismisses with the chosen score, or None when skipped."""
    CSS_PATH = locations.stylesheet("dialogs")

    BINDINGS = [
        Binding("left,h", "move(-1)", "Less", show=False),
        Binding("right,l", "move(1)", "More", show=False),
        Binding("enter", "choose", "Save", id="save_checkin"),
        Binding("escape,s", "skip", "Skip", id="skip_checkin"),
        *(Binding(str(n), f"pick({n})", show=False) for n in range(10)),
    ]

    score: reactive[int] = reactive(0)

    def __init__(self, run_day: date) -> None:
        super().__init__()
        self.run_day = run_day

    def compose(self) -> ComposeResult:
        with Vertical(id="checkin-box"):
            yield Static(
                f"[b]How was your run?[/b]  [dim](after your activation on {self.run_day:%a %d %b})[/dim]\n"
                "How did your lower back and hamstrings feel?",
                id="checkin-question",
            )
            yield Static(id="checkin-scale")
            yield Static(
                "[dim]0 fine ... 10 very bad.  Left/right or a digit, Enter saves, Esc skips.[/dim]",
                id="checkin-keys",
            )

    def watch_score(self, score: int) -> None:
        cells = [
            f"[reverse b] {n} [/]" if n == score else f" {n} " for n in range(MAX_CHECKIN_SCORE + 1)
        ]
        self.query_one("#checkin-scale", Static).update("".join(cells))

    def on_mount(self) -> None:
        self.watch_score(self.score)

    def action_move(self, step: int) -> None:
        self.score = max(0, min(MAX_CHECKIN_SCORE, self.score + step))

    def action_pick(self, score: int) -> None:
        self.score = score

    def action_choose(self) -> None:
        self.dismiss(self.score)

    def action_skip(self) -> None:
        self.dismiss(None)
