"""Every screen state at every size, from one app per state: timers off, frozen clocks.

A scenario's keys are pressed once, in the smallest terminal it is kept at; the terminal
then grows through the others (growing only shows more). At each size:
- what the screen means to show (the scenario's `core`, worked out from the core view) is
  on screen: menu entries, today's figures, the question asked, at 60x20, 80x24, 120x40
  and 200x50;
- the screen matches its snapshot, at the sizes one is kept of: 80x24 (`test_screen[<name>].svg`),
  60x20 and 120x40 for every screen but the player's moments, 200x50 for those
  (`test_screen[<name>-<width>x<height>].svg`).
A scenario whose keys move by what fits (a calendar page, the end of a lesson, a scroll
that keeps a question in view) starts afresh at each size instead. `pytest --snapshot-update` accepts what the screens show now.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

import pytest
from pytest_textual_snapshot import SVGImageExtension
from syrupy import SnapshotAssertion

from tests.factory import panels, screen_text, visible
from tests.scenarios import SCENARIOS, Scenario, act, build

Size = tuple[int, int]
SIZES: tuple[Size, ...] = ((60, 20), (80, 24), (120, 40), (200, 50))
"""Where every screen's core must be visible."""
DEFAULT_SIZE = (80, 24)
RESIZE_PAUSES = 100
"""Pauses to wait at most for the screen to take a new terminal size."""
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


@dataclass(frozen=True)
class Look:
    """One size a state is looked at: the snapshot kept of it there, if any."""

    size: Size
    snapshot: str | None


@dataclass(frozen=True)
class Run:
    """One app: a state, and the sizes it is looked at in turn, smallest first."""

    scenario: Scenario
    looks: tuple[Look, ...]

    @property
    def name(self) -> str:
        first = self.looks[0]
        return self.scenario.name if len(self.looks) > 1 else f"{self.scenario.name}@{first.size[0]}x{first.size[1]}"


def base_name(scenario: Scenario) -> str:
    return scenario.name.removesuffix(f"-{scenario.size[0]}x{scenario.size[1]}") if scenario.size else scenario.name


def runs() -> list[Run]:
    """The scenarios grouped by the state they show: each group one app (or, for keys that
    move by what fits, one app per size)."""
    groups: dict[str, list[Scenario]] = {}
    for scenario in SCENARIOS:
        groups.setdefault(base_name(scenario), []).append(scenario)
    found = []
    for name, group in groups.items():
        state = replace(group[0], name=name, size=None, shows="")
        assert all(replace(s, name=name, size=None, shows="") == state for s in group), (
            f"the scenarios named {name}[-WxH] show different states: they need names of their own"
        )
        kept = {s.size or DEFAULT_SIZE: s.name for s in group}
        sizes = sorted(set(kept) | (set(SIZES) if state.core is not None else set()), key=lambda s: s[0] * s[1])
        looks = tuple(Look(size, kept.get(size)) for size in sizes)
        if state.fresh_at_each_size:
            found += [Run(state, (look,)) for look in looks]
        else:
            found.append(Run(state, looks))
    return found


RUNS = runs()


class ScreenSnapshot(SVGImageExtension):
    """Several snapshots in one test, each file named after its scenario: test_screen[<name>].svg."""

    @classmethod
    def get_snapshot_name(cls, *, test_location, index=0) -> str:
        return f"{test_location.testname.partition('[')[0]}[{index}]"


@pytest.mark.parametrize("run", RUNS, ids=lambda run: run.name)
async def test_screen(run: Run, snapshot: SnapshotAssertion, tmp_path: Path):
    snapshots = snapshot.use_extension(ScreenSnapshot)
    app = build(run.scenario, tmp_path / "data")
    problems = []
    async with app.run_test(size=run.looks[0].size) as pilot:
        await act(pilot, run.scenario)
        for look in run.looks:
            if look.size != (app.size.width, app.size.height):
                await pilot.resize_terminal(*look.size)
                # The App takes the new size on a timer (1/120 s), then every screen, a
                # dialog's background too, lays itself out again and redraws: on a busy
                # machine that is more than one pause.
                for _ in range(RESIZE_PAUSES):
                    await pilot.pause()
                    if tuple(app.screen.size) == look.size:
                        break
                await pilot.pause()
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            problem = missing_core(run.scenario, app)
            if problem is not None:
                problems.append(problem)
            if look.snapshot is not None:
                svg = app.export_screenshot(title=app.title, simplify=True)
                if snapshots(name=look.snapshot) != svg:
                    shown = tmp_path / f"{look.snapshot}.svg"
                    shown.write_text(svg)
                    problems.append(f"{look.snapshot} differs from its snapshot; it now shows {shown}")
    assert not problems, "\n".join(problems)


def test_every_stored_snapshot_belongs_to_a_scenario():
    # syrupy reports unused snapshots only in a plain run; under pytest-xdist (make test) it
    # skips that check, so a renamed or removed scenario would leave its SVG behind unnoticed.
    folder = Path(__file__).parent / "__snapshots__" / "test_snapshots"
    stored = {path.name for path in folder.glob("*.svg")}
    assert stored - {f"test_screen[{scenario.name}].svg" for scenario in SCENARIOS} == set()


def test_every_screen_says_what_it_must_show():
    assert any(run.scenario.core is not None for run in RUNS), "no scenario declares what its screen must show"
    # Every scenario but the player's own moments has a core to check at each size.
    unchecked = [s.name for s in SCENARIOS if s.core is None and not s.name.startswith("routine-")]
    assert unchecked == [], f"scenarios that check nothing they show: {unchecked}"
    checked = {look.size for run in RUNS if run.scenario.core is not None for look in run.looks}
    assert checked == set(SIZES)
