"""The phone remote in the app: the real server on 127.0.0.1, phones played by aiohttp's
websocket client, the routine on the fake clock. Started from the palette, it shows the QR
code and the address; the phones follow the routine and each button acts as its key."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
import pytest

from gluteui.core.history.store import Store
from gluteui.core.pain import PLACES
from gluteui.remote.access import NO_NETWORK
from gluteui.screens.summary import SummaryScreen
from gluteui.widgets.pain import PainDialog
from gluteui.widgets.remote import RemoteDialog
from tests.app.test_routine import advance_to, start
from tests.factory import advance_clock, make_app, screen_text, visible

WAIT_S = 5.0
"""Longest wait for a message from the app; a pass takes milliseconds."""
State = dict[str, Any]


def remote_app(data_dir, store: Store, **overrides: object):
    return make_app(data_dir, store=store, remote_host=NO_NETWORK, **overrides)


async def settle(pilot) -> None:
    """Let the remote's worker, and the messages it posts, run."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def from_palette(pilot, title: str) -> None:
    """Choose `title` in the command palette, as the user would: Ctrl+P, type it, Enter."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await pilot.press(*title)
    await settle(pilot)
    await pilot.pause(0.1)  # the palette searches as it is typed
    await pilot.press("enter")
    await settle(pilot)


async def start_remote(pilot) -> str:
    await from_palette(pilot, "Phone as remote")
    remote = pilot.app.services.remote
    assert remote is not None and remote.url is not None
    return remote.url


class Phone:
    """A page's websocket: what the app sent it, newest last."""

    def __init__(self, socket_: aiohttp.ClientWebSocketResponse) -> None:
        self.socket = socket_
        self.state: State | None = None
        self.seq = 0

    async def until(self, wanted: Callable[[State | None], bool], pilot=None) -> State | None:
        """Read states until one is `wanted` (or fail after WAIT_S); the app keeps running."""
        async def read() -> State | None:
            while not wanted(self.state) or self.seq == 0:
                message = await self.socket.receive()
                assert message.type == aiohttp.WSMsgType.TEXT, message
                data = json.loads(message.data)
                self.seq, self.state = data["seq"], data["state"]
            return self.state

        return await asyncio.wait_for(read(), WAIT_S)

    async def press(self, command: str, arg: int | None = None) -> None:
        await self.socket.send_str(json.dumps({"command": command} if arg is None else {"command": command, "arg": arg}))


@asynccontextmanager
async def phones(url: str, count: int = 1) -> AsyncIterator[list[Phone]]:
    async with aiohttp.ClientSession() as client:
        sockets = [await client.ws_connect(url + "ws") for _ in range(count)]
        try:
            yield [Phone(s) for s in sockets]
        finally:
            for s in sockets:
                await s.close()


@asynccontextmanager
async def routine_with_a_phone(data_dir, store: Store) -> AsyncIterator[tuple[Any, Any, Any, Phone]]:
    """(app, pilot, the player, a phone following): the remote on, its code closed, the
    routine started from Home."""
    app = remote_app(data_dir, store)
    async with app.run_test(size=(80, 24)) as pilot:
        url = await start_remote(pilot)
        await pilot.press("escape")
        async with phones(url) as (phone,):
            yield app, pilot, await start(pilot), phone


async def to_rep_two(pilot, screen) -> None:
    """Half a second into the first set's second rep."""
    up = next(p for p in screen.workout.timeline.phases if p.kind == "up" and p.rep == 2)
    await advance_to(pilot, up.start + 0.5)


def port_of(url: str) -> int:
    return int(url.split(":")[2].split("/")[0])


def port_open(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex((NO_NETWORK, port)) == 0


def address_shown(app) -> str:
    """The address in the dialog, once it is seen to be whole on the screen."""
    shown = app.screen.query_one("#remote-url")
    assert app.screen.region.contains_region(shown.region), (shown.region, app.screen.region)
    return "".join(str(shown.render()).split())


def phase(state: State | None) -> tuple[object, ...] | None:
    return None if state is None else (state["side"], state["rep"], state["phase"])


async def test_off_by_default_then_the_palette_shows_the_code_and_the_address(data_dir, store):
    app = remote_app(data_dir, store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.services.remote is None
        url = await start_remote(pilot)
        assert isinstance(app.screen, RemoteDialog)
        shown = screen_text(app)
        assert "▀" in shown and "█" in shown  # the code, in half blocks
        assert address_shown(app) == url
        warning = app.screen.query_one("#remote-warning")
        assert " ".join(str(warning.render()).split()) == f"Only {NO_NETWORK} here: no network, so a phone cannot reach it."
        code = app.screen.query_one("#remote-qr")
        assert code.display and (code.styles.color.hex, code.styles.background.hex) == ("#000000", "#FFFFFF")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, RemoteDialog) and app.services.remote is not None
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Phone remote: show the address", "Stop the phone remote"} <= titles
        assert "Phone as remote" not in titles


async def test_at_60x20_the_dialog_fits_and_says_so_when_the_code_does_not(data_dir, store):
    app = remote_app(data_dir, store)
    async with app.run_test(size=(60, 20)) as pilot:
        url = await start_remote(pilot)
        assert app.screen.query_one("#remote-qr").display  # a 127.0.0.1 address: a small code
        shown = visible(screen_text(app))
        assert "Esc closes this" in shown
        await pilot.resize_terminal(50, 14)
        await pilot.pause()
        assert not app.screen.query_one("#remote-qr").display
        shown = visible(screen_text(app))
        assert "too small for the QR code" in shown
        assert address_shown(app) == url


async def test_without_the_token_nothing_is_served(data_dir, store):
    app = remote_app(data_dir, store)
    async with app.run_test(size=(80, 24)) as pilot:
        url = await start_remote(pilot)
        base, token = url.rstrip("/").rsplit("/", 1)
        async with aiohttp.ClientSession() as client:
            for wrong in (f"{base}/", f"{base}/{token[::-1]}/", f"{base}/{token[:-1]}/ws", f"{base}/ws"):
                async with client.get(wrong) as response:
                    assert (response.status, await response.text()) == (403, "Forbidden"), wrong
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await client.ws_connect(f"{base}/{token[::-1]}/ws")
            assert refused.value.status == 403
            async with client.get(url) as response:
                assert response.status == 200


async def test_the_phones_follow_the_routine_on_its_clock(data_dir, store):
    app = remote_app(data_dir, store)
    async with app.run_test(size=(80, 24)) as pilot:
        url = await start_remote(pilot)
        await pilot.press("escape")
        async with phones(url, 2) as (first, second):
            for phone in (first, second):
                assert await phone.until(lambda s: True) is None  # no routine yet
            screen = await start(pilot)
            await settle(pilot)
            assert "phone remote: 2 phones" in screen.title
            phases = screen.workout.timeline.phases
            up = next(p for p in phases if p.kind == "up")
            switch = next(p for p in phases if p.kind == "switch")
            for phone in (first, second):
                state = await phone.until(lambda s: s is not None)
                assert (state["side"], state["phase"], state["paused"]) == ("left", "GET READY", False)
            await advance_to(pilot, up.start + 0.5)
            for phone in (first, second):
                await phone.until(lambda s: phase(s) == ("left", 1, "OPEN"))
            await advance_to(pilot, switch.start + 0.5)
            for phone in (first, second):
                state = await phone.until(lambda s: phase(s) == ("right", None, "SWITCH SIDES"))
                assert state["next_up"].startswith("Clamshell")
            assert first.seq == second.seq
        await settle(pilot)
        assert "phone remote: no phones" in screen.title


async def test_pause_resume_next_and_stop_from_the_phone(data_dir, store):
    app = remote_app(data_dir, store)
    async with app.run_test(size=(80, 24)) as pilot:
        url = await start_remote(pilot)
        async with phones(url) as (phone,):
            await pilot.press("escape")
            screen = await start(pilot)
            app.action_start_remote()  # the code again, over the routine: it holds still
            await pilot.pause()
            assert isinstance(app.screen, RemoteDialog) and screen.workout.stopwatch.paused
            await phone.until(lambda s: s is not None and s["paused"])
            await phone.press("resume")  # a phone's first button closes it, and acts
            await phone.until(lambda s: s is not None and not s["paused"])
            assert app.screen is screen
            phases = screen.workout.timeline.phases
            up2 = next(p for p in phases if p.kind == "up" and p.rep == 2)
            await advance_to(pilot, up2.start + 0.2)
            await phone.until(lambda s: phase(s) == ("left", 2, "OPEN"))
            await phone.press("pause")
            await phone.until(lambda s: s is not None and s["paused"])
            assert screen.workout.stopwatch.paused and app.screen is screen
            await phone.press("resume")
            state = await phone.until(lambda s: s is not None and not s["paused"])
            assert not screen.workout.stopwatch.paused and state["phase"] == "GET READY"  # the count-in
            await advance_clock(pilot, 4.0)  # past the count-in, back in rep 2
            await phone.until(lambda s: phase(s) == ("left", 2, "OPEN"))
            await phone.press("next")  # the rest of the set skipped: switch sides
            await phone.until(lambda s: phase(s) == ("right", None, "SWITCH SIDES"))
            await advance_to(pilot, screen.workout.timeline.phases[-1].start - 30)
            done = screen.workout.done_reps(app.config.monotonic())
            await phone.press("stop")
            assert await phone.until(lambda s: s is None) is None
            await pilot.pause()
            assert isinstance(app.screen, SummaryScreen)
    [session] = Store.open(data_dir).sessions()
    assert sum(sum(sides.values()) for sides in session.reps.values()) == done > 0


async def test_it_hurts_from_the_phone_then_where_then_easier(data_dir, store):
    async with routine_with_a_phone(data_dir, store) as (app, pilot, screen, phone):
        clamshell = app.services.content.exercises["clamshell"]
        await to_rep_two(pilot, screen)
        await phone.until(lambda s: phase(s) == ("left", 2, "OPEN"))
        await phone.press("hurts")
        state = await phone.until(lambda s: s is not None and s["hurting"])
        assert state["paused"] and state["hurt_where"] is None and state["easier"] == list(clamshell.easier[:3])
        assert isinstance(app.screen, PainDialog)
        await phone.press("where", 2)
        await phone.until(lambda s: s is not None and s["hurt_where"] == "buttock")
        assert app.screen.where == "buttock" and PLACES["buttock"] in visible(screen_text(app))
        await phone.press("easier", 0)
        state = await phone.until(lambda s: s is not None and not s["hurting"])
        assert not state["paused"] and app.screen is screen
    [session] = Store.open(data_dir).sessions()
    assert session.pain == {"clamshell": "easier"}
    assert session.easier == {"clamshell": clamshell.easier[0]}
    assert session.hurt == {"clamshell": {"where": "buttock", "side": "left"}}


async def test_the_terminals_pain_keys_show_on_the_phone_and_its_skip_answers(data_dir, store):
    async with routine_with_a_phone(data_dir, store) as (app, pilot, screen, phone):
        await to_rep_two(pilot, screen)
        await pilot.press("h", "1")
        await phone.until(lambda s: s is not None and s["hurt_where"] == "side_of_hip")
        await phone.press("skip_move")
        await phone.until(lambda s: s is not None and not s["hurting"])
        assert app.screen is screen
    [session] = Store.open(data_dir).sessions()
    assert session.pain == {"clamshell": "skipped"}


async def test_go_on_the_phone_starts_a_lead_in_that_waits(data_dir, store):
    store.set_setting("lead_in", "space")
    async with routine_with_a_phone(data_dir, store) as (_app, pilot, screen, phone):
        await advance_to(pilot, 0.5)
        state = await phone.until(lambda s: s is not None and s["ready"])
        assert not state["paused"] and screen.workout.waiting
        await phone.press("resume")
        await phone.until(lambda s: s is not None and not s["ready"])
        assert not screen.workout.waiting and not screen.workout.stopwatch.paused


async def test_the_phones_stop_answers_the_terminals_stop_question(data_dir, store):
    async with routine_with_a_phone(data_dir, store) as (app, pilot, screen, phone):
        await pilot.press("escape")  # "Stop the routine here?"
        await pilot.pause()
        assert app.screen is not screen
        await phone.press("stop")
        assert await phone.until(lambda s: s is None) is None
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)


async def test_stopping_the_remote_from_the_palette_closes_the_port(data_dir, store):
    app = remote_app(data_dir, store)
    async with app.run_test(size=(80, 24)) as pilot:
        url = await start_remote(pilot)
        await pilot.press("escape")
        async with phones(url) as (phone,):
            await phone.until(lambda s: True)
            await from_palette(pilot, "Stop the phone remote")
            closing = await asyncio.wait_for(phone.socket.receive(), WAIT_S)
            assert closing.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
        assert app.services.remote is None and not port_open(port_of(url))
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert "Phone as remote" in titles


@pytest.mark.parametrize("mid_routine", [False, True])
async def test_quitting_the_app_stops_the_remote(data_dir, store, mid_routine: bool):
    app = remote_app(data_dir, store, remote=True)  # as with --remote
    async with aiohttp.ClientSession() as client:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            assert isinstance(app.screen, RemoteDialog)
            url = app.services.remote.url
            await pilot.press("escape")
            if mid_routine:
                await start(pilot)
            phone = Phone(await client.ws_connect(url + "ws"))
            await phone.until(lambda s: (s is not None) == mid_routine)
            await pilot.press("ctrl+q")  # quits at once, a routine keeping what was done
        # Mid-routine, the phone hears the routine end before its page closes.
        assert await phone.until(lambda s: s is None) is None
        closing = await asyncio.wait_for(phone.socket.receive(), WAIT_S)
        assert closing.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED)
    assert not port_open(port_of(url))
    stray = [t for t in asyncio.all_tasks() if not t.done() and "gluteui" in repr(t.get_coro())]
    assert stray == []
