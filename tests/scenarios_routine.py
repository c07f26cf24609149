"""Snapshot and screenshot scenarios of the routine screens (collected by tests/scenarios.py)."""

from __future__ import annotations

from tests.scenario_base import Scenario, seen_welcome

SCENARIOS: tuple[Scenario, ...] = ()

__all__ = ["SCENARIOS", "seen_welcome"]
