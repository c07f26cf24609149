"""Nothing that matters is cut: at each size, what each screen means to show is on screen.

A scenario's `core` works out, from the screen's core view, the short texts it must show
(menu entries, today's figures, the question asked); here each is looked for in what the
terminal shows at 60x20, 80x24, 120x40 and 200x50.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.factory import screen_text
from tests.scenarios import SCENARIOS, Scenario, act, build

SIZES = ((60, 20), (80, 24), (120, 40), (200, 50))
_BORDERS = re.compile(r"[│┃║▌▐█▊▎|▁▂▃▄▅▆▇]")
"""Box sides, and the scroll bar's thumb drawn beside a line of text."""


def visible(text: str) -> str:
    """The screen's text with box sides removed and each run of spaces and lines as one space,
    so a phrase wrapped inside a box still reads as one."""
    return " ".join(_BORDERS.sub(" ", text).split())


def panels(text: str) -> str:
    """The same text read down each panel: the runs between box sides that start in the same
    column, top to bottom, so a phrase wrapped in a panel beside another still reads as one."""
    runs: dict[int, list[str]] = {}
    for line in text.splitlines():
        for run in re.finditer(f"[^{_BORDERS.pattern[1:-1]}]+", line):
            runs.setdefault(run.start(), []).append(run.group())
    return " ".join(" ".join(" ".join(column).split()) for _, column in sorted(runs.items()))


CHECKED = [scenario for scenario in SCENARIOS if scenario.core is not None and scenario.size is None]


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("scenario", CHECKED, ids=lambda scenario: scenario.name)
async def test_what_the_screen_means_to_show_is_visible(scenario: Scenario, size: tuple[int, int], tmp_path: Path):
    app = build(scenario, tmp_path)
    async with app.run_test(size=size) as pilot:
        await act(pilot, scenario)
        expected = scenario.core(app)
        text = screen_text(app)
    missing = [item for item in expected
               if " ".join(item.split()) not in visible(text) and " ".join(item.split()) not in panels(text)]
    assert not missing, f"{scenario.name} at {size[0]}x{size[1]} hides {missing}:\n{text}"


def test_every_screen_says_what_it_must_show():
    assert CHECKED, "no scenario declares what its screen must show"
