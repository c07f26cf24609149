"""One snapshot per screen state: a fixed terminal (80x24 unless the scenario says), timers
off, frozen clocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.app.test_every_size import missing_core
from tests.scenarios import SCENARIOS, Scenario, act, build


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_screen(scenario: Scenario, snap_compare, tmp_path: Path):
    async def run_before(pilot) -> None:
        await act(pilot, scenario)
        # What the screen means to show is checked here at the snapshot's size, in the same
        # run (tests/app/test_every_size.py covers the other sizes).
        problem = missing_core(scenario, pilot.app)
        assert problem is None, problem

    assert snap_compare(build(scenario, tmp_path), run_before=run_before, terminal_size=scenario.size or (80, 24))


def test_every_stored_snapshot_belongs_to_a_scenario():
    # syrupy reports unused snapshots only in a plain run; under pytest-xdist (make test) it
    # skips that check, so a renamed or removed scenario would leave its SVG behind unnoticed.
    folder = Path(__file__).parent / "__snapshots__" / "test_snapshots"
    stored = {path.name for path in folder.glob("*.svg")}
    assert stored - {f"test_screen[{scenario.name}].svg" for scenario in SCENARIOS} == set()
