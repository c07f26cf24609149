"""A labelled back view of the posterior chain: which muscles work when the glutes sleep or fire."""

from __future__ import annotations

from rich.text import Text
from textual.geometry import Size
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget

from gluteui.core.anatomy import (
    FIGURE,
    GLUTES,
    LABELS,
    STATES,
    STATUS,
    STEP_SECONDS,
    Span,
    State,
    frame,
    picture,
    settled,
    working,
)

INDENT = min(len(line) - len(line.lstrip()) for line in FIGURE)


def width_of(lines: list[list[Span]]) -> int:
    return max(sum(len(text) for text, _ in spans) for spans in lines)


def _cut(spans: list[Span], start: int, end: int) -> list[Span]:
    """The spans' characters from column `start` to `end`, styles kept."""
    kept: list[Span] = []
    column = 0
    for text, style in spans:
        piece = text[max(start - column, 0):max(end - column, 0)]
        if piece:
            kept.append((piece, style))
        column += len(text)
    return kept


def stacked(state: State, step: int | None = None) -> list[list[Span]]:
    """The figure for a narrow column: the drawing alone, then one line per muscle and its state.

    Beside the drawing the labels need about 48 columns; this needs about 24.
    """
    glows = frame(state, step)
    lines = [_cut(spans, INDENT, len(FIGURE[row])) for row, spans in enumerate(picture(state, step)[:len(FIGURE)])]
    lines.append([])
    for region, (_, name) in LABELS.items():
        style = glows[region].style if region in working(state) else "status"
        lines.append([(name, "label"), (" — ", "outline"), (STATUS[(state, region in GLUTES)], style)])
    return [*lines, *picture(state, step)[len(FIGURE):]]


class Anatomy(Widget):
    """`Anatomy(state="asleep")`; set `state` at any time and the figure shows the change.

    The working muscles brighten step by step, pulse a few times and settle. The figure holds
    still when the app's animation level is "none" (reduced motion, tests and snapshots).
    """

    DEFAULT_CSS = """
    Anatomy { width: auto; height: auto; }
    Anatomy > .anatomy--outline { color: $foreground 45%; }
    Anatomy > .anatomy--label { color: $foreground; text-style: bold; }
    Anatomy > .anatomy--status { color: $text-muted; }
    Anatomy > .anatomy--caption { color: $text-muted; text-style: italic; }
    Anatomy > .anatomy--quiet { color: $foreground 20%; }
    Anatomy > .anatomy--strain-1 { color: $warning 40%; }
    Anatomy > .anatomy--strain-2 { color: $warning 70%; }
    Anatomy > .anatomy--strain-3 { color: $warning; text-style: bold; }
    Anatomy > .anatomy--active-1 { color: $success 40%; }
    Anatomy > .anatomy--active-2 { color: $success 70%; }
    Anatomy > .anatomy--active-3 { color: $success; text-style: bold; }
    """
    COMPONENT_CLASSES = {
        "anatomy--outline", "anatomy--label", "anatomy--status", "anatomy--caption",
        "anatomy--quiet", "anatomy--strain-1", "anatomy--strain-2", "anatomy--strain-3",
        "anatomy--active-1", "anatomy--active-2", "anatomy--active-3",
    }

    state: reactive[State] = reactive("asleep", layout=True)
    step: reactive[int | None] = reactive(None)
    """Ticks since the state began, or None for the still picture."""

    def __init__(
        self, state: State = "asleep", *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.set_reactive(Anatomy.state, self.validate_state(state))
        self._timer: Timer | None = None

    @property
    def animated(self) -> bool:
        """Whether the figure moves at all: GluteApp turns animation off for reduced motion."""
        return self.app.animation_level != "none"

    def validate_state(self, state: str) -> State:
        if state not in STATES:
            raise ValueError(f"state must be one of {', '.join(STATES)}, got {state!r}")
        return state

    def on_mount(self) -> None:
        self._start()

    def watch_state(self) -> None:
        self._start()

    def _start(self) -> None:
        if not self.animated:
            return
        self.step = 0
        if self._timer is None:
            self._timer = self.set_interval(STEP_SECONDS, self.advance)

    def advance(self) -> None:
        """One tick: the next glow level, until the figure settles and the timer stops."""
        if self.step is None:
            return
        if settled(self.step + 1):
            self.step = None
            if self._timer is not None:
                self._timer.stop()
                self._timer = None
            return
        self.step += 1

    def get_content_width(self, container: Size, viewport: Size) -> int:
        labelled = width_of(picture(self.state))
        return labelled if container.width >= labelled else width_of(stacked(self.state)[:-1])

    def render(self) -> Text:
        style = self.get_component_rich_style
        lines = []
        narrow = self.size.width < width_of(picture(self.state))
        for spans in (stacked if narrow else picture)(self.state, self.step):
            line = Text()
            for text, name in spans:
                line.append(text, style(f"anatomy--{name}"))
            lines.append(line)
        return Text("\n").join(lines)
