"""What the App asks before a squeeze test or a routine: the health questions (the first
time, every few months and after a test that flagged pain), then, before a routine, any yes
that holds it back and a squeeze test that flagged pain, until the user says it was checked.

A mixin of GluteApp, kept apart because it is one idea. The decisions are
gluteui.core.health's and gluteui.core.safety's; this asks, saves and goes on. Every hold
lets the user go on with a deliberate key, and remembers that they did.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from gluteui.screens import messages

if TYPE_CHECKING:
    from textual.app import App

    from gluteui.core.health import HealthQuestion
    from gluteui.services import Services
    from gluteui.widgets.red_flag import RedFlagAnswer

    _Base = App[None]
else:
    _Base = object


class TrainingChecks(_Base):
    """Mixed into GluteApp, which supplies `services`."""

    services: Services

    def _save_setting(self, key: str, value: Any) -> bool:
        """Save a setting; when the disk says no, the App says "Not saved yet" (and it is kept)."""
        return self.services.save(lambda: self.services.store.set_setting(key, value))

    def _sign_lines(self) -> dict[str, str]:
        """What a yes that names a tier of signs lists: tier id -> "<title> if: a; b; or c."."""
        # From the palette, this can come before Home has loaded content/: load it here.
        return {"emergency": self.services.load_content().triage.line("emergency")}

    def training_declined(self) -> None:
        """A question answered without going on (Esc, not now, a save refused): the user stays
        where they were. GluteApp's `gluteui desk` closes instead."""

    def before_training(self, routine: bool, go: Callable[[], object]) -> None:
        """Ask what must be asked before a squeeze test or (`routine`) a routine, then `go`."""
        from gluteui.core.health import health_due
        from gluteui.widgets.prescreen import PrescreenDialog

        store = self.services.store
        answers = store.setting("health_answers")
        asked_at = store.setting("health_asked_at")
        due = health_due(
            answers, datetime.fromisoformat(asked_at) if asked_at else None,
            store.quiz_results(), self.services.config.now(),
        )
        if due is None:
            self._after_health(routine, go)
            return
        self.push_screen(
            PrescreenDialog(answers, due, self._sign_lines()), partial(self._health_answered, routine, go),
        )

    def _health_answered(self, routine: bool, go: Callable[[], object], answers: dict[str, bool] | None) -> None:
        if answers is None:
            self.training_declined()
            return
        self._save_answers(answers)
        self._after_health(routine, go)

    def _save_answers(self, answers: Mapping[str, bool]) -> bool:
        """Save new answers with when they were given; a yes cleared before stays cleared only
        while it is still a yes."""
        from gluteui.core.health import still_cleared

        store = self.services.store
        before = store.setting("health_answers") or {}
        cleared = still_cleared(store.setting("health_cleared") or [], before, answers)
        return (self._save_setting("health_answers", dict(answers))
                and self._save_setting("health_asked_at", self.services.config.now().isoformat())
                and self._save_setting("health_cleared", cleared))

    def _after_health(self, routine: bool, go: Callable[[], object]) -> None:
        """Before a routine: a yes that holds it back, then a flagged squeeze test."""
        from gluteui.core.health import training_hold

        if not routine:
            go()
            return
        store = self.services.store
        hold = training_hold(store.setting("health_answers") or {}, store.setting("health_cleared") or [])
        if hold is None:
            self._ask_about_red_flag(go)
            return
        self.push_screen(self._hold_dialog(hold), partial(self._hold_answered, hold, go))

    def _hold_dialog(self, hold: HealthQuestion) -> Any:
        from gluteui.widgets.red_flag import RedFlagDialog

        signs = self._sign_lines().get(hold.signs or "", "")
        question = f"You said yes to: {hold.text} {hold.note}"
        return RedFlagDialog(question, signs, "it has been checked, start", skip_today=hold.hold == "skip_today")

    def _hold_answered(self, hold: HealthQuestion, go: Callable[[], object], answer: RedFlagAnswer) -> None:
        if answer == "checked":
            cleared = [*(self.services.store.setting("health_cleared") or []), hold.id]
            if self._save_setting("health_cleared", cleared):
                self._after_health(True, go)  # another yes may hold it back too
            else:
                self.training_declined()
        elif answer == "safety":
            self.post_message(messages.ShowSafety())
        elif answer == "quiz":
            self.post_message(messages.Open("quiz"))
        else:
            self.training_declined()

    def _ask_about_red_flag(self, go: Callable[[], object]) -> None:
        from gluteui.core.safety import red_flag_to_confirm
        from gluteui.widgets.red_flag import RedFlagDialog

        flagged = red_flag_to_confirm(self.services.store.quiz_results(), self.services.store.setting("red_flag_cleared"))
        if flagged is None:
            go()
            return
        question = (f"Your last squeeze test ({flagged.local_date:%a %d %b}) flagged pain. "
                    "Have you had it checked, or has it settled?")
        self.push_screen(RedFlagDialog(question, checked="it has, start"),
                         partial(self._red_flag_answered, flagged.id, go))

    def _red_flag_answered(self, flagged_id: str, go: Callable[[], object], answer: RedFlagAnswer) -> None:
        if answer == "checked":
            self._save_setting("red_flag_cleared", flagged_id)
            go()
        elif answer == "safety":
            self.post_message(messages.ShowSafety())
        else:
            self.training_declined()

    def action_health_questions(self) -> None:
        """Show the health questions with the saved answers, to change them."""
        from gluteui.widgets.prescreen import PrescreenDialog

        answers = self.services.store.setting("health_answers")
        self.push_screen(PrescreenDialog(answers, None, self._sign_lines()), self._health_changed)

    def _health_changed(self, answers: dict[str, bool] | None) -> None:
        if answers is not None and self._save_answers(answers):
            self.notify("Your answers are saved.", title="Health check questions", timeout=4)
