"""The page's buttons as commands, and the door they come through: a message from the
network is checked here before the player hears of it.

A message is JSON, `{"command": "pause"}` or `{"command": "easier", "arg": 0}`; anything
else (an unknown name, a missing or out-of-range number, a number where none belongs) is
dropped, so the player's callback only ever sees the names and arguments listed here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Literal, cast, get_args

from gluteui.core.pain import ASKED
from gluteui.remote.mirror import MirrorState

CommandName = Literal[
    "pause", "resume", "hurts", "where", "easier", "skip_move", "stay_paused", "next", "stop",
]
"""pause, resume; hurts opens the pain dialog; where (1-5, a place of core.pain.ASKED);
easier (an index into MirrorState.easier); skip_move is the dialog's reflex (skip this
move, or stop the routine once the pain is said to go down the leg); stay_paused closes it
paused; next skips the rest of this set or break; stop ends the routine (the page asked)."""
COMMANDS: frozenset[str] = frozenset(get_args(CommandName))
MAX_MESSAGE_BYTES = 256
"""Far above the longest command; the websocket refuses anything bigger."""


@dataclass(frozen=True)
class Command:
    name: CommandName
    arg: int | None = None


def parse_command(text: str, state: MirrorState | None) -> Command | None:
    """The command in the page's message `text`, or None if it is not a valid one.

    "easier" is checked against the versions `state` (the one last published) offers.
    """
    if len(text) > MAX_MESSAGE_BYTES:
        return None  # also keeps json's recursion within bounds
    try:
        message = json.loads(text)
    except ValueError:
        return None
    if not isinstance(message, dict) or set(message) - {"command", "arg"}:
        return None
    name, arg = message.get("command"), message.get("arg")
    if not isinstance(name, str) or name not in COMMANDS:
        return None
    # JSON's true and false are ints to Python: a number must be a real int.
    if arg is not None and type(arg) is not int:
        return None
    if name == "where":
        return Command("where", arg) if arg is not None and 1 <= arg <= len(ASKED) else None
    if name == "easier":
        offered = len(state.easier) if state else 0
        return Command("easier", arg) if arg is not None and 0 <= arg < offered else None
    return Command(cast(CommandName, name)) if arg is None else None
