"""A desktop notification asked of the terminal itself, by an OSC escape sequence.

Pure: the environment is an argument. Terminals differ in which sequence they show:
- OSC 99 (kitty's own protocol): kitty;
- OSC 777 "notify" (rxvt's extension): foot, urxvt;
- OSC 9 (iTerm2's "growl"): iTerm2, WezTerm, Ghostty.
Any other terminal (GNOME Terminal, Konsole, xterm...) would ignore the sequence and the
nudge would be lost: for those `osc_notification` gives None, and the app asks the desktop.

Every sequence ends with ST (ESC \\), never BEL: a terminal that misreads the sequence must
not ring, and the nudge never uses the bell. Inside tmux the sequence is wrapped for tmux to
pass on to the terminal outside (tmux needs `set -g allow-passthrough on` for that).
"""

from __future__ import annotations

from collections.abc import Mapping

from gluteui.core.text import blanked

ESC = "\x1b"
ST = ESC + "\\"
MAX_CHARS = 200
"""A notification is one short line: longer text is cut, as desktops cut it anyway."""

KITTY = "kitty"
RXVT = "rxvt"
ITERM = "iterm"


ITERM_PROGRAMS = ("iterm.app", "wezterm", "ghostty")
ITERM_MARKS = ("ITERM_SESSION_ID", "WEZTERM_PANE", "GHOSTTY_RESOURCES_DIR")
"""Variables iTerm2, WezTerm and Ghostty set in their shells, kept inside tmux (which
replaces TERM_PROGRAM with its own name)."""


def terminal_kind(env: Mapping[str, str]) -> str | None:
    """Which sequence this terminal shows: KITTY, RXVT, ITERM, or None for a terminal not
    known to show any.

    Read from what terminals set in the environment: KITTY_WINDOW_ID and TERM for kitty (tmux
    keeps the first from the shell that started it), TERM for foot and urxvt, TERM_PROGRAM
    and ITERM_MARKS for the rest.
    """
    term = env.get("TERM", "")
    program = env.get("TERM_PROGRAM", "").lower()
    if env.get("KITTY_WINDOW_ID") or term == "xterm-kitty" or program == "kitty":
        return KITTY
    if term.startswith(("foot", "rxvt")):
        return RXVT
    if program in ITERM_PROGRAMS or term == "xterm-ghostty" or any(env.get(mark) for mark in ITERM_MARKS):
        return ITERM
    return None


def plain_line(text: str) -> str:
    """`text` with no control characters (any could end the sequence or start another; see
    text.blanked), whitespace runs as one space, at most MAX_CHARS long."""
    line = " ".join(blanked(text).split())
    return line if len(line) <= MAX_CHARS else line[: MAX_CHARS - 1] + "…"


def osc_notification(title: str, body: str, env: Mapping[str, str]) -> str | None:
    """The escape sequence that asks this terminal (see `terminal_kind`) to show a
    notification, wrapped for tmux when $TMUX is set; None when it is not known to show one."""
    title, body = plain_line(title), plain_line(body)
    kind = terminal_kind(env)
    if kind is None:
        return None
    if kind == KITTY:
        # Two parts of one notification (i=): the title, not done yet (d=0), then the body (done).
        sequence = f"{ESC}]99;i=gluteui:d=0;{title}{ST}{ESC}]99;i=gluteui:d=1:p=body;{body}{ST}"
    elif kind == RXVT:
        # Fields are split at ';': one inside the title or body would move the rest.
        sequence = f"{ESC}]777;notify;{title.replace(';', ',')};{body.replace(';', ',')}{ST}"
    else:
        # One text only. Starting with the title (letters) also keeps it from reading as
        # ConEmu's and Windows Terminal's numbered OSC 9 commands (9;4 is a progress bar).
        sequence = f"{ESC}]9;{title}: {body}{ST}"
    if env.get("TMUX"):
        return tmux_passthrough(sequence)
    return sequence


def tmux_passthrough(sequence: str) -> str:
    """`sequence` as a DCS that tmux hands to the terminal outside it, each ESC doubled."""
    return f"{ESC}Ptmux;{sequence.replace(ESC, ESC + ESC)}{ST}"
