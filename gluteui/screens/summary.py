"""After the routine: reps per exercise and side, time taken, and a feel check per exercise."""

from __future__ import annotations

from dataclasses import replace

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region
from textual.widgets import Static

from gluteui import locations
from gluteui.core.content.ladders import same_move
from gluteui.core.history.notes import clean_note
from gluteui.core.history.records import Session
from gluteui.core.pain import PLACES, Repeated, hurt_again
from gluteui.core.sides import UNSIDED
from gluteui.core.stats.streaks import ACTIVATION_THRESHOLD, is_activated
from gluteui.core.text import clock, plural
from gluteui.screens import messages
from gluteui.screens.base import GluteScreen
from gluteui.services import Services
from gluteui.widgets.footer import KeyFooter
from gluteui.widgets.hanging import Hanging, Line, indented
from gluteui.widgets.note_input import NoteInput
from gluteui.widgets.text import markup, plain
from gluteui.widgets.title_bar import TitleBar

ANSWERS = {"yes": "yes", "no": "no", "unsure": "not sure", "hurt": "it hurt"}
FEEL = Binding.Group("Feel check")
"""The four answers share one place in the footer; the question asked shows them in full."""
PROMPT = "[reverse] [b]1[/b] yes  [b]2[/b] no  [b]3[/b] not sure  [b]4[/b] it hurt [/reverse]"
BLANK: Line = (Content(), Content())
SHORT = 24
"""Terminals with fewer rows get no blank lines, so every question fits at 60x20."""


class SummaryScreen(GluteScreen):
    """What a routine did, and a feel check per exercise; each answer is saved with the session."""

    CSS_PATH = locations.stylesheet("summary")
    TITLE = "Well done"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (SHORT, "-tall")]
    BINDINGS = [
        # Digits, not y/n: an extra n meant for "Next set" must not answer "no".
        Binding("1", "answer('yes')", "Felt it", id="feel_yes", tooltip="Yes: I felt it where I should",
                group=FEEL),
        Binding("2", "answer('no')", "Didn't", id="feel_no", tooltip="No: shows the common mistakes",
                group=FEEL),
        Binding("3", "answer('unsure')", "Not sure", id="feel_unsure", tooltip="Not sure this time",
                group=FEEL),
        Binding("4", "answer('hurt')", "It hurt", id="feel_hurt",
                tooltip="It hurt: shows easier ways to do it and the safety lesson", group=FEEL),
        Binding("l", "show_safety", "Safety lesson", id="show_safety",
                tooltip="What pain means, and when to have it checked"),
        Binding("enter,escape", "finish", "Done", id="finish", tooltip="Back to Home"),
        Binding("e", "write_note", "Note", id="write_note",
                tooltip="Write a line about this session, or change it: Progress shows it with the day"),
    ]

    def __init__(self, services: Services, session: Session, finished: bool = True) -> None:
        super().__init__(services)
        self.session = session
        self.finished = finished
        """False when the routine was stopped part-way."""
        self.feel: dict[str, str] = {}
        self.repeated: dict[str, Repeated] = {}
        """Exercise id -> it hurt in this session and in enough of the last few to need a check."""

    @property
    def exercise_ids(self) -> list[str]:
        """The exercises done at least once, or that hurt: only those get a feel check."""
        reps, known, pain = self.session.reps, self.services.content.exercises, self.session.pain
        return [e for e in reps if e in known and (any(reps[e].values()) or e in pain)]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="summary-body"):
            yield Static(id="summary-reps")
            yield Static(id="summary-feel")
        yield KeyFooter()

    def on_mount(self) -> None:
        s = self.session
        reps = self.query_one("#summary-reps", Static)
        if not s.worth_keeping:
            self.title = "Routine over"
            what = "Stopped before the first rep" if not self.finished else "Every set was skipped"
            reps.update(markup(
                f"[b]{what}[/b]. No reps were done, so nothing was saved.\n\n"
                "Press [b]Enter[/b] to go back home."
            ))
            return
        self.show_head()
        sessions, ladders = self.services.store.history().sessions, self.services.content.ladders
        self.repeated = {e: r for e in self.exercise_ids if e in s.pain
                         and (r := hurt_again(sessions, same_move(ladders, e))) is not None}
        self.show_feel()

    def show_head(self) -> None:
        """How long it took, the reps against the plan, whether the day counts, whether it is saved."""
        s = self.session
        done = f"{s.done_reps} of {s.planned_reps} {plural(s.planned_reps, 'rep')}"
        if not is_activated(s.planned_reps, s.done_reps):
            done += f": not counted as activated (a day counts from {ACTIVATION_THRESHOLD:.0%} of the reps)"
        if self.finished:
            head = Text.assemble((f"Routine done in {clock(s.duration_s)}", "bold"), f" — {done}.")
        else:
            self.title = "Stopped early"
            head = Text.assemble(
                (f"Stopped after {clock(s.duration_s)}", "bold"), f" — {done}, ",
                "and what you did is saved." if self.saved else ("not saved yet", "bold"),
                "" if self.saved else " (GluteUI keeps trying; see the message).",
            )
        self.query_one("#summary-reps", Static).update(Group(head, Text(), self.table()))

    def table(self) -> Table:
        """Reps done per exercise and side."""
        exercises = self.services.content.exercises
        table = Table(box=None, padding=(0, 2), show_header=True, header_style="dim")
        table.add_column("Exercise")
        table.add_column("Left", justify="right")
        table.add_column("Right", justify="right")
        for exercise_id in (e for e in self.session.reps if e in exercises):
            done = self.session.reps[exercise_id]
            both = str(done[UNSIDED]) if UNSIDED in done else ""
            # Text, not str: rich would read markup in an exercise's name.
            table.add_row(
                Text(exercises[exercise_id].name), str(done.get("left", both)), str(done.get("right", "")),
            )
        return table

    @property
    def asking(self) -> str | None:
        """The exercise whose feel check is being asked, or None when all are answered."""
        return next((e for e in self.exercise_ids if e not in self.feel), None)

    def on_resize(self) -> None:
        # Four answers, Done, Quit and Help: below 80 columns only the compact footer holds them.
        self.query_one(KeyFooter).compact = self.size.width < 80
        if self.session.worth_keeping:
            self.show_feel()  # a short terminal drops the blank lines between the questions

    def show_feel(self) -> None:
        """The feel check, one block per exercise, with the question being asked in view."""
        exercises = self.services.content.exercises
        gap = [] if self.size.height < SHORT else [BLANK]
        lines: list[Line] = [(Content(), markup(
            "[b]Feel check:[/b] did each move land where it should? Quality beats quantity."
        ))]
        focus = (0, 1)
        for exercise_id in self.exercise_ids:
            exercise = exercises[exercise_id]
            answer = self.feel.get(exercise_id)
            lines += gap
            start = len(lines)
            lines.append((Content(), markup(
                "[b]$name[/b]" + ("  [b $accent]$answer[/]" if answer else ""),
                name=exercise.name, answer=ANSWERS.get(answer or "", ""),
            )))
            lines.append(indented(plain(exercise.feel_check)))
            if exercise_id == self.asking:
                lines.append(indented(markup(PROMPT)))
                focus = (start, len(lines))
            if answer == "no":
                lines += [indented(markup("[dim]$mistake[/dim] $fix", mistake=m.mistake, fix=m.fix))
                          for m in exercise.mistakes[:2]]
            lines += self.pain_lines(exercise_id, answer == "hurt")
        if self.hurt:
            lines += [BLANK, (Content(), markup(
                "[b $error]$emergency[/]", emergency=self.services.content.triage.line("emergency"),
            )), (Content(), markup(
                "[b]Pain is a reason to stop, not to push through.[/] Above 3 of 10, sharp, building, down "
                "the leg, or worse tomorrow morning: press [b]l[/b] for the safety lesson."
            ))]
        if self.session.note:
            lines += [BLANK, (markup("[b]Note:[/b] "), plain(self.session.note))]
        if self.asking is None:
            saved = "Saved." if self.saved else "[b]Not saved yet[/b]: it is kept while GluteUI is open."
            what = "change the note" if self.session.note else "add a note (Progress shows it with the day)"
            lines += [BLANK, (Content(), markup(f"[dim]Press [b]e[/b] to {what}.[/dim]"))]
            lines += [(Content(), markup(f"{saved} Press [b]Enter[/b] to go back home."))]
            focus = (len(lines) - 1, len(lines))
        self.query_one("#summary-feel", Static).update(Hanging(lines))
        self.refresh_bindings()
        self.call_after_refresh(self.reveal, *focus)

    def reveal(self, first: int, end: int) -> None:
        """Scroll so that feel-check lines first..end-1 (the question asked) are on screen."""
        feel = self.query_one("#summary-feel", Static)
        visual = feel.visual
        if not isinstance(visual, Hanging):
            return
        width = feel.content_region.width
        top, bottom = visual.row_of(first, width), visual.row_of(end, width)
        region = Region(0, feel.virtual_region.y + top, feel.size.width, max(bottom - top, 1))
        self.query_one("#summary-body", VerticalScroll).scroll_to_region(region, animate=False, immediate=True)

    def pain_lines(self, exercise_id: str, felt_hurt: bool) -> list[Line]:
        """Where it hurt, how the next session starts, and a word when it keeps hurting."""
        session, exercise = self.session, self.services.content.exercises[exercise_id]
        lines = []
        report = session.hurt.get(exercise_id)
        if report is not None:
            side = "" if report["side"] == UNSIDED else f", {report['side']} side"
            where = PLACES[report["where"]].lower()
            lines.append(indented(markup("[b]It hurt:[/b] $where$side.", where=where, side=side)))
        if exercise_id in session.easier:
            lines.append(indented(markup("[b]Next time it starts easier:[/b] $way.", way=session.easier[exercise_id])))
        elif felt_hurt or exercise_id in session.pain:
            lines.append(indented(markup("[b]Next time, easier:[/b] $ways.", ways=". ".join(exercise.easier))))
        repeated = self.repeated.get(exercise_id)
        if repeated is not None:
            lines.append(indented(markup("[b $error]$words[/]", words=repeated.words(exercise.name))))
        return lines

    @property
    def saved(self) -> bool:
        """False while saving fails: the session waits in memory and the writer retries."""
        return self.services.unsaved is None

    def on_save_state_changed(self) -> None:
        if self.session.worth_keeping:
            self.show_head()
            self.show_feel()

    @property
    def hurt(self) -> bool:
        """Something hurt: in the routine ("it hurts") or in the feel check."""
        return bool(self.session.pain) or "hurt" in self.feel.values()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "answer":
            return self.asking is not None
        if action == "show_safety":
            return self.hurt
        if action == "write_note":
            return self.session.worth_keeping and not self.query(NoteInput)
        return True

    def action_show_safety(self) -> None:
        self.post_message(messages.ShowSafety())

    def action_answer(self, answer: str) -> None:
        asking = self.asking
        if asking is None:
            return
        self.feel[asking] = answer
        session = self.session = replace(self.session, feel=dict(self.feel))
        self.save(lambda: self.services.store.save_session(session))
        self.show_feel()

    def action_finish(self) -> None:
        typed = [note.value for note in self.query(NoteInput) if note.value != self.session.note]
        if typed:
            # The focus left the note (Tab, a click) before Enter kept it: Done keeps its
            # words rather than lose them without a word.
            try:
                words = clean_note(typed[0])
            except ValueError as error:
                self.notify(f"Not kept: {error}.", title="Note", severity="error", markup=False)
                return
            session = self.session = replace(self.session, note=words)
            self.save(lambda: self.services.store.save_session(session))
        self.post_message(messages.Back())

    # The note: one line, kept with the session through the same save as the feel check.

    async def action_write_note(self) -> None:
        if not self.check_action("write_note", ()):
            return
        note = NoteInput(self.session.note, id="summary-note")
        await self.query_one("#summary-body", VerticalScroll).mount(note)
        self.refresh_bindings()
        note.focus(scroll_visible=False)
        # Once it has its place: scrolled to before that, a short terminal showed its top edge only.
        self.call_after_refresh(note.scroll_visible, animate=False)

    @on(NoteInput.Submitted)
    async def keep_note(self, event: NoteInput.Submitted) -> None:
        event.stop()
        try:
            note = clean_note(event.value)
        except ValueError as error:
            self.notify(f"Not kept: {error}.", title="Note", severity="error", markup=False)
            return
        session = self.session = replace(self.session, note=note)
        self.save(lambda: self.services.store.save_session(session))
        await self.close_note()

    @on(NoteInput.Left)
    async def close_note(self) -> None:
        await self.query(NoteInput).remove()
        self.show_feel()
