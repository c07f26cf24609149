"""The hub on a real event loop: only changes are sent, a slow phone gets the newest state
and holds no one up, and only valid commands reach the player."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace

from gluteui.remote.hub import Hub
from tests.remote.routine import routine_states, state_at

STATES = routine_states()[:6]


class Phone:
    """A follower's sending end that keeps what it was sent; `hold` blocks it mid-send."""

    def __init__(self) -> None:
        self.got: list[dict[str, object]] = []
        self.hold = asyncio.Event()
        self.hold.set()
        self.arrived = asyncio.Condition()

    async def send(self, message: str) -> None:
        await self.hold.wait()
        async with self.arrived:
            self.got.append(json.loads(message))
            self.arrived.notify_all()

    async def wait_for(self, count: int) -> None:
        async with self.arrived:
            await asyncio.wait_for(self.arrived.wait_for(lambda: len(self.got) >= count), 5)

    def seqs(self) -> list[object]:
        return [message["seq"] for message in self.got]


def hub(commands: list[tuple[str, int | None]] | None = None) -> Hub:
    return Hub(lambda name, arg: (commands if commands is not None else []).append((name, arg)))


async def test_only_changes_are_sent():
    center, phone = hub(), Phone()
    center.follow(phone.send)
    for state in STATES:
        for _ in range(3):  # the player publishes on every tick; most ticks change nothing
            center.publish(state)
        await phone.wait_for(center.seq)
    assert center.seq == len(STATES)
    assert [message["state"] for message in phone.got] == [state.as_json() for state in STATES]


async def test_a_phone_that_joins_late_gets_the_state_at_once():
    center, phone = hub(), Phone()
    center.publish(STATES[0])
    center.publish(STATES[1])
    center.follow(phone.send)
    await phone.wait_for(1)
    assert phone.got == [{"seq": 2, "state": STATES[1].as_json()}]


async def test_no_routine_is_a_state_too():
    center, phone = hub(), Phone()
    center.follow(phone.send)
    center.publish(None)
    center.publish(None)
    await phone.wait_for(1)
    assert phone.got == [{"seq": 1, "state": None}]


async def test_a_slow_phone_skips_to_the_newest_state_and_holds_no_one_up():
    center, slow, quick = hub(), Phone(), Phone()
    center.follow(slow.send)
    center.follow(quick.send)
    slow.hold.clear()  # its first send blocks, as on a full socket
    for state in STATES:
        center.publish(state)
        await quick.wait_for(center.seq)
    assert quick.seqs() == list(range(1, len(STATES) + 1))
    slow.hold.set()
    await slow.wait_for(2)
    assert slow.seqs() == [1, len(STATES)]  # what it was sending, then the newest; nothing stale


async def test_a_phone_that_leaves_is_sent_nothing_more():
    center, leaving, staying = hub(), Phone(), Phone()
    follower = center.follow(leaving.send)
    center.follow(staying.send)
    center.publish(STATES[0])
    await leaving.wait_for(1)
    center.unfollow(follower)
    assert center.followers == 1
    center.publish(STATES[1])
    await staying.wait_for(2)  # the loop has run every follower's turn
    assert leaving.seqs() == [1]


async def test_a_phone_gone_mid_send_troubles_no_other():
    center, phone = hub(), Phone()

    async def gone(message: str) -> None:
        raise ConnectionResetError("the phone went away")

    center.follow(gone)
    center.follow(phone.send)
    for state in STATES[:3]:
        center.publish(state)
        await phone.wait_for(center.seq)
    assert phone.seqs() == [1, 2, 3]


def test_valid_commands_reach_the_player_and_nothing_else_does():
    commands: list[tuple[str, int | None]] = []
    center = hub(commands)
    center.publish(state_at(6.5))
    for text in ('{"command": "pause"}', '{"command": "easier", "arg": 2}', '{"command": "easier", "arg": 3}',
                 '{"command": "where", "arg": 5}', "nonsense", '{"command": "carry_on"}'):
        center.receive(text)
    assert commands == [("pause", None), ("easier", 2), ("where", 5)]
    center.publish(replace(state_at(6.5), easier=()))
    center.receive('{"command": "easier", "arg": 0}')
    assert commands[-1] == ("where", 5)


async def test_the_app_hears_how_many_phones_follow():
    counts: list[int] = []
    center = Hub(lambda name, arg: None, counts.append)
    first = center.follow(Phone().send)
    center.follow(Phone().send)
    center.unfollow(first)
    assert counts == [1, 2, 1]
