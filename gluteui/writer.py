"""The app's one writer: it saves the store's waiting changes, in order, off the UI thread.

The store keeps every change in memory the moment it is made (Store.defer) and wakes the
writer, so a routine's tick never waits on the disk: on ten years of history a save took
70 to 125 ms, and while another GluteUI held the lock, ten seconds. When a save fails (a
full disk, the other copy's lock) the changes stay waiting, the user hears it once, and the
writer tries again, more slowly each time, until it works and says so.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from gluteui.core.history.store import Store, StoreError

WARM_AFTER_S = 2.0
"""Once the app has been up this long (or at its first change), the writer encodes the file
once, off any clock: a routine's saves then re-encode one session each, not ten years."""
FIRST_RETRY_S = 2.0
LAST_RETRY_S = 30.0
"""Retries come 2, 4, 8... seconds apart, then every 30 s: soon after a short wait on the
lock, without spinning while a disk stays full."""


class Writer:
    """Call `run` on a thread of its own; `wake` after each change; `stop` to end it.

    `report` hears each new reason changes wait ("Cannot write to ..."), and None once they
    are saved after waiting. It is called on the writer's thread.
    """

    def __init__(self, store: Store, report: Callable[[str | None], None],
                 retry_s: tuple[float, float] | None = None) -> None:
        self.store = store
        self.report = report
        self.first_retry_s, self.last_retry_s = retry_s or (FIRST_RETRY_S, LAST_RETRY_S)
        self.problem: str | None = None
        """Why changes are waiting, while they are; None when everything is saved."""
        self._wanted = threading.Event()
        self._stopping = False
        self.stopped = threading.Event()
        """Set once `run` has returned."""

    def wake(self) -> None:
        """A change is waiting: save it soon. Safe from any thread; never blocks."""
        self._wanted.set()

    def stop(self) -> None:
        """Save what waits one last time, then let `run` return."""
        self._stopping = True
        self._wanted.set()

    def run(self) -> None:
        """Save each change as it comes, until `stop`. Returns when stopped."""
        retry_in: float | None = None
        try:
            # Not at once: the app's first frame is being drawn. A change wakes it sooner.
            self._wanted.wait(timeout=WARM_AFTER_S)
            self.store.warm()
            while True:
                self._wanted.wait(timeout=retry_in)
                self._wanted.clear()
                # Read before saving: a stop that comes during this save leaves changes made
                # after it began, which the next round (woken by the stop) saves.
                stopping = self._stopping
                retry_in = self._save(retry_in)
                if stopping:
                    return
        finally:
            self.stopped.set()

    def _save(self, retry_in: float | None) -> float | None:
        """One try; the wait before the next when it failed (None: wait for a change)."""
        try:
            self.store.flush()
        except StoreError as error:
            problem = str(error)
            if problem != self.problem:
                self.problem = problem
                self.report(problem)
            return min(self.last_retry_s, 2 * retry_in) if retry_in else self.first_retry_s
        if self.problem is not None:
            self.problem = None
            self.report(None)
        return None
