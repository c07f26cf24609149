"""How keys are named on screen: one style in the footer, the help and the dialogs.

Named keys get their usual label (Esc, Enter, Space, PgDn), arrows their arrow, and a
modifier is spelled out: Ctrl+P, not ^p.
"""

from __future__ import annotations

NAMES = {
    "escape": "Esc", "enter": "Enter", "space": "Space", "tab": "Tab", "backspace": "Backspace",
    "delete": "Del", "pageup": "PgUp", "pagedown": "PgDn", "home": "Home", "end": "End",
    "up": "↑", "down": "↓", "left": "←", "right": "→",
    "question_mark": "?", "plus": "+", "minus": "-", "equals_sign": "=", "full_stop": ".",
    "comma": ",", "slash": "/", "left_square_bracket": "[", "right_square_bracket": "]",
}


def key_name(key: str) -> str:
    """A Textual key ("ctrl+p", "escape", "question_mark", "j") as the user reads it."""
    *modifiers, base = key.split("+")
    name = NAMES.get(base, base.upper() if modifiers and len(base) == 1 else base)
    if len(name) > 1 and name.islower():
        name = name.capitalize()  # f1 -> F1, insert -> Insert
    return "+".join([*(modifier.capitalize() for modifier in modifiers), name])
