"""A full-width band saying which side works now, in letters big enough for the mat.

The arrows say the side as well as the colour does, for a colour-blind eye across a room.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.reactive import reactive
from textual.widget import Widget

from gluteui.core.sides import Side
from gluteui.widgets.big_text import BigText
from gluteui.widgets.contrast import readable_on

CAPTIONS: dict[Side, str] = {"left": "<<  LEFT", "right": "RIGHT  >>"}


class SideBand(Widget):
    """`side` in big letters on its own colour; with no side, `label` on a neutral one.

    Carries `cue-flash`, so the App's no-sound cue flashes it (class `-flash`).
    """

    DEFAULT_CLASSES = "cue-flash"

    DEFAULT_CSS = """
    SideBand {
        width: 1fr;
        height: 1fr;
        background: $panel;
        color: $text;
    }
    SideBand.-left { background: $primary; color: $text; }
    SideBand.-right { background: $accent; color: $text; }
    SideBand.-flash { background: $warning; color: $text; }
    """

    side: reactive[Side | None] = reactive(None, init=False)
    label: reactive[str] = reactive("", init=False)

    def __init__(
        self,
        side: Side | None = None,
        label: str = "",
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.set_reactive(SideBand.side, side)
        self.set_reactive(SideBand.label, label)
        self._set_side_classes(side)

    @property
    def caption(self) -> str:
        """What the band says: the side with its arrows, or the label when there is no side."""
        return CAPTIONS[self.side] if self.side else self.label

    def compose(self) -> ComposeResult:
        # Named after the band, so a count of redraws can tell it from other widgets.
        yield BigText(self.caption, id=f"{self.id}-word" if self.id else None)

    def watch_side(self, side: Side | None) -> None:
        self._set_side_classes(side)
        self.query_one(BigText).text = self.caption

    def watch_label(self) -> None:
        self.query_one(BigText).text = self.caption

    def notify_style_update(self) -> None:
        """After every restyle (a theme, a side, a flash), the caption in black or white,
        whichever reads better on the band's colour: at least 4.5:1 in every theme."""
        super().notify_style_update()
        background = self.background_colors[1]
        if background.ansi is not None:
            return  # an ANSI theme: the terminal picks the colours, and $text follows them
        readable = readable_on(background)
        if self.styles.color != readable or self.styles.auto_color:
            self.styles.auto_color = False  # $text is "auto": by brightness, not by contrast
            self.styles.color = readable

    def _set_side_classes(self, side: Side | None) -> None:
        self.set_class(side == "left", "-left")
        self.set_class(side == "right", "-right")
