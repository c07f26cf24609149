"""The remote's web side (aiohttp): one page and one websocket, both under /<token>/.

Imported only when the remote starts (by gluteui.remote.server), so aiohttp is loaded then.
Every request whose path does not begin with the token gets a bare 403: no page, no
socket, no state, not even a hint of which paths exist.
"""

from __future__ import annotations

from aiohttp import WSCloseCode, WSMsgType, web
from aiohttp.typedefs import Handler

from gluteui.remote.access import token_matches
from gluteui.remote.commands import MAX_MESSAGE_BYTES
from gluteui.remote.hub import Hub
from gluteui.remote.page import Page

HEARTBEAT_S = 10.0
"""A phone that locks its screen or leaves the network is noticed, and let go, in 10 s."""
PRIVATE = {
    "Cache-Control": "no-store",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}
"""The token is a secret: no cache keeps the page and no link would pass its address on."""


def build_app(hub: Hub, token: str, page: Page) -> web.Application:
    """The web application: `page` at /<token>/, the websocket at /<token>/ws."""
    sockets: set[web.WebSocketResponse] = set()

    @web.middleware
    async def guard(request: web.Request, handler: Handler) -> web.StreamResponse:
        first = request.path.split("/")[1]
        if not token_matches(first, token):
            return web.Response(status=403, text="Forbidden", headers=PRIVATE)
        return await handler(request)

    async def show_page(request: web.Request) -> web.Response:
        return web.Response(
            body=page.html, content_type="text/html", charset="utf-8",
            headers=PRIVATE | {"Content-Security-Policy": page.policy},
        )

    async def to_page(request: web.Request) -> web.Response:
        # The page finds its socket relative to its own address, which must end in "/".
        raise web.HTTPPermanentRedirect(f"/{token}/", headers=PRIVATE)

    async def socket(request: web.Request) -> web.WebSocketResponse:
        origin = request.headers.get("Origin")
        if origin is not None and origin != f"{request.scheme}://{request.host}":
            # Another site's page in the phone's browser may not drive the routine.
            raise web.HTTPForbidden(headers=PRIVATE)
        ws = web.WebSocketResponse(heartbeat=HEARTBEAT_S, max_msg_size=MAX_MESSAGE_BYTES, compress=False)
        await ws.prepare(request)
        sockets.add(ws)
        follower = hub.follow(ws.send_str)
        try:
            async for message in ws:
                if message.type == WSMsgType.TEXT:
                    hub.receive(message.data)
        finally:
            hub.unfollow(follower)
            sockets.discard(ws)
        return ws

    async def close_sockets(app: web.Application) -> None:
        # Open sockets would hold the server's shutdown until its timeout: close them first.
        for ws in set(sockets):
            await ws.close(code=WSCloseCode.GOING_AWAY, message=b"GluteUI stopped the remote")

    app = web.Application(middlewares=[guard])
    app.on_shutdown.append(close_sockets)
    app.router.add_get(f"/{token}", to_page)
    app.router.add_get(f"/{token}/", show_page)
    app.router.add_get(f"/{token}/ws", socket)
    return app
