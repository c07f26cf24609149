"""What the App does with the user's history as a whole: export it, back it up, restore a
backup, and quit without losing what the disk refused.

A mixin of GluteApp, kept apart because it is one idea: the history is never lost, even
when saving fails, and every step that replaces it keeps a copy first.
"""

from __future__ import annotations

import json
from datetime import tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

    from gluteui.core.history.backups import Backup
    from gluteui.services import Services

    _Base = App[None]
else:
    _Base = object


class DataActions(_Base):
    """Mixed into GluteApp, which supplies `services`."""

    services: Services

    def export_history(self) -> Path | None:
        """Write everything, unsaved changes included, to a JSON file in the home folder."""
        from gluteui.core.history.storage import write_atomically

        store = self.services.store
        target = Path.home() / f"gluteui-export-{self.services.config.now():%Y%m%d-%H%M%S}.json"
        try:
            write_atomically(target, json.dumps(store.export_data(), indent=1) + "\n")
        except OSError as error:
            self.notify(f"Cannot write {target}: {error.strerror or error}", title="Export",
                        severity="error", markup=False)
            return None
        self.notify(f"Exported to {target}", title="Export", markup=False)
        return target

    def action_export_data(self) -> None:
        self.export_history()

    async def action_quit(self) -> None:
        """Quit; with changes the disk refused, ask first (export them, or quit anyway), and
        ask too when the screen would lose work (a squeeze test half done)."""
        from gluteui.core.history.store import StoreError
        from gluteui.widgets.unsaved import EXPORT, QUIT, UnsavedDialog

        try:
            self.services.store.save_pending()  # one more try: the disk may have room again
        except StoreError as error:
            problem = str(error)
        else:
            self._quit_unless_work_is_lost()
            return

        def answered(answer: str | None) -> None:
            if answer == QUIT or (answer == EXPORT and self.export_history() is not None):
                self.exit()

        self.push_screen(UnsavedDialog(problem), answered)

    def _quit_unless_work_is_lost(self) -> None:
        """Quit, asking first when the screen would lose work (a squeeze test half done)."""
        from gluteui.widgets.confirm import ConfirmDialog

        would_lose = getattr(self.screen, "would_lose", None)
        lost = would_lose() if callable(would_lose) else None
        if lost is None:
            self.exit()
            return
        self.push_screen(ConfirmDialog(f"Quit GluteUI? {lost} will not be saved.", "quit", "keep going"),
                         lambda yes: self.exit() if yes else None)

    def action_import_runs(self) -> None:
        """Ask for a path and import the runs in it; what shows runs reads them again after."""
        from gluteui.widgets.run_import import RunImportDialog

        if isinstance(self.screen, RunImportDialog):
            return
        self.push_screen(RunImportDialog(self.services), self._runs_imported)

    def _runs_imported(self, imported: bool | None) -> None:
        from gluteui.screens.home import HomeScreen
        from gluteui.screens.progress import ProgressScreen

        if not imported:
            return
        for screen in self.screen_stack:
            if isinstance(screen, ProgressScreen):
                self.call_later(screen.show_history_again)
            elif isinstance(screen, HomeScreen):
                screen.show_status()

    def action_back_up(self) -> None:
        """Copy the history into backups/ now."""
        from gluteui.core.history.store import StoreError

        try:
            made = self.services.store.back_up()
        except StoreError as error:
            self.notify(str(error), title="Backup", severity="error", markup=False)
            return
        self.notify(f"Backed up to {made}", title="Backup", markup=False)

    def action_restore_backup(self) -> None:
        """List the backups; the one chosen replaces the history, which is kept as a backup first."""
        from gluteui.core.history.backups import shown_time
        from gluteui.core.history.store import StoreError
        from gluteui.core.text import plural
        from gluteui.widgets.backup_list import BackupList

        store = self.services.store
        found = store.backups()
        if not found:
            self.notify("No backups yet: one is made after a change, once a day.", title="Backups")
            return
        zone = self.services.config.now().tzinfo
        helds = []
        for backup in found:
            try:
                count = store.sessions_in(backup.path)
                helds.append(f"{count} {plural(count, 'session')}")
            except StoreError:
                helds.append("unreadable")
        rows = [_row(backup, held, zone) for backup, held in zip(found, helds, strict=True)]

        def chosen(index: int | None) -> None:
            if index is not None:
                when = shown_time(found[index], zone)
                self._confirm_restore(found[index], f"{when:%a %d %b at %H:%M} ({helds[index]})")

        self.push_screen(BackupList(rows, str(store.path.parent / "backups")), chosen)

    def _confirm_restore(self, backup: Backup, described: str) -> None:
        from gluteui.widgets.confirm import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if yes:
                self._restore(backup)

        question = f"Replace your history with the backup of {described}? What you have now is kept as a backup."
        self.push_screen(ConfirmDialog(question, "restore it", "keep what I have"), answered)

    def _restore(self, backup: Backup) -> None:
        from gluteui.core.history.store import StoreError
        from gluteui.screens.home import HomeScreen
        from gluteui.screens.player import PlayerScreen

        if any(isinstance(screen, PlayerScreen) for screen in self.screen_stack):
            self.notify("Stop the routine first (Esc), then restore.", severity="warning")
            return
        try:
            self.services.store.restore(backup.path)
        except StoreError as error:
            self.notify(str(error), title="Not restored", severity="error", markup=False)
            return
        # Every screen above Home shows the history that was replaced; Home reads it afresh.
        while len(self.screen_stack) > 1:
            self.pop_screen()
        if isinstance(self.screen_stack[0], HomeScreen):
            self.screen_stack[0].show_status()
        self.notify(f"Restored the backup {backup.path.name}", title="Backups", markup=False)


def _row(backup: Backup, held: str, zone: tzinfo | None) -> str:
    from gluteui.core.history.backups import REASONS, shown_time

    when = shown_time(backup, zone)
    return f"{when:%a %d %b %H:%M}  {REASONS[backup.why]:<17} {held:>13}"
