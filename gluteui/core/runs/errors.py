"""What reading one run file gives: the runs in it, or the one error it can cause."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gluteui.core.runs.record import Run


class RunFileError(ValueError):
    """A file that holds no run GluteUI can read; `reason` is a short phrase for the user,
    such as "truncated" or "over the 50 MB limit"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class FileRuns:
    """The runs one file holds (a TCX can hold several), and `note`: something the user
    should hear though the file was read ("damaged after its summary; the summary was
    kept"), or "" when nothing."""

    runs: tuple[Run, ...]
    note: str = ""
