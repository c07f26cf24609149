"""Automatic backups: which are made, which are kept as weeks go by, and bringing one back."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gluteui.core.history import backups
from gluteui.core.history.store import Store, StoreError
from tests.unit.history_kit import (  # noqa: F401 (own_cache is a fixture)
    START,
    Clock,
    data_file,
    export_doc,
    one_line_error,
    open_store,
    own_cache,
    run_cli,
    session,
    snapshot,
)

pytestmark = pytest.mark.usefixtures("own_cache")


NOT_BACKUPS = {  # files in backups/ that rotation must never delete
    "notes.txt": b"my notes",
    "gluteui-20240101-000000-weekly.json": b"{}",  # no reason GluteUI gives
    "gluteui-20240101-000000-daily.json.bak": b"{}",
    "my-gluteui.json": b"{}",
    "merged/gluteui-20200101-000000-daily.json": b'{"kept": "forever"}',  # merged copies stay
}


def plant(folder: Path, files: dict[str, bytes]) -> None:
    for name, content in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(content)


def check_rotation(kept: list[backups.Backup], made: list[datetime], now: datetime) -> None:
    """What a user can count on: every backup of the last day, the last 7 days that had
    one and the last 4 weeks that had one; never more; the newest always."""
    kept_times = [backup.taken_at for backup in kept]
    assert kept_times[0] == made[-1], "the newest backup is kept"
    recent = sum(now - moment < timedelta(days=1) for moment in made)
    assert len(kept) <= backups.KEEP_DAILY + backups.KEEP_WEEKLY + recent
    for period, count in ((lambda m: m.date(), 7), (lambda m: m.isocalendar()[:2], 4)):
        newest: dict = {}
        for moment in made:
            newest[period(moment)] = moment
        for key in sorted(newest)[-count:]:
            assert newest[key] in kept_times, f"the newest backup of {key} is kept"


def changes_over_days(change_times: list[datetime], root: Path) -> None:
    clock = Clock()
    folder = root / "data"
    store = open_store(folder, clock)
    plant(folder / "backups", NOT_BACKUPS)
    made: list[datetime] = []
    for number, moment in enumerate(change_times):
        clock.now = moment
        if number % 3 == 2:  # as the next `gluteui` command would, now and then
            store = open_store(folder, clock)
        store.save_session(session(f"s{number}", day=number))
        due = not made or moment - made[-1] >= timedelta(days=1)
        if due:
            made.append(moment)
            backed_up = number + 1  # the change itself is in the backup
        kept = store.backups()
        assert [b.taken_at for b in kept].count(moment) == due, "a backup exactly when one is due"
        assert store.sessions_in(kept[0].path) == backed_up
        check_rotation(kept, made, moment)
    for name, content in NOT_BACKUPS.items():
        assert (folder / "backups" / name).read_bytes() == content


def test_a_change_every_day_for_sixty_days(tmp_path: Path) -> None:
    changes_over_days([START + timedelta(days=day) for day in range(60)], tmp_path)


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 23 * 60)), min_size=1, max_size=40, unique=True))
@settings(max_examples=25, deadline=None)
def test_changes_on_random_days_and_hours(changes: list[tuple[int, int]]) -> None:
    times = sorted(START + timedelta(days=day, minutes=minute) for day, minute in changes)
    with tempfile.TemporaryDirectory() as root:
        changes_over_days(times, Path(root))


def test_a_change_within_a_day_of_a_backup_makes_none(tmp_path: Path) -> None:
    clock = Clock()
    store = open_store(tmp_path / "data", clock)
    store.save_session(session("s1"))
    for step, expected in ((timedelta(hours=23, minutes=59, seconds=59), 1), (timedelta(seconds=1), 2)):
        clock.now += step
        store.set_rest_day(clock.now.date(), True)
        assert len(store.backups()) == expected


def test_a_backup_dated_in_the_future_does_not_stop_daily_backups(tmp_path: Path) -> None:
    """Another machine sharing the folder had its clock years ahead."""
    clock = Clock()
    store = open_store(tmp_path / "data", clock)
    store.save_session(session("s1"))
    ahead = tmp_path / "data" / "backups" / "gluteui-20300101-000000-daily.json"
    shutil.copy(data_file(tmp_path / "data"), ahead)
    clock.advance(days=2)
    store = open_store(tmp_path / "data", clock)  # the next time GluteUI runs
    store.save_session(session("s2", day=2))
    assert [b.why for b in store.backups() if b.taken_at == clock.now] == ["daily"]
    assert ahead.exists()


@pytest.mark.parametrize("action", ["import", "restore"])
def test_import_and_restore_always_back_up_first(tmp_path: Path, action: str) -> None:
    clock = Clock()
    store = open_store(tmp_path / "data", clock)
    store.save_session(session("s1"))  # and its daily backup, under a day old below
    source = tmp_path / "other.json"
    source.write_text(json.dumps(export_doc(sessions=[session("s7", day=-7).to_dict()])))
    for hours in (1, 2):
        clock.advance(hours=hours)
        before = data_file(tmp_path / "data").read_bytes()
        if action == "import":
            store.import_data(json.loads(source.read_text()))
        else:
            store.restore(source)
        [first] = [b for b in store.backups() if b.taken_at == clock.now]
        assert first.why == f"before-{action}" and first.path.read_bytes() == before
    assert len(store.backups()) == 3, "both kept: each is under a day old"


def test_restore_changes_nothing_when_the_backup_cannot_be_made(tmp_path: Path) -> None:
    store = open_store(tmp_path / "data", Clock())
    store.save_session(session("s1"))
    shutil.rmtree(tmp_path / "data" / "backups")
    (tmp_path / "data" / "backups").write_text("a file in the way")
    source = tmp_path / "other.json"
    source.write_text(json.dumps(export_doc(sessions=[session("s7").to_dict()])))
    before = snapshot(tmp_path / "data")
    for act in (lambda: store.restore(source), lambda: store.import_data(json.loads(source.read_text()))):
        with pytest.raises(StoreError, match=r"so nothing was changed$"):
            act()
        assert snapshot(tmp_path / "data") == before
    assert [s.id for s in open_store(tmp_path / "data").sessions()] == ["s1"]


# The commands.


@pytest.fixture
def with_backups(tmp_path: Path) -> Path:
    """A data folder with three backups: 1 session, 2 sessions and a damaged one."""
    clock = Clock()
    folder = tmp_path / "data"
    store = open_store(folder, clock, work=tmp_path / "work")
    store.save_session(session("s1"))
    clock.advance(days=1, hours=1)
    store.save_session(session("s2", day=1))
    clock.advance(days=1)
    store.save_session(session("s3", day=2))
    (folder / "backups" / "gluteui-20241203-120000-manual.json").write_text("{damaged")
    return folder


def test_backups_lists_date_reason_and_sessions(with_backups: Path) -> None:
    code, out, err = run_cli(with_backups, "backups")
    assert code == 0 and err == ""
    heading, *lines = out.splitlines()
    assert heading == (f"Backups in {with_backups / 'backups'}, newest first "
                       "(`gluteui restore NAME` brings one back):")
    patterns = [
        r"2024-12-03 12:00  made by you +unreadable  gluteui-20241203-120000-manual\.json",
        r"2024-12-03 11:15  after a change +3 sessions  gluteui-20241203-111500-daily\.json",
        r"2024-12-02 11:15  after a change +2 sessions  gluteui-20241202-111500-daily\.json",
        r"2024-12-01 10:15  after a change +1 session  gluteui-20241201-101500-daily\.json",
    ]
    for line, pattern in zip(lines, patterns, strict=True):
        assert re.fullmatch("  " + pattern, line), line


def test_backups_says_when_there_are_none_and_now_makes_one(tmp_path: Path) -> None:
    code, out, _ = run_cli(tmp_path / "data", "backups")
    assert code == 0 and out.startswith(f"No backups yet in {tmp_path / 'data' / 'backups'}")
    assert one_line_error(*run_cli(tmp_path / "data", "backups", "--now")[::2]).endswith("has not been written")
    run_cli(tmp_path / "data", "log")
    code, out, _ = run_cli(tmp_path / "data", "backups", "--now")
    assert code == 0 and "made by you" in out and "1 session " in out


def sessions_now(folder: Path) -> list[str]:
    return [s["id"] for s in json.loads(run_cli(folder, "export")[1])["sessions"]]


@pytest.mark.parametrize("by", ["name", "path"])
def test_restore_brings_a_listed_backup_back_and_keeps_what_was_there(with_backups: Path, by: str) -> None:
    name = "gluteui-20241201-101500-daily.json"
    code, out, err = run_cli(with_backups, "restore", name if by == "name" else str(with_backups / "backups" / name))
    assert code == 0, err
    assert out.startswith(f"Restored your history from {with_backups / 'backups' / name}")
    assert sessions_now(with_backups) == ["s1"]
    [undo] = [b for b in Store.open(with_backups).backups() if b.why == "before-restore"]
    assert run_cli(with_backups, "restore", undo.path.name)[0] == 0
    assert sessions_now(with_backups) == ["s1", "s2", "s3"]


def test_restore_takes_an_export_file_too(with_backups: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    export.write_text(json.dumps(export_doc(
        sessions=[session("e1", day=5).to_dict()], rest_days=["2024-12-04"], settings={"weekly_target": 5},
    )))
    code, _, err = run_cli(with_backups, "restore", str(export))
    assert code == 0, err
    restored = json.loads(run_cli(with_backups, "export")[1])
    assert [s["id"] for s in restored["sessions"]] == ["e1"]
    assert restored["rest_days"] == ["2024-12-04"] and restored["settings"] == {"weekly_target": 5}


@pytest.mark.parametrize(("what", "message"), [
    ("gluteui-20241203-120000-manual.json", "is not a GluteUI backup or export: invalid JSON at line 1"),
    ("gluteui-19990101-000000-daily.json", "is neither a backup in"),
    ("../nowhere.json", "is neither a backup in"),
    ("plain.txt", "is not a GluteUI backup or export"),
    ("tables.json", "is not a GluteUI backup or export: table 'sessions' is not an object"),
    ("newer.json", "was written by a newer GluteUI"),
])
def test_restore_of_what_is_not_a_backup_changes_nothing(with_backups: Path, what: str, message: str) -> None:
    (with_backups / "backups" / "plain.txt").write_text("hello")
    (with_backups / "backups" / "tables.json").write_text('{"sessions": []}')
    (with_backups / "backups" / "newer.json").write_text('{"meta": {"1": {"schema_version": 9}}}')
    target = what if what.startswith("gluteui-") else str(with_backups / "backups" / what)
    before = snapshot(with_backups)
    code, _, err = run_cli(with_backups, "restore", target)
    assert message in one_line_error(code, err)
    assert snapshot(with_backups) == before


def test_a_clock_that_jumps_ahead_and_back_deletes_no_backup_it_should_keep(tmp_path: Path) -> None:
    """Ten days of changes and an import, then one command with the clock three years ahead
    (a second machine sharing the folder), then the right clock again for three weeks."""
    clock = Clock()
    folder = tmp_path / "data"
    store = open_store(folder, clock)
    for day in range(10):
        clock.now = START + timedelta(days=day)
        store.save_session(session(f"s{day}", day=day))
    clock.advance(hours=2)
    store.import_data(export_doc(sessions=[session("old", day=-30).to_dict()]))
    before_jump = {backup.path.name for backup in store.backups()}
    assert any(name.endswith("-before-import.json") for name in before_jump)

    clock.advance(days=3 * 365)
    open_store(folder, clock).save_session(session("wrong clock", day=10))
    after_jump = {backup.path.name for backup in store.backups()}
    assert before_jump < after_jump, "the jump deleted a backup the right clock keeps"
    (future,) = after_jump - before_jump

    made = []
    for day in range(10, 31):
        clock.now = START + timedelta(days=day, hours=1)
        open_store(folder, clock).save_session(session(f"s{day}", day=day))
        made.append(clock.now)
    kept = store.backups()
    assert kept[0].path.name == future, "one from the future is kept, and listed first"
    check_rotation(kept[1:], made, clock.now)
    assert any(b.why == "before-import" for b in kept), "the last backup before an import stays"


@pytest.mark.parametrize("name", ["gluteui-22500101-000000-daily.json", "gluteui-19691231-235959-manual.json",
                                  "gluteui-99991231-235959-daily.json"])
def test_a_backup_named_outside_1970_2199_is_listed_not_hidden(tmp_path: Path, name: str) -> None:
    run_cli(tmp_path / "data", "log", "--date", "2024-11-30")
    shutil.copy(data_file(tmp_path / "data"), tmp_path / "data" / "backups" / name)
    code, out, err = run_cli(tmp_path / "data", "backups")
    assert code == 0 and err == ""
    (line,) = [line for line in out.splitlines() if name in line]
    assert "1 session" in line and name[8:12] in line
    assert run_cli(tmp_path / "data", "restore", name)[0] == 0
