"""One snapshot per screen state: fixed 80x24 terminal, animations off, frozen clocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scenarios import SCENARIOS, Scenario, act, build


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_screen(scenario: Scenario, snap_compare, tmp_path: Path):
    async def run_before(pilot) -> None:
        await act(pilot, scenario)

    assert snap_compare(build(scenario, tmp_path), run_before=run_before, terminal_size=(80, 24))
