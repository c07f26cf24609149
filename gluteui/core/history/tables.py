"""The data file's tables: their layout, the schema version, and changes applied to them.

The file keeps TinyDB's layout (table name -> document id -> document). Every document
carries `changed_at`, the moment it was last written, and a removal leaves a tombstone
in the "removed" table; the "settings_changed" table stamps each setting. With those, two
copies of the file that went separate ways merge without losing a change (merge.py).
Files written before stamps existed read as changed at the start of time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from gluteui.core.history.storage import StoreError
from gluteui.core.values import shown

Doc = dict[str, Any]
"""One document: a JSON object as the file holds it."""
Tables = dict[str, dict[str, Doc]]
"""The whole file: table name -> document id -> document."""

SCHEMA_VERSION = 1
# From-version -> function turning that version's raw tables into the next version's.
# The stamps and tombstones need none: a file without them is still a version 1 file,
# and an older GluteUI keeps the extra fields and table as they are.
MIGRATIONS: dict[int, Callable[[Tables], Tables]] = {}
RECORD_KEYS = {
    "sessions": "id",
    "checkins": "id",
    "quiz_results": "id",
    "rest_days": "local_date",
    "lesson_reads": "lesson_id",
    "runs": "id",
    "experiments": "id",
    "no_run_days": "local_date",
}
"""The tables of records and the field each is keyed by."""
REMOVED = "removed"
"""Tombstones: {"id": "<table>/<key>", "table", "key", "changed_at"} for each removal."""
SETTINGS_CHANGED = "settings_changed"
"""One document: setting key -> when it was last set."""
KEY_FIELDS = {**RECORD_KEYS, REMOVED: "id"}
STAMP = "changed_at"
EPOCH = "1970-01-01T00:00:00.000000+00:00"
"""The stamp of a document written before stamps existed: older than any change."""


def stamp(moment: datetime) -> str:
    """`moment` as a stamp: UTC, to the microsecond, so stamps also sort as text."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def tombstone_id(table: str, key: str) -> str:
    return f"{table}/{key}"


def fresh_tables() -> Tables:
    """The tables of a new, empty file at the current schema version."""
    tables: Tables = {name: {} for name in (*KEY_FIELDS, "settings", SETTINGS_CHANGED)}
    tables["meta"] = {"1": {"schema_version": SCHEMA_VERSION}}
    return tables


def single(tables: Tables, name: str) -> Doc:
    """The one document of a single-document table ("settings", "settings_changed")."""
    return next(iter(tables.get(name, {}).values()), {})


def settings_of(tables: Tables) -> Doc:
    """The settings document; reading a setting needs no record class."""
    return single(tables, "settings")


def schema_version(tables: Any) -> int:
    """Check `tables` has TinyDB's layout and return its schema version.

    Raises ValueError describing the first thing that is wrong. A file without a
    version predates none: every schema so far starts at 1.
    """
    if not isinstance(tables, dict):
        raise ValueError(f"the top level is a {type(tables).__name__}, not an object")
    for name, docs in tables.items():
        if not isinstance(docs, dict):
            raise ValueError(f"table {shown(name)} is not an object")
        key_field = KEY_FIELDS.get(name)
        for doc_id, doc in docs.items():
            # Document ids must be numbers for new documents to get the next one: plain
            # digits ("²" is a digit to isdigit, not to int) and few enough for int().
            plain = doc_id.isascii() and doc_id.isdigit() and len(doc_id) <= 18
            if not plain or not isinstance(doc, dict):
                raise ValueError(f"table {shown(name)} has a bad document {shown(doc_id)}")
            if key_field and not isinstance(doc.get(key_field), str):
                raise ValueError(f"document {shown(doc_id)} of table {name!r} has no {key_field!r}")
    meta = single(tables, "meta") or {"schema_version": 1}
    version = meta.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError(f"bad schema_version {shown(version)}")
    return version


def upgrade(tables: Tables, version: int, where: Path | None) -> Tables:
    """Run MIGRATIONS from `version` up to SCHEMA_VERSION. Refuse a newer file with StoreError."""
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{where} was written by a newer GluteUI (data version {version}, this one reads "
            f"up to {SCHEMA_VERSION}); update GluteUI to use it"
        )
    while version < SCHEMA_VERSION:
        if version not in MIGRATIONS:
            raise StoreError(f"{where}: GluteUI has no upgrade from data version {version}")
        tables = MIGRATIONS[version](tables)
        version += 1
        tables["meta"] = {"1": {"schema_version": version}}
    return tables


@dataclass(frozen=True)
class Change:
    """One document to write into a table: "put" upserts, "add" only inserts, "remove" deletes.

    Documents are matched by the table's RECORD_KEYS entry; a "settings" change holds one
    `{key: value}` for the single settings document. `changed_at` is when the user made
    the change (a stamp), kept even when saving it has to wait.
    """

    table: str
    doc: dict[str, Any]
    mode: str = "put"
    changed_at: str = EPOCH


class _Table:
    """One table with an index from key to document id, so bulk changes stay linear."""

    def __init__(self, docs: dict[str, Doc], key_field: str) -> None:
        self.docs = docs
        self.key_field = key_field
        self.index = {doc.get(key_field): doc_id for doc_id, doc in docs.items()}
        self.next_id = max(map(int, docs), default=0) + 1

    def get(self, key: str) -> Doc | None:
        doc_id = self.index.get(key)
        return None if doc_id is None else self.docs[doc_id]

    def put(self, doc: Doc) -> None:
        key = doc[self.key_field]
        doc_id = self.index.get(key)
        if doc_id is None:
            doc_id = self.index[key] = str(self.next_id)
            self.next_id += 1
        self.docs[doc_id] = doc

    def remove(self, key: str) -> bool:
        doc_id = self.index.pop(key, None)
        if doc_id is None:
            return False
        del self.docs[doc_id]
        return True


def _apply_setting(tables: Tables, change: Change) -> bool:
    docs = tables.setdefault("settings", {})
    if not docs:
        docs["1"] = {}
    settings = next(iter(docs.values()))
    ((key, value),) = change.doc.items()
    if change.mode == "add" and key in settings:
        return False
    settings[key] = value
    stamps = tables.setdefault(SETTINGS_CHANGED, {})
    if not stamps:
        stamps["1"] = {}
    next(iter(stamps.values()))[key] = change.changed_at
    return True


def overlay(tables: Tables, changes: Iterable[Change]) -> Tables:
    """`tables` with `changes` applied, leaving `tables` as it was.

    Only the containers are copied, and the documents a change edits in place (the settings
    and their stamps): a change replaces any other document whole. On ten years of history
    that is a millisecond where a deep copy took a third of a second.
    """
    copied = {name: dict(docs) for name, docs in tables.items()}
    for name in ("settings", SETTINGS_CHANGED):
        if name in copied:
            copied[name] = {doc_id: dict(doc) for doc_id, doc in copied[name].items()}
    apply_changes(copied, changes)
    return copied


def apply_changes(tables: Tables, changes: Iterable[Change]) -> list[Change]:
    """Apply `changes` to raw `tables` in order and return the ones that changed something.

    A write stamps the document and clears any tombstone of its key; a removal of a
    document that exists leaves a tombstone, so a merge knows it was removed on purpose.
    """
    applied: list[Change] = []
    opened: dict[str, _Table] = {}

    def table(name: str) -> _Table:
        if name not in opened:
            opened[name] = _Table(tables.setdefault(name, {}), KEY_FIELDS[name])
        return opened[name]

    for change in changes:
        if change.table == "settings":
            if _apply_setting(tables, change):
                applied.append(change)
            continue
        records = table(change.table)
        key = change.doc[records.key_field]
        grave = tombstone_id(change.table, key)
        if change.mode == "remove":
            if records.remove(key):
                table(REMOVED).put({"id": grave, "table": change.table, "key": key,
                                    STAMP: change.changed_at})
                applied.append(change)
        elif change.mode == "put" or records.get(key) is None:
            records.put({**change.doc, STAMP: change.changed_at})
            if REMOVED in tables:
                table(REMOVED).remove(grave)
            applied.append(change)
    return applied


def has_duplicates(tables: Tables) -> bool:
    """Whether a table holds two documents with one key, or a single-document table two
    documents (a hand edit, an old bug)."""
    for table, key_field in KEY_FIELDS.items():
        docs = tables.get(table, {})
        if len({doc.get(key_field) for doc in docs.values()}) != len(docs):
            return True
    return any(len(tables.get(table, {})) > 1 for table in ("settings", SETTINGS_CHANGED, "meta"))
