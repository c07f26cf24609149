"""The remote's address as a QR code in text, two modules to a character cell.

Each cell is one of " ", "▀", "▄", "█": its upper and lower halves are one module each, ink
for a dark module. Show the lines dark on light (e.g. a Static with `color: black;
background: white`): a phone's camera looks for dark modules on a light ground, and a
dark terminal's default colours would turn the code inside out.
"""

from __future__ import annotations

QUIET_ZONE = 4
"""Modules of light border on every side, as the QR standard asks."""
CELLS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}
"""(upper module dark, lower module dark) -> the character that inks exactly those."""


def qr_lines(text: str, border: int = QUIET_ZONE) -> list[str]:
    """`text` (the page's URL) as a QR code: equal-length lines of half-block characters."""
    # Loaded here, not at import: only a started remote draws a code. make_qr, not make:
    # never a Micro QR, which phone cameras do not read.
    import segno

    rows = [tuple(bool(module) for module in row) for row in segno.make_qr(text).matrix_iter(border=border)]
    if len(rows) % 2:
        rows.append((False,) * len(rows[0]))  # an odd last row pairs with light
    return [
        "".join(CELLS[upper, lower] for upper, lower in zip(top, bottom, strict=True))
        for top, bottom in zip(rows[::2], rows[1::2], strict=True)
    ]
