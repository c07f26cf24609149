"""The backups of the user's history, newest first, to pick one to restore."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from gluteui import locations
from gluteui.core.text import printable
from gluteui.widgets.text import plain


class BackupList(ModalScreen[int | None]):
    """Dismisses with the index of the chosen row, or None (Esc)."""

    CSS_PATH = locations.stylesheet("dialogs")
    BINDINGS = [Binding("escape", "dismiss(None)", "Close", id="close")]

    def __init__(self, rows: list[str], folder: str) -> None:
        super().__init__()
        self.rows = rows
        self.folder = folder

    def compose(self) -> ComposeResult:
        with Vertical(id="backups-box"):
            yield Static("[b]Restore a backup[/b]", id="backups-title")
            yield Static(plain(
                f"Backups in {printable(self.folder)}, newest first. Enter brings one back; what you have "
                "now is kept as a backup first. Esc closes."
            ), id="backups-intro")
            yield OptionList(*(Option(plain(row), id=str(n)) for n, row in enumerate(self.rows)),
                             id="backups-list")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)
