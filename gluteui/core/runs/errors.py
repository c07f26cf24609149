"""The one error a run file can cause: a short phrase saying what is wrong with it."""

from __future__ import annotations


class RunFileError(ValueError):
    """A file that holds no run GluteUI can read; `reason` is a short phrase for the user,
    such as "truncated" or "over the 50 MB limit"."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
