"""Hostile input: imports and data files holding anything, outputs aimed at GluteUI's own
files. Each ends in one line, never a traceback, and nothing of the user's is lost.
Full and read-only disks are in test_history_disks.py."""

from __future__ import annotations

import json
import tempfile
from datetime import timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from gluteui.core.history import bounds, storage
from gluteui.core.history.store import Store, StoreError
from tests.unit.history_kit import (  # noqa: F401 (own_cache is a fixture)
    COUNTED,
    START,
    Clock,
    counts,
    data_file,
    export_doc,
    one_line_error,
    open_store,
    own_cache,
    run_cli,
    session,
    snapshot,
    write_raw,
)
from tests.unit.history_strategies import (
    NEW_KEY,
    full_export,
    paths,
    tokens,
    with_token,
)

pytestmark = pytest.mark.usefixtures("own_cache")


EXPORT_PATHS = paths(full_export())


@given(st.sampled_from(EXPORT_PATHS), tokens)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(("settings", NEW_KEY), '"\\ud800"')  # no UTF-8 for a lone surrogate
@example(("lessons_read", 0), '"\\udc00"')
@example(("sessions", 0, "routine_id"), '"\\ud800"')  # the CSV export writes it out
@example(("settings", NEW_KEY), "[" * 900 + "]" * 900)  # copying it would exhaust recursion
@example(("settings", NEW_KEY), "[" * 7 + "]" * 7)  # as deep as the data file keeps
@example(("sessions", 0, "feel", NEW_KEY), '"' + "x" * 100_000 + '"')  # a key in the message
@example(("settings", "health_answers"), '"' + "x" * 100_000 + '"')
def test_a_hostile_import_is_refused_in_one_line_or_kept_soundly(path: tuple, token: str) -> None:
    with tempfile.TemporaryDirectory() as root:
        source = Path(root, "in.json")
        source.write_text(with_token(full_export(), path, token), encoding="utf-8")
        folder = Path(root, "data")
        code, _, err = run_cli(folder, "import", str(source))
        if code != 0:
            assert len(one_line_error(code, err)) < 400
        else:
            assert err == ""
            # What came in, the data file keeps as it is: nothing set aside or skipped later.
            assert Store.open(folder).notices == []
            for command in (("stats", "--json"), ("export",), ("export", "--format", "csv")):
                code, _, err = run_cli(folder, *command)
                assert (code, err) == (0, ""), command
        try:
            data = bounds.loads(source.read_text(encoding="utf-8"))
        except ValueError:
            return  # refused above, as the CLI reads it the same way
        store = open_store(Path(root, "direct"))
        try:
            store.import_data(data)
        except StoreError as error:
            assert "\n" not in str(error)
        else:
            assert store.pending == [] and open_store(Path(root, "direct")).notices == []


def written_history(folder: Path) -> dict[str, Any]:
    store = open_store(folder, Clock())
    store.import_data(full_export())
    store.set_lesson_read("breath", True)
    store.set_lesson_read("breath", False)  # and its tombstone
    return json.loads(data_file(folder).read_text())


with tempfile.TemporaryDirectory() as _root:
    FILE_PATHS = paths(written_history(Path(_root, "data")))


@given(st.sampled_from(FILE_PATHS), tokens)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(("settings", "1"), '{"a":' * 9 + "1" + "}" * 9)  # a value exactly at the depth limit
@example(("sessions", "1", NEW_KEY), '"\\ud800"')
def test_a_damaged_data_file_never_stops_gluteui(path: tuple, token: str) -> None:
    with tempfile.TemporaryDirectory() as root:
        folder = Path(root, "data")
        raw = written_history(folder)
        before = counts(open_store(folder))
        data_file(folder).write_text(with_token(raw, path, token), encoding="utf-8")
        try:
            store = open_store(folder)
        except StoreError as error:  # a newer GluteUI's file: left untouched, one line
            assert "\n" not in str(error) and "newer GluteUI" in str(error)
            one_line_error(*run_cli(folder, "stats")[::2])
            return
        after = counts(store)
        # A whole table replaced may be an edit like any other; anything less is damage.
        edited = COUNTED.get(path[0]) if len(path) == 1 else None
        if any(after[kind] < before[kind] for kind in before if kind != edited) and path:
            assert store.notices, "nothing goes missing without a word"
        assert all("\n" not in notice for notice in store.notices)
        store.save_session(session("new", day=3))
        for command in (("stats", "--json"), ("export",), ("export", "--format", "csv")):
            assert run_cli(folder, *command)[0] == 0, command
        reopened = open_store(folder)
        assert counts(reopened) == {**after, "sessions": after["sessions"] + 1}
        assert not [n for n in reopened.notices if "moved to" in n], "damage is set aside once"


@pytest.mark.parametrize("content", [b"", b" \n", b"null"])
def test_an_emptied_data_file_is_set_aside_with_a_word(tmp_path: Path, content: bytes) -> None:
    """Another program emptied it: a lost history must not look like a new one."""
    folder = tmp_path / "data"
    written_history(folder)
    data_file(folder).write_bytes(content)
    [notice] = open_store(folder).notices
    assert notice.startswith("gluteui.json could not be read (it is empty); it was moved to")
    [moved] = folder.glob("gluteui.json.corrupt-*")
    assert moved.read_bytes() == content


@pytest.mark.parametrize("doc_id", ["\u00b2", "1" * 5000], ids=["superscript", "5000 digits"])
def test_a_document_number_that_is_no_number_never_stops_a_save(tmp_path: Path, doc_id: str) -> None:
    folder = tmp_path / "data"
    write_raw(folder, {"rest_days": {doc_id: {"local_date": "2024-12-02"}, "1": {"local_date": "2024-12-01"}}})
    store = open_store(folder)
    # Only the malformed entry is set aside, kept in a file of its own; the rest stays.
    assert "1 damaged entry of gluteui.json" in store.notices[0]
    [aside] = folder.glob("gluteui.json.damaged-*.json")
    assert json.loads(aside.read_text())["rest_days"] == {doc_id: {"local_date": "2024-12-02"}}
    store.set_rest_day(START.date(), True)
    assert open_store(folder).rest_days() == {START.date(), START.date().replace(year=2024, month=12, day=1)}


def test_a_file_over_the_size_limit_is_refused_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.json"
    big.write_text(json.dumps(export_doc(sessions=[session(f"s{n}", day=n).to_dict() for n in range(20)])))
    monkeypatch.setattr(bounds, "MAX_FILE_BYTES", 2000)
    folder = tmp_path / "data"
    for command in ("import", "restore"):
        assert "larger than the" in one_line_error(*run_cli(folder, command, str(big))[::2])
    data_file(folder).write_bytes(big.read_bytes())
    store = open_store(folder)
    [notice] = store.notices
    assert "larger than the" in notice and "moved to" in notice
    assert store.sessions() == []


# Outputs aimed at GluteUI's own files.


def refused_targets(folder: Path) -> list[Path]:
    work = storage.work_folder(data_file(folder), storage.default_work_dir())
    link = folder.parent / "link.json"
    link.symlink_to(data_file(folder))
    backup = next((folder / "backups").glob("*.json"))
    return [data_file(folder), folder / "backups" / ".." / "gluteui.json", link, backup,
            folder / "backups" / "new.json", folder / "backups" / "merged" / "x.json",
            work / "lock", work, folder / "gluteui.json.corrupt-20241201-101500"]


def test_export_onto_gluteuis_own_files_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    assert run_cli(folder, "log")[0] == 0
    targets = refused_targets(folder)
    before = snapshot(tmp_path)
    for target in targets:
        message = one_line_error(*run_cli(folder, "export", "--out", str(target))[::2])
        assert message.startswith(f"gluteui: will not write the export over {target}: "), message
    assert snapshot(tmp_path) == before
    assert one_line_error(*run_cli(folder, "export", "--out", "")[::2]).endswith("--out '' names no file")


def test_an_empty_data_dir_is_a_mistake(tmp_path: Path) -> None:
    assert "--data-dir '' names no folder" in one_line_error(*run_cli("", "stats")[::2])


def test_the_cli_tells_of_a_damaged_entry_on_stderr(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    open_store(folder).import_data(full_export())
    raw = json.loads(data_file(folder).read_text())
    raw["sessions"]["1"]["done_reps"] = -1
    data_file(folder).write_text(json.dumps(raw))
    code, out, err = run_cli(folder, "stats", "--json")
    assert code == 0 and json.loads(out)["total_sessions"] == 0
    assert err.startswith(f"gluteui: Skipped damaged sessions entry 1 in {data_file(folder)}: field 'done_reps'")
    assert len(err.splitlines()) == 1


def test_text_that_is_no_unicode_in_the_data_file_is_skipped_not_a_crash(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    open_store(folder).import_data(full_export())
    data_file(folder).write_text(data_file(folder).read_text().replace('"standard"', '"\\ud800"'))
    out = tmp_path / "sessions.csv"
    code, _, err = run_cli(folder, "export", "--format", "csv", "--out", str(out))
    assert code == 0 and "field 'routine_id' must be text" in err
    assert out.read_text().count("\n") == 1
    assert run_cli(folder, "rest")[0] == 0  # and a save writes the file back whole


@pytest.mark.parametrize(("name", "zone"), [
    ("gluteui-00010101-000000-daily.json", timezone(timedelta(hours=-5))),
    ("gluteui-99991231-235959-manual.json", timezone(timedelta(hours=14))),
])
def test_a_backup_named_at_the_ends_of_time_is_listed_without_a_traceback(tmp_path: Path, name: str, zone: timezone) -> None:
    folder = tmp_path / "data"
    run_cli(folder, "log")
    (folder / "backups" / name).write_bytes(data_file(folder).read_bytes())
    code, _, err = run_cli(folder, "backups", now=START.astimezone(zone))
    assert code == 0 and err == ""
