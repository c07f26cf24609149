"""The latest state, the phones following it, and the commands they send: plain asyncio,
no web library, so the rules (send only changes, never queue stale states, never wait on
a slow phone) hold whatever carries the messages.

Everything here runs on the one event loop the app runs on: `publish` is called from the
player's tick and returns at once; each phone has its own sending task.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable

from gluteui.remote.commands import parse_command
from gluteui.remote.mirror import MirrorState

OnCommand = Callable[[str, int | None], None]
"""The player's callback: a command's name and its number (None for most)."""
OnFollowers = Callable[[int], None]
"""Told how many phones follow, each time a phone comes or goes."""
Send = Callable[[str], Awaitable[None]]


class Follower:
    """One phone. Holds only the newest message: a phone that falls behind (in a pocket, on
    a weak signal) skips the states it missed instead of replaying them late."""

    def __init__(self, send: Send) -> None:
        self._send = send
        self._latest: str | None = None
        self._ready = asyncio.Event()
        self._task = asyncio.create_task(self._run())

    def offer(self, message: str) -> None:
        self._latest = message
        self._ready.set()

    async def _run(self) -> None:
        while True:
            await self._ready.wait()
            self._ready.clear()
            message, self._latest = self._latest, None
            if message is None:
                continue
            try:
                await self._send(message)
            except ConnectionError:
                return  # the phone went away; its socket's reader says goodbye for it

    def close(self) -> None:
        self._task.cancel()


class Hub:
    """The state last published, sent to every follower when it changes."""

    def __init__(self, on_command: OnCommand, on_followers: OnFollowers | None = None) -> None:
        self._on_command = on_command
        self._on_followers = on_followers
        self._followers: set[Follower] = set()
        self.state: MirrorState | None = None
        self.seq = 0
        """How many different states were published: the page shows it as data-seq, so a
        test (or a benchmark) can tell which state it is showing."""
        self._message: str | None = None

    def publish(self, state: MirrorState | None) -> None:
        """Make `state` the one every page shows (None: no routine playing). Cheap when
        nothing changed, which is most ticks; never waits for a phone."""
        if state == self.state and self._message is not None:
            return
        self.state = state
        self.seq += 1
        self._message = json.dumps({"seq": self.seq, "state": state.as_json() if state else None})
        for follower in self._followers:
            follower.offer(self._message)

    def follow(self, send: Send) -> Follower:
        """A new phone: it gets the current state at once, then every change."""
        follower = Follower(send)
        self._followers.add(follower)
        if self._message is not None:
            follower.offer(self._message)
        self._tell_followers()
        return follower

    def unfollow(self, follower: Follower) -> None:
        self._followers.discard(follower)
        follower.close()
        self._tell_followers()

    def _tell_followers(self) -> None:
        if self._on_followers is not None:
            self._on_followers(len(self._followers))

    def receive(self, text: str) -> None:
        """A message from a page: a valid command goes to the player, anything else is dropped."""
        command = parse_command(text, self.state)
        if command is not None:
            self._on_command(command.name, command.arg)

    @property
    def followers(self) -> int:
        """How many phones follow now."""
        return len(self._followers)
