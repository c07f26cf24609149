"""What the nudges' tests share: a Monday in a zone an hour east of UTC, the reminder files'
places under a test's folder, and the command line's arguments."""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta, timezone
from pathlib import Path

from gluteui.cli import build_parser
from gluteui.cli_data.reminders import Places

ZONE = timezone(timedelta(hours=1))
MONDAY = datetime(2026, 12, 7, tzinfo=ZONE)


def at(hour: int, minute: int = 0, days: int = 0) -> datetime:
    return MONDAY + timedelta(days=days, hours=hour, minutes=minute)


def places_under(folder: Path) -> Places:
    """Linux's places under `folder`, with no systemctl or systemd-run."""
    return Places(folder / "cache", folder / "config" / "systemd" / "user", folder / "LaunchAgents", None, None,
                  "linux")


def recording_tool(folder: Path, name: str) -> tuple[str, Path]:
    """A stand-in in `folder` for the system tool `name` (systemctl, systemd-run) that notes
    each call's arguments, a line each: (its path, the file of notes)."""
    calls = folder / f"{name}.calls"
    fake = folder / name
    fake.write_text(f'#!/bin/sh\necho "$@" >> {calls}\n', encoding="utf-8")
    fake.chmod(0o755)
    return str(fake), calls


def args(data_dir: Path, *argv: str) -> argparse.Namespace:
    return build_parser().parse_args(["--data-dir", str(data_dir), *argv])
