"""Every path GluteUI uses: packaged content and styles, the data dir and the cache dir.

In a source checkout `content/` and `styles/` sit at the top of the repo; in an installed
wheel they are copied inside the package (see pyproject's force-include).
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "gluteui"
DATA_DIR_ENV = "GLUTEUI_DATA_DIR"
DATA_FILE_NAME = "gluteui.json"
"""The history's file in the data dir (core/history/storage.py's FILE_NAME)."""

_PACKAGE_DIR = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    """A folder shipped with the app: inside the package when installed, else the repo's."""
    installed = _PACKAGE_DIR / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / name


def content_dir() -> Path:
    """The folder of lessons, quiz, exercises, routines and figures."""
    return _bundled("content")


def styles_dir() -> Path:
    """The folder of .tcss stylesheets."""
    return _bundled("styles")


def stylesheet(name: str) -> Path:
    """One .tcss file; screens name their own, so only what is shown gets parsed."""
    return styles_dir() / f"{name}.tcss"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Where the user's history (gluteui.json) lives: --data-dir, $GLUTEUI_DATA_DIR, the platform's.

    An empty --data-dir or $GLUTEUI_DATA_DIR is a mistake (an unset shell variable, say),
    not a request for the default folder: UserError.
    """
    from gluteui.errors import UserError

    if override is not None:
        if not str(override).strip():
            raise UserError("--data-dir '' names no folder; give a path, or leave the option out")
        return Path(override).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV)
    if from_env is not None:
        if not from_env.strip():
            raise UserError(f"${DATA_DIR_ENV} is set but empty; unset it or give a path")
        return Path(from_env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Generated, disposable files (sound cues)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))
