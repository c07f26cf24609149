"""One bar per side, e.g. "Left   ████████████████░░  8/9", the lower-scoring side picked out."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

SIDE_NAMES = {"left": "Left", "right": "Right"}


class SideBars(Widget):
    DEFAULT_CSS = """
    SideBars { height: auto; width: auto; }
    SideBars > .side-bars--fill { color: $success; }
    SideBars > .side-bars--weaker { color: $warning; }
    SideBars > .side-bars--empty { color: $foreground 25%; }
    SideBars > .side-bars--note { color: $text-muted; }
    """
    COMPONENT_CLASSES = {"side-bars--fill", "side-bars--weaker", "side-bars--empty", "side-bars--note"}
    BAR_WIDTH = 18

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.scores: dict[str, int] = {}
        self.maximum = 1
        self.weaker: str | None = None

    def show(self, scores: dict[str, int], maximum: int, weaker: str | None) -> None:
        self.scores, self.maximum, self.weaker = scores, max(maximum, 1), weaker
        self.refresh(layout=True)

    def render(self) -> Text:
        style = self.get_component_rich_style
        per_point = max(1, self.BAR_WIDTH // self.maximum)
        lines = []
        for side, name in SIDE_NAMES.items():
            score = self.scores.get(side, 0)
            fill = "side-bars--weaker" if side == self.weaker else "side-bars--fill"
            line = Text(f"{name:<6} ")
            line.append("█" * (score * per_point), style(fill))
            line.append("░" * ((self.maximum - score) * per_point), style("side-bars--empty"))
            line.append(f" {score}/{self.maximum}")
            if side == self.weaker:
                # The score is a self-rating, not a strength measure: "lower", never "weaker".
                line.append("  lower", style("side-bars--note"))
            lines.append(line)
        return Text("\n").join(lines)
