"""ALSA's messages kept off the screen.

libasound prints every configuration error straight to file descriptor 2 ("ALSA lib
confmisc.c:855:(parse_card) cannot find card '0'", some 30 lines on a machine without a
sound card), which is the terminal Textual draws on. Its error handler is replaced, once
per process, by one that keeps the messages for the sound log instead.
"""

from __future__ import annotations

import ctypes
from collections import deque
from functools import cache

LOG_LINES = 200
ALSA_LIBRARY = "libasound.so.2"

messages: deque[str] = deque(maxlen=LOG_LINES)
"""What ALSA said since the handler was installed, oldest first."""

# The handler is variadic in C; the fixed arguments are all it needs (the format is kept
# unfilled: enough to tell what failed where).
_HANDLER_TYPE = ctypes.CFUNCTYPE(
    None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
)


def _keep(file: bytes | None, line: int, function: bytes | None, error: int, text: bytes | None) -> None:
    def word(raw: bytes | None) -> str:
        return (raw or b"").decode(errors="replace")

    messages.append(f"ALSA lib {word(file)}:{line}:({word(function)}) {word(text)}")


_handler = _HANDLER_TYPE(_keep)  # kept alive as long as the process: ALSA holds a pointer to it


@cache
def quiet_alsa() -> bool:
    """Send ALSA's error messages to `messages` instead of the terminal, once per process;
    False without ALSA."""
    try:
        library = ctypes.CDLL(ALSA_LIBRARY)
    except OSError:
        return False
    library.snd_lib_error_set_handler(_handler)
    return True
