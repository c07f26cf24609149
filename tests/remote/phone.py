"""A real server and a real phone for the remote's tests: the RemoteServer on an event loop
of its own, and Debian's chromium, headless at a phone's size, driven by chromedriver.

Selenium's calls block; the server gets its own thread and loop so they never hold it up,
as the app's loop is never held up by a phone.
"""

from __future__ import annotations

import asyncio
import os
import queue
import shutil
import threading
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

import pytest
from selenium import webdriver
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.wait import WebDriverWait

from gluteui.remote.mirror import MirrorState
from gluteui.remote.server import RemoteServer

T = TypeVar("T")
WAIT_S = 10.0
"""Longest wait for the page or a command; a pass takes milliseconds."""
POLL_S = 0.005
PHONE = (390, 844)
"""A phone held upright (an iPhone 12 to 15), in CSS pixels."""
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    # Without these, chromium calls Google's hosts at start: this machine reaches none.
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    # A small /dev/shm (containers) would crash the renderer.
    "--disable-dev-shm-usage",
)

Command = tuple[str, int | None]


class ServerThread:
    """A started RemoteServer on 127.0.0.1, run on its own loop in a thread."""

    def __init__(self) -> None:
        self.commands: queue.Queue[Command] = queue.Queue()
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="remote", daemon=True)
        self.thread.start()
        self.server = RemoteServer(lambda name, arg: self.commands.put((name, arg)))
        self.url = self.run(self.server.start("127.0.0.1"))

    def run(self, work: Coroutine[Any, Any, T], timeout: float = WAIT_S) -> T:
        """Run `work` on the server's loop; its result."""
        return asyncio.run_coroutine_threadsafe(work, self.loop).result(timeout)

    def publish(self, state: MirrorState | None) -> None:
        """As the player does on its tick: on the server's loop; returns once published."""
        async def publish() -> None:
            self.server.publish(state)
        self.run(publish())

    def followers(self) -> int:
        async def count() -> int:
            return self.server.followers
        return self.run(count())

    def command(self) -> Command:
        """The next command a page sent, waiting for it if need be."""
        return self.commands.get(timeout=WAIT_S)

    def stop(self) -> None:
        self.run(self.server.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(WAIT_S)
        self.loop.close()


def chromium(profile: Path) -> WebDriver:
    """Headless chromium at a phone's size with an empty profile in `profile`.

    Skips the test when chromium cannot start here, but never under CI, which installs it.
    """
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    width, height = PHONE
    options.add_experimental_option(
        "mobileEmulation", {"deviceMetrics": {"width": width, "height": height, "pixelRatio": 1.0}},
    )
    try:
        # A driver path given: Selenium Manager, which would download one, is never asked.
        return webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    except (WebDriverException, OSError, ValueError) as error:
        if os.environ.get("CI"):
            raise
        pytest.skip(f"chromium cannot start here ({CHROMIUM}, {CHROMEDRIVER}): {error}".splitlines()[0])


def wait(driver: WebDriver) -> WebDriverWait[WebDriver]:
    return WebDriverWait(driver, WAIT_S, poll_frequency=POLL_S)


READ = """
const text = (id) => document.getElementById(id).textContent;
return {
  band: text("band"), exercise: text("exercise"), phase: text("phase"), rep: text("rep"),
  of: text("of"), next: text("next"), left: text("left"), pause: text("pause"),
  paused: document.body.classList.contains("paused"),
  side: document.body.classList.contains("side-left") ? "left"
      : document.body.classList.contains("side-right") ? "right" : null,
  seq: document.documentElement.dataset.seq || null,
};
"""
"""What the page shows, read in one call."""
CAPTIONS = {"left": "\u25c0\ufe0e LEFT", "right": "RIGHT \u25b6\ufe0e"}


def shows(state: MirrorState) -> dict[str, object]:
    """What the page must show for `state` (the fields READ reads but seq)."""
    if state.side is not None:
        band = CAPTIONS[state.side]
    elif state.finished:
        band = "DONE"
    else:
        band = state.phase if state.rep is None else "BOTH SIDES"
    count = "READY?" if state.ready else state.rep if state.rep is not None else state.countdown
    return {
        "band": band, "exercise": state.exercise, "phase": "PAUSED" if state.paused else state.phase,
        "rep": "" if count is None else str(count),
        "of": f"of {state.reps}" if not state.ready and state.rep is not None and state.reps is not None else "",
        "next": "Routine done." if state.finished else f"Next: {state.next_up}" if state.next_up else "",
        "left": f"{state.time_left} left", "pause": "Go" if state.ready else "Resume" if state.paused else "Pause",
        "paused": state.paused, "side": state.side,
    }


def showing(driver: WebDriver) -> dict[str, object]:
    shown: dict[str, object] = driver.execute_script(READ)
    return shown


def wait_until_shown(driver: WebDriver, state: MirrorState) -> None:
    """Wait until the page shows `state`; on a time-out, say what it showed instead."""
    expected = shows(state)

    def matches(driver: WebDriver) -> bool:
        shown = showing(driver)
        shown.pop("seq")
        return shown == expected

    try:
        wait(driver).until(matches)
    except TimeoutException as error:
        raise AssertionError(f"the page shows {showing(driver)}, not {expected}") from error
