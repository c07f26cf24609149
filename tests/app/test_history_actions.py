"""The history from the TUI: quitting with an unsaved change, backing up, restoring a backup."""

from __future__ import annotations

import errno
import json
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from gluteui.core.history import storage
from gluteui.core.history.store import Store
from gluteui.widgets.backup_list import BackupList
from gluteui.widgets.confirm import ConfirmDialog
from gluteui.widgets.unsaved import UnsavedDialog
from tests.factory import make_app
from tests.unit.test_store import make_session


@pytest.fixture
def full_disk_app(data_dir: Path, store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("HOME", str(tmp_path))
    app = make_app(data_dir, store=store)
    monkeypatch.setattr(app, "notify", lambda *args, **kwargs: None)
    replace = os.replace

    def data_disk_full(src: str, dst: str) -> None:
        # Only the data folder's disk is full; the home folder, where exports go, is not.
        if Path(dst).parent == data_dir:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        replace(src, dst)

    monkeypatch.setattr(storage.os, "replace", data_disk_full)
    with pytest.raises(storage.StoreError):
        store.save_session(make_session(1))  # the session the disk refused stays pending
    return app


async def test_quitting_with_an_unsaved_session_offers_to_export_it(full_disk_app, tmp_path: Path):
    async with full_disk_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(full_disk_app.screen, UnsavedDialog), "q quit at once and lost the session"
        assert "no space left on device" in str(full_disk_app.screen.query_one("#confirm-question").render())
        await pilot.press("e")
        await pilot.pause()
    [export] = tmp_path.glob("gluteui-export-*.json")
    assert [s["id"] for s in json.loads(export.read_text())["sessions"]] == ["s00001"]
    assert full_disk_app.return_code == 0


async def test_escape_stays_and_q_in_the_question_quits_anyway(full_disk_app, tmp_path: Path):
    async with full_disk_app.run_test(size=(80, 24)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(full_disk_app.screen, UnsavedDialog)
        assert full_disk_app.is_running
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
    assert not full_disk_app.is_running
    assert list(tmp_path.glob("gluteui-export-*.json")) == []


async def test_quitting_saves_first_when_the_disk_has_room_again(
    full_disk_app, store: Store, data_dir: Path, monkeypatch: pytest.MonkeyPatch,
):
    async with full_disk_app.run_test(size=(80, 24)) as pilot:
        monkeypatch.undo()  # space was freed
        await pilot.press("q")
        await pilot.pause()
    assert not full_disk_app.is_running
    assert [s.id for s in Store.open(data_dir).sessions()] == ["s00001"]


async def test_restore_a_backup_from_the_palette(data_dir: Path, monkeypatch: pytest.MonkeyPatch):
    now = [datetime(2026, 11, 20, 8, tzinfo=timezone.utc)]
    store = Store.open(data_dir, clock=lambda: now[0])
    store.save_session(make_session(1))  # 20 Nov: the first change is backed up
    now[0] += timedelta(days=1)
    store.save_session(make_session(2))  # 21 Nov: a day later, backed up again
    assert [b.why for b in store.backups()] == ["daily", "daily"]
    app = make_app(data_dir, store=store)
    async with app.run_test(size=(100, 30)) as pilot:
        app.action_restore_backup()
        await pilot.pause()
        listing = app.screen
        assert isinstance(listing, BackupList)
        assert "2 sessions" in listing.rows[0] and listing.rows[1].endswith(" 1 session")
        await pilot.press("down", "enter")  # the older backup: one session
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert [s.id for s in store.sessions()] == ["s00001"]
        assert "before-restore" in [b.why for b in store.backups()]
        assert len(app.screen_stack) == 1  # back on Home, which shows the restored history


async def test_q_mid_squeeze_test_asks_before_the_answers_are_lost(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        await pilot.press("1")  # the first answer
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert "Your 1 answer so far will not be saved" in app.screen.question
        await pilot.press("escape")  # keep going
        await pilot.pause()
        assert app.is_running and len(app.screen.attempt.answers) == 1
