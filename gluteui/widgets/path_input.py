"""A path typed in a box, completed from the disk as it is typed: → or Tab takes the rest."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from textual.binding import Binding
from textual.suggester import Suggester
from textual.widgets import Input

LISTED_AT_MOST = 2000
"""Names looked at in one folder for a suggestion: a huge folder must not hold up typing."""


def completion(typed: str, names: list[tuple[str, bool]]) -> str | None:
    """`typed` completed with the first of `names` (name, is a folder) it begins, a folder
    with a slash after it; None when none does. Hidden names only once a dot is typed."""
    stem = typed.rpartition("/")[2]
    for name, folder in sorted(names):
        if name.startswith(stem) and name != stem and (stem.startswith(".") or not name.startswith(".")):
            return typed + name[len(stem):] + ("/" if folder else "")
    return None


def names_in(folder: str) -> list[tuple[str, bool]]:
    """The names in `folder` (`~` for the home folder) with whether each is a folder; none
    when it cannot be listed."""
    found: list[tuple[str, bool]] = []
    try:
        with os.scandir(Path(folder).expanduser()) as entries:
            for entry in entries:
                found.append((entry.name, entry.is_dir()))
                if len(found) >= LISTED_AT_MOST:
                    break
    except OSError:
        return []  # nothing to suggest: the import names the path if it is really wrong
    return found


class PathSuggester(Suggester):
    """Suggests the rest of a file or folder name, `~` standing for the home folder."""

    def __init__(self) -> None:
        # No cache: the folder may change while the box is open (a watch just plugged in).
        super().__init__(use_cache=False, case_sensitive=True)

    async def get_suggestion(self, value: str) -> str | None:
        if not value:
            return None
        folder = value.rpartition("/")[0] + "/" if "/" in value else "."
        # On a thread: a slow disk or a network folder must not hold up the screen.
        return completion(value, await asyncio.to_thread(names_in, folder))


class PathInput(Input):
    """An Input whose Tab takes the suggested rest of the path (→ does too), and moves on
    when there is none."""

    BINDINGS = [Binding("tab", "complete", "Complete the path", show=False, key_display="Tab")]

    def __init__(self, placeholder: str, id: str | None = None) -> None:
        super().__init__(placeholder=placeholder, suggester=PathSuggester(), compact=True, id=id)

    def action_complete(self) -> None:
        before = self.value
        if self.cursor_at_end:
            self.action_cursor_right()  # takes the suggestion, when there is one
        if self.value == before:
            self.screen.focus_next()
