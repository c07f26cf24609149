"""The lesson list (titles with read marks, fitted to its width) and the reader beside it."""

from __future__ import annotations

import textwrap

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from gluteui.core.content.lessons import Lesson

COMPACT_BELOW = 30
"""List widths under this drop the reading time and cut long titles to one line."""
READ_MARK, UNREAD_MARK = "✓", "·"


def label_lines(number: int, lesson: Lesson, width: int, digits: int = 1) -> list[str]:
    """The list entry for a lesson, fitted to `width` columns (without the read mark).

    Wide: the title wraps under itself and the reading time sits on the first line.
    Narrow: one line, the title cut with an ellipsis; the reader shows the reading time.
    """
    prefix = f"{number:>{digits}}. "
    room = width - len(prefix) - 2  # the read mark and its space
    if width < COMPACT_BELOW:
        title = lesson.title if len(lesson.title) <= room else lesson.title[: room - 1] + "…"
        return [prefix + title]
    minutes = f"{lesson.minutes} min"
    lines = textwrap.wrap(lesson.title, room - len(minutes) - 1) or [""]
    first = f"{prefix}{lines[0]:<{room - len(minutes)}}{minutes}"
    indent = " " * (len(prefix) + 2)
    return [first, *(indent + line for line in lines[1:])]


class LessonList(OptionList, can_focus=False):
    """The lessons, one option each; the reader keeps the focus, so this list only points."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lessons: tuple[Lesson, ...] = ()
        self.read: set[str] = set()

    def show(self, lessons: tuple[Lesson, ...], read: set[str], current: int) -> None:
        self.lessons, self.read = lessons, set(read)
        self._fill()
        self.highlighted = current

    def on_resize(self) -> None:
        highlighted = self.highlighted
        self._fill()
        self.highlighted = highlighted

    def _fill(self) -> None:
        lessons, read = self.lessons, self.read
        width = self.scrollable_content_region.width
        digits = len(str(len(lessons)))
        options = []
        for number, lesson in enumerate(lessons, start=1):
            lines = label_lines(number, lesson, width, digits) if width else [lesson.title]
            mark = (READ_MARK, "$success") if lesson.id in read else (UNREAD_MARK, "dim")
            style = "$warning" if lesson.safety else ""
            prompt = Content.assemble(mark, " ", ("\n".join(lines), style))
            options.append(Option(prompt, id=lesson.id))
        self.set_options(options)


class Reader(VerticalScroll, inherit_bindings=False):
    """The lesson text. Only vertical keys: left and right belong to paging between lessons."""

    BINDINGS = [
        Binding("down,j", "scroll_down", "Scroll down", show=False, key_display="↓/j"),
        Binding("up,k", "scroll_up", "Scroll up", show=False, key_display="↑/k"),
        Binding("pagedown,space", "page_down", "Page down", show=False, key_display="PgDn/Space"),
        Binding("pageup", "page_up", "Page up", show=False, key_display="PgUp"),
        Binding("home", "scroll_home", "Top of the lesson", show=False),
        Binding("end", "scroll_end", "End of the lesson", show=False),
    ]
