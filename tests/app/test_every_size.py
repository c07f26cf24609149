"""Nothing that matters is cut: at each size, what each screen means to show is on screen.

A scenario's `core` works out, from the screen's core view, the short texts it must show
(menu entries, today's figures, the question asked); each is looked for in what the
terminal shows at 60x20, 80x24, 120x40 and 200x50. At the sizes a scenario has a
snapshot of, the snapshot test checks it in the same run (`missing_core`); here, the rest.
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


def missing_core(scenario: Scenario, app) -> str | None:
    """What of the scenario's core the running app does not show, as a message; None if all is."""
    expected = scenario.core(app) if scenario.core is not None else []
    text = screen_text(app)
    missing = [item for item in expected
               if " ".join(item.split()) not in visible(text) and " ".join(item.split()) not in panels(text)]
    if not missing:
        return None
    width, height = app.size
    return f"{scenario.name} at {width}x{height} hides {missing}:\n{text}"


CHECKED = [scenario for scenario in SCENARIOS if scenario.core is not None and scenario.size is None]
SNAPSHOT_SIZES = {(s.name.removesuffix(f"-{s.size[0]}x{s.size[1]}") if s.size else s.name, s.size or (80, 24))
                  for s in SCENARIOS}
UNSNAPPED = [(scenario, size) for scenario in CHECKED for size in SIZES
             if (scenario.name, size) not in SNAPSHOT_SIZES]


@pytest.mark.parametrize(("scenario", "size"), UNSNAPPED,
                         ids=lambda item: item.name if isinstance(item, Scenario) else f"{item[0]}x{item[1]}")
async def test_what_the_screen_means_to_show_is_visible(scenario: Scenario, size: tuple[int, int], tmp_path: Path):
    app = build(scenario, tmp_path)
    async with app.run_test(size=size) as pilot:
        await act(pilot, scenario)
        problem = missing_core(scenario, app)
    assert problem is None, problem


def test_every_screen_says_what_it_must_show():
    assert CHECKED, "no scenario declares what its screen must show"
    # Every scenario but the player's own states has a core to check at each size.
    unchecked = [s.name for s in SCENARIOS if s.core is None and not s.name.startswith("routine-")]
    assert unchecked == [], f"scenarios that check nothing they show: {unchecked}"
