"""Work on a thread, with one way for its failure to reach the user.

Textual tells only the widget that started a worker when it fails. A widget or screen that
starts one mixes in ReportsFailure: the failure goes up to the App as WorkerFailed (one toast,
said the same way for every worker), and the widget may also say it where the answer would
have been, rather than "Working it out..." for ever.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.message import Message
from textual.worker import Worker, WorkerState


class WorkerFailed(Message):
    """A worker stopped with an error; the App tells the user."""

    def __init__(self, what: str, error: BaseException | None) -> None:
        super().__init__()
        self.what = what
        """What the worker was doing, as its name says it: "Working out the comparison"."""
        self.error = error


class ReportsFailure:
    """Mixed into a widget or screen that runs workers (give each a name that says what it does)."""

    post_message: Callable[[Message], bool]  # the widget's or screen's own

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state != WorkerState.ERROR:
            return
        self.post_message(WorkerFailed(event.worker.name, event.worker.error))
        self.worker_failed(event.worker)

    def worker_failed(self, worker: Worker[object]) -> None:
        """Say it where the worker's result would have shown; nothing by default."""
