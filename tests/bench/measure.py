"""Timing helpers shared by the benchmarks: interleaved runs, medians, one summary line each.

The machine is shared and noisy, so every figure is a median, and every measurement is
interleaved with its baseline in the same run: a busy moment hits both alike.
"""

from __future__ import annotations

import gc
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

PYTHON = Path(sys.executable)
GLUTEUI = PYTHON.with_name("gluteui")
"""The installed command, beside the interpreter running the benchmarks (.venv/bin)."""

RUNS = 7
"""Runs per measurement; odd, so the median is one real run."""


def interleaved(runs: int, measures: dict[str, Callable[[], float]]) -> dict[str, list[float]]:
    """Call each measure once per round, in turn, for `runs` rounds; their samples by name."""
    samples: dict[str, list[float]] = {name: [] for name in measures}
    for _ in range(runs):
        for name, measure in measures.items():
            samples[name].append(measure())
    return samples


def timed(function: Callable[[], object]) -> Callable[[], float]:
    """A measure for `interleaved`: the seconds one call of `function` takes."""
    def measure() -> float:
        start = time.perf_counter()
        function()
        return time.perf_counter() - start
    return measure


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples)


def median_call(function: Callable[[], object], runs: int = RUNS) -> float:
    """The median seconds one call of `function` takes, over `runs` calls in a row."""
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append(time.perf_counter() - start)
    return median(samples)


def seconds(value: float) -> str:
    return f"{value * 1000:.0f} ms"


def spread(samples: Sequence[float]) -> str:
    return f"[{seconds(min(samples))} .. {seconds(max(samples))}]"


def report(title: str, text: str) -> None:
    """One summary line per measurement, easy to grep out of the pytest output."""
    print(f"\nBENCH {title}: {text}", flush=True)


def wall_time(command: Sequence[str | Path]) -> float:
    """Seconds from spawn to exit of `command`; it must succeed."""
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    assert done.returncode == 0, f"{' '.join(map(str, command))} failed:\n{done.stderr}"
    return elapsed


CLOCK_TICKS_PER_S = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system, all threads) process `pid` has used so far, from /proc."""
    stat = Path(f"/proc/{pid}/stat").read_text()
    # The command name in brackets may hold spaces; the fields after it are fixed.
    fields = stat[stat.rindex(")") + 2:].split()
    utime, stime = int(fields[11]), int(fields[12])
    return (utime + stime) / CLOCK_TICKS_PER_S


class GcPauses:
    """The garbage collector's pauses while in use: (time.monotonic() at the start, seconds, generation)."""

    def __init__(self) -> None:
        self.pauses: list[tuple[float, float, int]] = []
        self._started = 0.0

    def _record(self, phase: str, info: dict[str, int]) -> None:
        now = time.monotonic()
        if phase == "start":
            self._started = now
        else:
            self.pauses.append((self._started, now - self._started, info["generation"]))

    def __enter__(self) -> GcPauses:
        gc.callbacks.append(self._record)
        return self

    def __exit__(self, *exc_info: object) -> None:
        gc.callbacks.remove(self._record)

    def longest(self) -> float:
        return max((seconds for _, seconds, _ in self.pauses), default=0.0)

    def during(self, start: float, end: float) -> float:
        """Seconds of pause between `start` and `end` (time.monotonic())."""
        return sum(max(0.0, min(end, began + seconds) - max(start, began)) for began, seconds, _ in self.pauses)
