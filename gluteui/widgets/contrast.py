"""WCAG 2 contrast: the text colour that reads on a background, whatever the theme.

Textual's `auto` text colour goes by perceived brightness, which on a mid-tone (Solarized's
blue, a peach) can pick the one of black and white that reads worse. Black or white, chosen
by contrast ratio, always reaches at least 4.58:1 (the ratio's square root of 21).
"""

from __future__ import annotations

from textual.color import Color

BLACK = Color(0, 0, 0)
WHITE = Color(255, 255, 255)


def luminance(color: Color) -> float:
    """WCAG 2's relative luminance, 0 (black) to 1 (white)."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = color.rgb
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(first: Color, second: Color) -> float:
    """WCAG 2's contrast ratio of two opaque colours, 1 to 21."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def readable_on(background: Color) -> Color:
    """Black or white, whichever contrasts more with `background`."""
    return BLACK if contrast(BLACK, background) >= contrast(WHITE, background) else WHITE
