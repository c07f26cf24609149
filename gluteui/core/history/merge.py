"""Merging copies of the data file that went separate ways (two machines, a sync conflict).

Each record, keyed as in RECORD_KEYS, is taken from whichever copy changed it last; a
tombstone counts as a change, so a removal made after the copies parted stays removed,
and a record written again after a removal comes back. Settings go by their own stamps.
Every choice is decided by the content alone (the stamp, then tombstone over record, then
the document's JSON), so merge(a, b) equals merge(b, a), and merging again changes nothing.

Two records of one run (the GPX imported here, the FIT there) both stay: merging them by
dedupe's rule here would make the result depend on the order of merges, so reading
(reading.py) shows the one an import would keep.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from gluteui.core.history.tables import (
    EPOCH,
    KEY_FIELDS,
    RECORD_KEYS,
    REMOVED,
    SCHEMA_VERSION,
    SETTINGS_CHANGED,
    STAMP,
    Doc,
    Tables,
    single,
    tombstone_id,
)

_KNOWN = {*KEY_FIELDS, "settings", SETTINGS_CHANGED, "meta"}
_OLDEST = datetime.fromisoformat(EPOCH)
_Candidate = tuple[datetime, bool, Any]
"""A version of a record or setting: (moment, is_tombstone, its JSON value)."""


class _Moments:
    """Stamps parsed once each; a stamp that is missing or not a date counts as the oldest."""

    def __init__(self) -> None:
        self._seen: dict[Any, datetime] = {}

    def __call__(self, value: Any) -> datetime:
        moment = self._seen.get(value) if isinstance(value, str) else None
        if moment is None:
            moment = _OLDEST
            if isinstance(value, str):
                try:
                    moment = datetime.fromisoformat(value)
                except ValueError:
                    pass  # an unreadable stamp loses to every real one, as a missing one does
                else:
                    if moment.utcoffset() is None:
                        moment = moment.replace(tzinfo=UTC)
                self._seen[value] = moment
        return moment


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _later(first: _Candidate, second: _Candidate) -> bool:
    """Whether candidate `first` beats `second`; each is (moment, is_tombstone, document)."""
    if first[:2] != second[:2]:
        return first[:2] > second[:2]
    return _canonical(first[2]) > _canonical(second[2])


def _winners(versions: tuple[Tables, ...], table: str, moment: _Moments) -> dict[str, _Candidate]:
    key_field = RECORD_KEYS[table]
    best: dict[str, _Candidate] = {}

    def offer(key: Any, doc: Doc, grave: bool) -> None:
        if not isinstance(key, str):
            return
        if grave:
            # Compared as it is written out, so merging the result again picks the same one.
            doc = {"id": tombstone_id(table, key), "table": table, "key": key,
                   STAMP: doc.get(STAMP, EPOCH)}
        candidate = (moment(doc.get(STAMP)), grave, doc)
        current = best.get(key)
        if current is None or _later(candidate, current):
            best[key] = candidate

    for tables in versions:
        for doc in tables.get(table, {}).values():
            offer(doc.get(key_field), doc, False)
        for doc in tables.get(REMOVED, {}).values():
            if doc.get("table") == table:
                offer(doc.get("key"), doc, True)
    return best


def duplicates_aside(tables: Tables) -> Tables:
    """Take out of one file's validated `tables` every document that repeats another's key
    (a hand edit, an old bug): of each key the one merge() would keep stays. The single-
    document tables keep their first document, the one GluteUI reads. Returns what was
    taken out, in the same layout, for the caller to keep apart and name."""
    moment = _Moments()
    removed: Tables = {}
    for table, key_field in KEY_FIELDS.items():
        by_key: dict[Any, list[str]] = {}
        for doc_id, doc in tables.get(table, {}).items():
            by_key.setdefault(doc.get(key_field), []).append(doc_id)
        for doc_ids in by_key.values():
            if len(doc_ids) < 2:
                continue
            docs = tables[table]
            best = max(doc_ids, key=lambda i: (moment(docs[i].get(STAMP)), _canonical(docs[i])))
            for doc_id in doc_ids:
                if doc_id != best:
                    removed.setdefault(table, {})[doc_id] = docs.pop(doc_id)
    for table in ("settings", SETTINGS_CHANGED, "meta"):
        docs = tables.get(table, {})
        for doc_id in list(docs)[1:]:
            removed.setdefault(table, {})[doc_id] = docs.pop(doc_id)
    return removed


def _numbered(docs: list[Doc]) -> dict[str, Doc]:
    return {str(number): doc for number, doc in enumerate(docs, start=1)}


def merge(*versions: Tables) -> Tables:
    """One set of tables holding the latest of everything in `versions` (validated tables)."""
    moment = _Moments()
    merged: Tables = {}
    graves: list[Doc] = []
    for table in RECORD_KEYS:
        winners = _winners(versions, table, moment)
        records = []
        for key in sorted(winners):
            _, grave, doc = winners[key]
            if grave:
                graves.append(doc)
            else:
                records.append(doc)
        merged[table] = _numbered(records)
    merged[REMOVED] = _numbered(sorted(graves, key=lambda grave: grave["id"]))
    settings, stamps = _merged_settings(versions, moment)
    merged["settings"] = {"1": settings} if settings else {}
    merged[SETTINGS_CHANGED] = {"1": stamps} if stamps else {}
    for name in sorted({name for tables in versions for name in tables} - _KNOWN):
        # A table this GluteUI does not know: keep every distinct document of it.
        docs = {_canonical(doc): doc for tables in versions for doc in tables[name].values()}
        merged[name] = _numbered([docs[text] for text in sorted(docs)])
    merged["meta"] = {"1": {"schema_version": SCHEMA_VERSION}}
    return merged


def _merged_settings(versions: tuple[Tables, ...], moment: _Moments) -> tuple[Doc, Doc]:
    best: dict[str, _Candidate] = {}
    for tables in versions:
        stamps = single(tables, SETTINGS_CHANGED)
        for key, value in single(tables, "settings").items():
            stamp = stamps.get(key)
            stamp = stamp if isinstance(stamp, str) else None  # as it is written out
            # A tie on the moment goes by value and then stamp: two spellings of one moment
            # (a hand edit) must not leave the choice to the order of the copies.
            candidate = (moment(stamp), False, [value, stamp])
            current = best.get(key)
            if current is None or _later(candidate, current):
                best[key] = candidate
    settings = {key: best[key][2][0] for key in sorted(best)}
    stamps = {key: best[key][2][1] for key in sorted(best) if best[key][2][1] is not None}
    return settings, stamps
