"""Text as large as its region allows: a rep number, a phase word, a side, read from a mat.

`fit` picks the biggest pyfiglet rendering that fits, termdown-style, from a ladder of
solid-block fonts: they read from across a room, where outline fonts ("colossal",
"doh") turn to noise. The top of the ladder is "ansi_regular" scaled up by a whole
factor: that font draws only with full and half blocks, so scaling it is exact.
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import TYPE_CHECKING

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

if TYPE_CHECKING:
    from pyfiglet import Figlet

SCALABLE_FONT = "ansi_regular"
MAX_SCALE = 12
# Tallest to smallest as (font, scale); each entry is tried in turn, the first that fits wins.
LADDER: tuple[tuple[str, int], ...] = (
    *((SCALABLE_FONT, scale) for scale in range(MAX_SCALE, 1, -1)),
    ("ansi_shadow", 1),  # 6 rows
    (SCALABLE_FONT, 1),  # 5 rows
    ("smblock", 1),  # 4 rows of quarter blocks; its arrows are drawn, unlike "future"'s
)

# A cell's two half-pixels (top, bottom) for the only characters ansi_regular draws with.
_HALVES = {" ": (False, False), "▀": (True, False), "▄": (False, True), "█": (True, True)}
_CELLS = {halves: char for char, halves in _HALVES.items()}


def fit(text: str, width: int, height: int, family: tuple[str, ...] = ()) -> list[str]:
    """The lines that show `text` as large as fits in `width` x `height` cells.

    All lines have the same length, never more than `width`, and there are never more
    than `height` of them. Multi-word text may break onto two lines of big letters when
    that lets a bigger font fit. `family`: texts shown in turn in the same place (a move's
    phase words), all drawn at the size the largest of them allows, so the word does not
    change size as it changes. When no font fits, the plain text, on one line and cut
    to `width` if it must be. Results are cached per (text, width, height, family).
    """
    return list(_fit(text, max(width, 0), max(height, 0), family))


@lru_cache(maxsize=256)
def _fit(text: str, width: int, height: int, family: tuple[str, ...] = ()) -> tuple[str, ...]:
    if not text.strip() or width == 0 or height == 0:
        return ()
    others = [other for other in family if other.strip() and other != text]
    for font, scale in LADDER:
        block = _at_size(text, font, scale, width, height)
        if block is not None and all(_at_size(other, font, scale, width, height) for other in others):
            return block
    return (text[:width],)


def _at_size(text: str, font: str, scale: int, width: int, height: int) -> tuple[str, ...] | None:
    """`text` in `font` x `scale` on one line, or else on two, if either fits the region."""
    for layout in ([text], *_two_line_splits(text)):
        block = _render_layout(layout, font, scale, width, height)
        if block is not None:
            return block
    return None


def _two_line_splits(text: str) -> list[list[str]]:
    """Two-line breaks of `text` at a space, most even first."""
    words = text.split()
    splits = [[" ".join(words[:i]), " ".join(words[i:])] for i in range(1, len(words))]
    return sorted(splits, key=lambda lines: abs(len(lines[0]) - len(lines[1])))


def _render_layout(
    lines: list[str], font: str, scale: int, width: int, height: int
) -> tuple[str, ...] | None:
    """`lines` stacked in `font` x `scale`, or None when that does not fit the region."""
    blocks = [_render(line, font) for line in lines]
    block_width = max(len(block[0]) for block in blocks) * scale
    gap = scale if len(blocks) > 1 else 0
    block_height = sum(len(block) for block in blocks) * scale + gap
    # Size is checked before scaling, so trying a font that does not fit costs little.
    if block_width > width or block_height > height:
        return None
    out: list[str] = []
    for index, block in enumerate(blocks):
        if index:
            out.extend([" " * block_width] * gap)
        out.extend(row.center(block_width) for row in _scale(block, scale))
    return tuple(out)


@lru_cache(maxsize=512)
def _render(text: str, font: str) -> tuple[str, ...]:
    """`text` in `font` at its own size, blank rows and columns round it trimmed."""
    rows = _figlet(font).renderText(text).split("\n")
    rows = [row.rstrip() for row in rows]
    rows = _trim(rows)
    if not rows:
        return (" ",)
    left = min(len(row) - len(row.lstrip()) for row in rows if row.strip())
    right = max(len(row) for row in rows)
    return tuple(row[left:].ljust(right - left) for row in rows)


def _trim(rows: list[str]) -> list[str]:
    """`rows` without the blank rows above and below."""
    filled = [index for index, row in enumerate(rows) if row.strip()]
    return rows[filled[0] : filled[-1] + 1] if filled else []


def _scale(block: tuple[str, ...], scale: int) -> list[str]:
    """A half-block drawing made `scale` times wider and taller."""
    if scale == 1:
        return list(block)
    # Each cell is two half-pixels stacked; scaling repeats them, then pairs them up again.
    pixels: list[list[bool]] = []
    for row in block:
        # A glyph drawn with something other than blocks ("$" has a dot) counts as filled.
        halves = [_HALVES.get(char, (True, True)) for char in row]
        top = [half[0] for half in halves for _ in range(scale)]
        bottom = [half[1] for half in halves for _ in range(scale)]
        pixels.extend([top] * scale + [bottom] * scale)
    return [
        "".join(_CELLS[pair] for pair in zip(upper, lower, strict=True))
        for upper, lower in zip(pixels[0::2], pixels[1::2], strict=True)
    ]


@cache
def _figlet(font: str) -> Figlet:
    # Imported here, and each font loaded once: pyfiglet is slow to import and to load fonts.
    from pyfiglet import Figlet

    return Figlet(font=font, width=10_000)


class BigText(Widget):
    """`text` drawn as large as the widget's content region allows, centred both ways.

    Colour and weight come from CSS (`color`, `text-style`). Setting the same text again
    changes nothing, and a render is cached per (text, width, height).
    """

    DEFAULT_CSS = """
    BigText {
        width: 1fr;
        height: 1fr;
        content-align: center middle;
        text-style: bold;
    }
    """

    text: reactive[str] = reactive("")
    family: reactive[tuple[str, ...]] = reactive((), layout=False)
    """Texts shown here in turn, drawn at one size (see `fit`)."""

    def __init__(
        self,
        text: str = "",
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.set_reactive(BigText.text, text)

    def render(self) -> Text:
        size = self.content_size
        return Text("\n".join(fit(self.text, size.width, size.height, self.family)), no_wrap=True)
