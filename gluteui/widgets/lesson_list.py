"""The lesson list (titles with read marks, fitted to its width) and the reader beside it."""

from __future__ import annotations

import textwrap

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from gluteui.core.content.lessons import Lesson
from gluteui.widgets.scroll_keys import KeyScroll

COMPACT_BELOW = 30
"""List widths under this drop the reading time (the reader shows it) to leave the title room."""
READ_MARK, UNREAD_MARK = "✓", "·"


def label_lines(number: int, lesson: Lesson, width: int, digits: int = 1) -> list[str]:
    """The list entry for a lesson, fitted to `width` columns (without the read mark).

    The title wraps under itself, never cut. Wide, the reading time sits on the first line.
    """
    prefix = f"{number:>{digits}}. "
    room = width - len(prefix) - 2  # the read mark and its space
    indent = " " * (len(prefix) + 2)
    if width < COMPACT_BELOW:
        lines = textwrap.wrap(lesson.title, max(room, 1)) or [""]
        return [prefix + lines[0], *(indent + line for line in lines[1:])]
    minutes = f"{lesson.minutes} min"
    lines = textwrap.wrap(lesson.title, room - len(minutes) - 1) or [""]
    first = f"{prefix}{lines[0]:<{room - len(minutes)}}{minutes}"
    return [first, *(indent + line for line in lines[1:])]


def sources_table(sources: tuple[str, ...]) -> Group:
    """A lesson's references under their heading, each wrapping under itself beside its bullet."""
    table = Table.grid(padding=(0, 1))
    table.add_column()
    table.add_column()
    for source in sources:
        table.add_row("•", Text(source, overflow="fold"))  # a long DOI breaks, never cut
    return Group(Text("Sources", style="bold"), table)


def key_hint(key: str, words: str) -> Table:
    """A key beside what it does; the words wrap under themselves, not under the key."""
    table = Table.grid(padding=(0, 1))
    table.add_column(style="bold")
    table.add_column()
    table.add_row(key, Text(words))
    return table


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


class Reader(KeyScroll):
    """The lesson text. Only vertical keys: left and right belong to paging between lessons."""
