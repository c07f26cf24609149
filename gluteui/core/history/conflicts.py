"""The copies sync tools leave beside the data file when two machines changed it at once.

Each tool names its copy its own way; these patterns match the names for gluteui.json:
- Syncthing: `gluteui.sync-conflict-20240501-101500-ABCDEF1.json`
- Dropbox: `gluteui (Ann's conflicted copy 2024-05-01).json`, with ` (1)` and so on after
- Nextcloud and ownCloud: `gluteui (conflicted copy 2024-05-01 101500).json`, and in older
  clients `gluteui_conflict-20240501-101500.json`
- Google Drive and Seafile: `gluteui (1).json`, `gluteui (SFConflict ann 2024-05-01-10-15-00).json`
- OneDrive: `gluteui-LAPTOP.json` (the name of the computer)
- iCloud Drive: `gluteui 2.json`

A file matching a pattern is only merged if it reads as a GluteUI data file, so a file of
the user's that happens to match is left as it is.
"""

from __future__ import annotations

import re
from pathlib import Path

_PATTERNS = (
    r"\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]+",  # Syncthing
    r" \([^()/]*(?:\(\d+\))?[^()/]*\)",  # Dropbox, Nextcloud, Google Drive, Seafile
    r"_conflict-\d{8}-\d{6}",  # ownCloud and older Nextcloud
    # OneDrive adds the computer's name, which Windows spells in capitals, at most 15 long;
    # so a file of the user's such as gluteui-old.json is never taken for a copy.
    r"-[A-Z0-9][A-Z0-9-]{0,14}",
    r" \d{1,3}",  # iCloud Drive
)


def conflict_pattern(file_name: str) -> re.Pattern[str]:
    """The names a sync tool gives a conflicting copy of `file_name`."""
    stem, dot, suffix = file_name.rpartition(".")
    tail = re.escape(dot + suffix)
    return re.compile(rf"{re.escape(stem)}(?:{'|'.join(_PATTERNS)}){tail}")


def conflict_copies(path: Path) -> list[Path]:
    """The conflict copies beside the data file at `path`, oldest name first."""
    pattern = conflict_pattern(path.name)
    try:
        names = [entry.name for entry in path.parent.iterdir()]
    except OSError:
        return []
    return sorted(path.parent / name for name in names if pattern.fullmatch(name))
