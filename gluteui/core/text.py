"""Formatting for people, in one place: clock times, distances, counts with their plurals,
and untrusted text made safe to print."""

from __future__ import annotations

import math
import re


def clock(seconds: float) -> str:
    """Seconds as m:ss, rounded up so a countdown never shows 0:00 early."""
    whole = math.ceil(max(seconds, 0.0) - 1e-9)
    return f"{whole // 60}:{whole % 60:02d}"


def distance(meters: float, places: int = 1) -> str:
    """A run's distance as a runner reads it: "5.4 km" (`places` decimals)."""
    return f"{meters / 1000:.{places}f} km"


def counted(count: int, word: str, words: str | None = None) -> str:
    """A count and its word: "1 day", "3 days" (`words` is an irregular plural)."""
    return f"{count} {plural(count, word, words)}"


def plural(count: int, word: str, words: str | None = None) -> str:
    """The form of `word` that goes with `count`: "day" for 1, "days" otherwise.

    `words` is an irregular plural; the number itself is the caller's (it is often bold).
    """
    return word if count == 1 else (words or word + "s")


# C0 and C1 controls (ESC starts every terminal escape; C1's CSI is one on its own), the
# line and paragraph separators, the bidirectional overrides and isolates that make text
# read in another order than it is, and the surrogates a file name's stray bytes become.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def is_printable(text: str) -> bool:
    """Whether `text` holds none of what `printable` would escape: it is one line, and safe
    to show as it is."""
    return _UNPRINTABLE.search(text) is None


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # a byte the file system's name held that is not UTF-8
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """`text` with every control, escape and direction-changing character shown escaped
    ("\\x1b", "\\n", "\\u202e"), so that text from a file or a file name can reach a
    terminal or a notice without acting on it. Everything else is left as it is."""
    return _UNPRINTABLE.sub(_escape, text)


def blanked(text: str) -> str:
    """`text` with each character `printable` would escape made a space: for a line shown
    where an escape would be noise and a control character harm (a terminal's notification)."""
    return _UNPRINTABLE.sub(" ", text)


_FORMULA_START = ("=", "+", "-", "@")


def spreadsheet_safe(text: str) -> str:
    """`text` as a CSV cell a spreadsheet shows as text: printable, and with a ' before a
    first character that would make it a formula ("=HYPERLINK(...)" in an imported id)."""
    text = printable(text)
    return "'" + text if text.startswith(_FORMULA_START) else text
