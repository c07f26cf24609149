"""Lessons: a list with read marks beside a Markdown reader; arrows page, digits jump, Enter acts.

A lesson counts as read once you have seen its end: reaching the bottom of the reader marks it
straight away, and a lesson short enough to fit on screen is marked when you move on from it.
Pressing `m` overrides both for the rest of that visit.
"""

from __future__ import annotations

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Markdown, OptionList, Static

from gluteui import locations
from gluteui.core.anatomy import State
from gluteui.core.content.lessons import Lesson
from gluteui.core.history.store import StoreError
from gluteui.screens import messages
from gluteui.screens.base import GluteScreen
from gluteui.services import Services
from gluteui.widgets.anatomy import Anatomy
from gluteui.widgets.footer import KeyFooter
from gluteui.widgets.lesson_list import LessonList, Reader, key_hint, sources_table
from gluteui.widgets.text import markup, plain
from gluteui.widgets.title_bar import TitleBar

PAGING = Binding.Group("Lesson", compact=True)


class LessonsScreen(GluteScreen):
    place = "lessons"
    passing = True
    CSS_PATH = locations.stylesheet("lessons")
    TITLE = "Lessons"
    AUTO_FOCUS = "#lesson-reader"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (24, "-tall")]
    BINDINGS = [
        Binding("escape", "back", "Back", id="back", tooltip="Back to the screen before"),
        Binding(
            "left", "previous", "Previous lesson", id="previous_lesson", group=PAGING,
            tooltip="Open the lesson before this one",
        ),
        Binding("h", "previous", "Previous lesson", show=False, key_display="h"),
        Binding(
            "right", "next", "Next lesson", id="next_lesson", group=PAGING,
            tooltip="Open the lesson after this one",
        ),
        Binding("l", "next", "Next lesson", show=False, key_display="l"),
        Binding("enter", "lesson_action('quiz')", "Squeeze test", id="lesson_quiz",
                tooltip="Take the squeeze test this lesson explains"),
        Binding("enter", "lesson_action('player')", "Start routine", id="lesson_routine",
                tooltip="Start the activation routine this lesson describes"),
        Binding("g", "figure('firing')", "Wake glutes", id="wake_glutes",
                tooltip="Show the figure with the glutes firing"),
        Binding("g", "figure('asleep')", "Glutes off", id="glutes_off",
                tooltip="Show the figure with the glutes asleep"),
        # Reaching a lesson's end marks it read, so m (the override) is in the help, not the
        # footer: with the lesson's own keys, the footer fits 80 columns.
        Binding("m", "mark(True)", "Mark read", id="mark_read", show=False, key_display="m",
                tooltip="Mark this lesson as read"),
        Binding("m", "mark(False)", "Mark unread", id="mark_unread", show=False, key_display="m",
                tooltip="Mark this lesson as not read yet"),
        *(
            Binding(str(n), f"jump({n})", "Jump to lesson", show=False, key_display="1-9")
            for n in range(1, 10)
        ),
    ]

    def __init__(self, services: Services, safety_first: bool = False) -> None:
        super().__init__(services)
        self.safety_first = safety_first
        """Open on the safety lesson (after pain or a red flag), not the first unread one."""
        self.index = 0
        self.read: set[str] = set()
        self.auto_mark = True
        """False once the user pressed `m` on this visit: their choice wins."""

    @property
    def lessons(self) -> tuple[Lesson, ...]:
        return self.services.content.lessons

    @property
    def lesson(self) -> Lesson:
        return self.lessons[self.index]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="lessons-body"):
            with Vertical(id="lessons-side"):
                yield LessonList(id="lessons-list")
                yield Static(self._note(), id="lessons-note")
            with Reader(id="lesson-reader"):
                yield Static(id="lesson-heading")
                yield Static(id="lesson-takeaway")
                yield Vertical(id="lesson-figure")
                yield Markdown(id="lesson-body")
                yield Static(id="lesson-sources")
                yield Static(id="lesson-next")
        yield KeyFooter()

    def _note(self) -> str:
        safety = next((n for n, lesson in enumerate(self.lessons, start=1) if lesson.safety), None)
        if safety is None or safety > 9:
            return "[b]Education, not diagnosis.[/b]"
        number = safety
        return (
            f"[b]Education, not diagnosis.[/b] Pain or a red flag? Press [b]{number}[/b]:"
            " safety first."
        )

    async def on_mount(self) -> None:
        self._load_read()
        if not self.lessons:
            self.query_one("#lesson-heading", Static).update("No lessons found.")
            return
        self.watch(self.query_one(Reader), "scroll_y", self._reader_scrolled, init=False)
        unread = [i for i, lesson in enumerate(self.lessons) if lesson.id not in self.read]
        safety = next((i for i, lesson in enumerate(self.lessons) if lesson.safety), None)
        if self.safety_first and safety is not None:
            await self.open(safety)
        else:
            await self.open(unread[0] if unread else 0)

    def _load_read(self) -> None:
        try:
            self.read = self.services.store.lessons_read() & self.services.lesson_ids
        except StoreError as error:
            self.notify(str(error), title="Your data file", severity="error", markup=False)

    def _show_list(self) -> None:
        if self.lessons:
            self.query_one(LessonList).show(self.lessons, self.read, self.index)
        self.sub_title = f"{len(self.read)} of {len(self.lessons)} read"

    async def open(self, index: int) -> None:
        """Show lesson `index` in the reader, from the top."""
        self.index = index
        self.auto_mark = True
        lesson = self.lesson
        reader = self.query_one(Reader)
        reader.scroll_home(animate=False)
        self.query_one("#lesson-heading", Static).update(markup(
            f"[b]$title[/b]\n[dim]Lesson {index + 1} of {len(self.lessons)}"
            f" — {lesson.minutes} min read[/dim]", title=lesson.title,
        ))
        self.query_one("#lesson-takeaway", Static).update(plain(lesson.takeaway))
        figure = self.query_one("#lesson-figure", Vertical)
        await figure.remove_children()
        if lesson.figure is not None:
            await figure.mount(Anatomy(lesson.figure, id="lesson-anatomy"))
        figure.display = lesson.figure is not None
        await self.query_one("#lesson-body", Markdown).update(lesson.body)
        self.query_one("#lesson-sources", Static).update(sources_table(lesson.sources))
        self.query_one("#lesson-next", Static).update(self._next_hint())
        self._show_list()
        self.refresh_bindings()

    def _next_hint(self) -> Table:
        if self.lesson.action == "quiz":
            return key_hint("Enter", "Take the squeeze test now.")
        if self.lesson.action == "player":
            return key_hint("Enter", "Start the activation routine.")
        if self.index + 1 < len(self.lessons):
            return key_hint("→", f"Next lesson — {self.lessons[self.index + 1].title}")
        return key_hint("Esc", "Back to Home.")

    def _reader_scrolled(self, scroll_y: float) -> None:
        reader = self.query_one(Reader)
        if self.auto_mark and reader.max_scroll_y > 0 and scroll_y >= reader.max_scroll_y:
            self._set_read(True)

    def _leave(self) -> None:
        """Moving on from a lesson that fit on screen: its end was in view, so it counts as read."""
        if self.lessons and self.auto_mark and self.query_one(Reader).max_scroll_y == 0:
            self._set_read(True)

    def _set_read(self, read: bool) -> None:
        if (self.lesson.id in self.read) == read:
            return
        lesson_id = self.lesson.id
        # A failed save stays in the store's memory and is retried; show what it holds.
        self.save(lambda: self.services.store.set_lesson_read(lesson_id, read))
        self._load_read()
        self._show_list()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if not self.lessons:
            return action == "back"
        if action == "previous":
            return self.index > 0 or None
        if action == "next":
            return self.index + 1 < len(self.lessons) or None
        if action == "jump":
            number = parameters[0]
            return isinstance(number, int) and number <= len(self.lessons)
        if action == "mark":
            return (self.lesson.id in self.read) != parameters[0]
        if action == "lesson_action":
            return self.lesson.action == parameters[0]
        if action == "figure":
            figures = self.query("#lesson-anatomy").results(Anatomy)
            return any(figure.state != parameters[0] for figure in figures)
        return True

    async def _move_to(self, index: int) -> None:
        if index != self.index and 0 <= index < len(self.lessons):
            # A scroll still gliding (End, PgDn) belongs to the lesson it began on: finish it
            # there, or its arrival at the end would mark the next lesson read.
            await self.query_one(Reader).stop_animation("scroll_y")
            self._leave()
            await self.open(index)

    async def action_previous(self) -> None:
        await self._move_to(self.index - 1)

    async def action_next(self) -> None:
        await self._move_to(self.index + 1)

    async def action_jump(self, number: int) -> None:
        await self._move_to(number - 1)

    async def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        await self._move_to(event.option_index)

    def action_mark(self, read: bool) -> None:
        self.auto_mark = False
        self._set_read(read)

    def action_lesson_action(self, name: str) -> None:
        if self.lesson.action == name:
            self._leave()
            self.post_message(messages.Open(name))

    def action_figure(self, state: State) -> None:
        for figure in self.query("#lesson-anatomy").results(Anatomy):
            figure.state = state
        self.refresh_bindings()

    def action_back(self) -> None:
        self._leave()
        self.post_message(messages.Back())
