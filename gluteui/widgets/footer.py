"""A footer that never cuts a key in half: where the keys do not all fit, it shows fewer.

At 60 columns Textual's footer cut the last key off mid-word ("q Qu", "Esc Le"). This one
sheds whole keys instead, the least needed first: the palette's key (Help names it), then
Quit (q is the same everywhere), then the screen's own keys from the right; Help stays, and
lists them all.
"""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Footer

KEPT = frozenset({"app.help", "help"})
FIRST_TO_GO = ("app.quit", "quit")


class KeyFooter(Footer):
    async def recompose(self) -> None:
        if self.children and self.app.screen is not self.screen:
            # Under a dialog the keys stay as they were fitted: composed again there, they
            # were measured before being laid out, and all of them showed, cut off.
            return
        await super().recompose()
        self.call_after_refresh(self.fit)

    def on_resize(self) -> None:
        for key in self.query("FooterKey"):
            key.display = True
        self.compact = False
        self.call_after_refresh(self.fit)

    def fit(self) -> None:
        """Close up the spaces, then hide whole keys, least needed first, until what is left
        fits the width."""
        keys = [key for key in self.children if key.display]
        if not keys or self.size.width == 0:
            return
        room = self.size.width
        needed = sum(self._width(key) for key in keys)
        if needed > room and not self.compact:
            self.compact = True
            self.call_after_refresh(self.fit)
            return
        for key in self._shedding_order(keys):
            if needed <= room:
                break
            key.display = False
            needed -= self._width(key)

    @staticmethod
    def _width(key: Widget) -> int:
        return key.outer_size.width + key.styles.margin.width

    @staticmethod
    def _shedding_order(keys: list[Widget]) -> list[Widget]:
        def action(key: Widget) -> str:
            return str(getattr(key, "action", ""))

        first = [key for key in keys if action(key) in FIRST_TO_GO]
        palette = [key for key in keys if key.has_class("-command-palette")]
        rest = [key for key in reversed(keys[1:]) if key not in first and key not in palette
                and action(key) not in KEPT]
        return [*palette, *first, *rest]
