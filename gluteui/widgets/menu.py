"""An OptionList that also answers to vim keys."""

from textual.binding import Binding
from textual.widgets import OptionList


class Menu(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]
