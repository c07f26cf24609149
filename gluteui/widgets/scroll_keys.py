"""A vertical scroll whose keys say how they read, so the help screen lists them."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll


class KeyScroll(VerticalScroll, inherit_bindings=False):
    """Only vertical keys: left and right stay free for the screen (paging between lessons)."""

    BINDINGS = [
        Binding("down", "scroll_down", "Scroll down", show=False, key_display="↓"),
        Binding("j", "scroll_down", "Scroll down", show=False, key_display="j"),
        Binding("up", "scroll_up", "Scroll up", show=False, key_display="↑"),
        Binding("k", "scroll_up", "Scroll up", show=False, key_display="k"),
        Binding("pagedown", "page_down", "Page down", show=False, key_display="PgDn"),
        Binding("space", "page_down", "Page down", show=False, key_display="Space"),
        Binding("pageup", "page_up", "Page up", show=False, key_display="PgUp"),
        Binding("home", "scroll_home", "Scroll to the top", show=False, key_display="Home"),
        Binding("end", "scroll_end", "Scroll to the end", show=False, key_display="End"),
    ]
