"""The remote as the app sees it: start it, publish the routine's state, stop it.

    server = RemoteServer(on_command)        # cheap: nothing is loaded or bound yet
    url = await server.start()               # in the app's event loop; aiohttp loads now
    server.publish(state)                    # every tick; sent only when it changed
    await server.stop()                      # with the app

`on_command(name, arg)` is called on that same loop, once per valid command from a page,
and `on_followers(count)` each time a page comes or goes.
"""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING

from gluteui.remote.access import authority, lan_address, new_token, page_url
from gluteui.remote.hub import Hub, OnCommand, OnFollowers
from gluteui.remote.mirror import MirrorState

if TYPE_CHECKING:
    from aiohttp import web

SHUTDOWN_TIMEOUT_S = 2.0
"""A request still running at stop gets this long; the pages' sockets are closed first."""


class RemoteServer:
    """One page and its websocket on the local network, for as long as it is started."""

    def __init__(self, on_command: OnCommand, on_followers: OnFollowers | None = None) -> None:
        self._hub = Hub(on_command, on_followers)
        self._runner: web.AppRunner | None = None
        self.url: str | None = None
        """The page's address with its token while started, else None."""

    async def start(self, host: str | None = None, port: int = 0) -> str:
        """Serve on `host` (by default this machine's LAN address) and `port` (0: any free
        one) with a new token; the page's address. Started already: the same address.

        Raises OSError when the address cannot be bound (taken, or not this machine's)."""
        if self.url is not None:
            return self.url
        # Loaded here, not at import: an app that never starts the remote never pays for aiohttp.
        from aiohttp import web

        from gluteui.remote.page import load_page
        from gluteui.remote.routes import build_app

        host = host or lan_address()
        # Bound before the app is built: the page's security policy names the socket's port.
        sock = socket.create_server((host, port), family=socket.AF_INET6 if ":" in host else socket.AF_INET)
        runner: web.AppRunner | None = None
        try:
            port = sock.getsockname()[1]
            token = new_token()
            page = load_page(f"ws://{authority(host, port)}")
            runner = web.AppRunner(build_app(self._hub, token, page), handle_signals=False,
                                   access_log=None, shutdown_timeout=SHUTDOWN_TIMEOUT_S)
            await runner.setup()
            await web.SockSite(runner, sock).start()
        except BaseException:
            sock.close()
            if runner is not None and runner.server is not None:  # set up: undo it
                await runner.cleanup()
            raise
        url = page_url(host, port, token)
        self._runner, self.url = runner, url
        return url

    async def stop(self) -> None:
        """Close every page's socket and stop serving; the token dies with it. Safe to call
        when not started."""
        runner, self._runner, self.url = self._runner, None, None
        if runner is not None:
            await runner.cleanup()

    def publish(self, state: MirrorState | None) -> None:
        """Show `state` on every page (None: no routine playing). Call it on every tick:
        an unchanged state costs one comparison, and nothing here waits for a phone."""
        self._hub.publish(state)

    @property
    def followers(self) -> int:
        """How many pages follow the routine now."""
        return self._hub.followers
