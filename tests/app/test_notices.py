"""Every notice the app shows goes through one door that makes its text printable: a
sync tool's copy named with escape codes cannot retitle the terminal or clear the screen."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.app import App

from tests.factory import make_app

RAW = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


async def test_a_conflict_copy_named_with_escape_codes_is_named_escaped_in_the_notice(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch):
    (data_dir / "gluteui (\x1b]0;owned\x07\x1b[2J).json").write_text("not json")
    shown: list[tuple[str, str]] = []
    notify = App.notify

    def recorded(app, message, **kwargs):  # what reaches Textual itself, after our door
        shown.append((message, kwargs.get("title", "")))
        notify(app, message, **kwargs)

    monkeypatch.setattr(App, "notify", recorded)
    app = make_app(data_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
    (notice,) = [message for message, title in shown if "sync tool's copy" in message]
    assert RAW.search(notice) is None and "\\x1b]0;owned\\x07" in notice
