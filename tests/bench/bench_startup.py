"""Time to first screen in a real terminal: `gluteui` against a bare Textual app, both in tmux.

Both programs show the same marker, "Start activation", and the same poll of the pane
finds it, so the ratio of the medians is what GluteUI adds on top of Textual itself.
"""

from __future__ import annotations

import itertools
import shlex
from pathlib import Path

from tests.bench.bare_app import MARKER
from tests.bench.measure import (
    GLUTEUI,
    PYTHON,
    interleaved,
    median,
    report,
    seconds,
    spread,
)
from tests.bench.terminal import HEIGHT, WIDTH, Terminal

BARE_APP = Path(__file__).with_name("bare_app.py")
MAX_RATIO = 1.3
STATUS_MARKER = "Not activated yet today"
RUNS = 31
"""More runs than the other benchmarks: on this shared machine one run of either program
varies by +-30%, and the two medians are only ~50 ms apart."""


def test_first_screen_costs_at_most_30_percent_more_than_a_bare_textual_app(
    terminal: Terminal, tmp_path: Path
) -> None:
    data_dirs = (tmp_path / f"data-{number}" for number in itertools.count())

    def bare() -> float:
        return terminal.time_to_show(f"{shlex.quote(str(PYTHON))} {shlex.quote(str(BARE_APP))}", MARKER)

    filled: list[float] = []
    """For the report: when Home's status, drawn a frame after the menu, shows too."""

    def gluteui() -> float:
        data_dir = shlex.quote(str(next(data_dirs)))
        command = f"{shlex.quote(str(GLUTEUI))} --data-dir {data_dir}"
        first, status = terminal.times_to_show(command, MARKER, STATUS_MARKER)
        filled.append(status)
        return first

    # One unmeasured run each warms the file cache (the .pyc files are made by compiled_package).
    bare()
    gluteui()
    samples = interleaved(RUNS, {"bare": bare, "gluteui": gluteui})
    bare_s, gluteui_s = median(samples["bare"]), median(samples["gluteui"])
    ratio = gluteui_s / bare_s
    report(
        "startup",
        f"bare Textual app {seconds(bare_s)} {spread(samples['bare'])}, "
        f"gluteui {seconds(gluteui_s)} {spread(samples['gluteui'])}, "
        f"+{seconds(gluteui_s - bare_s)}, ratio {ratio:.2f} (target <= {MAX_RATIO}); "
        f"Home's status shown at {seconds(median(filled[-RUNS:]))}; "
        f"medians of {RUNS}, tmux {WIDTH}x{HEIGHT}, fresh data dir",
    )
    assert ratio <= MAX_RATIO, (
        f"gluteui takes {ratio:.2f}x as long as a bare Textual app to show its first screen"
    )
