"""The disk under the history: full, read-only, a symlink, a folder a sync tool watches.
A write that cannot happen fails whole, in one line, and what is on disk stays as it was."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from gluteui.core.history import storage
from gluteui.core.history.store import StoreError
from tests.unit.history_kit import (  # noqa: F401 (own_cache is a fixture)
    Clock,
    data_file,
    export_doc,
    fill,
    mount_tmpfs,
    one_line_error,
    open_store,
    own_cache,
    run_cli,
    session,
    snapshot,
)
from tests.unit.history_strategies import full_export

pytestmark = pytest.mark.usefixtures("own_cache")


# Disks that are full or read-only.


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[..., Path]]:
    """Mounts a small tmpfs (the tests run as root) and unmounts it after the test."""
    mounted: list[Path] = []

    def mount(name: str) -> Path:
        mounted.append(mount_tmpfs(tmp_path / name))
        return mounted[-1]

    yield mount
    for folder in reversed(mounted):
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_an_export_onto_a_full_disk_leaves_the_old_export_whole(tmp_path: Path, tmpfs: Callable[..., Path]) -> None:
    usb = tmpfs("usb")
    old = usb / "old.json"
    old.write_text(json.dumps(full_export(), indent=1))
    folder = tmp_path / "data"
    open_store(folder).import_data(export_doc(sessions=[session(f"s{n}", day=-n).to_dict() for n in range(300)]))
    before = old.read_bytes()
    code, _, err = run_cli(folder, "export", "--out", str(old))
    assert "no space left on device" in one_line_error(code, err)
    assert old.read_bytes() == before and sorted(os.listdir(usb)) == ["old.json"]


def test_a_save_onto_a_full_disk_fails_whole_and_is_kept_until_space_is_freed(tmpfs: Callable[..., Path]) -> None:
    disk = tmpfs("disk")
    folder, work = disk / "data", disk / "work"
    store = open_store(folder, Clock(), work=work)
    store.save_session(session("s1"))
    before = data_file(folder).read_bytes()
    filler = fill(disk)
    with pytest.raises(StoreError, match="no space left on device") as caught:
        store.save_session(session("s2", day=1))
    assert "\n" not in str(caught.value)
    assert data_file(folder).read_bytes() == before
    assert [change.doc["id"] for change in store.pending] == ["s2"]
    assert [s.id for s in store.sessions()] == ["s1", "s2"], "still shown"
    code, _, err = run_cli(folder, "log")
    assert "no space left on device" in one_line_error(code, err)
    assert data_file(folder).read_bytes() == before
    assert storage.stale_temps(storage.work_folder(data_file(folder), work)) == []
    assert sorted(os.listdir(folder)) == ["backups", "gluteui.json"]
    filler.unlink()
    store.save_session(session("s3", day=2))
    assert store.pending == []
    assert [s.id for s in open_store(folder, work=work).sessions()] == ["s1", "s2", "s3"]


def test_a_copy_to_merge_on_a_full_disk_is_shown_and_merged_once_space_is_freed(
    tmp_path: Path, tmpfs: Callable[..., Path],
) -> None:
    folder = tmpfs("disk")
    run_cli(folder, "log")
    run_cli(tmp_path / "other", "log", "--date", "2024-12-01")
    copy = folder / "gluteui 2.json"
    copy.write_bytes(data_file(tmp_path / "other").read_bytes())
    before, filler = data_file(folder).read_bytes(), fill(folder)
    code, out, err = run_cli(folder, "stats", "--json")
    assert code == 0 and json.loads(out)["total_sessions"] == 2
    assert "no space left on device; your history is shown as read" in err
    assert data_file(folder).read_bytes() == before and copy.exists()
    filler.unlink()
    assert run_cli(folder, "rest")[0] == 0
    assert not copy.exists() and len(json.loads(run_cli(folder, "export")[1])["sessions"]) == 2


@pytest.mark.parametrize("with_a_copy", [False, True])
def test_a_read_only_data_folder_still_shows_and_exports(
    tmp_path: Path, tmpfs: Callable[..., Path], with_a_copy: bool,
) -> None:
    folder = tmpfs("readonly")
    run_cli(folder, "log")
    if with_a_copy:  # another machine's, left by a sync tool: shown merged, left in place
        run_cli(tmp_path / "other", "log", "--date", "2024-12-01")
        (folder / "gluteui 2.json").write_bytes(data_file(tmp_path / "other").read_bytes())
    before = snapshot(folder)
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    for command in (("stats",), ("export",)):
        code, _, err = run_cli(folder, *command)
        assert code == 0
        assert err.startswith(f"gluteui: {folder} can be read but not written (read-only file system): "
                              "your history is shown, but nothing you change is saved; export keeps a "
                              "copy elsewhere\n")
        assert ("gluteui 2.json are shown merged in" in err) == with_a_copy
    assert len(json.loads(run_cli(folder, "export")[1])["sessions"]) == 1 + with_a_copy
    assert "read-only file system" in one_line_error(*run_cli(folder, "log")[::2])
    assert snapshot(folder) == before


# The data folder is the user's: a sync tool copies whatever is in it.


@pytest.mark.parametrize("damaged", [False, True])
def test_a_symlinked_data_file_stays_a_symlink(tmp_path: Path, damaged: bool) -> None:
    real = tmp_path / "synced" / "gluteui.json"
    real.parent.mkdir()
    if damaged:
        real.write_text("{")  # set aside where it is, and the fresh file goes there too
    folder = tmp_path / "data"
    folder.mkdir()
    data_file(folder).symlink_to(real)
    clock = Clock()
    store = open_store(folder, clock)
    store.save_session(session("s1"))
    clock.advance(days=2)
    store.import_data(export_doc(sessions=[session("s2", day=1).to_dict()]))
    assert run_cli(folder, "log")[0] == 0
    store.restore(next((folder / "backups").glob("*-before-import.json")))
    assert data_file(folder).is_symlink() and os.readlink(data_file(folder)) == str(real)
    assert [s.id for s in open_store(folder).sessions()] == ["s1"]
    assert len(list(real.parent.glob("gluteui.json.corrupt-*"))) == damaged
    assert sorted(p.name for p in folder.iterdir()) == ["backups", "gluteui.json"]


def test_nothing_of_gluteuis_but_its_files_ever_appears_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "data"
    mine = {"gluteui.json.abc.tmp": b"mine", f".gluteui.json.x1y2{storage.TEMP_SUFFIX}": b"mine too",
            ".gluteui-probe-abc": b"and this", "lock": b"my lock"}
    folder.mkdir()
    for name, content in mine.items():
        (folder / name).write_bytes(content)
    made: list[Path] = []
    real_mkstemp = tempfile.mkstemp

    def watched(*args: Any, **kwargs: Any) -> tuple[int, str]:
        fd, name = real_mkstemp(*args, **kwargs)
        made.append(Path(name))
        return fd, name

    monkeypatch.setattr(storage.tempfile, "mkstemp", watched)
    clock = Clock()
    store = open_store(folder, clock, work=tmp_path / "cache")
    store.save_session(session("s1"))
    store.import_data(full_export())
    clock.advance(days=3)
    store.set_rest_day(clock.now.date(), True)
    store.back_up()
    (folder / "gluteui 2.json").write_bytes(data_file(folder).read_bytes())
    assert len(open_store(folder, clock, work=tmp_path / "cache").sessions()) == 1
    store.restore(store.backups()[-1].path)
    for command in (("log",), ("export",), ("backups", "--now")):
        assert run_cli(folder, *command)[0] == 0
    # Nothing of GluteUI's is ever made here, even for a moment: temps and the lock live elsewhere.
    assert {p.parent for p in made}.isdisjoint({folder})
    assert {p.name for p in folder.iterdir()} == {*mine, "gluteui.json", "backups"}
    assert {name: (folder / name).read_bytes() for name in mine} == mine
