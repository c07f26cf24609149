"""Snapshot and screenshot scenarios of importing runs from the app (collected by
tests/scenarios.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tests.scenario_base import Scenario, seen_welcome

if TYPE_CHECKING:
    from gluteui.app import GluteApp


def import_core(app: GluteApp) -> list[str]:
    """The dialog's question, its switch and its keys, in view at every size."""
    from gluteui.widgets.run_import import EVERYTHING, KEYS

    return ["Import runs", EVERYTHING, KEYS["asking"].replace("[b]", "").replace("[/b]", "")]


SCENARIOS = (
    Scenario(
        "progress-import-runs",
        shows="i on Progress: the import dialog over the page, a path box (Tab completes a path), "
        "the switch for other sports, and its keys: Enter imports, Esc cancels.",
        press=("p", "i"), prepare=seen_welcome, core=import_core,
        # Opened at each size, as a user would: the page's footer is fitted before the dialog.
        fresh_at_each_size=True,
    ),
)
