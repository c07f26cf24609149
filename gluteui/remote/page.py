"""The page the phone loads: page.html from the package, with the pain dialog's words
filled in from gluteui.core.pain, and a Content-Security-Policy that runs only the page's
own inline style and script and lets it connect only to this server."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from gluteui.core.pain import (
    ASKED,
    PLACES,
    RULE,
    STOP_TODAY,
    STOPS_THE_ROUTINE,
    WHY_STOP,
)

TEMPLATE = Path(__file__).with_name("page.html")
"""Beside this module, so the wheel ships it inside the package."""
TEXTS_MARK = "/*TEXTS*/"
"""Where page.html takes the pain dialog's words, inside a JSON script element."""
_INLINE = re.compile(r"<(style|script)>(.*?)</\1>", re.DOTALL)
"""The page's own style and script (the words' element has a type, so it is not matched)."""


@dataclass(frozen=True)
class Page:
    html: bytes
    policy: str
    """The Content-Security-Policy header to send with it."""


def texts() -> dict[str, object]:
    """The words the page's "it hurts" steps say, as the terminal's dialog says them."""
    return {
        "places": [[place, PLACES[place]] for place in ASKED],
        "stops": STOPS_THE_ROUTINE,
        "rule": RULE,
        "stop_today": STOP_TODAY,
        "why_stop": WHY_STOP,
    }


def load_page(socket_origin: str) -> Page:
    """The page, allowed to open a websocket to `socket_origin` ("ws://host:port") only."""
    template = TEMPLATE.read_text(encoding="utf-8")
    # "<" escaped, so no text can close the script element it sits in.
    words = json.dumps(texts()).replace("<", "\\u003c")
    html = template.replace(TEXTS_MARK, words)
    hashes: dict[str, list[str]] = {"style": [], "script": []}
    for kind, body in _INLINE.findall(html):
        digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
        hashes[kind].append(f"'sha256-{digest}'")
    policy = "; ".join((
        "default-src 'none'",
        f"style-src {' '.join(hashes['style'])}",
        f"script-src {' '.join(hashes['script'])}",
        # 'self' does not cover ws: in every browser a phone may have (older Safari).
        f"connect-src 'self' {socket_origin}",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    ))
    return Page(html.encode(), policy)
