"""`gluteui log --note`: a note goes with the session logged, or, with --date on a day that
has a session already, on that day's latest session; a note that cannot be kept is refused
in one line, and nothing is saved."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gluteui.core.history.store import Store
from tests.factory import FROZEN_NOW

TODAY = FROZEN_NOW.date()


def notes(data_dir: Path) -> list[tuple[str, str]]:
    """(day, note) of every session, in order."""
    return [(s.local_date.isoformat(), s.note) for s in Store.open(data_dir).sessions()]


def test_a_note_goes_with_the_session_logged(cli, data_dir: Path):
    code, out, _ = cli("log", "--note", "  Hotel floor, no band  ")
    assert code == 0 and "noted: Hotel floor, no band" in out
    assert notes(data_dir) == [(TODAY.isoformat(), "Hotel floor, no band")]


def test_a_note_for_a_day_already_logged_goes_on_its_latest_session(cli, data_dir: Path):
    cli("log", "--at", f"{TODAY} 06:00")
    cli("log", "--at", f"{TODAY} 07:00")
    code, out, _ = cli("log", "--date", TODAY.isoformat(), "--note", "Tight right hip")
    assert code == 0 and "at 07:00: Tight right hip" in out
    assert notes(data_dir) == [(TODAY.isoformat(), ""), (TODAY.isoformat(), "Tight right hip")]
    cli("log", "--date", TODAY.isoformat(), "--note", "Fine after all")  # replaces it
    assert notes(data_dir)[-1] == (TODAY.isoformat(), "Fine after all")
    code, out, _ = cli("log", "--date", TODAY.isoformat(), "--note", "")
    assert code == 0 and "Removed the note" in out
    assert notes(data_dir) == [(TODAY.isoformat(), ""), (TODAY.isoformat(), "")]


def test_a_note_for_a_day_without_a_session_logs_one(cli, data_dir: Path):
    yesterday = TODAY.fromordinal(TODAY.toordinal() - 1).isoformat()
    assert cli("log", "--date", yesterday, "--note", "Late, in the evening")[0] == 0
    assert notes(data_dir) == [(yesterday, "Late, in the evening")]


@pytest.mark.parametrize(("note", "message"), [
    ("two\nlines", "--note: the note must be one line, without control characters"),
    ("\x1b[2J", "--note: the note must be one line"),
    ("x" * 281, "--note: the note is 281 characters long; a note holds at most 280"),
    ("", "--note is empty"),
])
def test_a_note_that_cannot_be_kept_is_one_line_and_saves_nothing(cli, data_dir: Path, note, message):
    code, _, err = cli("log", "--note", note)
    assert code == 2 and message in err and len(err.splitlines()) == 1 and "\x1b" not in err
    assert notes(data_dir) == []


def test_the_note_is_in_the_export(cli):
    cli("log", "--note", "[b]not markup[/b]")
    code, out, _ = cli("export")
    assert code == 0 and json.loads(out)["sessions"][0]["note"] == "[b]not markup[/b]"


def test_the_note_is_a_column_of_the_csv_export_and_never_a_formula(cli):
    cli("log", "--note", "=HYPERLINK(\"http://example.com\")")
    code, out, _ = cli("export", "--format", "csv")
    assert code == 0
    header, row = out.strip().splitlines()
    assert header.endswith(",pauses,paused_s,note")
    assert row.endswith(",0,0.0,\"'=HYPERLINK(\"\"http://example.com\"\")\"")
