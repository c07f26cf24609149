"""Who may see the routine: whoever holds the address with its token, and no one else.

The token is new each time the remote starts and goes only into the address the terminal
shows (as text and as a QR code); the server answers 403, and nothing else, to any
request that does not start with it.
"""

from __future__ import annotations

import secrets
import socket

TOKEN_BYTES = 16
"""128 random bits: 22 URL-safe characters, short enough for a small QR code."""
NO_NETWORK = "127.0.0.1"
UNROUTED = ("192.0.2.1", 9)
"""TEST-NET-1 (RFC 5737): connecting a UDP socket to it picks the interface the default
route leaves by, and sends nothing."""


def new_token() -> str:
    """A fresh random token for one start of the remote."""
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_matches(given: str, token: str) -> bool:
    """True if `given` is `token`, compared in constant time (a guess learns nothing from
    how long the answer took)."""
    return secrets.compare_digest(given.encode(), token.encode())


def lan_address() -> str:
    """This machine's address on the local network (the one its outward traffic leaves
    from), or 127.0.0.1 when it has no route out."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(UNROUTED)
        except OSError:
            return NO_NETWORK
        address: str = probe.getsockname()[0]
        return address


def authority(host: str, port: int) -> str:
    """host:port as an address writes it (an IPv6 host in brackets)."""
    shown = f"[{host}]" if ":" in host else host  # only IPv6 addresses hold a colon
    return f"{shown}:{port}"


def page_url(host: str, port: int, token: str) -> str:
    """The page's address: http://host:port/token/."""
    return f"http://{authority(host, port)}/{token}/"
