"""Every screen's footer reads whole at 60x20 and 80x24: keys are shed, never cut mid-word."""

from __future__ import annotations

import pytest

from gluteui.widgets.footer import KeyFooter
from tests.factory import advance_clock, screen_text

PLACES = {
    "home": (),
    "lessons": ("l",),
    "lesson with a figure": ("l", "3"),
    "squeeze test": ("s",),
    "squeeze test step": ("s", "enter"),
    "routines": ("r",),
    "progress": ("p",),
    "routine": ("enter",),
    "routine muted": ("enter", "m"),
    "help": ("question_mark",),
}


@pytest.mark.parametrize("size", [(60, 20), (80, 24)], ids=["60x20", "80x24"])
@pytest.mark.parametrize("where", list(PLACES))
async def test_the_footer_shows_whole_keys_only_and_always_help(app, where: str, size):
    async with app.run_test(size=size) as pilot:
        await pilot.press(*PLACES[where])
        await advance_clock(pilot, 1.0) if where.startswith("routine ") else await pilot.pause()
        await pilot.pause()
        footer = app.screen.query_one(KeyFooter)
        line = screen_text(app).splitlines()[-1]
        shown = [key for key in footer.query("FooterKey") if key.display]
        assert shown, line
        for key in shown:
            words = f"{key.key_display} {key.description}".strip()
            assert words in line, f"{where}: {words!r} cut from {line!r}"
        assert "? Help" in line or where == "help", line
        if where == "routine muted":
            assert "m Unmute" in line or size == (60, 20), line
