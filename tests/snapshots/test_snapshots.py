"""One snapshot per screen state: fixed 80x24 terminal, animations off, frozen clocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.scenarios import SCENARIOS, Scenario, build


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_screen(scenario: Scenario, snap_compare, tmp_path: Path):
    assert snap_compare(build(scenario, tmp_path), press=list(scenario.press), terminal_size=(80, 24))
