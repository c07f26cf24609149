"""'How was your run?': the lower back and the hamstrings, each on a skippable 0-10 scale
from no discomfort to the worst imaginable. Home asks about the latest run waiting for an
answer (core/stats/question.py); Progress about any run in its list.

The lower back starts at 0, on screen and under the cursor, so Enter saves what is shown.
The hamstrings start unanswered (unless an earlier answer about them is being changed): the
dialog opens on the back, so a 0 there would be saved without the user ever looking at it.
Moving onto the hamstrings chooses nothing; a digit, an arrow, Home or End does."""

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
from gluteui.core.stats.run_entries import CheckinReply
from gluteui.widgets.text import markup

CELL = 4
"""Each score on the scale takes four columns: "  7 ", " 10 "."""
INDENT = "  "
"""Before each scale, so the row's marker ("▸") stands out in front of its name."""
ROWS = ("Lower back", "Hamstrings")
"""The two scales, in the order asked: the lower back is the score compared on Progress."""


def typed_score(previous_digit: int | None, digit: int) -> int:
    """The score after typing `digit`: 1 then 0 makes 10 (the one score of two digits);
    any other digit is that score."""
    if previous_digit == 1 and digit == 0:
        return MAX_CHECKIN_SCORE
    return digit


def scale_line(score: int | None, chosen: bool) -> str:
    """One scale as markup: each cell four columns wide, the score reversed with a space
    either side (dimmed on the row not being answered); no cell reversed when None."""
    mark = "reverse b" if chosen else "reverse"
    return INDENT + "".join(
        " " * (CELL - 2 - len(str(n))) + (f"[{mark}] {n} [/]" if n == score else f" {n} ")
        for n in range(MAX_CHECKIN_SCORE + 1)
    )


class CheckinDialog(ModalScreen[CheckinReply | None]):
    """Dismisses with both scores (or, where allowed, "I did not run"), or None when skipped."""
    CSS_PATH = locations.stylesheet("dialogs")
    TITLE = "Run check-in"

    BINDINGS = [
        Binding("up,k", "row(0)", "Lower back / hamstrings", show=False, key_display="↑/↓"),
        Binding("down,j", "row(1)", "Lower back / hamstrings", show=False, key_display="↑/↓"),
        Binding("tab,shift+tab", "other_row", "The other scale", show=False, key_display="Tab"),
        Binding("left,h", "move(-1)", "Less / more", show=False, key_display="←/→"),
        Binding("right,l", "move(1)", "Less / more", show=False, key_display="←/→"),
        *(Binding(str(n), f"type_digit({n})", "Type the score (1 then 0 for 10)", show=False,
                  key_display="0-9") for n in range(10)),
        Binding("home", "pick_end(0)", "No discomfort (0) / worst imaginable (10)", show=False,
                key_display="Home/End"),
        Binding("end", "pick_end(10)", "No discomfort (0) / worst imaginable (10)", show=False,
                key_display="Home/End"),
        Binding("delete,backspace", "unanswer", "Leave the hamstrings unanswered", show=False,
                key_display="Del"),
        Binding("enter", "choose", "Save", id="save_checkin"),
        Binding("n", "no_run", "I did not run that day", id="no_run_checkin"),
        Binding("escape,s", "skip", "Skip", id="skip_checkin", key_display="Esc"),
        # A modal dialog leaves the App's keys behind; ? still lists this one's.
        Binding("question_mark,f1", "app.help", "Help", show=False, key_display="?"),
    ]

    score: reactive[int] = reactive(0)
    """The lower back's score."""
    hamstrings: reactive[int | None] = reactive(None)
    """The hamstrings' score; None (not answered, and saved so) until one is chosen."""
    row: reactive[int] = reactive(0)
    """The scale the keys answer: 0 the lower back, 1 the hamstrings."""

    def __init__(self, run_day: date, run: str | None = None, *, activated: bool = True,
                 answer: tuple[int, int | None] | None = None, ran_unsure: bool = False) -> None:
        """`run` describes an imported run the question is about ("07:00, 5.4 km"); None:
        a run known only by its day, after that day's activation when `activated`.
        `answer`: the scores given before (back, hamstrings), to change. `ran_unsure`:
        "I did not run that day" is a possible answer (n)."""
        super().__init__()
        self.run_day = run_day
        self.run = run
        self.activated = activated
        self.ran_unsure = ran_unsure
        self.last_digit: int | None = None
        """The digit typed just before, so that 1 then 0 reads as 10."""
        if answer is not None:
            back, hamstrings = answer
            self.set_reactive(CheckinDialog.score, back)
            # None stays unanswered: an older check-in asked about both at once, and
            # giving its one score to the hamstrings would say what the user never did.
            self.set_reactive(CheckinDialog.hamstrings, hamstrings)

    def compose(self) -> ComposeResult:
        with Vertical(id="checkin-box"):
            if self.run:
                which = "Your run on $day, $run"
            elif self.activated:
                which = "After your activation on $day"
            else:
                which = "Your run on $day"
            yield Static(markup(
                f"[b]How was your run?[/b]\n{which}: how did they feel?",
                day=f"{self.run_day:%a %d %b}", run=self.run or "",
            ), id="checkin-question")
            yield Static(id="checkin-scale")
            keys = "[b]Enter[/b] saves  [b]Esc[/b] skips"
            if self.ran_unsure:
                keys += "  [b]n[/b] I did not run"
            yield Static(
                f"[dim][b]↑/↓ Tab[/b] scale  [b]←/→ 0-9[/b] answer (1 then 0 for 10)\n{keys}[/dim]",
                id="checkin-keys",
            )

    def _show(self) -> None:
        lines = []
        for index, (name, score) in enumerate(zip(ROWS, (self.score, self.hamstrings), strict=True)):
            chosen = index == self.row
            note = ""
            if score is None:
                note = "  [dim]not answered: Enter leaves them out[/dim]"
            elif index == 1 and chosen:
                note = "  [dim]Del leaves them out[/dim]"
            lines.append(("[b]▸ " if chosen else "[dim]  ") + f"{name}[/]" + note)
            lines.append(scale_line(score, chosen))
        ends = "no discomfort".ljust(CELL * MAX_CHECKIN_SCORE - 11) + "worst imaginable"
        lines.append(f"[dim]{INDENT} {ends}[/dim]")  # under 0 and ending under 10
        self.query_one("#checkin-scale", Static).update("\n".join(lines))

    def watch_score(self) -> None:
        self._show()

    def watch_hamstrings(self) -> None:
        self._show()

    def watch_row(self) -> None:
        self.last_digit = None
        self._show()

    def on_mount(self) -> None:
        self._show()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "no_run":
            return self.ran_unsure
        return True

    def _set(self, score: int) -> None:
        if self.row == 0:
            self.score = score
        else:
            self.hamstrings = score

    def action_row(self, row: int) -> None:
        self.row = row

    def action_other_row(self) -> None:
        self.row = 1 - self.row

    def action_move(self, step: int) -> None:
        self.last_digit = None
        current = self.score if self.row == 0 else self.hamstrings
        # An unanswered scale sits just before 0: either arrow starts it there.
        self._set(max(0, min(MAX_CHECKIN_SCORE, (-1 if current is None else current) + step)))

    def action_pick_end(self, score: int) -> None:
        self.last_digit = None
        self._set(score)

    def action_type_digit(self, digit: int) -> None:
        score = typed_score(self.last_digit, digit)
        self._set(score)
        # After "1 0" (10) a further 0 is a plain 0, not a second 10.
        self.last_digit = None if score == MAX_CHECKIN_SCORE else digit

    def action_unanswer(self) -> None:
        # The lower back always has an answer: only the hamstrings can be left out.
        if self.row == 1:
            self.last_digit = None
            self.hamstrings = None

    def action_choose(self) -> None:
        self.dismiss(CheckinReply(self.score, self.hamstrings))

    def action_no_run(self) -> None:
        self.dismiss(CheckinReply(ran=False))

    def action_skip(self) -> None:
        self.dismiss(None)
