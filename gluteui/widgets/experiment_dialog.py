"""'Start a self-experiment': what it is in a few plain lines, how many weeks, and which days
you run. Keys only: ←/→ the weeks, 1-7 a weekday on or off, ↑/↓ and PgUp/PgDn scroll the
explanation, Enter starts, Esc does not."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from gluteui import locations
from gluteui.core.history.experiment import MAX_WEEKS, MIN_WEEKS
from gluteui.core.history.settings import WEEKDAYS
from gluteui.core.stats.estimate import MIN_RUNS_EACH
from gluteui.core.stats.trial_today import STOP_COMMAND, days_each
from gluteui.widgets.text import markup

ABOUT = (
    # What a user must know before agreeing comes first, so a short terminal shows it unscrolled.
    "[b]A self-experiment, if you want one.[/b] It is optional, you can stop it any time "
    "(Ctrl+P, $stop), and it never asks you to skip the run day after pain.\n"
    "On each run day GluteUI draws [b]activate[/b] or [b]skip[/b], one of each in every pair of run "
    "days, and Home says which. At the end Progress compares your back check-ins on the two kinds "
    "of day: chance chose them, not how your back felt.\n"
    "[dim]It only works if you check in after your runs: the comparison is made of those answers.[/dim]"
)
DAYS_ON_ONE_LINE = 70
"""Terminal columns from which "Run days:" and the seven chips share a line; below, the
chips get a line of their own, so a chip never wraps apart from its number."""

Plan = tuple[int, tuple[int, ...]]
"""The weeks and the run days (0 = Monday) chosen."""


class AboutScroll(VerticalScroll, can_focus=False):
    """The explanation. It never takes the focus (←/→ belong to the weeks); the dialog's own
    ↑/↓ and PgUp/PgDn scroll it."""


class ExperimentDialog(ModalScreen[Plan | None]):
    """Dismisses with the plan chosen, or None when cancelled."""

    CSS_PATH = locations.stylesheet("dialogs")
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]
    BINDINGS = [
        Binding("left,minus", "weeks(-1)", "Fewer / more weeks", show=False, key_display="←/→"),
        Binding("right,plus,equals_sign", "weeks(1)", "Fewer / more weeks", show=False, key_display="←/→"),
        *(Binding(str(day + 1), f"toggle_day({day})", "A run day on / off", show=False, key_display="1-7")
          for day in range(7)),
        Binding("up", "scroll_lines(-1)", "Scroll the explanation", show=False, key_display="↑/↓"),
        Binding("down", "scroll_lines(1)", "Scroll the explanation", show=False, key_display="↑/↓"),
        Binding("pageup", "scroll_page(-1)", "Scroll the explanation", show=False, key_display="PgUp/PgDn"),
        Binding("pagedown", "scroll_page(1)", "Scroll the explanation", show=False, key_display="PgUp/PgDn"),
        Binding("enter", "start", "Start", id="start_experiment"),
        Binding("escape", "cancel", "Cancel", id="cancel_experiment"),
        Binding("question_mark,f1", "app.help", "Help", show=False, key_display="?"),
    ]

    def __init__(self, weeks: int, run_days: tuple[int, ...]) -> None:
        super().__init__()
        self.weeks = weeks
        self.run_days = set(run_days)
        self.problem: str | None = None

    def compose(self) -> ComposeResult:
        # On a short terminal the explanation scrolls; the choices and the keys, docked at
        # the bottom of the same box, stay in view.
        with AboutScroll(id="experiment-box"):
            yield Static(markup(ABOUT, stop=STOP_COMMAND), id="experiment-about")
            with Vertical(id="experiment-choices"):
                yield Static(id="experiment-plan")
                yield Static(markup("[dim]←/→ weeks, 1-7 a run day on or off, ↑/↓ PgUp/PgDn scroll the text. "
                                    "Enter starts, Esc cancels.[/dim]"),
                             id="experiment-keys")

    def on_mount(self) -> None:
        self.show_plan()

    def on_resize(self) -> None:
        self.show_plan()

    def show_plan(self) -> None:
        days = Content(" ").join(
            # A tick as well as the colour: chosen must read in a terminal without colour too.
            markup("[reverse b]$n $day✓[/]" if day in self.run_days else "[dim]$n $day [/]",
                   n=day + 1, day=name.capitalize())
            for day, name in enumerate(WEEKDAYS)
        )
        label = Content("Run days: " if self.app.size.width >= DAYS_ON_ONE_LINE else "Run days:\n")
        lines = [markup("Weeks: [b]$weeks[/b] [dim]($low to $high)[/dim]", weeks=self.weeks, low=MIN_WEEKS,
                        high=MAX_WEEKS),
                 label + days]
        each = days_each(self.weeks, len(self.run_days))
        warn = "$warning" if each < MIN_RUNS_EACH else "dim"
        lines.append(markup(f"[{warn}]About $each run days on each side; a verdict needs $need answered on each.[/]",
                            each=each, need=MIN_RUNS_EACH))
        if self.problem:
            lines.append(markup("[$warning]$problem[/]", problem=self.problem))
        self.query_one("#experiment-plan", Static).update(Content("\n").join(lines))

    def action_weeks(self, step: int) -> None:
        weeks = max(MIN_WEEKS, min(MAX_WEEKS, self.weeks + step))
        if weeks == self.weeks:
            self.app.bell()
        self.weeks = weeks
        self.show_plan()

    def action_scroll_lines(self, lines: int) -> None:
        self.query_one(AboutScroll).scroll_relative(y=lines, animate=False)

    def action_scroll_page(self, pages: int) -> None:
        about = self.query_one(AboutScroll)
        if pages < 0:
            about.scroll_page_up(animate=False)
        else:
            about.scroll_page_down(animate=False)

    def action_toggle_day(self, day: int) -> None:
        self.run_days ^= {day}
        self.problem = None
        self.show_plan()

    def action_start(self) -> None:
        if not self.run_days:
            self.problem = "Choose at least one run day (1-7)."
            self.show_plan()
            return
        self.dismiss((self.weeks, tuple(sorted(self.run_days))))

    def action_cancel(self) -> None:
        self.dismiss(None)
