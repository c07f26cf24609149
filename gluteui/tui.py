"""Start the TUI. The theme and the data folder are checked before it draws; content/ is
read just after the first frame, and a mistake there stops the app (`app.failure`), which
this turns into the same one-line error."""

from __future__ import annotations

from gluteui.config import AppConfig


def run_tui(config: AppConfig) -> int:
    from textual.theme import BUILTIN_THEMES

    from gluteui.app import create_app
    from gluteui.errors import UserError

    if config.theme is not None and config.theme not in BUILTIN_THEMES:
        known = ", ".join(sorted(BUILTIN_THEMES))
        raise UserError(f"unknown theme {config.theme!r}; choose one of: {known}")
    app = create_app(config)
    app.run()
    if app.failure is not None:
        raise UserError(app.failure)
    if app.farewell is not None:
        print(app.farewell)
    return app.return_code or 0
