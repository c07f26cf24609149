"""What the routine player draws: the side band, the exercise, the rep or the break, the
status line. It shows a core PlayerView and changes only what differs from the last one,
since the player hands it a new view twenty times a second."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Static

from gluteui.core.content.exercises import Exercise
from gluteui.core.lead_in import COUNTDOWN_FROM, WAITING_LEAD_IN_S
from gluteui.core.routine.player import PlayerView
from gluteui.widgets.big_text import BigText
from gluteui.widgets.phase_bar import PhaseBar
from gluteui.widgets.player import FigurePlayer, Meter
from gluteui.widgets.side_band import SideBand
from gluteui.widgets.text import markup, plain

BAR_EVERY_TICKS = 2
"""The phase bar moves on every second view: 10 times a second."""


def band_label(view: PlayerView) -> str:
    """What the side band says when no side is being worked or coming up."""
    if view.kind == "done":
        return "DONE"
    return "BOTH SIDES" if not view.is_break else view.phase_word.upper()


class RoutineView(Widget):
    """The player's whole display; `show(view, exercise, paused)` on every tick."""

    DEFAULT_CSS = "RoutineView { height: 1fr; layout: vertical; }"

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.shown: PlayerView | None = None
        self.views = 0

    def compose(self) -> ComposeResult:
        yield SideBand(id="side-band")
        yield Static(id="exercise-name")
        with ContentSwitcher(initial="work", id="stage"):
            with Horizontal(id="work"):
                yield FigurePlayer(id="figure")
                with Vertical(id="rep-box"):
                    with Horizontal(id="rep-row"):
                        yield BigText(id="rep")
                        yield Static(id="rep-of")
                        yield BigText(id="rep-of-big")
                    yield BigText(id="phase-word")
                    yield PhaseBar(id="phase-bar")
                    yield Static(id="cue")
                    yield Static(id="side-note")
            with Vertical(id="break"):
                yield Static(id="break-title")
                yield BigText(id="break-count")
                yield Static(id="break-text")
                yield Static("[dim]It hurts? Press [b]h[/b]: an easier way to do it, or skip it.[/dim]",
                             id="pain-hint")
                yield Static(f"Press [b]Space[/b] when you are in position: a {WAITING_LEAD_IN_S:g} s count-in, then the set.",
                             id="ready-hint")
            with Vertical(id="paused"):
                yield BigText("PAUSED", id="paused-word")
                yield Static(
                    f"[b]Space[/b] resumes, after a {COUNTDOWN_FROM} s count-in    [b]Esc[/b] asks before stopping",
                    id="paused-keys",
                )
        # Tall screens: what comes next and the time left, large enough to read from the mat.
        with Horizontal(id="routine-next"):
            yield BigText(id="next-up")
            yield BigText(id="time-left")
        with Horizontal(id="routine-status"):
            yield Meter(id="routine-meter")
            yield Static(id="routine-left")

    def on_mount(self) -> None:
        # What changes on most ticks, looked up once rather than 20 times a second.
        self.band = self.query_one(SideBand)
        self.figure = self.query_one(FigurePlayer)
        self.rep_number = self.query_one("#rep", BigText)
        self.phase_word = self.query_one("#phase-word", BigText)
        self.break_count = self.query_one("#break-count", BigText)
        self.phase_bar = self.query_one(PhaseBar)
        self.routine_meter = self.query_one("#routine-meter", Meter)
        self.stage = self.query_one(ContentSwitcher)

    def show(self, view: PlayerView, exercise: Exercise | None, paused: bool, waiting: bool = False) -> None:
        """Apply what changed since the last view, and nothing else. `waiting`: a lead-in
        holds until the user says they are in position."""
        old = self.shown
        self.shown = view

        def changed(field: str) -> bool:
            return old is None or getattr(old, field) != getattr(view, field)

        if changed("exercise_id"):
            self.query_one("#exercise-name", Static).update(markup(
                "[b]$name[/b]  [dim]$target[/dim]  $where",
                name=view.exercise_name, target=exercise.target if exercise else "", where=view.where,
            ))
            self.figure.frames = exercise.figure if exercise else ()
            # Every word of the move at one size: STEP OUT and STEP IN must not jump.
            self.phase_word.family = tuple(word.upper() for word in exercise.words.values()) if exercise else ()
        self.band.side = view.side
        self.band.label = band_label(view)
        self.figure.frame = view.frame
        self.stage.current = "paused" if paused else "break" if view.is_break else "work"
        if view.is_break:
            if changed("break_title") or changed("break_text"):
                self.query_one("#break-title", Static).update(markup("[b]$title[/b]", title=view.break_title))
                self.query_one("#break-text", Static).update(plain(view.break_text))
            self.break_count.text = "READY?" if waiting else str(view.phase_seconds_left) if view.kind != "done" else ""
            self.query_one("#pain-hint", Static).display = not waiting
            self.query_one("#ready-hint", Static).display = waiting
        else:
            self.rep_number.text = str(view.rep or "")
            if changed("reps"):
                self.query_one("#rep-of", Static).update(f"of {view.reps}")
                self.query_one("#rep-of-big", BigText).text = f"/{view.reps}"
            self.phase_word.text = view.phase_word.upper()
            # Half the views are enough for a bar seen from the floor, and a full-width bar
            # is most of what a frame costs to draw; a new phase still starts it at once.
            self.views += 1
            if changed("kind") or changed("rep") or self.views % BAR_EVERY_TICKS == 0:
                self.phase_bar.show(view.phase_progress)
            if changed("cue"):
                self.query_one("#cue", Static).update(plain(view.cue))
        if changed("side_note"):
            self.query_one("#side-note", Static).update(plain(view.side_note))
        self.routine_meter.show(view.routine_progress)
        if changed("time_left") or changed("set_label"):
            self.query_one("#routine-left", Static).update(plain(f"{view.set_label} · {view.time_left} left"))
            self.query_one("#time-left", BigText).text = view.time_left
        if changed("next_up"):
            self.query_one("#next-up", BigText).text = f"NEXT: {view.next_up.upper()}" if view.next_up else ""
