"""Regenerate screenshots/*.svg, one per scenario, from the app factory the tests use.

Run with `make screenshots`.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from tests.scenarios import SCENARIOS, act, build

SIZE = (100, 30)


async def shoot(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for scenario in SCENARIOS:
        with tempfile.TemporaryDirectory() as folder:
            app = build(scenario, Path(folder))
            async with app.run_test(size=scenario.size or SIZE) as pilot:
                await act(pilot, scenario)
                app.save_screenshot(filename=f"{scenario.name}.svg", path=str(out))
        print(f"wrote {out / scenario.name}.svg")


if __name__ == "__main__":
    asyncio.run(shoot(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")))
