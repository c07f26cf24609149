"""Text with a hanging indent: a line too long for its widget wraps under its own words, not
under the label or the indent in front of it.

Textual wraps a Static's text back to the left edge; a status line ("Squeeze test: Hard
to find today") or an indented question then loses its shape in a narrow terminal.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual

Line = tuple[Content, Content]
"""(prefix, text): the prefix ("Streak ", or spaces for an indent) stays put, the text wraps
under itself."""


def indented(text: Content, by: int = 2) -> Line:
    """`text` as a block `by` columns in."""
    return Content(" " * by), text


class Hanging(Visual):
    """Lines of (prefix, text), wrapped to the width they are drawn at."""

    def __init__(self, lines: Sequence[Line]) -> None:
        self.lines = tuple(lines)
        self._cache: tuple[int, list[Content]] | None = None

    def __str__(self) -> str:
        return "\n".join(prefix.plain + text.plain for prefix, text in self.lines)

    def rows(self, width: int) -> list[Content]:
        """Every drawn row at `width`."""
        if self._cache is None or self._cache[0] != width:
            self._cache = (width, [row for line in self.lines for row in self._wrap(line, width)])
        return self._cache[1]

    def row_of(self, index: int, width: int) -> int:
        """The row at which line `index` starts when drawn at `width`."""
        return sum(len(self._wrap(line, width)) for line in self.lines[:index])

    @staticmethod
    def _wrap(line: Line, width: int) -> list[Content]:
        prefix, text = line
        room = width - prefix.cell_length
        if room < 10:  # too narrow to hang: wrap the whole line as usual
            return (prefix + text).wrap(max(width, 1))
        rows = text.wrap(room) if text else [Content()]
        pad = Content(" " * prefix.cell_length)
        return [prefix + rows[0], *(pad + row for row in rows[1:])]

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        # Every row already fits: Content only draws them (and keeps the widget's text styles).
        return Content("\n").join(self.rows(width)).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return max((prefix.cell_length + text.cell_length for prefix, text in self.lines), default=0)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.rows(width))
