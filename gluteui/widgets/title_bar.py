"""The top line of every screen: the app's name and what the screen is about."""

from __future__ import annotations

from textual.widgets import Static


class TitleBar(Static):
    """Textual's Header, less its clock, its palette icon and its tall mode.

    One widget where Header mounts four: Header alone was a tenth of what Home's first
    frame cost. The command palette stays one key away (Ctrl+P, shown in the footer).
    """

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        content-align: center middle;
    }
    """

    def on_mount(self) -> None:
        # A screen's own title or sub-title wins; the app's fill in where it has none.
        for node in (self.app, self.screen):
            self.watch(node, "title", self.show_title, init=False)
            self.watch(node, "sub_title", self.show_title, init=False)
        self.show_title()

    def show_title(self) -> None:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        self.update(app.format_title(title, sub_title))
