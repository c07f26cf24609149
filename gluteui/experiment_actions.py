"""Starting and stopping the self-experiment from the command palette.

A mixin of GluteApp, kept apart because it is one idea: an optional experiment the user
starts with a plan and can stop at any time (core/stats/trial_today.py decides the rest).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import SystemCommand

if TYPE_CHECKING:
    from textual.app import App

    from gluteui.services import Services
    from gluteui.widgets.experiment_dialog import Plan

    _Base = App[None]
else:
    _Base = object

TITLE = "Self-experiment"


class ExperimentActions(_Base):
    """Mixed into GluteApp, which supplies `services`."""

    services: Services

    def experiment_commands(self) -> list[SystemCommand]:
        """Start one when none is running, else stop the one that is."""
        from gluteui.core.stats.trial_today import STOP_COMMAND, running

        history = self.services.store.history()
        if running(history, history.day_of(self.services.config.now())) is not None:
            return [SystemCommand(STOP_COMMAND,
                                  "End it today; the days so far are kept, and Progress shows their report",
                                  self.action_stop_experiment)]
        return [SystemCommand("Start a self-experiment…",
                              "Optional: activate or skip, drawn by chance for each run day, then compared",
                              self.action_start_experiment)]

    def action_start_experiment(self) -> None:
        from gluteui.core.stats.trial_today import DEFAULT_WEEKS, default_run_days
        from gluteui.widgets.experiment_dialog import ExperimentDialog

        history = self.services.store.history()
        days = default_run_days(history, self.services.config.now())
        self.push_screen(ExperimentDialog(DEFAULT_WEEKS, days), self._start_experiment)

    def _start_experiment(self, plan: Plan | None) -> None:
        from gluteui.core.stats.trial_today import fresh_seed, start

        if plan is None:
            return
        store = self.services.store
        try:
            experiment = start(store.history(), self.services.config.now(), *plan, fresh_seed())
        except ValueError as error:
            why = str(error)
            self.notify(why[:1].upper() + why[1:], title=TITLE, severity="warning", markup=False)
            return
        if self.services.save(lambda: store.save_experiment(experiment)):
            self.notify(f"Started for {experiment.weeks} weeks: Home shows each run day's assignment.",
                        title=TITLE, timeout=6, markup=False)
        self._show_standing_again()

    def action_stop_experiment(self) -> None:
        from gluteui.widgets.confirm import ConfirmDialog

        question = ("Stop the self-experiment today? The days so far are kept, and Progress shows "
                    "what they can say.")
        self.push_screen(ConfirmDialog(question, "stop it", "keep it going"), self._stop_experiment)

    def _stop_experiment(self, yes: bool | None) -> None:
        from gluteui.core.stats.trial_today import running, stop

        if not yes:
            return
        store = self.services.store
        history = store.history()
        today = history.day_of(self.services.config.now())
        experiment = running(history, today)
        if experiment is None:
            return  # it ended (or another copy stopped it) while the question was open
        if self.services.save(lambda: store.save_experiment(stop(experiment, today))):
            self.notify("Stopped. Progress has its report on the days so far.", title=TITLE, timeout=6)
        self._show_standing_again()

    def _show_standing_again(self) -> None:
        """Home says today's assignment and Progress the experiment's standing: redraw them
        wherever they are in the stack (the palette can start or stop it over either)."""
        from gluteui.screens.home import HomeScreen
        from gluteui.screens.progress import ProgressScreen

        for screen in self.screen_stack:
            if isinstance(screen, ProgressScreen):
                self.call_later(screen.show_history_again)
            elif isinstance(screen, HomeScreen):
                screen.show_status()
