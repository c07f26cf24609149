"""The one door the data subcommands print through: every line is made printable first,
since most of them hold a path, a file name or text read from a file."""

from __future__ import annotations

import sys

from gluteui.core.text import printable


def say(line: str) -> None:
    """One line of the command's answer, on standard output."""
    print(printable(line))


def warn(line: str) -> None:
    """One line for the user beside the answer (a notice, a file written), on standard error."""
    print(printable(line), file=sys.stderr)
