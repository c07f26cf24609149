"""The `gluteui` command. Subcommands that need no TUI never import Textual."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from gluteui import locations
from gluteui.core.content import ContentError, load_content
from gluteui.config import local_now
from gluteui.core.store import Store, StoreError
from gluteui.cli_data import DEMO_DAYS, add_data_commands, fill_demo, run_data_command
from gluteui.errors import UserError


def app_version() -> str:
    try:
        return version("gluteui")
    except PackageNotFoundError:
        return "unknown (not installed)"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gluteui",
        description="Wake up your glutes before a run: lessons, a squeeze test, "
        "a guided five-minute routine and streaks.",
    )
    parser.add_argument("--version", action="version", version=f"gluteui {app_version()}")
    parser.add_argument(
        "--data-dir", metavar="PATH",
        help=f"where your history is kept (also ${locations.DATA_DIR_ENV})",
    )
    parser.add_argument("--no-sound", action="store_true", help="cue by bell and flash only")
    parser.add_argument(
        "--reduced-motion", action="store_true",
        help="hold figures still and never flash (also TEXTUAL_ANIMATIONS=none)",
    )
    parser.add_argument("--theme", metavar="NAME", help="a Textual theme, e.g. nord, gruvbox")
    parser.add_argument(
        "--demo", action="store_true",
        help="try the app on half a year of made-up history (in a temporary folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = sub.add_parser("check-content", help="validate a content folder and list every error")
    check.add_argument("folder", nargs="?", metavar="DIR", help="default: the bundled content")
    add_data_commands(sub)
    return parser


def check_content(folder: str | None) -> int:
    path = Path(folder) if folder else locations.content_dir()
    try:
        content = load_content(path)
    except ContentError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        print(f"{len(error.problems)} problem(s) in {path}", file=sys.stderr)
        return 1
    print(
        f"{path}: OK ({len(content.exercises)} exercises, {len(content.routines)} routines, "
        f"{len(content.lessons)} lessons)"
    )
    return 0


def launch(args: argparse.Namespace, data_dir: Path) -> int:
    # Imported here so that the data subcommands never pay for Textual.
    from gluteui.config import AppConfig
    from gluteui.tui import run_tui

    reduced = args.reduced_motion or os.environ.get("TEXTUAL_ANIMATIONS", "").lower() == "none"
    config = AppConfig(
        data_dir=data_dir,
        content_dir=locations.content_dir(),
        sound=not args.no_sound,
        reduced_motion=reduced,
        theme=args.theme,
    )
    return run_tui(config)


def launch_demo(args: argparse.Namespace) -> int:
    """The TUI on a throwaway folder holding half a year of made-up history."""
    with tempfile.TemporaryDirectory(prefix="gluteui-demo-") as folder:
        store = Store.open(Path(folder))
        fill_demo(store, DEMO_DAYS, store.history().day_of(local_now()))
        return launch(args, Path(folder))


def main(argv: Sequence[str] | None = None, now: Callable[[], datetime] = local_now) -> int:
    """Run the command line; `now` is the wall clock (tests freeze it)."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "check-content":
            return check_content(args.folder)
        if args.command is not None:
            return run_data_command(args, now())
        if args.demo:
            return launch_demo(args)
        return launch(args, locations.data_dir(args.data_dir))
    except (UserError, ContentError, StoreError) as error:
        print(f"gluteui: {error}", file=sys.stderr)
        return 2
