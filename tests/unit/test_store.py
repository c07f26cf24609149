"""The Store: round trips, damaged files, unwritable folders, failed writes, schema, import."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from filelock import FileLock
from hypothesis import given
from hypothesis import strategies as st
from tinydb import TinyDB

from gluteui.core.history import storage, tables
from gluteui.core.history.records import Checkin, QuizResult, Session
from gluteui.core.history.storage import AtomicJSONStorage
from gluteui.core.history.store import Store, StoreError

ZONE = timezone(timedelta(hours=2))
START = datetime(2024, 5, 1, 7, 30, tzinfo=ZONE)


def make_session(n: int, **changes: object) -> Session:
    fields: dict = dict(
        id=f"s{n:05d}",
        local_date=(START + timedelta(days=n)).date(),
        started_at=START + timedelta(days=n),
        routine_id="standard",
        planned_reps=40,
        done_reps=30,
        reps={"clamshell": {"left": 10, "right": 10}, "bridge": {"both": 10}},
        duration_s=301.5,
        source="app",
        feel={"bridge": "yes", "clamshell": "hurt"},
        pain={"clamshell": "easier"},
    )
    fields.update(changes)
    return Session(**fields)


def make_checkin(n: int) -> Checkin:
    return Checkin(
        id=f"c{n}", local_date=date(2024, 5, n), score=n % 11, recorded_at=START + timedelta(days=n)
    )


def make_quiz(n: int) -> QuizResult:
    return QuizResult(
        id=f"q{n}", local_date=date(2024, 5, n), taken_at=START + timedelta(days=n),
        scores={"left": 3, "right": 5}, verdict="left lags", weaker_side="left", red_flag=False,
    )


def add_all(store: Store, sessions: list[Session]) -> None:
    """Many sessions in one write, the way demo data and imports arrive."""
    store.import_data({
        "format": "gluteui", "schema_version": 1, "sessions": [s.to_dict() for s in sessions],
    })


def data_file(folder: Path) -> Path:
    return folder / "gluteui.json"


def temp_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.tmp"))


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store.open(tmp_path)


# Round trips


def test_every_record_kind_survives_a_reopen(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    store.save_session(make_session(1))
    store.set_rest_day(date(2024, 5, 3), True)
    store.add_checkin(make_checkin(2))
    store.record_quiz(make_quiz(4), {})
    store.set_lesson_read("why-glutes", True)
    store.set_setting("theme", "nord")
    store.set_setting("day_start_hour", 5)

    again = Store.open(tmp_path)
    assert again.sessions() == [make_session(1)]
    assert again.rest_days() == {date(2024, 5, 3)}
    assert again.checkins() == [make_checkin(2)]
    assert again.quiz_results() == [make_quiz(4)]
    assert again.lessons_read() == {"why-glutes"}
    assert again.setting("theme") == "nord"
    assert again.setting("day_start_hour") == 5
    assert again.setting("missing", "fallback") == "fallback"
    assert again.notices == [] and again.pending == []


@pytest.mark.parametrize("record", [make_session(3), make_checkin(3), make_quiz(3)], ids=type)
def test_records_round_trip_through_dicts(record: Session | Checkin | QuizResult) -> None:
    as_json = json.loads(json.dumps(record.to_dict()))
    assert type(record).from_dict(as_json) == record


@given(
    done=st.integers(min_value=0, max_value=500),
    duration=st.floats(min_value=0, max_value=86400, allow_nan=False),
    offset_min=st.integers(min_value=-14 * 60, max_value=14 * 60),
    reps=st.dictionaries(
        st.text(min_size=1), st.dictionaries(st.sampled_from(["left", "right", "both"]), st.integers(0, 99))
    ),
)
def test_any_valid_session_round_trips(
    done: int, duration: float, offset_min: int, reps: dict
) -> None:
    started = datetime(2024, 1, 1, 6, tzinfo=timezone(timedelta(minutes=offset_min)))
    session = make_session(1, done_reps=done, duration_s=duration, started_at=started, reps=reps)
    assert Session.from_dict(json.loads(json.dumps(session.to_dict()))) == session


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=6,
)


@given(field=st.sampled_from(sorted(make_session(1).to_dict())), value=JSON_VALUES)
def test_any_json_in_a_field_loads_or_names_the_field(field: str, value: object) -> None:
    # Imports hand from_dict whatever a file holds: the only failure allowed is a ValueError.
    try:
        Session.from_dict(make_session(1).to_dict() | {field: value})
    except ValueError as error:
        assert field in str(error)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("done_reps", -1),
        ("planned_reps", True),
        ("started_at", "2024-05-01T07:30:00"),  # naive: no UTC offset
        ("local_date", "May 1st"),
        ("source", "telepathy"),
        ("feel", {"bridge": "maybe"}),
        ("reps", {"bridge": {"up": 3}}),
    ],
)
def test_bad_session_field_is_named(field: str, value: object) -> None:
    data = make_session(1).to_dict() | {field: value}
    with pytest.raises(ValueError, match=field):
        Session.from_dict(data)


def test_missing_field_is_named() -> None:
    data = make_checkin(1).to_dict()
    del data["score"]
    with pytest.raises(ValueError, match="'score' is missing"):
        Checkin.from_dict(data)


def test_checkin_score_is_capped() -> None:
    with pytest.raises(ValueError, match="score"):
        Checkin(id="c", local_date=date(2024, 1, 1), score=11, recorded_at=START)


def test_history_is_everything_from_one_read(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    assert store.history().weekly_target == 3
    add_all(store, [make_session(2), make_session(1)])
    store.set_rest_day(date(2024, 5, 3), True)
    store.add_checkin(make_checkin(1))
    store.record_quiz(make_quiz(1), {})
    store.set_lesson_read("why-glutes", True)
    store.set_setting("weekly_target", 5)
    store.set_setting("day_start_hour", 6)

    history = store.history()
    assert [s.id for s in history.sessions] == ["s00001", "s00002"]
    assert history.rest_days == {date(2024, 5, 3)} and history.lessons_read == {"why-glutes"}
    assert history.checkins == [make_checkin(1)] and history.quiz_results == [make_quiz(1)]
    assert history.weekly_target == 5
    # 05:30 is before the user's 06:00 day start, so it still counts for the day before.
    assert history.day_of(datetime(2024, 5, 9, 5, 30, tzinfo=ZONE)) == date(2024, 5, 8)


def test_save_session_upserts_by_id(store: Store) -> None:
    store.save_session(make_session(1, done_reps=5))
    store.save_session(make_session(1, done_reps=25))
    store.save_session(make_session(2))
    assert [(s.id, s.done_reps) for s in store.sessions()] == [("s00001", 25), ("s00002", 30)]


def test_sessions_come_back_ordered_by_start(store: Store) -> None:
    add_all(store, [make_session(5), make_session(1), make_session(3)])
    assert [s.id for s in store.sessions()] == ["s00001", "s00003", "s00005"]


def test_rest_days_and_lessons_can_be_unset(store: Store) -> None:
    store.set_rest_day(date(2024, 5, 1), True)
    store.set_rest_day(date(2024, 5, 2), True)
    store.set_rest_day(date(2024, 5, 1), False)
    store.set_rest_day(date(2024, 5, 9), False)
    store.set_lesson_read("a", True)
    store.set_lesson_read("a", True)
    store.set_lesson_read("b", True)
    store.set_lesson_read("a", False)
    assert store.rest_days() == {date(2024, 5, 2)}
    assert store.lessons_read() == {"b"}


def test_setting_must_be_json(store: Store) -> None:
    with pytest.raises(TypeError):
        store.set_setting("when", datetime.now())
    assert store.pending == []


def test_bulk_insert_and_read_of_demo_sized_history(store: Store) -> None:
    # How fast is measured in tests/bench; here, that nothing is lost or reordered.
    sessions = [make_session(n - 11_000, source="demo") for n in range(11_000)]  # thirty years back
    add_all(store, sessions)
    assert store.sessions() == sessions


def test_file_stays_readable_by_tinydb(store: Store) -> None:
    store.save_session(make_session(1))
    db = TinyDB(store.path, storage=AtomicJSONStorage)
    (doc,) = db.table("sessions").all()
    assert {key: value for key, value in doc.items() if key != "changed_at"} == make_session(1).to_dict()
    assert db.table("meta").all() == [{"schema_version": 1}]


# Atomic writes


def test_writes_leave_no_temp_files(store: Store, tmp_path: Path) -> None:
    for n in range(5):
        store.save_session(make_session(n))
    assert temp_files(tmp_path) == []
    # The lock and the temp files live in GluteUI's work folder, where no sync tool looks.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["backups", "gluteui.json"]


def test_open_removes_temp_files_a_killed_writer_left_in_its_own_folder(tmp_path: Path) -> None:
    data, work = tmp_path / "data", tmp_path / "work"
    Store.open(data, work_dir=work).save_session(make_session(1))
    folder = storage.work_folder(data / "gluteui.json", work)
    stale = folder / f".gluteui.json.abc123{storage.TEMP_SUFFIX}"
    stale.write_text('{"half": ')
    mine = data / "gluteui.json.abc123.tmp"  # the user's own file, whatever its name
    mine.write_text("mine")
    Store.open(data, work_dir=work)
    assert not stale.exists()
    assert mine.read_text() == "mine"


def test_storage_reads_missing_or_empty_file_as_none(tmp_path: Path) -> None:
    disk = AtomicJSONStorage(data_file(tmp_path))
    assert disk.read() is None
    data_file(tmp_path).write_text("  \n")
    assert disk.read() is None


# Damaged files


def corrupt_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("gluteui.json.corrupt-*"))


@pytest.mark.parametrize(
    "content",
    [
        b'{"sessions": {"1": {"id": "s1",',  # cut off mid-write by some other tool
        b"[1, 2, 3]",  # JSON, but not an object
        b'{"sessions": []}',  # an object, but not TinyDB's tables
        # (A document without its key costs only itself: test_history_safety.py.)
        b'{"meta": {"1": {"schema_version": "one"}}}',
        b"\xff\xfe garbage",
    ],
)
def test_damaged_file_is_moved_aside_and_reported(tmp_path: Path, content: bytes) -> None:
    data_file(tmp_path).write_bytes(content)
    store = Store.open(tmp_path)

    [moved] = corrupt_files(tmp_path)
    assert moved.read_bytes() == content
    assert len(store.notices) == 1
    assert str(moved) in store.notices[0] and "\n" not in store.notices[0]
    store.save_session(make_session(1))
    assert Store.open(tmp_path).sessions() == [make_session(1)]


def test_second_damage_gets_its_own_name(tmp_path: Path) -> None:
    data_file(tmp_path).write_text("first mess")
    first = Store.open(tmp_path)
    data_file(tmp_path).write_text("second mess")
    second = Store.open(tmp_path)

    moved = corrupt_files(tmp_path)
    assert len(moved) == 2
    assert {path.read_text() for path in moved} == {"first mess", "second mess"}
    assert str(moved[0]) in first.notices[0] and str(moved[1]) in second.notices[0]


def test_move_aside_never_overwrites(tmp_path: Path) -> None:
    now = datetime(2024, 5, 1, 12, 0, 0)
    for n in range(3):
        data_file(tmp_path).write_text(f"mess {n}")
        storage.move_aside(data_file(tmp_path), now)
    names = sorted(path.name for path in corrupt_files(tmp_path))
    assert names == [
        "gluteui.json.corrupt-20240501-120000",
        "gluteui.json.corrupt-20240501-120000-1",
        "gluteui.json.corrupt-20240501-120000-2",
    ]


def test_damage_found_while_running_is_handled_too(store: Store, tmp_path: Path) -> None:
    store.save_session(make_session(1))
    data_file(tmp_path).write_text("{")
    assert store.sessions() == []
    assert len(corrupt_files(tmp_path)) == 1 and len(store.notices) == 1


def test_one_damaged_record_is_skipped_not_the_file(store: Store) -> None:
    add_all(store, [make_session(1), make_session(2)])
    raw = json.loads(store.path.read_text())
    raw["sessions"]["1"]["done_reps"] = "lots"
    store.path.write_text(json.dumps(raw))

    assert [s.id for s in store.sessions()] == ["s00002"]
    assert len(store.notices) == 1 and "done_reps" in store.notices[0]
    store.sessions()
    assert len(store.notices) == 1, "the same notice is not repeated"


# Unwritable folders and failed writes


def test_folder_that_cannot_be_created(tmp_path: Path) -> None:
    # A regular file as parent stops everyone, root included.
    (tmp_path / "plain-file").write_text("")
    target = tmp_path / "plain-file" / "data"
    with pytest.raises(StoreError) as caught:
        Store.open(target)
    assert str(caught.value) == f"Cannot create {target}: not a directory"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through chmod 0o500")
def test_read_only_folder(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        store = Store.open(locked)
        assert store.read_only == "permission denied"
        with pytest.raises(StoreError, match=f"^Cannot write to {locked}: permission denied$"):
            store.save_session(make_session(1))
    finally:
        locked.chmod(0o700)


def test_folder_that_refuses_new_files_still_opens_to_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store.open(tmp_path).save_session(make_session(1))

    # What a folder without write permission says to a non-root user, simulated so it runs
    # as root too (tests/unit/test_history_disks.py mounts a real read-only folder).
    access = os.access
    monkeypatch.setattr(storage.os, "access", lambda path, mode: mode != os.W_OK and access(path, mode))
    store = Store.open(tmp_path)
    assert store.read_only == "permission denied"
    assert store.notices[0].startswith(f"{tmp_path} can be read but not written (permission denied)")
    assert [s.id for s in store.sessions()] == ["s00001"]
    assert store.export_data()["sessions"][0]["id"] == "s00001"
    with pytest.raises(StoreError, match=r"Cannot write to .*: permission denied"):
        store.save_session(make_session(2))
    assert len(store.pending) == 1


def test_failed_write_keeps_the_record_pending(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save_session(make_session(1))

    def disk_full(*args: object) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patch:
        patch.setattr(storage.os, "replace", disk_full)
        with pytest.raises(StoreError) as caught:
            store.save_session(make_session(2))
        with pytest.raises(StoreError):
            store.set_setting("theme", "nord")

    message = str(caught.value)
    assert f"Cannot write to {store.path}: no space left on device" in message and "\n" not in message
    assert [change.doc["id"] for change in store.pending if change.table == "sessions"] == ["s00002"]
    assert temp_files(tmp_path) == []
    # Still visible and exportable while unsaved...
    assert [s.id for s in store.sessions()] == ["s00001", "s00002"]
    exported = store.export_data()
    assert [s["id"] for s in exported["sessions"]] == ["s00001", "s00002"]
    assert exported["settings"] == {"theme": "nord"}
    assert [s.id for s in Store.open(tmp_path).sessions()] == ["s00001"]
    # ...and saved with the next write that works.
    store.save_session(make_session(3))
    assert store.pending == []
    reopened = Store.open(tmp_path)
    assert [s.id for s in reopened.sessions()] == ["s00001", "s00002", "s00003"]
    assert reopened.setting("theme") == "nord"


def test_lock_held_too_long(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(storage, "LOCK_TIMEOUT_S", 0.05)
    store = Store.open(tmp_path)
    held_elsewhere = FileLock(storage.work_folder(store.path, storage.default_work_dir()) / "lock")
    with held_elsewhere, pytest.raises(StoreError, match=r"Another GluteUI has held .*lock for over"):
        store.save_session(make_session(1))
    assert len(store.pending) == 1
    store.save_session(make_session(2))
    assert [s.id for s in Store.open(tmp_path).sessions()] == ["s00001", "s00002"]


# Schema versions


def write_tables(folder: Path, tables: dict) -> bytes:
    content = json.dumps(tables).encode()
    data_file(folder).write_bytes(content)
    return content


def test_newer_file_is_refused_and_left_alone(tmp_path: Path) -> None:
    content = write_tables(tmp_path, {"meta": {"1": {"schema_version": 99}}, "sessions": {}})
    with pytest.raises(StoreError, match="was written by a newer GluteUI") as caught:
        Store.open(tmp_path)
    assert str(data_file(tmp_path)) in str(caught.value)
    assert data_file(tmp_path).read_bytes() == content
    assert corrupt_files(tmp_path) == []


def test_older_file_is_migrated_on_open(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store.open(tmp_path)
    store.save_session(make_session(1, feel={}))

    def add_default_feel(tables: dict) -> dict:
        for doc in tables["sessions"].values():
            doc["feel"] = doc["feel"] or {"bridge": "unsure"}
        return tables

    monkeypatch.setattr(tables, "SCHEMA_VERSION", 2)
    monkeypatch.setattr(tables, "MIGRATIONS", {1: add_default_feel})
    upgraded = Store.open(tmp_path)

    assert upgraded.sessions()[0].feel == {"bridge": "unsure"}
    raw = json.loads(data_file(tmp_path).read_text())
    assert raw["meta"] == {"1": {"schema_version": 2}}
    assert raw["sessions"]["1"]["feel"] == {"bridge": "unsure"}
    assert upgraded.export_data()["schema_version"] == 2


def test_missing_migration_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Store.open(tmp_path).set_setting("weekly_target", 4)  # a version-1 file on disk
    monkeypatch.setattr(tables, "SCHEMA_VERSION", 3)
    monkeypatch.setattr(tables, "MIGRATIONS", {1: lambda found: found})
    with pytest.raises(StoreError, match="no upgrade from data version 2"):
        Store.open(tmp_path)


# Import


def filled_store(folder: Path) -> Store:
    store = Store.open(folder)
    add_all(store, [make_session(1), make_session(2)])
    store.set_rest_day(date(2024, 5, 3), True)
    store.add_checkin(make_checkin(1))
    store.record_quiz(make_quiz(1), {})
    store.set_lesson_read("why-glutes", True)
    store.set_setting("theme", "nord")
    store.set_setting("weekly_target", 4)
    return store


def test_import_merges_and_twice_changes_nothing(tmp_path: Path) -> None:
    exported = json.loads(json.dumps(filled_store(tmp_path / "old").export_data()))
    store = Store.open(tmp_path / "new")
    store.save_session(make_session(2, done_reps=40))  # same id, newer local edit: kept
    store.save_session(make_session(7))
    store.set_setting("theme", "gruvbox")

    counts = store.import_data(exported)
    assert counts == {"sessions": 1, "rest_days": 1, "checkins": 1, "quiz_results": 1, "lessons_read": 1, "settings": 1, "runs": 0,
                      "experiments": 0, "no_run_days": 0}
    assert [(s.id, s.done_reps) for s in store.sessions()] == [("s00001", 30), ("s00002", 40), ("s00007", 30)]
    assert store.setting("theme") == "gruvbox" and store.setting("weekly_target") == 4

    before = store.path.read_bytes()
    assert set(store.import_data(exported).values()) == {0}
    assert store.path.read_bytes() == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "Not a GluteUI export"),
        ({"sessions": []}, "Not a GluteUI export"),
        ({"format": "other", "schema_version": 1}, "Not a GluteUI export"),
        ({"format": "gluteui", "schema_version": 99}, "newer GluteUI"),
        ({"format": "gluteui", "schema_version": 1, "sessions": {}}, "'sessions' is not a list"),
        ({"format": "gluteui", "schema_version": 1, "rest_days": ["2024-02-30"]}, r"rest_days\[0\]"),
    ],
)
def test_import_refuses_what_is_not_ours(store: Store, data: object, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        store.import_data(data)


def test_bad_import_record_names_index_and_field_and_changes_nothing(tmp_path: Path) -> None:
    exported = filled_store(tmp_path / "old").export_data()
    store = Store.open(tmp_path / "new")
    store.save_session(make_session(9))
    before = store.path.read_bytes()

    exported["checkins"][0]["score"] = 42
    with pytest.raises(StoreError) as caught:
        store.import_data(exported)
    assert str(caught.value).startswith("Cannot import checkins[0]: field 'score'")
    assert store.path.read_bytes() == before
    assert store.pending == []


def test_a_change_by_another_running_copy_is_seen_despite_the_cache(tmp_path: Path) -> None:
    first = Store.open(tmp_path)
    assert first.history().sessions == []
    Store.open(tmp_path).save_session(make_session(1))
    assert [s.id for s in first.history().sessions] == ["s00001"]
    first.save_session(make_session(2))
    assert [s.id for s in Store.open(tmp_path).history().sessions] == ["s00001", "s00002"]
    assert [s.id for s in first.history().sessions] == ["s00001", "s00002"]


def test_the_file_is_made_by_the_first_save_not_by_opening(tmp_path: Path) -> None:
    store = Store.open(tmp_path / "data")
    assert (tmp_path / "data").is_dir() and not (tmp_path / "data" / "gluteui.json").exists()
    assert store.history().sessions == [] and store.setting("theme") is None
    store.save_session(make_session(1))
    assert [s.id for s in Store.open(tmp_path / "data").sessions()] == ["s00001"]


def test_reading_a_sound_file_never_loads_the_lock_library(tmp_path: Path) -> None:
    Store.open(tmp_path).save_session(make_session(1))
    probe = (
        "import sys\nfrom pathlib import Path\nfrom gluteui.core.history.store import Store\n"
        f"store = Store.open(Path({str(tmp_path)!r}))\n"
        "assert len(store.history().sessions) == 1\n"
        "print('filelock' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], check=True, capture_output=True, text=True)
    assert out.stdout.strip() == "False"


def test_an_unreadable_file_is_reported_not_set_aside(tmp_path: Path) -> None:
    data_file(tmp_path).mkdir()  # something in the way that is not a damaged file
    with pytest.raises(StoreError) as caught:
        Store.open(tmp_path)
    assert str(caught.value).startswith(f"Cannot read {data_file(tmp_path)}: is a directory")
    assert data_file(tmp_path).is_dir() and not list(tmp_path.glob("*.corrupt-*"))


def test_a_setting_edited_into_nonsense_falls_back_to_its_default(tmp_path: Path) -> None:
    Store.open(tmp_path).set_setting("weekly_target", 4)
    raw = json.loads(data_file(tmp_path).read_text())
    raw["settings"]["1"] |= {"weekly_target": "abc", "day_start_hour": 99}
    data_file(tmp_path).write_text(json.dumps(raw))
    history = Store.open(tmp_path).history()
    assert history.weekly_target == 3
    assert history.day_of(datetime(2024, 5, 9, 3, 0, tzinfo=ZONE)) == date(2024, 5, 8)


def test_an_import_with_impossible_settings_changes_nothing(store: Store) -> None:
    with pytest.raises(StoreError, match=r"settings\.day_start_hour' must be a whole number from 0 to 23"):
        store.import_data({"format": "gluteui", "schema_version": 1, "settings": {"day_start_hour": 99}})
    assert store.setting("day_start_hour") is None


def test_a_session_saved_before_pain_was_recorded_still_reads(store: Store) -> None:
    """Files from before "it hurts" existed have no pain field: nothing hurt that the app knew."""
    old = make_session(1).to_dict()
    del old["pain"]
    assert Session.from_dict(old).pain == {}


def test_the_file_text_kept_between_writes_matches_a_fresh_encoding(tmp_path):
    """Each write re-encodes only the documents that changed; the file must still be exactly
    what encoding everything afresh would give, after puts, removals and setting edits."""
    import json

    from gluteui.core.history.storage import JSONText
    from gluteui.core.history.tables import Change, apply_changes, fresh_tables

    text = JSONText()
    found = fresh_tables()
    fresh = {"ensure_ascii": False, "separators": (",", ":")}
    for step in range(40):
        changes = [Change("sessions", {"id": f"s{step}", "note": "é\u2603"}, "put", "2026")]
        if step % 3 == 0:
            changes.append(Change("sessions", {"id": f"s{step // 2}"}, "remove", "2026"))
        if step % 5 == 0:
            changes.append(Change("sessions", {"id": "s1", "replaced": step}, "put", "2026"))
        changes.append(Change("settings", {"weekly_target": step % 7 + 1}, "put", "2026"))
        apply_changes(found, changes)
        assert text.of(found) == json.dumps(found, **fresh), step
