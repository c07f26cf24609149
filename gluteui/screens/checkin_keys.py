"""The check-in keys of a screen with a check-in list (Progress): answer or change the
answer about a run, remove it, or say you ran on the day chosen in the calendar."""

from __future__ import annotations

from textual import on
from textual.widgets import OptionList

from gluteui.core.stats.run_entries import CheckinReply, RunEntry, entry_on, record_reply, remove_answer
from gluteui.screens.base import GluteScreen
from gluteui.screens.run_safety import point_to_safety
from gluteui.widgets.calendar import CalendarHeatmap
from gluteui.widgets.checkin_list import CheckinList, answer_words


class CheckinKeys(GluteScreen):
    """c asks about the run chosen in the CheckinList (or, from the calendar, about a run on
    its chosen day), Enter on the list too; x on the list removes the chosen run's answer,
    once confirmed.
    The screen says what changes with `checkins_changed`."""

    async def checkins_changed(self) -> None:
        """Show what an answer, a change or a removal changed."""
        raise NotImplementedError

    def _in_list(self) -> bool:
        return isinstance(self.focused, OptionList) and self.focused.parent is self.query_one(CheckinList)

    def action_checkin(self) -> None:
        if self._in_list():
            entry = self.query_one(CheckinList).highlighted
        else:
            services = self.services
            history = services.store.history()
            now = services.config.now()
            day = self.query_one(CalendarHeatmap).selected
            if day > history.day_of(now):
                self.notify("That day has not come yet: choose a day you ran.", severity="warning")
                return
            entry = entry_on(history, now, day)
        if entry is not None:
            self.ask_about(entry)

    @on(OptionList.OptionSelected, "#checkins-list")
    def _chosen(self) -> None:
        entry = self.query_one(CheckinList).highlighted
        if entry is not None:
            self.ask_about(entry)

    def ask_about(self, entry: RunEntry) -> None:
        """The check-in dialog about `entry`'s run, starting from its answer when it has one."""
        from gluteui.widgets.checkin import CheckinDialog

        answer = (entry.back, entry.hamstrings) if entry.back is not None else None
        dialog = CheckinDialog(entry.day, entry.described(self.services.config.now().tzinfo),
                               activated=entry.activated, answer=answer, ran_unsure=entry.run is None)

        async def answered(reply: CheckinReply | None) -> None:
            store, now = self.services.store, self.services.config.now()
            if reply is not None and self.save(lambda: record_reply(store, entry, reply, now)):
                await self.checkins_changed()
                if reply.ran:
                    point_to_safety(self)

        self.app.push_screen(dialog, answered)

    def action_remove_checkin(self) -> None:
        entry = self.query_one(CheckinList).highlighted
        if entry is None or not entry.answered:
            self.notify("That run has no answer to remove.", severity="warning")
            return
        from gluteui.widgets.confirm import ConfirmDialog

        described = entry.described(self.services.config.now().tzinfo)
        run = f"{entry.day:%a %d %b}" + (f", {described}" if described else "")
        question = (f"Remove your answer about the run on {run} ({answer_words(entry)})? "
                    "A recent run then waits for an answer again.")

        async def confirmed(remove: bool | None) -> None:
            if remove and self.save(lambda: remove_answer(self.services.store, entry)):
                await self.checkins_changed()

        self.app.push_screen(ConfirmDialog(question, "remove it", "keep it"), confirmed)
