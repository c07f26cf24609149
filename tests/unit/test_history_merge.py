"""Merging copies of the history that went separate ways: the laws merge obeys, and two
machines whose sync tool left a conflict copy, merged the next time GluteUI reads."""

from __future__ import annotations

import json
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from gluteui.core.history import tables
from gluteui.core.history.merge import merge
from gluteui.core.history.store import Store
from tests.unit.history_kit import (
    START,
    Clock,
    data_file,
    open_store,
    session,
    snapshot,
    write_raw,
)
from tests.unit.history_strategies import (
    DAYS,
    KEYS,
    LESSONS,
    SESSIONS,
    STAMPS,
    any_tables,
    moment,
    one_removal,
    one_setting,
    realistic,
)

# Cases too rare to be found by chance: one moment spelt two ways, unreadable stamps.
SAME_MOMENT = (one_setting("nord", STAMPS[0]), one_setting("nord", "2024-12-01T10:15:00+00:00"))
UNREADABLE = (one_removal(None), one_removal("soon"))


@given(any_tables, any_tables)
@example(*SAME_MOMENT)
@example(*UNREADABLE)
def test_merge_does_not_depend_on_which_copy_comes_first(a: dict, b: dict) -> None:
    assert merge(a, b) == merge(b, a)


@given(any_tables)
def test_merging_a_copy_with_itself_is_reading_it(a: dict) -> None:
    assert merge(a, a) == merge(a) == merge(merge(a))


@given(any_tables, any_tables, any_tables)
@example(*SAME_MOMENT, one_setting("nord", "2024-12-01T11:15:00+01:00"))
@example(*UNREADABLE, one_removal(tables.EPOCH))
def test_merging_three_copies_in_any_grouping_is_the_same(a: dict, b: dict, c: dict) -> None:
    assert merge(merge(a, b), c) == merge(a, merge(b, c)) == merge(a, b, c)


@given(any_tables, any_tables)
@example(*SAME_MOMENT)
@example(*UNREADABLE)
def test_merging_in_a_copy_already_merged_changes_nothing(a: dict, b: dict) -> None:
    assert merge(merge(a, b), b) == merge(a, b)


@given(st.lists(realistic, min_size=1, max_size=3))
def test_each_record_is_as_its_latest_change_left_it(versions: list[dict]) -> None:
    merged = merge(*versions)
    for table, keys in KEYS.items():
        key_field = tables.RECORD_KEYS[table]
        for key in keys:
            writes = [doc for v in versions for doc in v[table].values() if doc[key_field] == key]
            graves = [doc for v in versions for doc in v[tables.REMOVED].values()
                      if doc["table"] == table and doc["key"] == key]
            kept = [doc for doc in merged[table].values() if doc[key_field] == key]
            latest_write = max((moment(doc.get(tables.STAMP)) for doc in writes), default=None)
            latest_grave = max((moment(doc.get(tables.STAMP)) for doc in graves), default=None)
            if latest_write is None or (latest_grave is not None and latest_grave >= latest_write):
                assert kept == [], "a removal at or after the last write keeps it removed"
            else:
                [doc] = kept  # once, however many copies (or duplicates) held it
                assert doc in writes and moment(doc.get(tables.STAMP)) == latest_write


def at(minute: int) -> str:
    return tables.stamp(START + timedelta(minutes=minute))


def day_tables(rest: dict[str, str], removed: dict[str, str]) -> dict:
    found = tables.fresh_tables()
    for number, (day, when) in enumerate(rest.items(), start=1):
        found["rest_days"][str(number)] = {"local_date": day, tables.STAMP: when}
    for number, (day, when) in enumerate(removed.items(), start=1):
        found[tables.REMOVED][str(number)] = {"id": f"rest_days/{day}", "table": "rest_days",
                                             "key": day, tables.STAMP: when}
    return found


@pytest.mark.parametrize(("marked", "unmarked", "kept"), [
    (1, 2, False),  # undone after it was marked: stays undone
    (2, 1, True),  # marked again after the removal: comes back
])
def test_a_removal_beats_older_writes_only(marked: int, unmarked: int, kept: bool) -> None:
    here = day_tables({DAYS[0]: at(marked)}, {})
    there = day_tables({}, {DAYS[0]: at(unmarked)})
    for merged in (merge(here, there), merge(there, here)):
        assert [doc["local_date"] for doc in merged["rest_days"].values()] == ([DAYS[0]] if kept else [])


def test_each_setting_goes_by_its_own_stamp() -> None:
    def with_settings(values: dict, stamps: dict) -> dict:
        found = tables.fresh_tables()
        found["settings"]["1"], found[tables.SETTINGS_CHANGED]["1"] = values, stamps
        return found

    here = with_settings({"theme": "nord", "weekly_target": 5}, {"theme": at(3), "weekly_target": at(1)})
    there = with_settings({"theme": "gruvbox", "weekly_target": 2}, {"theme": at(2), "weekly_target": at(2)})
    # Set before stamps existed: loses to any stamped change, but fills a gap.
    old = with_settings({"theme": "dracula", "sound": "off"}, {})
    assert merge(here, there, old)["settings"]["1"] == {"theme": "nord", "weekly_target": 2, "sound": "off"}


def test_one_id_twice_in_a_hand_edited_file_counts_once(tmp_path: Path) -> None:
    first, second = session("s1", done=10).to_dict(), session("s1", done=20).to_dict()
    write_raw(tmp_path / "data", {
        "sessions": {"1": {**first, tables.STAMP: at(2)}, "2": {**second, tables.STAMP: at(1)}},
        "rest_days": {"1": {"local_date": DAYS[0]}, "2": {"local_date": DAYS[0]}},
    })
    store = open_store(tmp_path / "data")
    assert [(s.id, s.done_reps) for s in store.sessions()] == [("s1", 10)]
    assert store.rest_days() == {date.fromisoformat(DAYS[0])}
    store.set_rest_day(date.fromisoformat(DAYS[0]), False)
    assert store.rest_days() == set()
    assert open_store(tmp_path / "data").rest_days() == set()


# Two machines.


@given(st.lists(st.tuples(
    st.sampled_from("AB"), st.sampled_from(["rest", "lesson", "session", "theme"]),
    st.integers(0, 2), st.booleans(),
), max_size=10))
@settings(max_examples=40, deadline=None)
def test_after_a_merge_everything_is_as_its_last_change_left_it(ops: list[tuple]) -> None:
    clock = Clock()
    themes = ["nord", "gruvbox", "dracula"]
    with tempfile.TemporaryDirectory() as root:
        folders = {name: Path(root, name) for name in "AB"}
        base = open_store(folders["A"], clock)
        base.set_rest_day(date.fromisoformat(DAYS[0]), True)
        base.set_lesson_read(LESSONS[0], True)
        base.save_session(session(SESSIONS[0], done=1))
        folders["B"].mkdir()
        shutil.copy(data_file(folders["A"]), data_file(folders["B"]))
        stores = {name: open_store(folder, clock) for name, folder in folders.items()}
        expected: dict[tuple, object] = {("rest", 0): True, ("lesson", 0): True, ("session", 0): 1}
        held = {name: dict(expected) for name in "AB"}  # what each machine shows
        for machine, kind, index, flag in ops:
            clock.advance(minutes=1)
            store, key = stores[machine], (kind, 0 if kind == "theme" else index)
            if kind == "rest":
                store.set_rest_day(date.fromisoformat(DAYS[index]), flag)
            elif kind == "lesson":
                store.set_lesson_read(LESSONS[index], flag)
            elif kind == "session":
                store.save_session(session(SESSIONS[index], done=index * 10 + flag + 2))
            else:
                store.set_setting("theme", themes[index])
            value = {"session": index * 10 + flag + 2, "theme": themes[index]}.get(kind, flag)
            # Removing what this machine does not have changes nothing on it, so it is no change.
            if value is not False or held[machine].get(key):
                held[machine][key] = expected[key] = value
        apart = {name: data_file(folder).read_bytes() for name, folder in folders.items()}
        merged = {}
        for name, other in ("A", "B"), ("B", "A"):  # whichever machine merges, the same history
            (folders[name] / "gluteui.sync-conflict-20241201-101500-ABC.json").write_bytes(apart[other])
            merged[name] = open_store(folders[name], clock).export_data()
        assert merged["A"] == merged["B"]
        history = merged["A"]
        for (kind, index), value in expected.items():
            if kind == "rest":
                assert (DAYS[index] in history["rest_days"]) == value
            elif kind == "lesson":
                assert (LESSONS[index] in history["lessons_read"]) == value
            elif kind == "session":
                assert {s["id"]: s["done_reps"] for s in history["sessions"]}[SESSIONS[index]] == value
            else:
                assert history["settings"]["theme"] == value


CONFLICT_NAMES = [
    "gluteui.sync-conflict-20241201-101500-ABCDEF1.json",  # Syncthing
    "gluteui (Ann's conflicted copy 2024-12-01).json",  # Dropbox
    "gluteui (conflicted copy 2024-12-01 101500).json",  # Nextcloud
    "gluteui 2.json",  # iCloud Drive
    "gluteui-LAPTOP.json",  # OneDrive
]


def two_machines(root: Path) -> tuple[Path, Path, Clock]:
    """Machine A's history copied to B; then each changed it differently, B later."""
    clock = Clock()
    a_dir, b_dir = root / "a", root / "b"
    a = open_store(a_dir, clock)
    a.save_session(session("s1"))
    a.set_rest_day(date.fromisoformat(DAYS[0]), True)
    a.set_lesson_read("why-glutes", True)
    a.set_setting("theme", "nord")
    a.set_setting("weekly_target", 3)
    b_dir.mkdir()
    shutil.copy(data_file(a_dir), data_file(b_dir))
    b = open_store(b_dir, clock)
    clock.advance(hours=1)
    a.set_rest_day(date.fromisoformat(DAYS[0]), False)
    a.save_session(session("s2", day=1))
    a.set_setting("theme", "gruvbox")
    clock.advance(hours=1)
    b.set_lesson_read("why-glutes", False)
    b.save_session(session("s3", day=2))
    b.set_setting("theme", "dracula")
    b.set_setting("weekly_target", 5)
    clock.advance(hours=1)
    a.set_setting("weekly_target", 4)  # changed on both: A's is the later one
    return a_dir, b_dir, clock


def assert_both_machines_changes(store: Store) -> None:
    assert [s.id for s in store.sessions()] == ["s1", "s2", "s3"]
    assert store.rest_days() == set(), "the rest day undone on A stays undone"
    assert store.lessons_read() == set(), "the lesson marked unread on B stays unread"
    assert store.setting("theme") == "dracula" and store.setting("weekly_target") == 4


@pytest.mark.parametrize("name", CONFLICT_NAMES)
def test_a_sync_conflict_copy_is_merged_on_open_and_kept(tmp_path: Path, name: str) -> None:
    a_dir, b_dir, clock = two_machines(tmp_path)
    copy = a_dir / name
    shutil.copy(data_file(b_dir), copy)
    theirs = copy.read_bytes()

    store = open_store(a_dir, clock)
    assert_both_machines_changes(store)
    assert not copy.exists()
    assert (a_dir / "backups" / "merged" / name).read_bytes() == theirs
    assert [n for n in store.notices if n.startswith("Merged")] == [(
        f"Merged another machine's changes from {name} into your history; "
        f"the copy is kept in {a_dir / 'backups' / 'merged'}"
    )]
    assert any(b.why == "before-merge" for b in store.backups())
    again = open_store(a_dir, clock)
    assert again.notices == [], "told once"
    assert_both_machines_changes(again)


def test_a_copy_that_appears_while_gluteui_runs_is_merged_on_its_next_read(tmp_path: Path) -> None:
    a_dir, b_dir, clock = two_machines(tmp_path)
    running = open_store(a_dir, clock)
    assert [s.id for s in running.sessions()] == ["s1", "s2"]
    shutil.copy(data_file(b_dir), a_dir / CONFLICT_NAMES[0])
    assert_both_machines_changes(running)
    assert sum(n.startswith("Merged") for n in running.notices) == 1
    assert not (a_dir / CONFLICT_NAMES[0]).exists()


@pytest.mark.parametrize("content", [b"hello", b'{"format": "gluteui", "sessions": []}', b"[1, 2]", b"\xff"])
def test_a_file_of_the_users_named_like_a_conflict_copy_is_left_as_it_is(tmp_path: Path, content: bytes) -> None:
    a_dir, _, clock = two_machines(tmp_path)
    mine = a_dir / "gluteui 2.json"
    mine.write_bytes(content)
    store = open_store(a_dir, clock)
    assert mine.read_bytes() == content
    [notice] = store.notices
    assert notice.startswith("gluteui 2.json looks like a sync tool's copy of gluteui.json but is not "
                             "a GluteUI data file") and notice.endswith("it was left as it is")
    assert [s.id for s in store.sessions()] == ["s1", "s2"]
    store.save_session(session("s9", day=9))
    assert mine.read_bytes() == content and not (a_dir / "backups" / "merged").exists()


def test_an_export_beside_the_data_file_is_never_taken_for_a_copy(tmp_path: Path) -> None:
    a_dir, b_dir, clock = two_machines(tmp_path)
    # Even holding another machine's tables, it is the user's export: not merged, not moved.
    shutil.copy(data_file(b_dir), a_dir / "gluteui-export-20241201.json")
    (a_dir / "gluteui-export-20241202.json").write_text(json.dumps(open_store(b_dir, clock).export_data()))
    before = {name: data for name, data in snapshot(a_dir).items() if "export" in name}
    store = open_store(a_dir, clock)
    assert store.notices == []
    assert [s.id for s in store.sessions()] == ["s1", "s2"]
    store.save_session(session("s9", day=9))
    assert {name: data for name, data in snapshot(a_dir).items() if "export" in name} == before
