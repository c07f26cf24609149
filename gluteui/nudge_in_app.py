"""The nudge while GluteUI is open: the app sends it, and the timer's `gluteui nudge` stays quiet.

A mixin of GluteApp, kept apart because it is one idea. The rules are the core's (`decide`),
the record is gluteui.nudging's nudge.json, so the day still gets one nudge and one snoozed
repeat, whichever sends them. How it is shown depends on where the user is looking:
- the terminal focused: a toast in the app;
- the terminal not focused (focus reporting, DEC mode 1004, which tmux passes on with
  `set -g focus-events on`): an OSC escape sequence asking the terminal to show a desktop
  notification (gluteui.core.terminal_notice), or, from a terminal not known to show one,
  the desktop's notification as `gluteui nudge` sends it. Never the bell.

One timer, set for the next moment a nudge may be due, and never further ahead than
LONGEST_WAIT_S: Textual's timers run on the monotonic clock, which stands still while the
computer sleeps, and the schedule may be changed meanwhile (`gluteui remind`).
"""

from __future__ import annotations

import os
from functools import partial
from typing import TYPE_CHECKING

from gluteui.notify import APP_NAME

if TYPE_CHECKING:
    from filelock import FileLock
    from textual.app import App

    from gluteui.core.stats.nudge import Sent
    from gluteui.services import Services

    _Base = App[None]
else:
    _Base = object

NUDGE_START_S = 1.0
"""After the first frame: taking the lock imports filelock, which Home's first frame does not need."""
LONGEST_WAIT_S = 300.0
SOONEST_S = 1.0
"""Never a busier loop than this, whatever a clock says."""


class AppNudges(_Base):
    """Mixed into GluteApp, which supplies `services`."""

    services: Services
    _open_lock: FileLock | None = None
    _nudge_problem: str | None = None
    _focus_reported = False
    """Whether the terminal has ever said it lost focus: until it does, "focused" is only
    Textual's starting guess (tmux without `focus-events on` never says)."""
    _sent: Sent | None = None
    """Today's record as this app last wrote it: when writing nudge.json fails, the file
    still says "not nudged", and this keeps the app from nudging again every check."""
    """Why the last check could not read the history, said once until it changes."""

    def start_nudges(self) -> None:
        """Hold the "open" lock for the app's life and nudge when a nudge is due; nothing
        in tests and snapshots (no timers there), nor when another open GluteUI nudges."""
        if not self.services.config.run_timers:
            return
        # Here, not at the top: Home's first frame (the startup benchmark) needs none of it.
        from gluteui.nudging import hold_open

        try:
            self._open_lock = hold_open(self.services.store.work_folder)
        except OSError as error:
            self.notify(f"This window sends no nudges (the timer's `gluteui nudge` still does): {error}", title="Nudges",
                        severity="warning", timeout=10, markup=False)
            return
        if self._open_lock is not None:
            self.check_nudge()
        else:
            # Another GluteUI nudges, or a `gluteui nudge` was looking at the lock just then:
            # try again later, so this window takes over once the other one is gone.
            self.set_timer(LONGEST_WAIT_S, self.start_nudges)

    def watch_app_focus(self, focus: bool) -> None:
        self._focus_reported = True

    def stop_nudges(self) -> None:
        """Let the timer's `gluteui nudge` nudge again (the process ending would too)."""
        if self._open_lock is not None:
            self._open_lock.release()
            self._open_lock = None

    def check_nudge(self) -> None:
        """Nudge if one is due now, then wait for the next moment one may be."""
        from gluteui.core.history.store import StoreError
        from gluteui.core.stats.nudge import next_check
        from gluteui.nudging import SENT_NAME, app_nudges, decide_now, write_sent
        from gluteui.screens.player import PlayerScreen

        if any(isinstance(screen, PlayerScreen) for screen in self.screen_stack):
            # Not over the routine the nudge asks for, and no read of the history on the
            # routine's clock (ten years of it take a frame or more): look again later.
            self.set_timer(LONGEST_WAIT_S, self.check_nudge)
            return
        now = self.services.config.now()
        cache = self.services.cache_dir()
        wake = None
        try:
            asked = decide_now(self.services.store.history(), cache, now, self._sent)
        except StoreError as error:
            # The next check tries again; the screens say the same when they read.
            if str(error) != self._nudge_problem:
                self.notify(f"No nudge while the history cannot be read: {error}", title="Nudges",
                            severity="warning", timeout=10, markup=False)
            self._nudge_problem = str(error)
            self.set_timer(LONGEST_WAIT_S, self.check_nudge)
            return
        self._nudge_problem = None
        if app_nudges(asked.schedule):
            sent = asked.sent
            message = asked.decision.message
            if message is not None:
                # Noted first: showing it cannot fail, and a snooze asked for at once must find it noted.
                sent = asked.decision.sent
                try:
                    write_sent(cache / SENT_NAME, sent)
                except OSError as error:
                    self._sent = sent  # so this window, at least, does not nudge again today
                    self.notify(f"Not noted in {cache / SENT_NAME} ({error.strerror or error}): "
                                "the timer's nudge may come again.", title="Nudges", severity="warning",
                                timeout=10, markup=False)
                self.show_nudge(message)
            wake = next_check(asked.schedule, sent, now)
        wait = LONGEST_WAIT_S if wake is None else (wake - now).total_seconds()
        self.set_timer(min(LONGEST_WAIT_S, max(SOONEST_S, wait)), self.check_nudge)

    def show_nudge(self, message: str) -> None:
        """A toast when the user looks at the app; else a notification the terminal shows."""
        if self.app_focus:
            self.notify(message, title="Reminder", timeout=30, markup=False)
            if not self._focus_reported:
                # Perhaps looking, perhaps in another window of a terminal that never reports
                # focus: the desktop's notification as well, so the nudge is not lost.
                self._notify_desktop_soon(message, toast_on_failure=False)
            return
        from gluteui.core.terminal_notice import osc_notification

        sequence = osc_notification(APP_NAME, message, os.environ)
        if sequence is None:  # a terminal that shows none: the desktop's notification instead
            self._notify_desktop_soon(message, toast_on_failure=True)
        elif self._driver is not None:
            # Textual has no public way to send the terminal a sequence of our own (its
            # copy_to_clipboard writes to the driver the same way); the driver's writer queues
            # it between frames, so it never lands inside one.
            self._driver.write(sequence)

    def _notify_desktop_soon(self, message: str, toast_on_failure: bool) -> None:
        # A failure is the toast's to tell (_notify_desktop): it must never end the app.
        self.run_worker(partial(self._notify_desktop, message, toast_on_failure), thread=True, group="nudge",
                        exit_on_error=False)

    def _notify_desktop(self, message: str, toast_on_failure: bool) -> None:
        """In a thread (the bus may take seconds to answer): the notification `gluteui nudge`
        sends; when nothing can show it, the toast (unless one is shown already), there when
        the user comes back."""
        from gluteui.notify import NotifyError, notify

        try:
            notify(APP_NAME, message)
        except NotifyError as error:
            if not toast_on_failure:
                return  # the toast is up already: the nudge is not lost
            self.call_from_thread(self.notify, f"{message}\n(no desktop notification: {error})",
                                  title="Reminder", timeout=120, markup=False)
