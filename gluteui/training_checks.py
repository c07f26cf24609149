"""What the App asks before a squeeze test or a routine: the health questions (the first
time), then, before a routine, whether a squeeze test that flagged pain was checked.

A mixin of GluteApp, kept apart because it is one idea: every question lets the user go
on, and each answer is saved so it is asked only once.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from gluteui.screens import messages

if TYPE_CHECKING:
    from textual.app import App

    from gluteui.services import Services
    from gluteui.widgets.red_flag import RedFlagAnswer

    _Base = App[None]
else:
    _Base = object


class TrainingChecks(_Base):
    """Mixed into GluteApp, which supplies `services`."""

    services: Services

    def _save_setting(self, key: str, value: Any) -> bool:
        """Save a setting; when the disk says no, the App says "Not saved" (and it is kept)."""
        from gluteui.core.history.store import StoreError

        try:
            self.services.store.set_setting(key, value)
        except StoreError as error:
            self.post_message(messages.SaveFailed(str(error)))
            return False
        return True

    def before_training(self, routine: bool, go: Callable[[], object]) -> None:
        """Ask what must be asked before a squeeze test or (`routine`) a routine, then `go`.

        The health questions come first, the first time only; before a routine, a squeeze
        test that flagged pain asks whether it was checked. Every question lets the user go on.
        """
        if self.services.store.setting("health_answers") is None:
            from gluteui.widgets.prescreen import PrescreenDialog

            self.push_screen(PrescreenDialog(), partial(self._health_answered, routine, go))
        elif routine:
            self._ask_about_red_flag(go)
        else:
            go()

    def _health_answered(self, routine: bool, go: Callable[[], object], answers: dict[str, bool] | None) -> None:
        if answers is None:
            return
        self._save_setting("health_answers", answers)
        if routine:
            self._ask_about_red_flag(go)
        else:
            go()

    def _ask_about_red_flag(self, go: Callable[[], object]) -> None:
        from gluteui.core.safety import red_flag_to_confirm
        from gluteui.widgets.red_flag import RedFlagDialog

        flagged = red_flag_to_confirm(self.services.store.quiz_results(), self.services.store.setting("red_flag_cleared"))
        if flagged is None:
            go()
            return
        self.push_screen(RedFlagDialog(flagged.local_date), partial(self._red_flag_answered, flagged.id, go))

    def _red_flag_answered(self, flagged_id: str, go: Callable[[], object], answer: RedFlagAnswer) -> None:
        if answer == "checked":
            self._save_setting("red_flag_cleared", flagged_id)
            go()
        elif answer == "safety":
            self.post_message(messages.ShowSafety())

    def action_health_questions(self) -> None:
        """Show the health questions with the saved answers, to change them."""
        from gluteui.widgets.prescreen import PrescreenDialog

        answers = self.services.store.setting("health_answers")
        self.push_screen(PrescreenDialog(answers, first_time=False), self._health_changed)

    def _health_changed(self, answers: dict[str, bool] | None) -> None:
        if answers is not None and self._save_setting("health_answers", answers):
            self.notify("Your answers are saved.", title="Health check questions", timeout=4)

