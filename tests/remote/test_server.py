"""Starting and stopping the remote in the caller's event loop, with aiohttp's own client."""

from __future__ import annotations

import json
import re
import socket

import aiohttp
import pytest

from gluteui.core.pain import ASKED, PLACES
from gluteui.remote.server import RemoteServer
from tests.remote.routine import state_at


def token_of(url: str) -> str:
    return url.rsplit("/", 2)[1]


def nothing(name: str, arg: int | None) -> None:
    raise AssertionError(f"no command expected, got {name} {arg}")


async def test_start_stop_and_a_new_token_each_start():
    server = RemoteServer(nothing)
    await server.stop()  # not started: nothing to do
    first = await server.start("127.0.0.1")
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+/[A-Za-z0-9_-]{22}/", first)
    assert await server.start("127.0.0.1") == first  # started already
    await server.stop()
    assert server.url is None
    second = await server.start("127.0.0.1")
    try:
        assert token_of(second) != token_of(first)
        async with aiohttp.ClientSession() as client, \
                client.get(second.replace(token_of(second), token_of(first))) as old:
            assert old.status == 403  # the old token died with its server
    finally:
        await server.stop()


async def test_a_port_in_use_is_an_error_and_leaves_it_stopped():
    with socket.create_server(("127.0.0.1", 0)) as taken:
        server = RemoteServer(nothing)
        with pytest.raises(OSError):  # noqa: PT011 (the words are the system's, in its language)
            await server.start("127.0.0.1", taken.getsockname()[1])
        assert server.url is None
    url = await server.start("127.0.0.1")
    await server.stop()
    assert url


async def test_the_page_is_private_and_confined():
    server = RemoteServer(nothing)
    url = await server.start("127.0.0.1")
    port = url.split(":")[2].split("/")[0]
    try:
        async with aiohttp.ClientSession() as client:
            async with client.get(url) as response:
                page = await response.text()
                headers = response.headers
            async with client.get(url.rstrip("/"), allow_redirects=False) as redirect:
                assert (redirect.status, redirect.headers["Location"]) == (308, f"/{token_of(url)}/")
    finally:
        await server.stop()
    assert headers["Cache-Control"] == "no-store" and headers["Referrer-Policy"] == "no-referrer"
    policy = headers["Content-Security-Policy"]
    assert "default-src 'none'" in policy and f"connect-src 'self' ws://127.0.0.1:{port}" in policy
    assert re.search(r"script-src 'sha256-[A-Za-z0-9+/=]{44}'", policy)
    # The pain dialog's words, as the terminal says them, in a data element that cannot be closed early.
    data = re.search(r'<script id="texts" type="application/json">(.*?)</script>', page)
    assert data is not None
    words = json.loads(data.group(1))
    assert words["places"] == [[place, PLACES[place]] for place in ASKED]


async def test_stopping_closes_the_pages_sockets_at_once():
    server = RemoteServer(nothing)
    url = await server.start("127.0.0.1")
    server.publish(state_at(6.5))
    async with aiohttp.ClientSession() as client, client.ws_connect(url + "ws") as socket_:
        first = await socket_.receive_json()
        assert first["state"]["rep"] == 2 and server.followers == 1
        await server.stop()
        closing = await socket_.receive()
        assert closing.type == aiohttp.WSMsgType.CLOSE and closing.data == aiohttp.WSCloseCode.GOING_AWAY
