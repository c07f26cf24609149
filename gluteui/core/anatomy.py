"""The posterior-chain figure: where each muscle is drawn and how brightly it glows, frame by frame.

The widget only paints what `picture` returns, so every frame can be checked without a screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

State = Literal["asleep", "firing"]
STATES: tuple[State, ...] = ("asleep", "firing")

# Back view, waist to knees. Each muscle has glyphs of its own, so the art alone says which
# cell belongs to which muscle; every other character is outline.
FIGURE = (
    "        │ ▐█▌ ┃ ▐█▌ │",
    "        │ ▐█▌ ┃ ▐█▌ │",
    "       ╱  ▐█▌ ┃ ▐█▌  ╲",
    "     ╱▒▒▒▒▒   ╿   ▒▒▒▒▒╲",
    "    ▕▒▒▒▒▓▓▓▓▓│▓▓▓▓▓▒▒▒▒▏",
    "    ▕ ▒▓▓▓▓▓▓▓│▓▓▓▓▓▓▓▒ ▏",
    "    ▕  ▓▓▓▓▓▓▓│▓▓▓▓▓▓▓  ▏",
    "     ╲  ▓▓▓▓▓╱ ╲▓▓▓▓▓  ╱",
    "     │  ║║║║║│ │║║║║║  │",
    "     │  ║║║║║│ │║║║║║  │",
    "      │ ║║║║ │ │ ║║║║ │",
    "      │ ║║║║ │ │ ║║║║ │",
    "      ╰─────╯   ╰─────╯",
)
GLYPHS = {
    "▐": "lower_back", "█": "lower_back", "▌": "lower_back",
    "▒": "medius",
    "▓": "maximus",
    "║": "hamstrings",
}
REGIONS = ("lower_back", "medius", "maximus", "hamstrings")
GLUTES = frozenset({"medius", "maximus"})
HELPERS = frozenset({"lower_back", "hamstrings"})

# region -> (figure row of its name, name); the status word sits on the row below.
LABELS = {
    "lower_back": (0, "lower back"),
    "medius": (3, "gluteus medius"),
    "maximus": (6, "gluteus maximus"),
    "hamstrings": (9, "hamstrings"),
}
STATUS = {
    ("asleep", True): "asleep",
    ("asleep", False): "stepping in",
    ("firing", True): "firing",
    ("firing", False): "calm",
}
CAPTIONS = {
    "asleep": "Glutes asleep: back and hamstrings may step in.",
    "firing": "Glutes firing: back and hamstrings may ease off.",
}

LEVELS = 3
"""Glow levels 1..LEVELS; 0 is a quiet muscle."""
RAMP = tuple(range(1, LEVELS + 1))
"""Levels of the working muscles in the first steps after a change: a gradual brightening."""
PULSE = (3, 2, 1, 2)
"""Then they breathe, one level a step..."""
PULSES = 3
"""...a few times, and hold still so the figure does not pull the eye away from the text."""
SETTLE_AT = len(RAMP) + PULSES * len(PULSE)
STEP_SECONDS = 0.5
LABEL_COLUMN = max(len(line) for line in FIGURE) + 4
"""Where every label starts: a leader line runs to it from the figure's edge."""


@dataclass(frozen=True)
class Glow:
    """How one muscle of the anatomy figure is lit in a frame."""

    tone: Literal["quiet", "strain", "active"]
    level: int

    @property
    def style(self) -> str:
        """The name the widget maps to a component class, e.g. 'strain-3' or 'quiet'."""
        return "quiet" if self.tone == "quiet" else f"{self.tone}-{self.level}"


def working(state: State) -> frozenset[str]:
    """The muscles doing the work: the glutes when firing, their helpers when asleep."""
    return GLUTES if state == "firing" else HELPERS


def settled(step: int) -> bool:
    """True once the animation of a state is over: from then on the still frame shows."""
    return step >= SETTLE_AT


def level_at(step: int | None) -> int:
    """Glow of a working muscle `step` ticks after the state began; None: the still frame."""
    if step is None or settled(step):
        return LEVELS
    if step < len(RAMP):
        return RAMP[step]
    return PULSE[(step - len(RAMP)) % len(PULSE)]


def frame(state: State, step: int | None) -> dict[str, Glow]:
    """How each muscle glows: working ones in the state's tone, the rest quiet."""
    if state not in STATES:
        raise ValueError(f"state must be one of {', '.join(STATES)}, got {state!r}")
    tone: Literal["active", "strain"] = "active" if state == "firing" else "strain"
    busy = working(state)
    level = level_at(step)
    return {
        region: Glow(tone, level) if region in busy else Glow("quiet", 0) for region in REGIONS
    }


Span = tuple[str, str]
"""(text, style name): styles are 'outline', 'label', 'status', 'caption' or a Glow style."""


def _label_spans(state: State, glows: dict[str, Glow]) -> dict[int, list[Span]]:
    by_row: dict[int, list[Span]] = {}
    for region, (row, name) in LABELS.items():
        leader = " " + "─" * (LABEL_COLUMN - len(FIGURE[row]) - 2) + " "
        status = STATUS[(state, region in GLUTES)]
        status_style = glows[region].style if region in working(state) else "status"
        by_row[row] = [(leader, "outline"), (name, "label")]
        indent = " " * (LABEL_COLUMN - len(FIGURE[row + 1]))
        by_row[row + 1] = [(indent, "outline"), (status, status_style)]
    return by_row


def _figure_spans(line: str, glows: dict[str, Glow]) -> list[Span]:
    spans: list[Span] = []
    for char in line:
        region = GLYPHS.get(char)
        style = glows[region].style if region else "outline"
        if spans and spans[-1][1] == style:
            spans[-1] = (spans[-1][0] + char, style)
        else:
            spans.append((char, style))
    return spans


def picture(state: State, step: int | None = None) -> list[list[Span]]:
    """Every line of the labelled figure plus its caption, as styled spans."""
    glows = frame(state, step)
    labels = _label_spans(state, glows)
    lines = [_figure_spans(line, glows) + labels.get(row, []) for row, line in enumerate(FIGURE)]
    lines.append([])
    lines.append([(CAPTIONS[state], "caption")])
    return lines


def plain(lines: list[list[Span]]) -> str:
    """The picture as plain text, without styles."""
    return "\n".join("".join(text for text, _ in spans).rstrip() for spans in lines)
