"""Every side band reads at 4.5:1 or better (WCAG AA) in every theme the app offers.

The ANSI themes are left out: their colours are the terminal's own, unknown to the app.
"""

from __future__ import annotations

from pathlib import Path

from textual.color import Color

from gluteui.widgets.big_text import BigText
from gluteui.widgets.contrast import BLACK, WHITE, contrast, readable_on
from gluteui.widgets.side_band import SideBand
from tests.factory import make_app

AA = 4.5


def test_the_contrast_ratio_is_wcags():
    assert round(contrast(BLACK, WHITE), 1) == 21.0
    assert round(contrast(Color.parse("#777777"), WHITE), 2) == 4.48
    assert readable_on(Color.parse("#268BD2")) == BLACK, "brightness would pick white: 3.7:1"
    assert readable_on(Color.parse("#8839EF")) == WHITE


async def test_every_side_band_reads_at_aa_in_every_theme(data_dir: Path):
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("d", "enter")
        await pilot.pause()
        band = app.screen.query_one(SideBand)
        themes = sorted(name for name in app.available_themes if not name.startswith("ansi"))
        assert len(themes) > 10
        poor = []
        for theme in themes:
            app.theme = theme
            for side in ("left", "right"):
                for flash in (False, True):
                    band.side = side
                    band.set_class(flash, "-flash")
                    await pilot.pause()
                    for widget in (band, band.query_one(BigText)):
                        _, _, background, color = widget.colors
                        ratio = contrast(background + color, background)
                        if ratio < AA:
                            poor.append(f"{theme} {side}{' flash' if flash else ''}: {ratio:.1f}")
        assert poor == [], "\n".join(poor)
